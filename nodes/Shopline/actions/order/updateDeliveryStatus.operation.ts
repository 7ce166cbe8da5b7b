import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
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

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readOrderId(this, i);
	const body: IDataObject = { status: this.getNodeParameter('status', i) as string, mail_notify: this.getNodeParameter('mail_notify', i, false) as boolean };
	if (this.getNodeParameter('options.force', i, false)) body.force_update = 'status';
	// Setting the same status again changes nothing, so a retry is safe.
	return await shoplineRequest.call(this, 'PATCH', orderPath(id, 'order_delivery_status'), { body, idempotent: true, itemIndex: i });
}
