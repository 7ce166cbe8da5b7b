/**
 * The common product shape (nodes/shared/shapes.ts) inside real n8n-core, against the whole
 * sandbox: Simplify on Venio, MeeDee POS and SHOPLINE product reads gives it, and SHOPLINE product
 * Create / Update with Map Automatically take it, so a Venio or MeeDee product reaches SHOPLINE
 * without hand mapping.
 */
import type { IDataObject } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { commonProductSchema } from '../../nodes/shared/shapes';
import { createHarness, runNode, type Harness } from '../harness/n8n';
// The harness runs dist/, so the caches to reset are dist's.
import { resetLimiters } from '../../dist/nodes/shared/limiter';
import { clearTokenCache } from '../../dist/nodes/shared/tokenCache';

let sandbox: Sandbox;
let h: Harness;

beforeAll(async () => {
	sandbox = await startSandbox();
	h = createHarness();
});
afterAll(async () => {
	await sandbox.shopline.idle();
	await sandbox.stop();
});
beforeEach(() => {
	sandbox.server.reset();
	resetLimiters();
	clearTokenCache();
});

const venio = async (parameters: IDataObject, input?: IDataObject[]) =>
	await runNode(h, { type: 'venioCrm', parameters: parameters as never, credentials: { venioCrmApi: sandbox.credentials.venioCrmApi } }, input);
const meedee = async (parameters: IDataObject, input?: IDataObject[]) =>
	await runNode(h, { type: 'meeDeePos', parameters: parameters as never, credentials: { meeDeePosApi: sandbox.credentials.meeDeePosApi } }, input);
const shopline = async (parameters: IDataObject, input?: IDataObject[]) =>
	await runNode(h, { type: 'shopline', parameters: parameters as never, credentials: { shoplineApi: sandbox.credentials.shoplineApi } }, input);
const shoplineWrites = () => sandbox.server.requests('shopline').filter((r) => r.method !== 'GET');

/** A Venio product made through the Venio node, with stock in one warehouse, read back simplified. */
async function venioProduct(code: string, name: string, price: number, qty: number): Promise<IDataObject> {
	const made = await venio({ resource: 'product', operation: 'createOrUpdate', productCode: code, additionalFields: { productName: name, price } });
	expect(made.error).toBeUndefined();
	const stocked = await venio({ resource: 'product', operation: 'updateStock', productCode: code, warehouseCode: 'WH-BKK', qty });
	expect(stocked.error).toBeUndefined();
	const got = await venio({ resource: 'product', operation: 'get', productCode: code, simplify: true });
	expect(got.error).toBeUndefined();
	return got.items[0].json;
}

describe('Simplify gives the common product shape', () => {
	it('Venio product Get and Get Many: code as SKU, name, price, stock summed over warehouses', async () => {
		const product = await venioProduct('P-DURIAN', 'ทุเรียน (Durian)', 120, 37);
		expect(commonProductSchema.parse(product)).toEqual(product);
		expect(product).toMatchObject({ source: 'venio', sku: 'P-DURIAN', name: 'ทุเรียน (Durian)', price: 120, stock: 37, status: 'Active', variations: [] });
		const many = await venio({ resource: 'product', operation: 'getMany', returnAll: true, simplify: true });
		expect(many.items).toHaveLength(sandbox.venio.products.size);
		for (const { json } of many.items) expect(commonProductSchema.safeParse(json).success).toBe(true);
		const raw = await venio({ resource: 'product', operation: 'get', productCode: 'P-DURIAN' });
		expect(raw.items[0].json).toMatchObject({ productCode: 'P-DURIAN', productName: 'ทุเรียน (Durian)' });
	});

	it('MeeDee product Get Many: product code as SKU, its SKUs as variations, the lowest SKU price', async () => {
		const { items, error } = await meedee({ resource: 'product', operation: 'getMany', returnAll: true, simplify: true });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		for (const { json } of items) expect(commonProductSchema.safeParse(json).success).toBe(true);
		const matcha = items.find((i) => i.json.sku === 'P-MATCHA')!.json;
		expect(matcha).toMatchObject({ source: 'meedee', name: 'ชาเขียวมัทฉะ (seasonal)', price: 60, currency: 'THB', stock: null, status: 'inactive' });
		expect((matcha.variations as IDataObject[]).map((v) => [v.sku, v.price])).toEqual([
			['MATCHA-R', 60],
			['MATCHA-L', 70],
		]);
	});

	it('SHOPLINE product Get and Get Many: SKU, name in the chosen language, price, stock', async () => {
		const p = [...sandbox.shopline.products.values()].find((x) => x.sku === 'P-BOBA')!;
		const got = await shopline({ resource: 'product', operation: 'get', productId: p.id, language: 'en' });
		expect(commonProductSchema.parse(got.items[0].json)).toEqual(got.items[0].json);
		expect(got.items[0].json).toMatchObject({ source: 'shopline', id: p.id, sku: 'P-BOBA', name: p.title_translations.en, price: p.priceCents / 100, stock: p.quantity });
		const many = await shopline({ resource: 'product', operation: 'getMany', returnAll: true });
		for (const { json } of many.items) expect(commonProductSchema.safeParse(json).success).toBe(true);
	});

	it('a SHOPLINE node saved at version 1 still reads title and quantity (its simplified keys then)', async () => {
		const p = [...sandbox.shopline.products.values()].find((x) => x.sku === 'P-BOBA')!;
		const got = await runNode(h, { type: 'shopline', typeVersion: 1, parameters: { resource: 'product', operation: 'get', productId: p.id, language: 'en' }, credentials: { shoplineApi: sandbox.credentials.shoplineApi } });
		const json = got.items[0].json as IDataObject & { variations: IDataObject[] };
		expect(json).toMatchObject({ name: p.title_translations.en, title: p.title_translations.en, stock: p.quantity, quantity: p.quantity });
		for (const v of json.variations) expect(v.quantity).toBe(v.stock);
	});
});

