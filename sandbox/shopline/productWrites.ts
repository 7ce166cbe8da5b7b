/**
 * SHOPLINE simulator: product writes [PUB docs create-product; SDK].
 *   POST   /v1/products                     {product: {price (required), title_translations, sku, quantity,
 *                                            unlimited_quantity, category_ids[], status, price_sale, cost, …}}
 *   PUT    /v1/products/:id                 the product's fields at the top level (no price: SHOPLINE has
 *                                            Update Product Price for that)
 *   DELETE /v1/products/:id                 → {result}
 *   POST   /v1/products/search              {query (name, SKU, barcode), status, category_id, sku, page, per_page} → {items}
 *   PUT    /v1/products/:id/update_quantity {quantity -9999999..9999999, replace?} → {id, sku, quantity, updated_at}
 *   PUT    /v1/products/:product_id/variations/:id/update_quantity  the same, plus product_id
 *   PUT    /v1/products/:id/stocks          {warehouse_id (active only), quantity (may go negative), variation_id?, is_replace?}
 *                                            → {id, title_translations, unlimited_quantity, stocks[], variations[{id, stocks}]}
 * Documented: price required; quantity 0..9999999 on create; a change between -9999999 and 9999999;
 * replace = the quantity becomes the value, else it is added. [INF] guesses: title_translations
 * needs one non-empty language; a SKU another product (or variation) holds → 422; unknown
 * category_ids → 422; a quantity that would go below 0 → 422; a product with variations keeps its
 * quantity as their sum, so its own quantity is refused → 422; deleted products are `removed` (404
 * afterwards); DELETE answers {result: "success"}; search answers no pagination (short page = last);
 * a warehouse stock starts at 0 and moves the product's (or variation's) quantity by the same change;
 * a product with variations needs variation_id → 422.
 * Variations [PUB SDK]: POST /v1/products/:product_id/variations {variant_options[{type, name_translations}]
 * (types color, size, custom_1..3, at most 3), sku, price, quantity, price_sale, cost, weight};
 * PUT /v1/products/:product_id/variations/:id (the same without variant_options); DELETE → {message}.
 * [INF] variant_options needs one entry; price defaults to the product's; the product's quantity is
 * the sum of its variations'; the answer is the variation.
 */
import type { SimRequest, SimResponse } from '../core';
import { CATEGORIES, WAREHOUSES } from './catalog';
import { invalid, isPlainObject, isResponse, notFound, objectId, ok, toCents } from './helpers';
import type { ProductRec, VariationRec } from './model';
import { productJson } from './products';
import { applyWarehouseStock } from './stock';
import type { Route, ShoplineSim } from './index';

export const MAX_QUANTITY = 9_999_999;
const STATUSES = ['active', 'draft', 'hidden'];

export function registerProductWriteRoutes(sim: ShoplineSim, r: Route): void {
	r('POST', '/products', 'products', (req) => createProduct(sim, req));
	r('POST', '/products/search', 'products', (req) => searchProducts(sim, req));
	r('PUT', '/products/:id', 'products', (req) => updateProduct(sim, req));
	r('DELETE', '/products/:id', 'products', (req) => deleteProduct(sim, req));
	r('PUT', '/products/:id/update_quantity', 'products', (req) => updateQuantity(sim, req, req.params.id));
	r('PUT', '/products/:product_id/variations/:id/update_quantity', 'products', (req) => updateQuantity(sim, req, req.params.product_id, req.params.id));
	r('PUT', '/products/:id/stocks', 'products', (req) => updateStock(sim, req));
	r('POST', '/products/:product_id/variations', 'products', (req) => createVariation(sim, req));
	r('PUT', '/products/:product_id/variations/:id', 'products', (req) => updateVariation(sim, req));
	r('DELETE', '/products/:product_id/variations/:id', 'products', (req) => deleteVariation(sim, req));
}

const live = (sim: ShoplineSim, id: string) => {
	const p = sim.products.get(id);
	return p && p.status !== 'removed' ? p : undefined;
};

function skuTaken(sim: ShoplineSim, sku: string, except?: string): boolean {
	const key = sku.trim().toLowerCase();
	return [...sim.products.values()].some((p) => p.id !== except && p.status !== 'removed' && [p.sku, ...p.variations.map((v) => v.sku)].some((s) => s?.toLowerCase() === key));
}

