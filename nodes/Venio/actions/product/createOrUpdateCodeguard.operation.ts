import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { PRODUCT_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

// [INF] body {productCode, serialNumbers[], warrantyMonths?}: the menu names the action without a body.
const fields: Field[] = [
	{ key: 'productCode', label: 'Product', type: 'string', required: true, locator: LOCATORS.product, description: 'The Venio product the serial numbers belong to' },
	{ key: 'serialNumbers', label: 'Serial Numbers', type: 'stringList', required: true, placeholder: 'e.g. SN-0101, SN-0102', description: 'Comma-separated. Added to the product; numbers it already has are kept.' },
	{
		key: 'warrantyMonths',
		label: 'Warranty (Months)',
		type: 'number',
		default: 12,
		schema: z.number().int('must be a whole number').min(0, 'must be from 0 to 120').max(120, 'must be from 0 to 120'),
	},
];
const schema = objectSchema(fields)
	.refine((b) => Array.isArray(b.serialNumbers) && b.serialNumbers.length > 0, { path: ['serialNumbers'], message: 'needs at least one serial number' })
	.refine((b) => !Array.isArray(b.serialNumbers) || new Set(b.serialNumbers.map((s: string) => s.toUpperCase())).size === b.serialNumbers.length, {
		path: ['serialNumbers'],
		message: 'lists a serial number twice',
	});

const properties: INodeProperties[] = [...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['createOrUpdateCodeguard'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return readBody(this, fields, schema, i) as IDataObject;
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const code = this.getNodeParameter('productCode', i, '', { extractValue: true }) as unknown;
	return typeof code === 'string' && code.trim() ? code.trim() : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// Keyed by productCode and adding serials it may already have: safe to send again.
	return await venioRecord.call(this, { method: 'POST', path: PRODUCT_PATHS.codeguard, body, idempotent: true, itemIndex: i });
}
