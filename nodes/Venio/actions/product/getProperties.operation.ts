import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { PRODUCT_PATHS } from '../../endpoints';
import { venioRequest } from '../../transport';

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getProperties'] } }, [] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const data = await venioRequest.call(this, { method: 'GET', path: PRODUCT_PATHS.properties, itemIndex: i });
	// One item per property (size, colour, …); anything but a list is kept visible as one item.
	return Array.isArray(data) ? (data as IDataObject[]) : [{ result: data as IDataObject[keyof IDataObject] }];
}
