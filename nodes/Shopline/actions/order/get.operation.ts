import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { shoplineRequest } from '../../transport';
import { outputProperties } from '../common';
import { orderIdProperty, orderOutput } from './shared';
import { readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [orderIdProperty, ...outputProperties(true)];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readLocator(this, LOCATORS.order, i);
	// An archived order answers 410; the transport's SHOPLINE hint explains where to find it.
	const order = await shoplineRequest.call(this, 'GET', `/orders/${encodeURIComponent(id)}`, { itemIndex: i });
	return orderOutput(this, i, [order]);
}
