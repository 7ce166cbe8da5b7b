/** SHOPLINE simulator: products (list, search, get), their JSON and seeding; the writes are in productWrites.ts. */
import { type SimRequest, type SimResponse } from '../core';
import { PRODUCTS } from '../data';
import { first, inRange, isResponse, notFound, objectId, ok, shape } from './helpers';
import { PRODUCT_TRANSLATIONS, type ProductRec, type VariationRec } from './model';
import type { Route, ShoplineSim } from './index';
import { registerProductWriteRoutes } from './productWrites';
import { registerSkuQuantityRoutes } from './skuQuantity';
import { registerStockRoutes } from './stock';

/** Products routes, in the order they are matched. */
export function registerProductRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/products', 'products', (req) => listProducts(sim, req));
	r('GET', '/products/search', 'products', (req) => searchProducts(sim, req));
	r('GET', '/products/:id', 'products', (req) => getProduct(sim, req));
	// Before the writes: PUT /products/bulk_update_stocks and /products/update_quantity are not PUT /products/:id.
	registerStockRoutes(sim, r);
	registerSkuQuantityRoutes(sim, r);
	registerProductWriteRoutes(sim, r);
}

export function listProducts(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const dir = sim.direction(q);
	if (typeof dir !== 'string') return dir;
	const range = sim.timeRange(q, ['updated_after', 'updated_before']);
	if (isResponse(range)) return range;
	let rows = [...sim.products.values()].filter((p) => p.status !== 'removed' && inRange(p.updated_at, range.updated_after, range.updated_before));
	if (dir === 'desc') rows = rows.reverse();
	const page = sim.paginate(rows, q);
	if (isResponse(page)) return page;
	return ok({ items: page.items.map((p) => shape(productJson(sim, p), q)), pagination: page.pagination });
}

/**
 * [PUB] a product search exists (GET/POST, vendors.md); [INF] its `query` reads like the customer and
 * order searches': text found in a title (any language) or a SKU, paged by page number.
 */
export function searchProducts(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const text = first(q.query)?.trim().toLowerCase();
	const matches = (p: ProductRec) =>
		!text || [p.sku, ...Object.values(p.title_translations ?? {}), ...p.variations.map((v) => v.sku)].some((v) => typeof v === 'string' && v.toLowerCase().includes(text));
	const page = sim.paginate([...sim.products.values()].filter((p) => p.status !== 'removed' && matches(p)), q);
	if (isResponse(page)) return page;
	return ok({ items: page.items.map((p) => shape(productJson(sim, p), q)), pagination: page.pagination });
}

export function getProduct(sim: ShoplineSim, req: SimRequest): SimResponse {
	const p = sim.products.get(req.params.id);
	return p && p.status !== 'removed' ? ok(shape(productJson(sim, p), req.query)) : notFound('Product');
}

export function productJson(sim: ShoplineSim, p: ProductRec): Record<string, unknown> {
	return {
		id: p.id,
		status: p.status,
		title_translations: p.title_translations,
		sku: p.sku,
		price: sim.money(p.priceCents),
		price_sale: sim.money(p.priceSaleCents),
		same_price: p.variations.every((v) => v.priceCents === p.priceCents),
		quantity: p.quantity,
		unlimited_quantity: p.unlimited_quantity ?? false,
		category_ids: p.category_ids ?? [],
		...(p.costCents === undefined ? {} : { cost: sim.money(p.costCents) }),
		variations: p.variations.map((v) => ({
			id: v.id,
			sku: v.sku,
			fields_translations: v.fields_translations,
			price: sim.money(v.priceCents),
			price_sale: sim.money(0),
			quantity: v.quantity,
		})),
		created_at: p.created_at,
		updated_at: p.updated_at,
	};
}

export function seedProducts(sim: ShoplineSim): void {
	sim.products.clear();
	PRODUCTS.forEach((p, i) => {
		const created = Date.UTC(2021, 5, 1) + i * 86_400_000;
		const id = objectId(created, 0x9d, i + 1);
		const withSizes = p.code === 'P-BOBA' || p.code === 'P-THAI-TEA';
		const priceCents = p.price * 100;
		sim.products.set(id, {
			id,
			sku: p.code,
			status: 'active',
			title_translations: PRODUCT_TRANSLATIONS[p.code] ?? { en: p.name, 'zh-hant': p.name },
			priceCents,
			priceSaleCents: p.code === 'P-EGG-TART' ? priceCents - 500 : 0,
			quantity: 500,
			variations: withSizes ? sizeVariations(created, i, p.code, priceCents) : [],
			created_at: new Date(created).toISOString(),
			updated_at: new Date(created + 3_600_000).toISOString(),
		});
	});
}

export function currentPriceCents(p: ProductRec, v: VariationRec | undefined): number {
	if (v) return v.priceCents;
	return p.priceSaleCents > 0 ? p.priceSaleCents : p.priceCents;
}

export function sizeVariations(created: number, i: number, code: string, priceCents: number): VariationRec[] {
	return [
		{ id: objectId(created, 0x7a, i * 10 + 1), sku: `${code}-M`, fields_translations: { en: ['Medium'], 'zh-hant': ['中杯'] }, priceCents, quantity: 200 },
		{ id: objectId(created, 0x7a, i * 10 + 2), sku: `${code}-L`, fields_translations: { en: ['Large'], 'zh-hant': ['大杯'] }, priceCents: priceCents + 1000, quantity: 150 },
	];
}
