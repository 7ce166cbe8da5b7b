/**
 * SHOPLINE simulator: Update Product, Product Variation Quantity by SKU.
 *
 *   PUT /v1/products/update_quantity   {sku, quantity, replace?} → {id, sku, quantity, updated_at, product_id?}
 *
 * Documented [PUB docs update-product-quantity; SDK]: every product or variation with that SKU is
 * updated; replace true = the quantity becomes the stock, false = it is added (then it may be
 * negative); replace defaults to true; a change is -9999999..9999999 (as the per-variation
 * update_quantity); the product's unlimited_quantity must be false. The answer's first field is
 * `id` ("Product's ID or …"); the rest is not in our copy of the docs.
 * [INF] guesses: the answer is the first record changed (products before variations), shaped as the
 * per-product / per-variation update_quantity answer; a SKU nobody holds → 404 "Product not found";
 * SKUs match exactly (after trimming); a product with variations whose own SKU matches is refused
 * as its own Update Quantity refuses it (422); unlimited quantity → 422; a stock that would leave
 * 0..9999999 refuses the whole request (422) and nothing changes.
 */
import type { SimRequest, SimResponse } from '../core';
import { invalid, isPlainObject, notFound, ok } from './helpers';
import type { ProductRec, VariationRec } from './model';
import { applyQuantity, MAX_QUANTITY, refusedChange } from './productWrites';
import type { Route, ShoplineSim } from './index';

export function registerSkuQuantityRoutes(sim: ShoplineSim, r: Route): void {
	r('PUT', '/products/update_quantity', 'products', (req) => updateQuantityBySku(sim, req));
}

interface Target {
	product: ProductRec;
	variation?: VariationRec;
}

function holders(sim: ShoplineSim, sku: string): Target[] {
	const live = [...sim.products.values()].filter((p) => p.status !== 'removed');
	return [
		...live.filter((p) => p.sku === sku).map((product) => ({ product })),
		...live.flatMap((product) => product.variations.filter((v) => v.sku === sku).map((variation) => ({ product, variation }))),
	];
}

function updateQuantityBySku(sim: ShoplineSim, req: SimRequest): SimResponse {
	const b = req.body;
	if (!isPlainObject(b)) return invalid('sku', 'the body must be an object');
	if (typeof b.sku !== 'string' || !b.sku.trim()) return invalid('sku', 'sku is required');
	const refused = refusedChange(b.quantity);
	if (refused) return refused;
	const value = b.quantity as number;
	if (b.replace !== undefined && typeof b.replace !== 'boolean') return invalid('replace', 'replace must be true or false');
	const replace = b.replace !== false;
	if (replace && value < 0) return invalid('quantity', 'quantity cannot be negative when replace is true');
	const targets = holders(sim, b.sku.trim());
	if (!targets.length) return notFound('Product');
	for (const { product, variation } of targets) {
		if (!variation && product.variations.length) return invalid('sku', `Product ${product.id} has variations: use the SKU of a variation`);
		if (product.unlimited_quantity) return invalid('sku', `Product ${product.id} has unlimited quantity`);
		const next = replace ? value : (variation ?? product).quantity + value;
		if (next < 0 || next > MAX_QUANTITY) return invalid('quantity', `the quantity of ${(variation ?? product).id} would be ${next}, outside 0 to ${MAX_QUANTITY}`);
	}
	const now = new Date().toISOString();
	const answers = targets.map(({ product, variation }) => applyQuantity(product, variation, replace ? value : (variation ?? product).quantity + value, now));
	return ok(answers[0]);
}