/** The fields Create and Update share, checked and applied to `p`; an error response when one is wrong. */
function applyFields(sim: ShoplineSim, p: ProductRec, b: Record<string, any>): SimResponse | undefined {
	if (b.title_translations !== undefined) {
		const t = b.title_translations;
		if (!isPlainObject(t) || !Object.values(t).some((v) => typeof v === 'string' && v.trim())) return invalid('title_translations', 'title_translations needs a title in at least one language');
		p.title_translations = Object.fromEntries(Object.entries(t).filter(([, v]) => typeof v === 'string' && v.trim())) as Record<string, string>;
	}
	if (b.sku !== undefined && b.sku !== null) {
		if (typeof b.sku !== 'string') return invalid('sku', 'sku must be a string');
		if (b.sku.trim() && skuTaken(sim, b.sku, p.id)) return invalid('sku', 'sku has already been taken');
		p.sku = b.sku.trim();
	}
	if (b.status !== undefined) {
		// Documented: true = published, false = unpublished, or the status names.
		const status = b.status === true ? 'active' : b.status === false ? 'draft' : b.status;
		if (!STATUSES.includes(status)) return invalid('status', `status must be one of ${STATUSES.join(', ')}`);
		p.status = status;
	}
	if (b.category_ids !== undefined) {
		if (!Array.isArray(b.category_ids) || b.category_ids.some((c: unknown) => typeof c !== 'string')) return invalid('category_ids', 'category_ids must be a list of IDs');
		const unknown = b.category_ids.find((c: string) => !CATEGORIES.some((k) => k.id === c));
		if (unknown) return invalid('category_ids', `Category ${unknown} not found`);
		p.category_ids = [...new Set<string>(b.category_ids)];
	}
	if (b.unlimited_quantity !== undefined) {
		if (typeof b.unlimited_quantity !== 'boolean') return invalid('unlimited_quantity', 'unlimited_quantity must be true or false');
		p.unlimited_quantity = b.unlimited_quantity;
	}
	for (const [key, set] of [
		['price_sale', (c: number) => (p.priceSaleCents = c)],
		['cost', (c: number) => (p.costCents = c)],
	] as const) {
		if (b[key] === undefined || b[key] === null) continue;
		const cents = toCents(b[key]);
		if (!Number.isFinite(cents) || cents < 0) return invalid(key, `${key} must be a number, 0 or more`);
		set(cents);
	}
	return undefined;
}

function createProduct(sim: ShoplineSim, req: SimRequest): SimResponse {
	const b = req.body?.product;
	if (!isPlainObject(b)) return invalid('product', 'product is required');
	if (b.price === undefined || b.price === null) return invalid('price', 'price is required');
	const priceCents = toCents(b.price);
	if (!Number.isFinite(priceCents) || priceCents < 0) return invalid('price', 'price must be a number, 0 or more');
	if (b.title_translations === undefined) return invalid('title_translations', 'title_translations is required');
	const quantity = b.quantity === undefined || b.quantity === null ? 0 : Number(b.quantity);
	if (!Number.isInteger(quantity) || quantity < 0 || quantity > MAX_QUANTITY) return invalid('quantity', `quantity must be a whole number from 0 to ${MAX_QUANTITY}`);
	const now = Date.now();
	const id = objectId(now, 0x9e, ++sim.counter);
	const p: ProductRec = { id, sku: '', status: 'draft', title_translations: {}, priceCents, priceSaleCents: 0, quantity, variations: [], created_at: new Date(now).toISOString(), updated_at: new Date(now).toISOString() };
	const error = applyFields(sim, p, b);
	if (error) return error;
	sim.products.set(id, p);
	return ok(productJson(sim, p));
}

function updateProduct(sim: ShoplineSim, req: SimRequest): SimResponse {
	const p = live(sim, req.params.id);
	if (!p) return notFound('Product');
	const b = req.body;
	if (!isPlainObject(b)) return invalid('product', 'the body must be an object');
	if (b.price !== undefined) return invalid('price', 'price is changed with Update Product Price');
	const draft: ProductRec = { ...p, variations: p.variations };
	const error = applyFields(sim, draft, b);
	if (error) return error;
	Object.assign(p, draft, { updated_at: new Date().toISOString() });
	return ok(productJson(sim, p));
}

function deleteProduct(sim: ShoplineSim, req: SimRequest): SimResponse {
	const p = live(sim, req.params.id);
	if (!p) return notFound('Product');
	p.status = 'removed';
	p.updated_at = new Date().toISOString();
	return ok({ result: 'success' });
}

