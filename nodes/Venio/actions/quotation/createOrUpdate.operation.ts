import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { quotationFields, quotationSchema } from '../../fields';
import { venioRecord } from '../../transport';
import { readOptionalKey, upsertKeyProperty } from '../common';

const properties: INodeProperties[] = [
	upsertKeyProperty('quotationNo', 'Quotation Number', 'quotation'),
	...fieldProperties(quotationFields),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const quotationNo = readOptionalKey(this, 'quotationNo', i);
	const body = readBody(this, quotationFields, quotationSchema, i, { base: quotationNo ? { quotationNo } : {} });
	// [INF] POST /v1/quotation, body like the sales order's; without a number it creates (never repeated blindly).
	return await venioRecord.call(this, { method: 'POST', path: '/v1/quotation', body, idempotent: body.quotationNo !== undefined, itemIndex: i });
}
