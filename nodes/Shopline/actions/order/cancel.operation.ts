import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { orderIdProperty } from './shared';
import { locatorRecord, readLocator } from '../../../shared/locator';
import { fail } from '../../../shared/validation';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	orderIdProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Cancelled By', name: 'operated_by', type: 'options', options: [{ name: 'Customer', value: 'customer' }, { name: 'Merchant', value: 'merchant' }], default: 'merchant' },
			{ displayName: 'Email the Customer', name: 'mail_notify', type: 'boolean', default: true, description: 'Whether SHOPLINE emails the customer that the order is cancelled' },
			{ displayName: 'Reason', name: 'reason', type: 'string', default: '', description: 'Why the order is cancelled, in your words' },
			// [INF] reason keys are not in the retrieved docs; "other" goes with a free-text reason.
			{ displayName: 'Reason Key', name: 'reasonKey', type: 'string', default: 'other', description: 'SHOPLINE’s reason code, if you know it' },
			{ displayName: 'Refund Order', name: 'refund_order', type: 'boolean', default: false, description: 'Whether to refund the order as well' },
			{ displayName: 'Return Member Points', name: 'revertPoints', type: 'boolean', default: true, description: 'Whether to give back the member points the order used' },
			{ displayName: 'Return Store Credit', name: 'revertCredits', type: 'boolean', default: true, description: 'Whether to give back the store credit the order used' },
		],
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['cancel'] } }, properties);

export const concurrent = true;

const CANCELLED_BY = ['customer', 'merchant'];

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first cancel. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const id = readLocator(this, LOCATORS.order, i);
	const f = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	// An expression can give any text; SHOPLINE takes only these two.
	if (f.operated_by && !CANCELLED_BY.includes(String(f.operated_by))) {
		fail(this.getNode(), i, [`"Cancelled By" must be one of: ${CANCELLED_BY.join(', ')} (got "${String(f.operated_by).slice(0, 40)}")`]);
	}
	const strategy = (on: unknown) => ({ strategy: on === false ? 'none' : 'revert' });
	const body: IDataObject = {
		// Cancel (not a status change) is what gives points and credit back, so that is the default.
		revert_credits: strategy(f.revertCredits),
		revert_member_points: strategy(f.revertPoints),
		...(f.reason || f.reasonKey !== undefined ? { cancelled_reason: { key: f.reasonKey || 'other', ...(f.reason ? { message: f.reason } : {}) } } : {}),
		...(f.operated_by ? { operated_by: f.operated_by } : {}),
		...(f.refund_order !== undefined ? { refund_order: f.refund_order } : {}),
		...(f.mail_notify !== undefined ? { mail_notify: f.mail_notify } : {}),
	};
	return { id, body };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.order, i, 'order');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	const response = await shoplineRequest.call(this, 'PATCH', `/orders/${encodeURIComponent(id)}/cancel`, { body, itemIndex: i });
	return { id, status: 'cancelled', ...response };
}
