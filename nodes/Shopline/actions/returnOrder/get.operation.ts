import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.returnOrder)];

export const description = updateDisplayOptions({ show: { resource: ['returnOrder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readLocator(this, LOCATORS.returnOrder, i);
	return await shoplineRequest.call(this, 'GET', `/return_orders/${encodeURIComponent(id)}`, { itemIndex: i });
}
