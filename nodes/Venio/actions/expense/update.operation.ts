import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import { locatorProperty, locatorRecord, readLocator } from '../../../shared/locator';
import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { EXPENSE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { LOCATORS } from '../../locators';
import { expenseFields } from './expenseFields';

// [INF] Venio keeps what is not sent (as for customers), so only the changed fields go.
const updateFields = expenseFields.map((f) => ({ ...f, required: false }));
const schema = objectSchema(updateFields).refine((b) => Object.keys(b).length > 0, { message: 'Add at least one field to change under "Update Fields"' });

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.expense),
	...fieldProperties(updateFields, { name: 'updateFields', label: 'Update Fields' }),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['expense'], operation: ['update'] } }, properties);

export const concurrent = true;

interface PreparedUpdate {
	id: string;
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, i: number): PreparedUpdate {
	const id = readLocator(this, LOCATORS.expense, i);
	const body = readBody(this, updateFields, schema as unknown as z.ZodTypeAny, i, { collection: 'updateFields' }) as IDataObject;
	return { id, body };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.expense, i, 'expense');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as PreparedUpdate | undefined) ?? prepare.call(this, i);
	// Sending the same values again gives the same expense: safe to repeat after an unclear outcome.
	return await venioRecord.call(this, { method: 'PUT', path: EXPENSE_PATHS.update(id), body, idempotent: true, itemIndex: i });
}
