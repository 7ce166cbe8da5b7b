import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { PRODUCT_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';

// [PUB api-4028746] Venio's own (PascalCase) keys; "Longtitude" is the vendor's spelling.
const fields: Field[] = [
	{ key: 'SerialNumber', label: 'Serial Number', type: 'string', required: true, placeholder: 'e.g. SN-0001' },
	{ key: 'PurchaseDate', label: 'Purchase Date', type: 'date', required: true, description: 'The day the customer bought the product' },
	{ key: 'CustomerCode', label: 'Customer Code', type: 'string', description: 'The buyer in Venio. Venio needs this or Customer Name.' },
	{ key: 'CustomerName', label: 'Customer Name', type: 'string', description: 'The buyer’s name when they are not a Venio customer. Venio needs this or Customer Code.' },
	{
		key: 'CustomerType',
		label: 'Customer Type',
		type: 'options',
		options: [
			{ name: 'Business', value: 1 },
			{ name: 'Individual', value: 2 },
		],
		default: 2,
	},
	{ key: 'SaleOrderNo', label: 'Sales Order Number', type: 'string', placeholder: 'e.g. SO2601-0001' },
	{ key: 'Note', label: 'Note', type: 'string', rows: 3 },
	{ key: 'Latitude', label: 'Latitude', type: 'number', default: 0, schema: z.number().min(-90, 'must be from -90 to 90').max(90, 'must be from -90 to 90') },
	{ key: 'Longtitude', label: 'Longitude', type: 'number', default: 0, schema: z.number().min(-180, 'must be from -180 to 180').max(180, 'must be from -180 to 180') },
];
const schema = objectSchema(fields).refine((b) => !!String(b.CustomerCode ?? '').trim() || !!String(b.CustomerName ?? '').trim(), {
	path: ['CustomerCode'],
	message: 'or Customer Name is required (add one under Additional Fields)',
});

const properties: INodeProperties[] = [...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['verifySerial'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return readBody(this, fields, schema, i) as IDataObject;
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['SerialNumber']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	// Registers the serial to its buyer once: never sent twice after an unclear outcome.
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	return await venioRecord.call(this, { method: 'POST', path: PRODUCT_PATHS.verifySerial, body, itemIndex: i });
}
