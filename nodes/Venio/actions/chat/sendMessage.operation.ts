/** Chat → Send Message: a text to a chat room (LINE or Messenger) that Venio's chat inbox holds. Path [INF] (endpoints.ts). */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { CHAT_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';

const fields: Field[] = [
	{
		key: 'roomId',
		label: 'Room ID',
		type: 'string',
		required: true,
		placeholder: 'e.g. {{ $json.Data.ChatMessage.RoomId }}',
		description: 'The chat room to answer in: the RoomId a Venio chat webhook carries (Data.ChatMessage.RoomId)',
		schema: z.string().trim().min(1, 'is required').regex(/^\S+$/, 'must not contain spaces'),
	},
	{
		key: 'message',
		label: 'Message',
		type: 'string',
		required: true,
		rows: 4,
		description: 'The text the customer receives. LINE takes up to 5,000 characters, Messenger 2,000.',
		schema: z.string().refine((v) => v.trim() !== '', 'is required'),
	},
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [...fieldProperties(fields), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['chat'], operation: ['sendMessage'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const body = readBody(this, fields, schema, i, { extraPath: false }) as IDataObject;
	return { ...body, roomId: String(body.roomId).trim() };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const room = String(this.getNodeParameter('roomId', i, '') ?? '').trim();
	return room ? `room ${room}` : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// The customer sees every copy: never sent twice after an unclear outcome.
	return await venioRecord.call(this, { method: 'POST', path: CHAT_PATHS.send, body, itemIndex: i });
}
