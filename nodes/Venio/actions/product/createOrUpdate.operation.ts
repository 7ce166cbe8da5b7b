import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { productFields, productSchema } from '../../fields';
import { venioRecord } from '../../transport';
import { numericIds } from '../common';

const properties: INodeProperties[] = [...fieldProperties(productFields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return numericIds(readBody(this, productFields, productSchema, i) as IDataObject, ['unitId', 'productGroupId']);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['productCode', 'additionalFields.productName']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// [INF] POST /v3/products, keyed by productCode: sending it twice gives the same product.
	return await venioRecord.call(this, { method: 'POST', path: '/v3/products', body, idempotent: true, itemIndex: i });
}
