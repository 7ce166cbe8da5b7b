import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, locatorProblem, locatorValue } from '../../../shared/locator';
import { returnAllAndLimit } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { LOCATORS } from '../../locators';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, readListWindow, toUtcIso } from '../common';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Created After', name: 'created_after', type: 'dateTime', default: '', description: 'Only returns created at or after this time, in the workflow’s time zone (a date alone: from its midnight)' },
			{ displayName: 'Created Before', name: 'created_before', type: 'dateTime', default: '', description: 'Only returns created at or before this time, in the workflow’s time zone (a date alone: the whole day)' },
			{ displayName: 'Delivery Status', name: 'delivery_status_filter', type: 'options', options: [{ name: 'Returning', value: 'returning' }, { name: 'Return Collected', value: 'return_collected' }], default: 'returning' },
			{ displayName: 'Inspection', name: 'inspect_status_filter', type: 'options', options: [{ name: 'Pending', value: 'pending' }, { name: 'Inspected', value: 'inspected' }], default: 'pending' },
			{
				...locatorProperty({ ...LOCATORS.order, name: 'order_id' }, false),
				description: 'Only the returns of this order: pick one or enter its ID. SHOPLINE then ignores every other filter.',
			},
			{ displayName: 'Refund Status', name: 'payment_status_filter', type: 'options', options: [{ name: 'Pending', value: 'pending' }, { name: 'Refunded', value: 'refunded' }], default: 'pending' },
			{
				displayName: 'Search Text',
				name: 'query',
				type: 'string',
				default: '',
				description: 'Text in the customer’s name, email or phone, the recipient, the tracking number or the return order number',
			},
			{ displayName: 'Status', name: 'status_filter', type: 'options', options: [{ name: 'Pending', value: 'pending' }, { name: 'Confirmed', value: 'confirmed' }, { name: 'Completed', value: 'completed' }, { name: 'Cancelled', value: 'cancelled' }], default: 'pending' },
			{ displayName: 'Updated After', name: 'updated_after', type: 'dateTime', default: '', description: 'Only returns changed at or after this time, in the workflow’s time zone (a date alone: from its midnight)' },
			{ displayName: 'Updated Before', name: 'updated_before', type: 'dateTime', default: '', description: 'Only returns changed at or before this time, in the workflow’s time zone (a date alone: the whole day)' },
		],
	},
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['returnOrder'], operation: ['getMany'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	// The order filter: a picker or text saved before it; checked before the request.
	const orderId = locatorValue(f.order_id);
	const orderProblem = orderId ? locatorProblem(LOCATORS.order, orderId, 'Filters › Order') : undefined;
	if (orderProblem) fail(this.getNode(), i, [orderProblem]);
	const qs = dropEmpty({
		...f,
		query: typeof f.query === 'string' ? f.query.trim() : undefined,
		order_id: orderId || undefined,
		created_after: toUtcIso(this, i, 'Created After', f.created_after),
		created_before: toUtcIso(this, i, 'Created Before', f.created_before, true),
		updated_after: toUtcIso(this, i, 'Updated After', f.updated_after),
		updated_before: toUtcIso(this, i, 'Updated Before', f.updated_before, true),
	});
	return await pagedList.call(this, '/return_orders', qs, readListWindow(this, i), i);
}
