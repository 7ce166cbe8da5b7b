/**
 * SHOPLINE simulator: stock across products (bulk warehouse stock) and the locked inventory count.
 *
 *   PUT  /v1/products/bulk_update_stocks       {bulk_data: [...], is_replace (required)} → {errors}
 *   POST /v1/products/locked_inventory_count   {product_ids: [...] (at most 1000)} → {items}
 *
 * Documented [PUB SDK; docs reference put_products-bulk-update-stocks, post_products-locked-inventory-count]:
 * bulk_data names products, variations and warehouses by ID; is_replace true = the number becomes the
 * stock, false = it is added; the answer lists `errors`. Locked inventory is the stock held for live
 * sales ("直播保留庫存"), at most 1000 product IDs a request.
 *
 * [INF] guesses: a bulk_data entry is `{id (product), variation_id?, warehouse_id, quantity}` as in
 * Update Product Stocks; at most 100 entries; an entry that cannot apply (product, variation or
 * warehouse unknown, warehouse not active, a product with variations without variation_id, quantity
 * not a whole number within ±9999999) is listed in `errors` as `{index, id, variation_id,
 * warehouse_id, message}` and the other entries apply; a stock may go below 0 (as Update Product
 * Stocks). Locked inventory answers `{product_id, locked_inventory_count, variations: [{variation_id,
 * locked_inventory_count}]}` per known product (unknown IDs left out); the demo shop's live-sale
 * holds are fixed by SKU below; an empty or non-array list → 422.
 */
import type { SimRequest, SimResponse } from '../core';
import { WAREHOUSES } from './catalog';
import { invalid, isPlainObject, ok } from './helpers';
import type { ProductRec, VariationRec } from './model';
import type { Route, ShoplineSim } from './index';

const MAX_QUANTITY = 9_999_999;
export const MAX_BULK_STOCK_ENTRIES = 100;
export const MAX_LOCKED_PRODUCTS = 1000;

/** [INF] the demo shop's live-sale holds, by SKU. */
const DEMO_LOCKED: Record<string, number> = { 'P-BOBA-M': 3, 'P-BOBA-L': 1, 'P-PHO': 4 };

export function registerStockRoutes(sim: ShoplineSim, r: Route): void {
	r('PUT', '/products/bulk_update_stocks', 'products', (req) => bulkUpdateStocks(sim, req));
	r('POST', '/products/locked_inventory_count', 'products', (req) => lockedInventory(sim, req));
}

const liveProduct = (sim: ShoplineSim, id: unknown) => {
	const p = typeof id === 'string' ? sim.products.get(id) : undefined;
	return p && p.status !== 'removed' ? p : undefined;
};

/** One warehouse's stock of a product or variation; the product's (variation's) quantity moves by the same change. */
export function applyWarehouseStock(p: ProductRec, v: VariationRec | undefined, warehouseId: string, quantity: number, replace: boolean): void {
	const target = v ?? p;
	const stocks = (target.stocks ??= {});
	const before = stocks[warehouseId] ?? 0;
	const after = replace ? quantity : before + quantity;
	stocks[warehouseId] = after;
	target.quantity += after - before;
	if (v) p.quantity = p.variations.reduce((sum, x) => sum + x.quantity, 0);
	p.updated_at = new Date().toISOString();
}

function entryError(sim: ShoplineSim, e: Record<string, any>): string | { p: ProductRec; v?: VariationRec } {
	const p = liveProduct(sim, e.id);
	if (!p) return `Product ${String(e.id)} not found`;
	const v = e.variation_id == null ? undefined : p.variations.find((x) => x.id === e.variation_id);
	if (e.variation_id != null && !v) return `Variation ${String(e.variation_id)} not found in product ${p.id}`;
	if (!v && p.variations.length) return 'This product has variations: variation_id is required';
	const warehouse = WAREHOUSES.find((w) => w.id === e.warehouse_id);
	if (!warehouse) return `Warehouse ${String(e.warehouse_id)} not found`;
	if (warehouse.status !== 'active') return 'Only an active warehouse can be updated';
	if (typeof e.quantity !== 'number' || !Number.isInteger(e.quantity) || Math.abs(e.quantity) > MAX_QUANTITY) {
		return `quantity must be a whole number between -${MAX_QUANTITY} and ${MAX_QUANTITY}`;
	}
	return { p, v };
}

function bulkUpdateStocks(sim: ShoplineSim, req: SimRequest): SimResponse {
	const b = isPlainObject(req.body) ? req.body : {};
	if (typeof b.is_replace !== 'boolean') return invalid('is_replace', 'is_replace is required (true or false)');
	if (!Array.isArray(b.bulk_data) || !b.bulk_data.length) return invalid('bulk_data', 'bulk_data must be a non-empty array');
	if (b.bulk_data.length > MAX_BULK_STOCK_ENTRIES) return invalid('bulk_data', `bulk_data can have at most ${MAX_BULK_STOCK_ENTRIES} entries`);
	const errors: Array<Record<string, unknown>> = [];
	b.bulk_data.forEach((raw: unknown, index: number) => {
		const e = isPlainObject(raw) ? raw : {};
		const found = entryError(sim, e);
		if (typeof found === 'string') {
			errors.push({ index, id: e.id ?? null, variation_id: e.variation_id ?? null, warehouse_id: e.warehouse_id ?? null, message: found });
			return;
		}
		applyWarehouseStock(found.p, found.v, String(e.warehouse_id), e.quantity, b.is_replace);
	});
	return ok({ errors });
}

const lockedOf = (sku: string | undefined) => (sku ? (DEMO_LOCKED[sku] ?? 0) : 0);

function lockedInventory(sim: ShoplineSim, req: SimRequest): SimResponse {
	const ids = isPlainObject(req.body) ? req.body.product_ids : undefined;
	if (!Array.isArray(ids) || !ids.length || ids.some((x) => typeof x !== 'string')) return invalid('product_ids', 'product_ids must be a non-empty array of product IDs');
	if (ids.length > MAX_LOCKED_PRODUCTS) return invalid('product_ids', `product_ids can have at most ${MAX_LOCKED_PRODUCTS} IDs`);
	const items = [...new Set<string>(ids)]
		.map((id) => liveProduct(sim, id))
		.filter((p): p is ProductRec => !!p)
		.map((p) => {
			const variations = p.variations.map((v) => ({ variation_id: v.id, locked_inventory_count: lockedOf(v.sku) }));
			const total = p.variations.length ? variations.reduce((sum, v) => sum + v.locked_inventory_count, 0) : lockedOf(p.sku);
			return { product_id: p.id, locked_inventory_count: total, variations };
		});
	return ok({ items });
}
