import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { shoplineRequest } from '../../transport';
import { readId } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Return Order ID',
		name: 'returnOrderId',
		type: 'string',
		required: true,
		default: '',
		placeholder: '65e0c0ffee00000000000001',
		description: 'SHOPLINE return order ID (not the return order number people see)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['returnOrder'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readId(this, i, 'returnOrderId', 'Return Order ID');
	return await shoplineRequest.call(this, 'GET', `/return_orders/${encodeURIComponent(id)}`, { itemIndex: i });
}
