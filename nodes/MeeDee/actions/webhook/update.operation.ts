import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption } from '../../../shared/router';
import { meedeeRequest } from '../../transport';
import { webhookUpdateFields } from './fields';
import { readWebhookId, webhookIdProperty, webhookRecordOf } from './webhookId';

const schema = objectSchema(webhookUpdateFields);

const properties: INodeProperties[] = [
	webhookIdProperty,
	...fieldProperties(webhookUpdateFields, { name: 'updateFields', label: 'Update Fields' }),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['update'] } }, properties);

export const concurrent = true;

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const id = readWebhookId(this, i);
	const body = readBody(this, webhookUpdateFields, schema, i, { collection: 'updateFields', extraPath: false }) as IDataObject;
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), `Item ${i + 1}: add at least one field under "Update Fields"`, { itemIndex: i });
	}
	return { id, body };
}

export const recordOf = webhookRecordOf;

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	const response = await meedeeRequest.call(this, 'PATCH', `/webhooks/${encodeURIComponent(id)}`, { body, idempotent: true, itemIndex: i });
	return (response.data ?? {}) as IDataObject;
}
