import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { z } from 'zod';
import { segment, venioRecord } from '../../transport';
import { productCodeProperty, productRecord, readProductCode } from './shared';

// [INF] PUT /v3/products/{code}/stock {qty, warehouseCode}: sets the on-hand quantity of one warehouse.
const fields: Field[] = [
	{ key: 'warehouseCode', label: 'Warehouse Code', type: 'string', required: true, description: 'E.g. WH-BKK', schema: z.string().trim().min(1, 'is required') },
	{ key: 'qty', label: 'Quantity on Hand', type: 'number', required: true, default: 0, description: 'The new stock count (not an amount to add)', schema: z.number({ invalid_type_error: 'must be a number' }).nonnegative('must not be negative') },
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [productCodeProperty, ...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['updateStock'] } }, properties);

export const concurrent = true;

interface PreparedStock {
	code: string;
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, i: number): PreparedStock {
	return { code: readProductCode(this, i), body: readBody(this, fields, schema, i) as IDataObject };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return productRecord(this, i);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { code, body } = (prepared as PreparedStock | undefined) ?? prepare.call(this, i);
	// Setting a count (not adding to it) is safe to repeat.
	return await venioRecord.call(this, { method: 'PUT', path: `/v3/products/${segment(code)}/stock`, body, itemIndex: i });
}
