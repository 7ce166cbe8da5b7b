import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { productCreateFields, productCreateSchema } from '../../productFields';
import { shoplineProductFromCommon } from '../../fromCommon';
import { shoplineRequest } from '../../transport';
import { titleLanguageProperty, toShoplineProduct } from './writes';

const properties: INodeProperties[] = [
	...mappingProperties('product'),
	...manualOnly(fieldProperties(productCreateFields).flatMap((p) => (p.name === 'title' ? [p, titleLanguageProperty] : [p])), ['titleLanguage']),
	optionsCollection([concurrencyOption, { ...extraBodyProperty, description: 'Product fields this node does not model yet (e.g. description_translations, images), sent inside "product" and checked with it' }]),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['create'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first product is created. */
export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	// Map Automatically takes Title, SKU, Price, Sale Price and Quantity from a common-shape product.
	const validated = readMappedBody(this, i, { kind: 'product', fields: productCreateFields, schema: productCreateSchema, fromCommon: shoplineProductFromCommon }) as IDataObject;
	return { product: toShoplineProduct(this, i, validated) };
}

/** A product item's own key for messages: its SKU or name when mapped, else its Title. */
export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['title']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// A create is not repeated after an unclear failure: the product could be made twice.
	return await shoplineRequest.call(this, 'POST', '/products', { body, itemIndex: i });
}
