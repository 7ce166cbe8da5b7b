import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { meedeeRequest } from '../../transport';
import { readWebhookId, webhookIdProperty, webhookRecordOf } from './webhookId';

const properties: INodeProperties[] = [
	webhookIdProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['ping'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first ping. */
export function prepare(this: IExecuteFunctions, i: number): string {
	return readWebhookId(this, i);
}

export const recordOf = webhookRecordOf;

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? prepare.call(this, i);
	// Answers whether the receiver took the signed test event: delivered, response_status, response_body.
	const response = await meedeeRequest.call(this, 'POST', `/webhooks/${encodeURIComponent(id)}/ping`, { itemIndex: i });
	return (response.data ?? {}) as IDataObject;
}
