import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { quotationFields, quotationSchema } from '../../fields';
import { venioOrderFromCommon } from '../../fromCommon';
import { venioRecord } from '../../transport';
import { readOptionalKey, upsertKeyProperty } from '../common';

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly([upsertKeyProperty('quotationNo', 'Quotation Number', 'quotation'), ...fieldProperties(quotationFields)], ['customerCode']),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const auto = this.getNodeParameter('mapping', i, 'manual') === 'auto';
	const quotationNo = auto ? undefined : readOptionalKey(this, 'quotationNo', i);
	const body = readMappedBody(this, i, {
		kind: 'order',
		fields: quotationFields,
		schema: quotationSchema,
		fromCommon: (order, ctx) => venioOrderFromCommon(order, ctx, 'quotation'),
		alwaysShown: ['customerCode'],
		base: quotationNo ? { quotationNo } : {},
	});
	// [INF] POST /v1/quotation, body like the sales order's; without a number it creates (never repeated blindly).
	return await venioRecord.call(this, { method: 'POST', path: '/v1/quotation', body, idempotent: body.quotationNo !== undefined, itemIndex: i });
}
