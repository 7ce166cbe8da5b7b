import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { locatorProperty, locatorRecord, readLocator } from '../../../shared/locator';
import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { CONTRACT_PATHS } from '../../endpoints';
import { venioRequest } from '../../transport';
import { LOCATORS } from '../../locators';

// [INF] Send Contract Document's body: who gets the document, with an optional subject and message.
const fields: Field[] = [
	{
		key: 'emails',
		label: 'Send To',
		type: 'stringList',
		required: true,
		placeholder: 'e.g. buyer@example.com, owner@example.com',
		description: 'Email addresses, separated by commas',
		schema: z.array(z.string().trim().email('is not an email address')).min(1, 'is required'),
	},
	{ key: 'subject', label: 'Subject', type: 'string' },
	{ key: 'message', label: 'Message', type: 'string', rows: 3 },
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [{ ...locatorProperty(LOCATORS.contract), description: 'The Venio contract whose document is sent (it needs a template): enter its number' }, ...fieldProperties(fields)];

export const description = updateDisplayOptions({ show: { resource: ['contract'], operation: ['sendDocument'] } }, properties);

interface PreparedSend {
	contractNo: string;
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, i: number): PreparedSend {
	return { contractNo: readLocator(this, LOCATORS.contract, i), body: readBody(this, fields, schema, i, { extraPath: false }) as IDataObject };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.contract, i, 'contract');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { contractNo, body } = (prepared as PreparedSend | undefined) ?? prepare.call(this, i);
	// Sending is an email: never repeated blindly after an unclear outcome.
	const sent = await venioRequest.call(this, { method: 'POST', path: CONTRACT_PATHS.send(contractNo), body, itemIndex: i });
	return { contractNo, sent: sent === true, sentTo: body.emails as string[] };
}
