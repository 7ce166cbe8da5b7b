import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { segment, venioRecord } from '../../transport';
import { productCodeProperty, readProductCode } from './shared';

const properties: INodeProperties[] = [productCodeProperty];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// [INF] path GET /v3/products/{productCode}
	return await venioRecord.call(this, { method: 'GET', path: `/v3/products/${segment(readProductCode(this, i))}`, itemIndex: i });
}
