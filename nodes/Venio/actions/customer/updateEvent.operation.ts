import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { venioRecord } from '../../transport';
import { keyProperty, numericIds, readKey } from '../common';
import { eventFields } from './eventFields';

// Every event field may change; none is required on an update.
const updateFields = eventFields.map((f) => ({ ...f, required: false }));
const schema = objectSchema(updateFields).refine((b) => Object.keys(b).length > 0, { message: 'Add at least one field to change under "Update Fields"' });

const properties: INodeProperties[] = [
	keyProperty('eventId', 'Event ID', 'The customer event’s ID (customerEventId), e.g. from Get Events'),
	...fieldProperties(updateFields, { name: 'updateFields', label: 'Update Fields' }),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['updateEvent'] } }, properties);

export const concurrent = true;

const ID = { re: /^\d+$/, words: 'must be a number (the event’s customerEventId)' };

interface PreparedUpdate {
	id: string;
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, i: number): PreparedUpdate {
	const id = readKey(this, 'eventId', 'Event ID', i, ID);
	const body = numericIds(readBody(this, updateFields, schema as unknown as z.ZodTypeAny, i, { collection: 'updateFields' }) as IDataObject, ['eventType']);
	return { id, body };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const id = String(this.getNodeParameter('eventId', i, '') ?? '').trim();
	return ID.re.test(id) ? `event ${id}` : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as PreparedUpdate | undefined) ?? prepare.call(this, i);
	// [INF] path PUT /v1/customerEvent/{id}
	return await venioRecord.call(this, { method: 'PUT', path: `/v1/customerEvent/${id}`, body, itemIndex: i });
}
