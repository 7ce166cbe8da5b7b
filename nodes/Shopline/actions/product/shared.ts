import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { toCommonProduct } from '../../simplify';
import { languageProperty, readOutput } from '../common';

export const productOutputProperties: INodeProperties[] = [
	{ ...simplifyProperty, description: 'Whether to return the pack’s common product shape (SKU, name in one language, price and stock as numbers) instead of SHOPLINE’s object' },
	languageProperty,
];

/**
 * Node version 1 simplified a product with `title` and `quantity` (variations too); 1.1 uses the
 * common shape's `name` and `stock`. Nodes saved at version 1 get both, so their expressions still read.
 */
function withVersion1Keys(product: IDataObject): IDataObject {
	const variations = Array.isArray(product.variations) ? (product.variations as IDataObject[]) : [];
	return { ...product, title: product.name, quantity: product.stock, variations: variations.map((v) => ({ ...v, title: v.name, quantity: v.stock })) };
}

/** A read's output: the common product (name in one language, prices as numbers), or SHOPLINE's object. */
export function productOutput(ctx: IExecuteFunctions, i: number, raw: IDataObject[]): IDataObject[] {
	const { simplify, language } = readOutput(ctx, i);
	if (!simplify) return raw;
	const products = raw.map((p) => toCommonProduct(p, language) as unknown as IDataObject);
	return ctx.getNode().typeVersion < 1.1 ? products.map(withVersion1Keys) : products;
}
