import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { venioRequest } from '../../transport';
import { keyProperty, readKey } from '../common';

const properties: INodeProperties[] = [
	keyProperty('eventId', 'Event ID', 'The customer event’s ID (customerEventId), e.g. from Get Events'),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['deleteEvent'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): string {
	return readKey(this, 'eventId', 'Event ID', i, { re: /^\d+$/, words: 'must be a number (the event’s customerEventId)' });
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? prepare.call(this, i);
	// [INF] path DELETE /v1/customerEvent/{id}; Venio answers data: true.
	const deleted = await venioRequest.call(this, { method: 'DELETE', path: `/v1/customerEvent/${id}`, itemIndex: i });
	return { customerEventId: Number(id), deleted: deleted === true };
}
