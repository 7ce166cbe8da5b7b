import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import { locatorProperty, locatorRecord, readLocator } from '../../../shared/locator';
import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { CASE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { LOCATORS } from '../../locators';
import { caseBody, caseFields, dueAfterCase } from './caseFields';

// Every field may change; Venio's required ones not given are kept from the case.
const updateFields = caseFields.map((f) => ({ ...f, required: false }));
const schema = objectSchema(updateFields)
	.refine((b) => Object.keys(b).length > 0, { message: 'Add at least one field to change under "Update Fields"' })
	.refine(dueAfterCase, { path: ['dateDue'], message: 'must not be before Case Date' });

/** Required on every edit [PUB api-13759837]; the case's answer keeps them under the same keys. */
const REQUIRED = ['subject', 'categoryId', 'dateCase', 'dateDue', 'assignedToUserId'];

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.case),
	...fieldProperties(updateFields, { name: 'updateFields', label: 'Update Fields' }),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['edit'] } }, properties);

export const concurrent = true;

interface PreparedEdit {
	caseNo: string;
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, i: number): PreparedEdit {
	const caseNo = readLocator(this, LOCATORS.case, i);
	const body = readBody(this, updateFields, schema as unknown as z.ZodTypeAny, i, { collection: 'updateFields' }) as IDataObject;
	return { caseNo, body: caseBody(this, body) };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.case, i, 'case');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { caseNo, body } = (prepared as PreparedEdit | undefined) ?? prepare.call(this, i);
	const missing = REQUIRED.filter((key) => body[key] === undefined);
	if (missing.length) {
		const current = await venioRecord.call(this, { method: 'GET', path: CASE_PATHS.get(caseNo), itemIndex: i });
		for (const key of missing) body[key] = current[key];
	}
	// The same values sent again give the same case: safe to repeat after an unclear outcome.
	return await venioRecord.call(this, { method: 'PUT', path: CASE_PATHS.edit(caseNo), body, idempotent: true, itemIndex: i });
}
