import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { salesOrderFields, salesOrderSchema } from '../../fields';
import { venioOrderFromCommon } from '../../fromCommon';
import { venioRecord } from '../../transport';
import { readOptionalKey, upsertKeyProperty } from '../common';

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly([upsertKeyProperty('salesOrderNo', 'Sales Order Number', 'sales order'), ...fieldProperties(salesOrderFields)], ['customerCode']),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const auto = this.getNodeParameter('mapping', i, 'manual') === 'auto';
	const salesOrderNo = auto ? undefined : readOptionalKey(this, 'salesOrderNo', i);
	const body = readMappedBody(this, i, {
		kind: 'order',
		fields: salesOrderFields,
		schema: salesOrderSchema,
		fromCommon: (order, ctx) => venioOrderFromCommon(order, ctx),
		alwaysShown: ['customerCode'],
		base: salesOrderNo ? { salesOrderNo } : {},
	});
	// [INF] POST /v2/salesorder with the GET shape; without a number it creates (never repeated blindly).
	return await venioRecord.call(this, { method: 'POST', path: '/v2/salesorder', body, idempotent: body.salesOrderNo !== undefined, itemIndex: i });
}
