import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { shoplineRequest } from '../../transport';
import { readVariation, variationIdProperty, variationsPath } from './variation';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.product), variationIdProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['deleteVariation'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const { productId, variationId } = readVariation(this, i);
	const response = await shoplineRequest.call(this, 'DELETE', variationsPath(productId, variationId), { itemIndex: i });
	return { product_id: productId, id: variationId, deleted: true, message: response.message ?? null };
}