/** A stock change as the update_quantity endpoints and variation writes take it: a whole number within ±MAX_QUANTITY. */
export function refusedChange(value: unknown): SimResponse | undefined {
	if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > MAX_QUANTITY) return invalid('quantity', `quantity must be a whole number between -${MAX_QUANTITY} and ${MAX_QUANTITY}`);
	return undefined;
}

/**
 * Sets a product's (or one of its variations') stock as update_quantity does, and returns its
 * answer: a variation's change moves its product's quantity (the sum of its variations).
 */
export function applyQuantity(product: ProductRec, variation: VariationRec | undefined, next: number, now = new Date().toISOString()): Record<string, unknown> {
	const target = variation ?? product;
	target.quantity = next;
	if (variation) product.quantity = product.variations.reduce((sum, x) => sum + x.quantity, 0);
	product.updated_at = now;
	return { id: target.id, sku: target.sku, quantity: target.quantity, updated_at: now, ...(variation ? { product_id: product.id } : {}) };
}

function updateQuantity(sim: ShoplineSim, req: SimRequest, productId: string, variationId?: string): SimResponse {
	const p = live(sim, productId);
	if (!p) return notFound('Product');
	const v = variationId === undefined ? undefined : p.variations.find((x) => x.id === variationId);
	if (variationId !== undefined && !v) return notFound('Variation');
	if (!v && p.variations.length) return invalid('quantity', 'This product has variations: update the quantity of a variation');
	const value = req.body?.quantity;
	const refused = refusedChange(value);
	if (refused) return refused;
	const next = req.body?.replace === true ? (value as number) : (v ?? p).quantity + (value as number);
	if (next < 0 || next > MAX_QUANTITY) return invalid('quantity', `the quantity would be ${next}, outside 0 to ${MAX_QUANTITY}`);
	return ok(applyQuantity(p, v, next));
}

function searchProducts(sim: ShoplineSim, req: SimRequest): SimResponse {
	const b = isPlainObject(req.body) ? req.body : {};
	const text = typeof b.query === 'string' ? b.query.trim().toLowerCase() : '';
	if (b.status !== undefined && ![...STATUSES, 'removed'].includes(b.status)) return invalid('status', 'status must be one of active, draft, removed, hidden');
	const skus = typeof b.sku === 'string' && b.sku.trim() ? b.sku.split(',').map((s: string) => s.trim().toLowerCase()) : undefined;
	const categories = typeof b.category_id === 'string' && b.category_id.trim() ? b.category_id.split(',').map((s: string) => s.trim()) : undefined;
	const status = b.status ?? undefined;
	const rows = [...sim.products.values()]
		.filter((p) => (status ? p.status === status : p.status !== 'removed'))
		.filter((p) => !text || [p.sku, ...Object.values(p.title_translations ?? {}), ...p.variations.map((v) => v.sku)].some((s) => typeof s === 'string' && s.toLowerCase().includes(text)))
		.filter((p) => !skus || skus.includes(p.sku.toLowerCase()))
		.filter((p) => !categories || (p.category_ids ?? []).some((c) => categories.includes(c)))
		.reverse();
	const page = sim.paginate(rows, { page: String(b.page ?? 1), per_page: String(b.per_page ?? 50) });
	if (isResponse(page)) return page;
	return ok({ items: page.items.map((p) => productJson(sim, p)) });
}

const stocksJson = (stocks: Record<string, number> | undefined) => Object.entries(stocks ?? {}).map(([warehouse_id, quantity]) => ({ warehouse_id, quantity }));

function updateStock(sim: ShoplineSim, req: SimRequest): SimResponse {
	const p = live(sim, req.params.id);
	if (!p) return notFound('Product');
	const b = isPlainObject(req.body) ? req.body : {};
	const warehouse = WAREHOUSES.find((w) => w.id === b.warehouse_id);
	if (!warehouse) return invalid('warehouse_id', `Warehouse ${String(b.warehouse_id)} not found`);
	if (warehouse.status !== 'active') return invalid('warehouse_id', 'Only an active warehouse can be updated');
	const v = b.variation_id === undefined || b.variation_id === null ? undefined : p.variations.find((x) => x.id === b.variation_id);
	if (b.variation_id != null && !v) return invalid('variation_id', `Variation ${String(b.variation_id)} not found`);
	if (!v && p.variations.length) return invalid('variation_id', 'This product has variations: choose the variation whose stock changes');
	if (typeof b.quantity !== 'number' || !Number.isFinite(b.quantity)) return invalid('quantity', 'quantity must be a number');
	applyWarehouseStock(p, v, warehouse.id, b.quantity, b.is_replace === true);
	return ok({
		id: p.id,
		title_translations: p.title_translations,
		unlimited_quantity: p.unlimited_quantity ?? false,
		stocks: stocksJson(p.stocks),
		variations: p.variations.map((x) => ({ id: x.id, fields_translations: x.fields_translations, stocks: stocksJson(x.stocks) })),
	});
}

