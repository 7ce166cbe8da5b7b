import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorRecord } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { readChoice } from '../../../shared/validation';
import { LOCATORS } from '../../locators';
import { shoplineRequest } from '../../transport';
import { DELIVERY_STATUSES, orderIdProperty, orderPath, readOrderId } from './actions';

const properties: INodeProperties[] = [
	orderIdProperty,
	{ displayName: 'Delivery Status', name: 'status', type: 'options', options: DELIVERY_STATUSES, default: 'shipped', required: true },
	{ displayName: 'Email the Customer', name: 'mail_notify', type: 'boolean', default: false, description: 'Whether SHOPLINE emails the customer about the new delivery status' },
	optionsCollection([
		concurrencyOption,
		{
			displayName: 'Force for Third-Party Logistics',
			name: 'force',
			type: 'boolean',
			default: false,
			description: 'Whether to change the status even when a third-party logistics provider (7-ELEVEN, FamilyMart, SF Express…) manages this delivery; SHOPLINE refuses it otherwise',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['updateDeliveryStatus'] } }, properties);

export const concurrent = true;

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const id = readOrderId(this, i);
	const body: IDataObject = { status: readChoice(this, i, 'status', 'Delivery Status', DELIVERY_STATUSES), mail_notify: this.getNodeParameter('mail_notify', i, false) as boolean };
	if (this.getNodeParameter('options.force', i, false)) body.force_update = 'status';
	return { id, body };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.order, i, 'order');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// Setting the same status again changes nothing, so a retry is safe.
	return await shoplineRequest.call(this, 'PATCH', orderPath(id, 'order_delivery_status'), { body, idempotent: true, itemIndex: i });
}
