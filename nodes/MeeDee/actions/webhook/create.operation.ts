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

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body = readBody(this, webhookFields, schema, i, { extraPath: false }) as IDataObject;
	// Not repeated after an unclear failure: a second POST would make a second subscription.
	const response = await meedeeRequest.call(this, 'POST', '/webhooks', { body, itemIndex: i });
	// The answer carries the signing secret, which MeeDee shows only this once: the receiver needs it.
	return (response.data ?? {}) as IDataObject;
}