const VARIANT_TYPES = ['color', 'size', 'custom_1', 'custom_2', 'custom_3'];

const variationJson = (sim: ShoplineSim, p: ProductRec, v: VariationRec) => ({
	id: v.id,
	product_id: p.id,
	sku: v.sku,
	fields_translations: v.fields_translations,
	price: sim.money(v.priceCents),
	quantity: v.quantity,
});

/** sku, price and quantity of a variation body, applied to `v`; an error response when one is wrong. */
function applyVariation(sim: ShoplineSim, p: ProductRec, v: VariationRec, b: Record<string, any>): SimResponse | undefined {
	if (b.sku !== undefined && b.sku !== null) {
		if (typeof b.sku !== 'string') return invalid('sku', 'sku must be a string');
		const taken = b.sku.trim() && [...sim.products.values()].some((x) => x.status !== 'removed' && [x.id === p.id ? '' : x.sku, ...x.variations.filter((y) => y.id !== v.id).map((y) => y.sku)].some((s) => s && s.toLowerCase() === b.sku.trim().toLowerCase()));
		if (taken) return invalid('sku', 'sku has already been taken');
		v.sku = b.sku.trim();
	}
	if (b.price !== undefined) {
		const cents = toCents(b.price);
		if (!Number.isFinite(cents) || cents < 0) return invalid('price', 'price must be a number, 0 or more (not null)');
		v.priceCents = cents;
	}
	if (b.quantity !== undefined) {
		const refused = refusedChange(b.quantity);
		if (refused) return refused;
		v.quantity = b.quantity;
	}
	return undefined;
}

function settleVariations(p: ProductRec): void {
	p.quantity = p.variations.reduce((sum, x) => sum + x.quantity, 0);
	p.updated_at = new Date().toISOString();
}

function createVariation(sim: ShoplineSim, req: SimRequest): SimResponse {
	const p = live(sim, req.params.product_id);
	if (!p) return notFound('Product');
	const b = isPlainObject(req.body) ? req.body : {};
	const options = b.variant_options;
	if (!Array.isArray(options) || options.length === 0) return invalid('variant_options', 'variant_options needs at least one option');
	if (options.length > 3) return invalid('variant_options', 'A product allows at most 3 types of variant option');
	const names: Record<string, string[]> = {};
	for (const o of options) {
		if (!isPlainObject(o) || !VARIANT_TYPES.includes(o.type)) return invalid('variant_options', `variant_options type must be one of ${VARIANT_TYPES.join(', ')}`);
		const t = o.name_translations;
		if (!isPlainObject(t) || !Object.values(t).some((x) => typeof x === 'string' && x.trim())) return invalid('variant_options', 'variant_options needs a name in at least one language');
		for (const [lang, name] of Object.entries(t)) if (typeof name === 'string' && name.trim()) (names[lang] ??= []).push(name.trim());
	}
	const v: VariationRec = { id: objectId(Date.now(), 0x7b, ++sim.counter), sku: '', fields_translations: names, priceCents: p.priceCents, quantity: 0 };
	const error = applyVariation(sim, p, v, b);
	if (error) return error;
	if (v.quantity < 0) return invalid('quantity', 'quantity must be 0 or more');
	p.variations.push(v);
	settleVariations(p);
	return ok(variationJson(sim, p, v));
}

function updateVariation(sim: ShoplineSim, req: SimRequest): SimResponse {
	const p = live(sim, req.params.product_id);
	if (!p) return notFound('Product');
	const v = p.variations.find((x) => x.id === req.params.id);
	if (!v) return notFound('Variation');
	const draft = { ...v };
	const error = applyVariation(sim, p, draft, isPlainObject(req.body) ? req.body : {});
	if (error) return error;
	Object.assign(v, draft);
	settleVariations(p);
	return ok(variationJson(sim, p, v));
}

function deleteVariation(sim: ShoplineSim, req: SimRequest): SimResponse {
	const p = live(sim, req.params.product_id);
	if (!p) return notFound('Product');
	const index = p.variations.findIndex((x) => x.id === req.params.id);
	if (index < 0) return notFound('Variation');
	p.variations.splice(index, 1);
	settleVariations(p);
	return ok({ message: 'success' });
}
