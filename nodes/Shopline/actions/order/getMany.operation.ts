import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { ORDER_STATUSES } from '../../fields';
import { allRecords, keysetList } from '../../transport';
import { dropEmpty, listOptions, outputProperties, readListWindow, sortProperty, toUtcIso } from '../common';
import { orderOutput } from './shared';

const TIME_FILTERS = [
	{ name: 'created_after', label: 'Created After', description: 'Only orders placed at or after this time, in the workflow’s time zone (a date alone: from its midnight)' },
	{ name: 'created_before', label: 'Created Before', description: 'Only orders placed at or before this time, in the workflow’s time zone (a date alone: the whole day)', end: true },
	{ name: 'updated_after', label: 'Updated After', description: 'Only orders changed at or after this time (a delivery update does not count), in the workflow’s time zone' },
	{ name: 'updated_before', label: 'Updated Before', description: 'Only orders changed at or before this time, in the workflow’s time zone (a date alone: the whole day)', end: true },
];

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...TIME_FILTERS.map((f) => ({ displayName: f.label, name: f.name, type: 'dateTime' as const, default: '', description: f.description })),
			{ displayName: 'Customer ID', name: 'customer_id', type: 'string', default: '' },
			{ displayName: 'Order IDs', name: 'order_ids', type: 'string', default: '', description: 'Only these orders', hint: 'Separate several values with commas' },
			sortProperty,
			{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', options: ORDER_STATUSES, default: [], description: 'Only orders in one of these statuses' },
		],
	},
	...outputProperties(true),
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getMany'] } }, properties);

/** Each input item is its own list read; the shared limiter keeps 20/s across them. */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {
		customer_id: filters.customer_id,
		order_ids: String(filters.order_ids ?? '')
			.split(',')
			.map((s) => s.trim())
			.filter(Boolean),
		// [INF] the docs mention status filters without the key; the SDK sends statuses[].
		statuses: filters.statuses,
		sort_by: filters.sort_by,
	};
	for (const f of TIME_FILTERS) qs[f.name] = toUtcIso(this, i, f.label, filters[f.name], f.end === true);
	const window = readListWindow(this, i);
	// Return All reads pages in parallel at SHOPLINE's rate; a Limit reads only the pages it needs.
	const orders = window.returnAll ? await allRecords.call(this, '/orders', dropEmpty(qs), i, window.pageSize) : await keysetList.call(this, '/orders', dropEmpty(qs), window, i);
	return orderOutput(this, i, orders);
}
