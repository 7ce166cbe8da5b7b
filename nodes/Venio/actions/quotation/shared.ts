import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

export const quotationNoProperty = locatorProperty(LOCATORS.quotation);

export function readQuotationNo(ctx: IExecuteFunctions, i: number): string {
	return readLocator(ctx, LOCATORS.quotation, i);
}
