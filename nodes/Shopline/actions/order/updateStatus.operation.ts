import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { ORDER_STATUSES } from '../../fields';
import { shoplineRequest } from '../../transport';
import { orderIdProperty } from './shared';
import { locatorRecord, readLocator } from '../../../shared/locator';
import { readChoice } from '../../../shared/validation';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	orderIdProperty,
	{ displayName: 'Status', name: 'status', type: 'options', options: ORDER_STATUSES, default: 'confirmed', required: true },
	{ displayName: 'Email the Customer', name: 'mail_notify', type: 'boolean', default: false, description: 'Whether SHOPLINE emails the customer about the new status' },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [concurrencyOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['updateStatus'] } }, properties);

export const concurrent = true;

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const id = readLocator(this, LOCATORS.order, i);
	return { id, body: { status: readChoice(this, i, 'status', 'Status', ORDER_STATUSES), mail_notify: this.getNodeParameter('mail_notify', i, false) as boolean } };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.order, i, 'order');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// Setting the same status again changes nothing, so a retry is safe. To give points and
	// credit back, the Cancel operation is the one to use (SHOPLINE's advice).
	return await shoplineRequest.call(this, 'PATCH', `/orders/${encodeURIComponent(id)}/status`, { body, idempotent: true, itemIndex: i });
}
