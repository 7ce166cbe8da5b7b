import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { productCreateFields, productCreateSchema } from '../../productFields';
import { shoplineRequest } from '../../transport';
import { titleLanguageProperty, toShoplineProduct } from './writes';

const properties: INodeProperties[] = [
	...fieldProperties(productCreateFields).flatMap((p) => (p.name === 'title' ? [p, titleLanguageProperty] : [p])),
	optionsCollection([concurrencyOption, { ...extraBodyProperty, description: 'Product fields this node does not model yet (e.g. description_translations, images), sent inside "product" and checked with it' }]),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['create'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first product is created. */
export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const validated = readBody(this, productCreateFields, productCreateSchema, i) as IDataObject;
	return { product: toShoplineProduct(this, i, validated) };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// A create is not repeated after an unclear failure: the product could be made twice.
	return await shoplineRequest.call(this, 'POST', '/products', { body, itemIndex: i });
}
