import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption } from '../../../shared/router';
import { meedeeRequest } from '../../transport';
import { webhookFields } from './fields';

const schema = objectSchema(webhookFields);

const properties: INodeProperties[] = [
	...fieldProperties(webhookFields),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['create'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first subscription is made. */
export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return readBody(this, webhookFields, schema, i, { extraPath: false }) as IDataObject;
}

/** The operator's own note names the subscription (its address may carry a token, so not that). */
export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const note = this.getNodeParameter('additionalFields.description', i, '') as unknown;
	return typeof note === 'string' && note.trim() ? note.trim().slice(0, 60) : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// Not repeated after an unclear failure: a second POST would make a second subscription.
	const response = await meedeeRequest.call(this, 'POST', '/webhooks', { body, itemIndex: i });
	// The answer carries the signing secret, which MeeDee shows only this once: the receiver needs it.
	return (response.data ?? {}) as IDataObject;
}
