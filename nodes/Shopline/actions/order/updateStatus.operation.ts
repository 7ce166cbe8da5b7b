import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { ORDER_STATUSES } from '../../fields';
import { shoplineRequest } from '../../transport';
import { orderIdProperty } from './shared';
import { readLocator } from '../../../shared/locator';
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

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readLocator(this, LOCATORS.order, i);
	const body = { status: this.getNodeParameter('status', i) as string, mail_notify: this.getNodeParameter('mail_notify', i, false) as boolean };
	// Setting the same status again changes nothing, so a retry is safe. To give points and
	// credit back, the Cancel operation is the one to use (SHOPLINE's advice).
	return await shoplineRequest.call(this, 'PATCH', `/orders/${encodeURIComponent(id)}/status`, { body, idempotent: true, itemIndex: i });
}
