import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { salesOrderFields, salesOrderSchema } from '../../fields';
import { venioOrderFromCommon } from '../../fromCommon';
import { readOptionalKey, upsertKeyProperty } from '../common';
import { documentMatchProperty, readDocumentMatch, writeDocument, type PreparedDocument } from '../documents';

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly([upsertKeyProperty('salesOrderNo', 'Sales Order Number', 'sales order'), ...fieldProperties(salesOrderFields)], ['customerCode']),
	documentMatchProperty('salesOrder'),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): PreparedDocument {
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
	return readDocumentMatch(this, i, 'salesOrder', body);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['salesOrderNo', 'additionalFields.referenceNo', 'additionalFields.salesOrderSubject']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	return await writeDocument(this, i, 'salesOrder', (prepared as PreparedDocument | undefined) ?? prepare.call(this, i));
}
