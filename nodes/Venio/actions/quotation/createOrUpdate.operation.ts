import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { quotationFields, quotationSchema } from '../../fields';
import { venioOrderFromCommon } from '../../fromCommon';
import { readOptionalKey, upsertKeyProperty } from '../common';
import { documentMatchProperty, readDocumentMatch, writeDocument, type PreparedDocument } from '../documents';

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly([upsertKeyProperty('quotationNo', 'Quotation Number', 'quotation'), ...fieldProperties(quotationFields)], ['customerCode']),
	documentMatchProperty('quotation'),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): PreparedDocument {
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
	return readDocumentMatch(this, i, 'quotation', body);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['quotationNo', 'additionalFields.referenceNo', 'additionalFields.quotationSubject']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	// [INF] POST /v1/quotation, body like the sales order's.
	return await writeDocument(this, i, 'quotation', (prepared as PreparedDocument | undefined) ?? prepare.call(this, i));
}
