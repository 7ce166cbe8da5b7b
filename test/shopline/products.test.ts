/**
 * SHOPLINE product writes inside real n8n-core, against the simulator: Create, Update, Delete,
 * Search, Update Quantity (a product), Update Variation Quantity (the variation dropdown follows
 * the chosen product) and Update Warehouse Stock (the warehouse dropdown).
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { type ProductRec, type ShoplineSim } from '../../sandbox/shopline';
import { CATEGORIES, WAREHOUSES } from '../../sandbox/shopline/catalog';
import { loadOptions, makeNode, runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 8, seedOrders: 20 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: Record<string, unknown>) => ({ type: 'shopline', parameters: parameters as never, credentials });
const requests = () => server.requests('shopline');
const products = () => [...sim.products.values()];
const plain = () => products().find((p) => !p.variations.length && p.status === 'active')!;
const withSizes = () => products().find((p) => p.variations.length)!;
const byTitle = (title: string) => products().filter((p) => Object.values(p.title_translations).includes(title));

describe('Product: Create', () => {
	it('creates each item with its title in the chosen language, price, stock and categories', async () => {
		const input = [
			{ title: 'ชาเขียว', sku: 'P-GREEN-TEA', price: 65 },
			{ title: 'Lemon tea', sku: 'P-LEMON-TEA', price: 55.5 },
		];
		const { items, error } = await runNode(
			h,
			shopline({
				resource: 'product',
				operation: 'create',
				title: '={{ $json.title }}',
				titleLanguage: '={{ $json.sku === "P-GREEN-TEA" ? "th" : "en" }}',
				price: '={{ $json.price }}',
				additionalFields: { sku: '={{ $json.sku }}', quantity: 40, status: 'active', category_ids: [CATEGORIES[1].id] },
			}),
			input,
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toMatchObject([
			{ title_translations: { th: 'ชาเขียว' }, sku: 'P-GREEN-TEA', price: { dollars: 65 }, quantity: 40, status: 'active', category_ids: [CATEGORIES[1].id] },
			{ title_translations: { en: 'Lemon tea' }, sku: 'P-LEMON-TEA', price: { dollars: 55.5 } },
		]);
		expect(requests().filter((r) => r.method === 'POST')[0]).toMatchObject({ path: '/v1/products', body: { product: { title_translations: { th: 'ชาเขียว' }, price: 65, sku: 'P-GREEN-TEA' } } });
		expect(byTitle('Lemon tea')).toHaveLength(1);
	});

	it.each([
		['a negative price', { price: '={{ $json.bad ? -1 : 10 }}' }, '"Price" must not be negative'],
		['a stock over 9999999', { additionalFields: { quantity: '={{ $json.bad ? 10000000 : 5 }}' } }, '"Quantity" must be 9999999 or less'],
		['a blank title', { title: '={{ $json.bad ? "  " : "Fine tea" }}' }, '"Title" is required'],
	])('refuses %s before any product is sent (item named)', async (_what, change, message) => {
		const n = requests().length;
		const { error } = await runNode(h, shopline({ resource: 'product', operation: 'create', title: 'Fine tea', price: 10, ...change }), [{}, { bad: true }]);
		expect(error?.message).toContain(`Item 2`);
		expect(error?.message).toContain(message);
		expect(requests().length).toBe(n);
	});

	it('SHOPLINE refusing a SKU another product has is reported on the SKU field', async () => {
		const { error } = await runNode(h, shopline({ resource: 'product', operation: 'create', title: 'Copy', price: 10, additionalFields: { sku: plain().sku } }));
		expect(error?.message).toMatch(/SHOPLINE Unprocessable data \(422\)/);
		expect(error?.description).toContain('"SKU"');
	});
});

describe('Product: Update, Delete', () => {
	it('Update changes only the fields given; the title in another language stays', async () => {
		const p = plain();
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'update', productId: p.id, titleLanguage: 'vi', updateFields: { title: 'Trà', status: 'hidden' } }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: p.id, status: 'hidden', title_translations: { vi: 'Trà' } });
		expect(requests().at(-1)).toMatchObject({ method: 'PUT', path: `/v1/products/${p.id}`, body: { title_translations: { vi: 'Trà' }, status: 'hidden' } });
		expect(sim.products.get(p.id)!.sku).toBe(p.sku);
	});

	it('Update with nothing to change is refused before sending', async () => {
		const n = requests().length;
		const { error } = await runNode(h, shopline({ resource: 'product', operation: 'update', productId: plain().id, updateFields: {} }));
		expect(error?.message).toMatch(/Item 1.*nothing to update/);
		expect(requests().length).toBe(n);
	});

	it('Delete removes the product: Get then says 404', async () => {
		const p = products().filter((x) => !x.variations.length && x.status === 'active').at(-1)!;
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'delete', productId: p.id }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: p.id, deleted: true, result: 'success' });
		const gone = await runNode(h, shopline({ resource: 'product', operation: 'get', productId: p.id }));
		expect(gone.error?.message).toMatch(/SHOPLINE.*404/);
	});
});

describe('Product: Search', () => {
	it.each([
		{ title: 'text in a title (any language)', query: 'tea', filters: {}, test: (p: ProductRec) => Object.values(p.title_translations).some((t) => t.toLowerCase().includes('tea')) || p.sku.toLowerCase().includes('tea') },
		{ title: 'an exact SKU', query: '', filters: { sku: 'P-PHO' }, test: (p: ProductRec) => p.sku === 'P-PHO' },
		{ title: 'a status', query: '', filters: { status: 'active' }, test: (p: ProductRec) => p.status === 'active' },
	])('by $title, Return All across short pages', async ({ query, filters, test }) => {
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'search', query, filters, returnAll: true, simplify: false, options: { pageSize: 2 } }));
		expect(error).toBeUndefined();
		const expected = products().filter((p) => p.status !== 'removed' && test(p)).map((p) => p.id);
		expect(items.map((i) => i.json.id).sort()).toEqual(expected.sort());
		expect(expected.length).toBeGreaterThan(0);
		const searches = requests().filter((r) => r.path === '/v1/products/search' && r.method === 'POST');
		expect(searches).toHaveLength(Math.floor(expected.length / 2) + 1);
		expect(searches[0].body).toMatchObject({ page: 1, per_page: 2, ...(query ? { query } : {}) });
	});

	it('by category, with Limit (simplified output)', async () => {
		const created = await runNode(h, shopline({ resource: 'product', operation: 'create', title: 'Oolong', price: 30, additionalFields: { category_ids: [CATEGORIES[2].id], status: 'active' } }));
		expect(created.error).toBeUndefined();
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'search', query: '', filters: { category_id: CATEGORIES[2].id }, returnAll: false, limit: 5 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: created.items[0].json.id });
	});
});

describe('Product: stock', () => {
	it.each([
		{ change: { quantity: 5 }, expected: (q: number) => q + 5 },
		{ change: { quantity: -3 }, expected: (q: number) => q - 3 },
		{ change: { quantity: 12, replace: true }, expected: () => 12 },
	])('Update Quantity $change', async ({ change, expected }) => {
		const p = plain();
		const before = p.quantity;
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantity', productId: p.id, ...change }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: p.id, quantity: expected(before) });
		expect(requests().at(-1)).toMatchObject({ method: 'PUT', path: `/v1/products/${p.id}/update_quantity`, body: { quantity: change.quantity, replace: !!change.replace } });
	});

	it('refuses 0 to add and a negative Replace before sending; SHOPLINE refuses going below 0', async () => {
		const p = plain();
		const n = requests().length;
		const zero = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantity', productId: p.id, quantity: 0 }));
		expect(zero.error?.message).toMatch(/Item 1: "Quantity" must not be 0/);
		const negative = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantity', productId: p.id, quantity: -1, replace: true }));
		expect(negative.error?.message).toMatch(/"Quantity" cannot be negative with Replace Quantity/);
		expect(requests().length).toBe(n);
		const below = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantity', productId: p.id, quantity: -(p.quantity + 1) }));
		expect(below.error?.message).toMatch(/SHOPLINE Unprocessable data \(422\)/);
	});

	it('Update Variation Quantity: the dropdown lists the chosen product’s variations; the product’s stock follows', async () => {
		const p = withSizes();
		const node = makeNode(h, shopline({ resource: 'product', operation: 'updateVariationQuantity', productId: { __rl: true, mode: 'list', value: p.id } }));
		const options = await loadOptions(h, node, 'getProductVariations');
		expect(options.map((o) => o.value)).toEqual(p.variations.map((v) => v.id));
		expect(options[0].name).toBe(`Medium (${p.variations[0].sku})`);

		const v = p.variations[1];
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'updateVariationQuantity', productId: p.id, variationId: v.id, quantity: 7 }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ id: v.id, product_id: p.id, quantity: v.quantity });
		expect(sim.products.get(p.id)!.quantity).toBe(p.variations.reduce((s, x) => s + x.quantity, 0));

		const own = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantity', productId: p.id, quantity: 1 }));
		expect(own.error?.message).toMatch(/SHOPLINE Unprocessable data \(422\)/);
		const blank = await runNode(h, shopline({ resource: 'product', operation: 'updateVariationQuantity', productId: p.id, variationId: ' ', quantity: 1 }));
		expect(blank.error?.message).toMatch(/Item 1: "Variation" is required/);
	});
});

describe('Product: Update Warehouse Stock', () => {
	const stock = (op: IDataObject) => shopline({ resource: 'product', operation: 'updateWarehouseStock', ...op });

	it('adds to, then sets, the stock of a product in the warehouse picked from the dropdown', async () => {
		const options = await loadOptions(h, makeNode(h, stock({})), 'getWarehouses');
		const warehouse = options.find((o) => o.name === WAREHOUSES[0].name)!.value;
		const p = plain();
		const before = p.quantity;
		const added = await runNode(h, stock({ productId: p.id, warehouse_id: warehouse, quantity: 4 }));
		expect(added.error).toBeUndefined();
		expect(added.items[0].json).toMatchObject({ id: p.id, stocks: [{ warehouse_id: warehouse, quantity: 4 }] });
		expect(requests().at(-1)).toMatchObject({ method: 'PUT', path: `/v1/products/${p.id}/stocks`, body: { warehouse_id: warehouse, quantity: 4, is_replace: false } });
		const set = await runNode(h, stock({ productId: p.id, warehouse_id: warehouse, quantity: 10, is_replace: true }));
		expect(set.items[0].json).toMatchObject({ stocks: [{ warehouse_id: warehouse, quantity: 10 }] });
		expect(sim.products.get(p.id)!.quantity).toBe(before + 10);
	});

	it('a variation’s stock; SHOPLINE refuses a warehouse that is not active and a product with variations without one', async () => {
		const p = withSizes();
		const v = p.variations[0];
		const ok = await runNode(h, stock({ productId: p.id, warehouse_id: WAREHOUSES[1].id, quantity: -2, additionalFields: { variation_id: v.id } }));
		expect(ok.error).toBeUndefined();
		expect((ok.items[0].json.variations as IDataObject[]).find((x) => x.id === v.id)).toMatchObject({ stocks: [{ warehouse_id: WAREHOUSES[1].id, quantity: -2 }] });

		const inactive = await runNode(h, stock({ productId: p.id, warehouse_id: WAREHOUSES[2].id, quantity: 1, additionalFields: { variation_id: v.id } }));
		expect(inactive.error?.description).toContain('"Warehouse"');
		const noVariation = await runNode(h, stock({ productId: p.id, warehouse_id: WAREHOUSES[1].id, quantity: 1 }));
		expect(noVariation.error?.message).toMatch(/SHOPLINE Unprocessable data \(422\)/);

		const n = requests().length;
		const blank = await runNode(h, stock({ productId: p.id, warehouse_id: '={{ $json.none }}', quantity: 1 }), [{}, {}]);
		expect(blank.error?.message).toBe('2 of 2 items are not valid, so nothing was written: Item 1, Item 2');
		expect(blank.error?.description).toMatch(/Item 1: "Warehouse" is required/);
		expect(requests().length).toBe(n);
	});
});

describe('Product: variations', () => {
	it('Create Variation, Get Variations, Update Variation, Delete Variation; the product’s stock is their sum', async () => {
		const p = withSizes();
		const created = await runNode(h, shopline({ resource: 'product', operation: 'createVariation', productId: p.id, option_name: '特大杯', option_type: 'size', titleLanguage: 'zh-hant', additionalFields: { sku: `${p.sku}-XL`, price: 90, quantity: 30 } }));
		expect(created.error).toBeUndefined();
		const id = String(created.items[0].json.id);
		expect(created.items[0].json).toMatchObject({ product_id: p.id, sku: `${p.sku}-XL`, fields_translations: { 'zh-hant': ['特大杯'] }, quantity: 30 });
		expect(requests().at(-1)).toMatchObject({ method: 'POST', path: `/v1/products/${p.id}/variations`, body: { variant_options: [{ type: 'size', name_translations: { 'zh-hant': '特大杯' } }], sku: `${p.sku}-XL`, price: 90, quantity: 30 } });

		const listed = await runNode(h, shopline({ resource: 'product', operation: 'getVariations', productId: p.id, returnAll: true }));
		expect(listed.items.map((i) => i.json.id)).toEqual(sim.products.get(p.id)!.variations.map((v) => v.id));
		expect(listed.items[0].json.product_id).toBe(p.id);
		const limited = await runNode(h, shopline({ resource: 'product', operation: 'getVariations', productId: p.id, returnAll: false, limit: 1 }));
		expect(limited.items).toHaveLength(1);

		const updated = await runNode(h, shopline({ resource: 'product', operation: 'updateVariation', productId: p.id, variationId: id, updateFields: { quantity: 12, price: 95 } }));
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json).toMatchObject({ id, quantity: 12, price: { dollars: 95 } });
		expect(sim.products.get(p.id)!.quantity).toBe(sim.products.get(p.id)!.variations.reduce((s, v) => s + v.quantity, 0));

		const deleted = await runNode(h, shopline({ resource: 'product', operation: 'deleteVariation', productId: p.id, variationId: id }));
		expect(deleted.items[0].json).toEqual({ product_id: p.id, id, deleted: true, message: 'success' });
		expect(sim.products.get(p.id)!.variations.some((v) => v.id === id)).toBe(false);
	});

	it('refused before sending: a blank option name, nothing to update; SHOPLINE refuses a SKU in use', async () => {
		const p = withSizes();
		const n = requests().length;
		const blank = await runNode(h, shopline({ resource: 'product', operation: 'createVariation', productId: p.id, option_name: ' ', option_type: 'color' }));
		expect(blank.error?.message).toMatch(/Item 1: "Option Name" is required/);
		const nothing = await runNode(h, shopline({ resource: 'product', operation: 'updateVariation', productId: p.id, variationId: p.variations[0].id, updateFields: {} }));
		expect(nothing.error?.message).toMatch(/nothing to update/);
		expect(requests().length).toBe(n);
		const taken = await runNode(h, shopline({ resource: 'product', operation: 'createVariation', productId: p.id, option_name: 'Copy', option_type: 'color', additionalFields: { sku: plain().sku } }));
		expect(taken.error?.description).toContain('"SKU"');
	});
});
