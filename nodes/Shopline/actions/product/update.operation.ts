import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { mappingProperties, readMappedBody } from '../../../shared/mapping';
import { locatorProperty, readLocator } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { productUpdateFields, productUpdateSchema } from '../../productFields';
import { shoplineProductUpdateFromCommon } from '../../fromCommon';
import { shoplineRequest } from '../../transport';
import { titleLanguageProperty, toShoplineProduct } from './writes';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.product),
	...mappingProperties('product'),
	...fieldProperties(productUpdateFields, { name: 'updateFields', label: 'Update Fields' }),
	{ ...titleLanguageProperty, description: 'Language of the Title under Update Fields; the titles in other languages stay' },
	optionsCollection([concurrencyOption, { ...extraBodyProperty, description: 'Product fields this node does not model yet (e.g. description_translations), sent as they are and checked with the rest' }]),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['update'] } }, properties);

export const concurrent = true;

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first change. Price is not here: SHOPLINE changes it through Update Product Price. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const id = readLocator(this, LOCATORS.product, i);
	// Map Automatically takes Title and SKU from a common-shape product; Update Fields set here win.
	const validated = readMappedBody(this, i, { kind: 'product', fields: productUpdateFields, schema: productUpdateSchema, fromCommon: shoplineProductUpdateFromCommon, collection: 'updateFields' }) as IDataObject;
	return { id, body: toShoplineProduct(this, i, validated) };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// PUT sets the same fields again when repeated, so a retry is safe.
	return await shoplineRequest.call(this, 'PUT', `/products/${encodeURIComponent(id)}`, { body, idempotent: true, itemIndex: i });
}
