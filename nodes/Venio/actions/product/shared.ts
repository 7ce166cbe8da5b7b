import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorProperty, locatorRecord, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

export const productCodeProperty = locatorProperty(LOCATORS.product);

export function readProductCode(ctx: IExecuteFunctions, i: number): string {
	return readLocator(ctx, LOCATORS.product, i);
}

/** "product P-PHO" for messages about item `i`; undefined while the code itself is not valid. */
export function productRecord(ctx: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(ctx, LOCATORS.product, i, 'product');
}
