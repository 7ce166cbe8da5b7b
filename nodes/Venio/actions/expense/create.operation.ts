import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { EXPENSE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { expenseFields } from './expenseFields';

const schema = objectSchema(expenseFields);

const properties: INodeProperties[] = [...fieldProperties(expenseFields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['expense'], operation: ['create'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return readBody(this, expenseFields, schema, i) as IDataObject;
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['expenseName']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// A create: never sent twice after an unclear outcome (no idempotent flag).
	return await venioRecord.call(this, { method: 'POST', path: EXPENSE_PATHS.create, body, itemIndex: i });
}
