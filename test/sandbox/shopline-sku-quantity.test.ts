/**
 * SHOPLINE simulator, PUT /v1/products/update_quantity (Update Product, Product Variation Quantity
 * by SKU): one test per documented rule and per guess (sandbox/shopline/skuQuantity.ts).
 * A real SandboxServer on 127.0.0.1 (port 0) with only SHOPLINE mounted; requests go through fetch.
 */
import { SandboxServer } from '../../sandbox/core';
import { createShopline, SHOPLINE_DEMO, type ProductRec, type ShoplineSim } from '../../sandbox/shopline';

let server: SandboxServer;
let sim: ShoplineSim;
let base: string;

async function put(body: unknown): Promise<{ status: number; json: any }> {
	const res = await fetch(`${base}/products/update_quantity`, {
		method: 'PUT',
		headers: { Accept: 'application/json', 'User-Agent': SHOPLINE_DEMO.userAgent, Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: res.status, json: await res.json() };
}

const bySku = (sku: string): ProductRec => [...sim.products.values()].find((p) => p.sku === sku)!;

beforeAll(async () => {
	sim = createShopline({});
	server = new SandboxServer().mount(sim);
	await server.start();
	base = `${server.baseUrl}/shopline/v1`;
});

afterAll(async () => {
	await sim.idle();
	await server.stop();
});

beforeEach(() => server.reset());

describe('PUT /products/update_quantity (by SKU)', () => {
	it('replace false adds (negative takes away); replace true sets; answers the record as update_quantity does', async () => {
		const pho = bySku('P-PHO');
		const before = pho.quantity;
		const added = await put({ sku: 'P-PHO', quantity: -5, replace: false });
		expect(added.status).toBe(200);
		expect(added.json).toEqual({ id: pho.id, sku: 'P-PHO', quantity: before - 5, updated_at: expect.any(String) });
		const set = await put({ sku: 'P-PHO', quantity: 12, replace: true });
		expect(set.json.quantity).toBe(12);
		expect(pho.quantity).toBe(12);
	});

	it('replace defaults to true (documented)', async () => {
		await put({ sku: 'P-PHO', quantity: 7 });
		expect(bySku('P-PHO').quantity).toBe(7);
	});

	it('a variation SKU changes the variation and the product’s sum; the answer carries product_id', async () => {
		const boba = bySku('P-BOBA');
		const [medium, large] = boba.variations;
		const res = await put({ sku: 'P-BOBA-M', quantity: -3, replace: false });
		expect(res.json).toMatchObject({ id: medium.id, sku: 'P-BOBA-M', product_id: boba.id });
		expect(boba.quantity).toBe(medium.quantity + large.quantity);
	});

	it('every product and variation holding the SKU changes; the first one (a product) answers', async () => {
		const pho = bySku('P-PHO');
		const medium = bySku('P-BOBA').variations[0];
		medium.sku = 'P-PHO';
		const [phoBefore, mediumBefore] = [pho.quantity, medium.quantity];
		const res = await put({ sku: 'P-PHO', quantity: -1, replace: false });
		expect(res.json).toMatchObject({ id: pho.id, quantity: phoBefore - 1 });
		expect(medium.quantity).toBe(mediumBefore - 1);
	});

	it('an unknown SKU → 404 Product not found [INF]', async () => {
		expect(await put({ sku: 'NOPE', quantity: 1, replace: false })).toEqual({ status: 404, json: { code: 'NotFound', message: 'Product not found' } });
	});

	it.each([
		['no sku', { quantity: 1 }, 'sku'],
		['blank sku', { sku: '  ', quantity: 1 }, 'sku'],
		['quantity not whole', { sku: 'P-PHO', quantity: 1.5 }, 'quantity'],
		['quantity out of range', { sku: 'P-PHO', quantity: -10_000_000, replace: false }, 'quantity'],
		['quantity as text', { sku: 'P-PHO', quantity: '3' }, 'quantity'],
		['replace not a boolean', { sku: 'P-PHO', quantity: 3, replace: 'yes' }, 'replace'],
		['negative with replace (only replace false allows it)', { sku: 'P-PHO', quantity: -1, replace: true }, 'quantity'],
		['the product has variations (its own SKU)', { sku: 'P-BOBA', quantity: 1, replace: false }, 'sku'],
	])('%s → 422 on the field', async (_title, body, field) => {
		const res = await put(body);
		expect(res.status).toBe(422);
		expect(res.json.extras).toEqual({ field });
	});

	it('unlimited quantity → 422 (documented: it must be false)', async () => {
		bySku('P-PHO').unlimited_quantity = true;
		expect((await put({ sku: 'P-PHO', quantity: 1, replace: false })).status).toBe(422);
	});

	it('a change leaving any holder below 0 refuses the whole request; nothing changes [INF]', async () => {
		const pho = bySku('P-PHO');
		const medium = bySku('P-BOBA').variations[0];
		medium.sku = 'P-PHO';
		medium.quantity = 1;
		const before = pho.quantity;
		const res = await put({ sku: 'P-PHO', quantity: -2, replace: false });
		expect(res.status).toBe(422);
		expect([pho.quantity, medium.quantity]).toEqual([before, 1]);
	});
});
