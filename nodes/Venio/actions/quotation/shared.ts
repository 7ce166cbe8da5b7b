import type { IExecuteFunctions } from 'n8n-workflow';

import { keyProperty, readKey } from '../common';

export const quotationNoProperty = keyProperty('quotationNo', 'Quotation Number', 'The quotation’s number in Venio', 'QT2601-0001');

export function readQuotationNo(ctx: IExecuteFunctions, i: number): string {
	return readKey(ctx, 'quotationNo', 'Quotation Number', i);
}
