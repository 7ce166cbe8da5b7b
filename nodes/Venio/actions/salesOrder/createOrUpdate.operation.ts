import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { salesOrderFields, salesOrderSchema } from '../../fields';
import { venioRecord } from '../../transport';
import { readOptionalKey, upsertKeyProperty } from '../common';

const properties: INodeProperties[] = [
	upsertKeyProperty('salesOrderNo', 'Sales Order Number', 'sales order'),
	...fieldProperties(salesOrderFields),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const salesOrderNo = readOptionalKey(this, 'salesOrderNo', i);
	const body = readBody(this, salesOrderFields, salesOrderSchema, i, { base: salesOrderNo ? { salesOrderNo } : {} });
	// [INF] POST /v2/salesorder with the GET shape; without a number it creates (never repeated blindly).
	return await venioRecord.call(this, { method: 'POST', path: '/v2/salesorder', body, idempotent: body.salesOrderNo !== undefined, itemIndex: i });
}
