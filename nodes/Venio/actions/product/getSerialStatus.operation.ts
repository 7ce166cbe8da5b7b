import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PRODUCT_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';

const properties: INodeProperties[] = [keyProperty('serialNumber', 'Serial Number', 'The serial number printed on the product', 'e.g. SN-0001')];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getSerialStatus'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const serial = readKey(this, 'serialNumber', 'Serial Number', i);
	return await venioRecord.call(this, { method: 'GET', path: PRODUCT_PATHS.serialStatus, qs: { [PRODUCT_PATHS.serialStatusQueryKey]: serial }, itemIndex: i });
}
