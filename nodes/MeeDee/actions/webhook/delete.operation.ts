import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { meedeeRequest } from '../../transport';
import { readWebhookId, webhookIdProperty, webhookRecordOf } from './webhookId';

const properties: INodeProperties[] = [
	webhookIdProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['delete'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first delete. */
export function prepare(this: IExecuteFunctions, i: number): string {
	return readWebhookId(this, i);
}

export const recordOf = webhookRecordOf;

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? prepare.call(this, i);
	await meedeeRequest.call(this, 'DELETE', `/webhooks/${encodeURIComponent(id)}`, { itemIndex: i });
	return { id, deleted: true };
}
