import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { TASK_PATHS, TASK_PRIORITIES } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { dealLinkField } from '../../pipelineLocators';
import { venioRecord } from '../../transport';
import { sendable } from '../pipeline';

// [INF] CreateTask's body is not published: a follow-up for an employee, due at a time, on a
// customer or deal.
const fields: Field[] = [
	{ key: 'subject', label: 'Subject', type: 'string', required: true, schema: z.string().trim().min(1, 'is required') },
	{ key: 'assignTo', label: 'Assigned To', type: 'options', required: true, loadOptions: 'getEmployees', description: 'The employee who does the task.' },
	{ key: 'dateDue', label: 'Due', type: 'dateTime', required: true, description: 'When the task is due, in the workflow’s time zone (a date alone: its midnight)' },
	{ key: 'customerCode', label: 'Customer', type: 'string', locator: LOCATORS.customer },
	dealLinkField('The deal to follow up: pick one or enter its ID (dealsId)'),
	{ key: 'priority', label: 'Priority', type: 'options', options: TASK_PRIORITIES, default: 2 },
	{ key: 'note', label: 'Note', type: 'string', rows: 2 },
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['create'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return sendable(this, readBody(this, fields, schema, i) as IDataObject, { ids: ['priority'], times: ['dateDue'] });
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['subject']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	// A create: never sent twice after an unclear outcome.
	return await venioRecord.call(this, { method: 'POST', path: TASK_PATHS.create, body: (prepared as IDataObject | undefined) ?? prepare.call(this, i), itemIndex: i });
}
