import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { PAYMENT_STATUSES, orderIdProperty, orderPath, readOrderId } from './actions';

const properties: INodeProperties[] = [
	orderIdProperty,
	{ displayName: 'Payment Status', name: 'status', type: 'options', options: PAYMENT_STATUSES, default: 'completed', required: true },
	{ displayName: 'Email the Customer', name: 'mail_notify', type: 'boolean', default: false, description: 'Whether SHOPLINE emails the customer about the new payment status' },
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['updatePaymentStatus'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readOrderId(this, i);
	const body = { status: this.getNodeParameter('status', i) as string, mail_notify: this.getNodeParameter('mail_notify', i, false) as boolean };
	// Setting the same status again changes nothing, so a retry is safe.
	return await shoplineRequest.call(this, 'PATCH', orderPath(id, 'order_payment_status'), { body, idempotent: true, itemIndex: i });
}
