import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { z } from 'zod';
import { segment, venioRecord } from '../../transport';
import { productCodeProperty, readProductCode } from './shared';

// [INF] PUT /v3/products/{code}/stock {qty, warehouseCode}: sets the on-hand quantity of one warehouse.
const fields: Field[] = [
	{ key: 'warehouseCode', label: 'Warehouse Code', type: 'string', required: true, description: 'E.g. WH-BKK' },
	{ key: 'qty', label: 'Quantity on Hand', type: 'number', required: true, default: 0, description: 'The new stock count (not an amount to add)', schema: z.number().nonnegative('must not be negative') },
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [productCodeProperty, ...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['updateStock'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const code = readProductCode(this, i);
	const body = readBody(this, fields, schema, i);
	// Setting a count (not adding to it) is safe to repeat.
	return await venioRecord.call(this, { method: 'PUT', path: `/v3/products/${segment(code)}/stock`, body, itemIndex: i });
}
