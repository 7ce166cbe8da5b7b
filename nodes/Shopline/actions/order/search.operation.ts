import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { ORDER_STATUSES } from '../../fields';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, outputProperties, readListWindow } from '../common';
import { orderOutput } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. order number, customer name, product name',
		description: 'Text found in the order number, customer or product names; leave empty to search by the filters only',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Customer Email', name: 'customer_email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'Customer or Recipient Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Order Number', name: 'order_number', type: 'string', default: '', description: 'The order number people see' },
			{ displayName: 'Phone', name: 'phone_number', type: 'string', default: '', description: 'Customer or recipient phone' },
			{ displayName: 'Product ID', name: 'item_id', type: 'string', default: '', description: 'Orders containing this product' },
			{ displayName: 'Status', name: 'status', type: 'options', options: ORDER_STATUSES, default: 'pending' },
		],
	},
	...outputProperties(true),
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['search'] } }, properties);

/** Each input item is its own list read; the shared limiter keeps 20/s across them. */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	// Search Orders has no sort_by (SHOPLINE refuses it); newest orders come first.
	const qs = dropEmpty({ query: String(this.getNodeParameter('query', i, '')).trim(), ...filters });
	const orders = await pagedList.call(this, '/orders/search', qs, readListWindow(this, i), i);
	return orderOutput(this, i, orders);
}
