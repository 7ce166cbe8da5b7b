/**
 * SHOPLINE Product → Update Quantity by SKU inside real n8n-core, against the simulator: Add and
 * Set, a product and a variation sharing the SKU, an unknown SKU, every item checked before the
 * first request, continueOnFail, and a lost reply (Add not sent again, Set sent again).
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import type { ProductRec, ShoplineSim } from '../../sandbox/shopline';
import { runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 6, seedOrders: 12 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: IDataObject, continueOnFail = false) => ({ type: 'shopline', parameters: parameters as never, credentials, continueOnFail });
const writes = () => server.requests('shopline').filter((r) => r.method !== 'GET');
const bySku = (sku: string): ProductRec => [...sim.products.values()].find((p) => p.sku === sku)!;

/** The operation with SKU, Mode and Quantity read from each input item. */
const bySkuFromItems = { resource: 'product', operation: 'updateQuantityBySku', sku: '={{ $json.sku }}', mode: '={{ $json.mode ?? "add" }}', quantity: '={{ $json.quantity }}' };

describe('Product: Update Quantity by SKU', () => {
	it('Add takes a sale off the stock; Set Quantity To sets it; one PUT each with SHOPLINE’s replace', async () => {
		const pho = bySku('P-PHO');
		const before = pho.quantity;
		const added = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantityBySku', sku: ' P-PHO ', quantity: -2 }));
		expect(added.error).toBeUndefined();
		expect(writes()).toEqual([expect.objectContaining({ method: 'PUT', path: '/v1/products/update_quantity', body: { sku: 'P-PHO', quantity: -2, replace: false } })]);
		expect(added.items[0].json).toMatchObject({ id: pho.id, sku: 'P-PHO', quantity: before - 2 });
		expect(sim.products.get(pho.id)!.quantity).toBe(before - 2);

		const set = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantityBySku', sku: 'P-PHO', mode: 'set', quantity: 40 }));
		expect(set.error).toBeUndefined();
		expect(writes().at(-1)!.body).toEqual({ sku: 'P-PHO', quantity: 40, replace: true });
		expect(sim.products.get(pho.id)!.quantity).toBe(40);
	});

	it('a product and a variation sharing the SKU both change in one request', async () => {
		const pho = bySku('P-PHO');
		const boba = bySku('P-BOBA');
		const [medium] = boba.variations;
		pho.sku = 'SHARED-1';
		medium.sku = 'SHARED-1';
		const [phoBefore, mediumBefore] = [pho.quantity, medium.quantity];
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantityBySku', sku: 'SHARED-1', quantity: -3 }));
		expect(error).toBeUndefined();
		expect(writes()).toHaveLength(1);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: pho.id, sku: 'SHARED-1', quantity: phoBefore - 3 });
		expect(pho.quantity).toBe(phoBefore - 3);
		expect(medium.quantity).toBe(mediumBefore - 3);
		// SHOPLINE keeps a product with variations at their sum.
		expect(boba.quantity).toBe(boba.variations.reduce((sum, v) => sum + v.quantity, 0));
	});

	it('an unknown SKU stops the run with a NodeApiError naming the item and the SKU; the items before it were written', async () => {
		const pho = bySku('P-PHO');
		const before = pho.quantity;
		const { error } = await runNode(h, shopline(bySkuFromItems), [{ sku: 'P-PHO', quantity: -1 }, { sku: 'NO-SUCH-SKU', quantity: -1 }, { sku: 'P-PHO', quantity: -1 }]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('Item 2: SHOPLINE has no product or variation with the SKU "NO-SUCH-SKU"');
		expect(error?.httpCode).toBe('404');
		expect(error?.description).toMatch(/Product not found.*nothing was changed/);
		expect(writes()).toHaveLength(2);
		expect(pho.quantity).toBe(before - 1);
	});

	it('bad input in any item is refused before the first request, every bad item named', async () => {
		const pho = bySku('P-PHO');
		const before = pho.quantity;
		const { error } = await runNode(h, shopline(bySkuFromItems), [
			{ sku: 'P-PHO', quantity: -1 },
			{ sku: '   ', quantity: -1 },
			{ sku: 'P-PHO', quantity: 1.5 },
			{ sku: 'P-PHO', mode: 'set', quantity: -4 },
			{ sku: 'P-PHO', quantity: 0 },
			{ sku: 'P-PHO', quantity: 10_000_000 },
		]);
		expect(error?.message).toBe('5 of 6 items are not valid, so nothing was written: Item 2, Item 3, Item 4, Item 5, Item 6');
		const lines = error!.description!.split('\n');
		expect(lines[0]).toMatch(/^Nothing was written/);
		expect(lines.slice(1)).toEqual([
			expect.stringMatching(/^- Item 2: "SKU" is required/),
			expect.stringMatching(/^- Item 3 \(SKU P-PHO\): "Quantity" must be a whole number/),
			expect.stringMatching(/^- Item 4 \(SKU P-PHO\): "Quantity" cannot be negative with Set Quantity To/),
			expect.stringMatching(/^- Item 5 \(SKU P-PHO\): "Quantity" must not be 0/),
			expect.stringMatching(/^- Item 6 \(SKU P-PHO\): "Quantity" must be 9999999 or less/),
		]);
		expect(writes()).toHaveLength(0);
		expect(pho.quantity).toBe(before);
	});

	it('with continueOnFail: good items are written, the unknown SKU and the bad item are error items paired with their inputs', async () => {
		const pho = bySku('P-PHO');
		const before = pho.quantity;
		const { items, error } = await runNode(h, shopline(bySkuFromItems, true), [{ sku: 'P-PHO', quantity: -1 }, { sku: 'NO-SUCH-SKU', quantity: -1 }, { sku: '', quantity: -1 }]);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json).toMatchObject({ id: pho.id, quantity: before - 1 });
		expect(items[1].json).toMatchObject({ error: 'Item 2: SHOPLINE has no product or variation with the SKU "NO-SUCH-SKU"', httpCode: '404' });
		expect(String(items[2].json.error)).toMatch(/^Item 3: "SKU" is required/);
		expect(writes().map((r) => (r.body as IDataObject).sku)).toEqual(['P-PHO', 'NO-SUCH-SKU']);
	});

	it('a lost reply: Add is not sent again (the sale is taken off once) and says so; Set is sent again', async () => {
		const pho = bySku('P-PHO');
		const before = pho.quantity;
		sim.setFaults({ nextDropReply: 1, pathFilter: '/products/update_quantity' });
		const added = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantityBySku', sku: 'P-PHO', quantity: -2 }));
		expect(added.error?.message).toContain('SHOPLINE');
		expect(added.error?.description).toMatch(/may or may not have applied it/);
		expect(writes()).toHaveLength(1);
		expect(pho.quantity).toBe(before - 2);

		sim.setFaults({ nextDropReply: 1, pathFilter: '/products/update_quantity' });
		const set = await runNode(h, shopline({ resource: 'product', operation: 'updateQuantityBySku', sku: 'P-PHO', mode: 'set', quantity: 25 }));
		expect(set.error).toBeUndefined();
		expect(writes()).toHaveLength(3);
		expect(pho.quantity).toBe(25);
	});
});
