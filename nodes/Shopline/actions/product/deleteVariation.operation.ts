import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, locatorRecord } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { shoplineRequest } from '../../transport';
import { readVariation, variationIdProperty, variationsPath } from './variation';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.product), variationIdProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['deleteVariation'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first delete. */
export function prepare(this: IExecuteFunctions, i: number): { productId: string; variationId: string } {
	return readVariation(this, i);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.product, i, 'product');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { productId, variationId } = (prepared as ReturnType<typeof prepare> | undefined) ?? prepare.call(this, i);
	const response = await shoplineRequest.call(this, 'DELETE', variationsPath(productId, variationId), { itemIndex: i });
	return { product_id: productId, id: variationId, deleted: true, message: response.message ?? null };
}
