import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.product), ...returnAllAndLimit()];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getVariations'] } }, properties);

export const concurrent = true;

/** SHOPLINE lists a product's variations inside the product (no variations endpoint to page): one item each, with its product ID. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readLocator(this, LOCATORS.product, i);
	const product = await shoplineRequest.call(this, 'GET', `/products/${encodeURIComponent(id)}`, { itemIndex: i });
	const variations = ((Array.isArray(product.variations) ? product.variations : []) as IDataObject[]).map((v) => ({ product_id: id, ...v }));
	const { returnAll, limit } = readWindow(this, i, variations.length);
	return returnAll ? variations : variations.slice(0, limit);
}
