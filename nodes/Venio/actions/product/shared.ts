import type { IExecuteFunctions } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

export const productCodeProperty = locatorProperty(LOCATORS.product);

export function readProductCode(ctx: IExecuteFunctions, i: number): string {
	return readLocator(ctx, LOCATORS.product, i);
}
