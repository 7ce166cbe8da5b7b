import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { keyProperty, readKey } from '../common';

export const productCodeProperty = keyProperty('productCode', 'Product Code', 'The product’s code in Venio', 'P-THAI-TEA');

export function readProductCode(ctx: IExecuteFunctions, i: number): string {
	return readKey(ctx, 'productCode', 'Product Code', i);
}

/** Dropdown values are numbers; an expression may give "2". */
export function numericIds<T extends IDataObject>(body: T, keys: string[]): T {
	for (const key of keys) {
		const v = body[key];
		if (typeof v === 'string' && /^\d+$/.test(v.trim())) (body as IDataObject)[key] = Number(v);
	}
	return body;
}