describe('SHOPLINE product writes with Map Automatically', () => {
	it('a Venio product becomes a SHOPLINE product: title, SKU, price and stock without mapping', async () => {
		const product = await venioProduct('P-DURIAN', 'ทุเรียน (Durian)', 120, 37);
		const { items, error } = await shopline({ resource: 'product', operation: 'create', mapping: 'auto', titleLanguage: 'th' }, [product]);
		expect(error).toBeUndefined();
		expect(shoplineWrites().map((r) => [r.method, r.body])).toEqual([
			['POST', { product: { title_translations: { th: 'ทุเรียน (Durian)' }, sku: 'P-DURIAN', price: 120, quantity: 37 } }],
		]);
		const made = [...sandbox.shopline.products.values()].find((x) => x.sku === 'P-DURIAN')!;
		expect(made).toMatchObject({ priceCents: 12000, quantity: 37 });
		expect(items[0].json.id).toBe(made.id);
		// Read back simplified, it is the same product in the same shape.
		const back = await shopline({ resource: 'product', operation: 'get', productId: made.id, language: 'th' });
		expect(back.items[0].json).toMatchObject({ sku: product.sku, name: product.name, price: product.price, stock: product.stock });
	});

	it('a MeeDee product becomes a SHOPLINE product; an Additional Field set by hand wins over the mapping', async () => {
		const listed = await meedee({ resource: 'product', operation: 'getMany', returnAll: true, simplify: true, filters: { q: 'MATCHA' } });
		expect(listed.items).toHaveLength(1);
		const { error } = await shopline(
			{ resource: 'product', operation: 'create', mapping: 'auto', titleLanguage: 'th', additionalFields: { status: 'hidden', quantity: 12 } },
			listed.items.map((i) => i.json),
		);
		expect(error).toBeUndefined();
		expect(shoplineWrites()[0].body).toEqual({ product: { title_translations: { th: 'ชาเขียวมัทฉะ (seasonal)' }, sku: 'P-MATCHA', price: 60, quantity: 12, status: 'hidden' } });
		expect([...sandbox.shopline.products.values()].find((x) => x.sku === 'P-MATCHA')).toMatchObject({ status: 'hidden', quantity: 12, priceCents: 6000 });
	});

	it('Update with Map Automatically renames the SHOPLINE product from the Venio one (title and SKU; price and stock have their own operations)', async () => {
		const target = [...sandbox.shopline.products.values()].find((x) => x.sku === 'P-PHO')!;
		const renamed = { ...(await venioProduct('P-PHO', 'Phở bò đặc biệt', 75, 10)), sku: 'P-PHO-SPECIAL' };
		const { error } = await shopline({ resource: 'product', operation: 'update', productId: target.id, mapping: 'auto', titleLanguage: 'vi' }, [renamed]);
		expect(error).toBeUndefined();
		expect(shoplineWrites().map((r) => [r.method, r.path.replace(/^.*\/v1/, ''), r.body])).toEqual([
			['PUT', `/products/${target.id}`, { title_translations: { vi: 'Phở bò đặc biệt' }, sku: 'P-PHO-SPECIAL' }],
		]);
		expect(sandbox.shopline.products.get(target.id)).toMatchObject({ sku: 'P-PHO-SPECIAL', title_translations: expect.objectContaining({ vi: 'Phở bò đặc biệt' }) });
	});

	it('a product without a name or with a stock SHOPLINE refuses is stopped before any request, naming the item and field', async () => {
		const good = await venioProduct('P-RAMBUTAN', 'เงาะ (Rambutan)', 40, 5);
		const noName = await shopline({ resource: 'product', operation: 'create', mapping: 'auto' }, [good, { ...good, sku: 'P-X', name: null }]);
		expect(noName.error?.message).toBe('Item 2 (P-X): "Title" is required');
		const fraction = await shopline({ resource: 'product', operation: 'create', mapping: 'auto' }, [{ ...good, stock: 2.5 }]);
		expect(fraction.error?.message).toBe('Item 1 (P-RAMBUTAN): "Quantity" must be a whole number');
		expect(shoplineWrites()).toEqual([]);
	});
});
