import type { IExecuteFunctions } from 'n8n-workflow';

import { keyProperty, readKey } from '../common';

export const productCodeProperty = keyProperty('productCode', 'Product Code', 'The product’s code in Venio', 'P-THAI-TEA');

export function readProductCode(ctx: IExecuteFunctions, i: number): string {
	return readKey(ctx, 'productCode', 'Product Code', i);
}
