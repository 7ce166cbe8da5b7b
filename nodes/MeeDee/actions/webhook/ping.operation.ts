import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { meedeeRequest } from '../../transport';
import { readWebhookId, webhookIdProperty } from './webhookId';

const properties: INodeProperties[] = [
	webhookIdProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['ping'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readWebhookId(this, i);
	// Answers whether the receiver took the signed test event: delivered, response_status, response_body.
	const response = await meedeeRequest.call(this, 'POST', `/webhooks/${encodeURIComponent(id)}/ping`, { itemIndex: i });
	return (response.data ?? {}) as IDataObject;
}
