import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { locatorRecord } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

// [INF] Body {customerCode, score 1–5, comment}: the menu names "Create Customer Satisfaction" only.
const fields: Field[] = [
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer },
	{
		key: 'score',
		label: 'Score',
		type: 'number',
		required: true,
		default: 5,
		description: 'From 1 (very unhappy) to 5 (very happy)',
		schema: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5'),
	},
	{ key: 'comment', label: 'Comment', type: 'string', rows: 2 },
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['createSatisfaction'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return readBody(this, fields, schema, i) as IDataObject;
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.customer, i, 'customer');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	return await venioRecord.call(this, { method: 'POST', path: '/v1/customers/satisfaction', body, idempotent: false, itemIndex: i });
}
