/**
 * A case's fields, described once [PUB api-13759273 Add Case, api-13759837 Edit Case by CaseNo].
 * The case type is set when the case is added; the rest can be edited.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { Field } from '../../../shared/fields';
import { LOCATORS } from '../../locators';
import { sendable } from '../pipeline';

export const CASE_TYPES = [
	{ name: 'For Your Information', value: 2 },
	{ name: 'Request for Action', value: 1 },
];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const numbers = (what: string) => z.array(z.string().min(1, 'has an empty entry').regex(/^\S+$/, `must be ${what} numbers without spaces`));

export const caseTypeField: Field = { key: 'caseType', label: 'Case Type', type: 'options', required: true, options: CASE_TYPES, default: 1 };

/** Venio requires the first five on the add and on every edit. */
export const caseFields: Field[] = [
	{ key: 'subject', label: 'Subject', type: 'string', required: true, schema: z.string().trim().min(1, 'is required') },
	{ key: 'categoryId', label: 'Category', type: 'options', required: true, loadOptions: 'getCaseCategories', description: 'The case category as set up in Venio.' },
	{ key: 'dateCase', label: 'Case Date', type: 'dateTime', required: true, description: 'When the case was raised, in the workflow’s time zone' },
	{ key: 'dateDue', label: 'Due Date', type: 'dateTime', required: true, description: 'When it must be resolved; not before Case Date' },
	{
		key: 'assignedToUserId',
		label: 'Assigned To (User ID)',
		type: 'string',
		required: true,
		placeholder: 'e.g. 6d473b8f-a6b3-4536-b1e6-f4b7688414e2',
		description: 'The Venio user ID (a GUID) of the person responsible, as Venio documents it; not the employee code',
		schema: z.string().trim().regex(GUID, 'must be a Venio user ID such as 6d473b8f-a6b3-4536-b1e6-f4b7688414e2'),
	},
	{ key: 'customerCode', label: 'Customer', type: 'string', locator: LOCATORS.customer },
	{ key: 'activityNos', label: 'Activity Numbers', type: 'stringList', description: 'Activities this case is about, e.g. A2601-0001', schema: numbers('activity') },
	{ key: 'dealNos', label: 'Deal Numbers', type: 'stringList', description: 'Deals this case is about, e.g. DL2601-0001', schema: numbers('deal') },
	{ key: 'note', label: 'Note', type: 'string', rows: 2 },
];

export function caseBody(ctx: IExecuteFunctions, body: IDataObject): IDataObject {
	return sendable(ctx, body, { ids: ['caseType', 'categoryId'], times: ['dateCase', 'dateDue'] });
}

/** Due not before the case date: checked before any request, when both are given. */
export const dueAfterCase = (b: Record<string, unknown>) => !b.dateCase || !b.dateDue || Date.parse(String(b.dateDue)) >= Date.parse(String(b.dateCase));
