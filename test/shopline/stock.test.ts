/**
 * SHOPLINE Product → Update Stock (Bulk) and Get Locked Inventory inside real n8n-core, against the
 * simulator; and the Variation dropdowns of list lines (Order → Create's Items, the bulk Stock
 * Changes) that offer only the variations of the product chosen on the same line, called through
 * n8n-core's LoadOptionsContext at the dropdown's own parameter path, as the editor calls it.
 */
import type { IDataObject, INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { SHOPLINE_DEMO, type ProductRec, type ShoplineSim } from '../../sandbox/shopline';
import { WAREHOUSES } from '../../sandbox/shopline/catalog';
import { loadOptions, makeNode, runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 6, seedOrders: 12 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: IDataObject, continueOnFail = false) => ({ type: 'shopline', parameters: parameters as never, credentials, continueOnFail });
const requests = () => server.requests('shopline');
const writes = () => requests().filter((r) => r.method !== 'GET');
const bySku = (sku: string): ProductRec => [...sim.products.values()].find((p) => p.sku === sku)!;
const [MAIN, STORE, TRANSFERRING] = WAREHOUSES.map((w) => w.id);

/** A `methods.loadOptions` entry called as the editor calls it for the dropdown at `path`. */
const loadOptionsAt = async (node: INode, method: string, path: string): Promise<INodePropertyOptions[]> => await loadOptions(h, node, method, path);

/** Straight to the simulator, for the rules the node never lets through. */
async function direct(method: string, path: string, body?: unknown) {
	const res = await fetch(`${credentials.shoplineApi.baseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}`, 'User-Agent': SHOPLINE_DEMO.userAgent, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as IDataObject };
}

const bulk = (lines: IDataObject[], is_replace: boolean | string = false) => ({ resource: 'product', operation: 'bulkUpdateStock', is_replace, lines: { values: lines } });

describe('Product: Update Stock (Bulk)', () => {
	it('one request with every line; stocks of products and variations move per warehouse (add, then replace)', async () => {
		const pho = bySku('P-PHO');
		const boba = bySku('P-BOBA');
		const [medium] = boba.variations;
		const phoBefore = pho.quantity;
		const added = await runNode(h, shopline(bulk([
			{ product_id: pho.id, warehouse_id: MAIN, quantity: 5 },
			{ product_id: boba.id, variation_id: medium.id, warehouse_id: STORE, quantity: -2 },
		])));
		expect(added.error).toBeUndefined();
		expect(added.items[0].json).toMatchObject({ updated: 2, is_replace: false });
		expect(writes()).toHaveLength(1);
		expect(writes()[0]).toMatchObject({
			method: 'PUT',
			path: '/v1/products/bulk_update_stocks',
			body: { is_replace: false, bulk_data: [{ id: pho.id, warehouse_id: MAIN, quantity: 5 }, { id: boba.id, variation_id: medium.id, warehouse_id: STORE, quantity: -2 }] },
		});
		expect(sim.products.get(pho.id)!.stocks).toEqual({ [MAIN]: 5 });
		expect(sim.products.get(pho.id)!.quantity).toBe(phoBefore + 5);
		expect(sim.products.get(boba.id)!.variations[0].stocks).toEqual({ [STORE]: -2 });

		const replaced = await runNode(h, shopline(bulk([{ product_id: pho.id, warehouse_id: MAIN, quantity: 0 }], true)));
		expect(replaced.error).toBeUndefined();
		expect(writes().at(-1)!.body).toEqual({ is_replace: true, bulk_data: [{ id: pho.id, warehouse_id: MAIN, quantity: 0 }] });
		expect(sim.products.get(pho.id)!.stocks).toEqual({ [MAIN]: 0 });
		expect(sim.products.get(pho.id)!.quantity).toBe(phoBefore);
	});

	it('lines SHOPLINE refuses make the item fail, each named, saying the others were applied', async () => {
		const pho = bySku('P-PHO');
		const boba = bySku('P-BOBA');
		const { error } = await runNode(h, shopline(bulk([
			{ product_id: pho.id, warehouse_id: MAIN, quantity: 3 },
			{ product_id: pho.id, warehouse_id: TRANSFERRING, quantity: 3 },
			{ product_id: boba.id, warehouse_id: MAIN, quantity: 1 },
		])));
		expect(error?.message).toBe('Item 1: SHOPLINE refused 2 of 3 stock changes');
		expect(error?.description).toBe(
			[
				`Stock Changes › 2 (product ${pho.id}): Only an active warehouse can be updated`,
				`Stock Changes › 3 (product ${boba.id}): This product has variations: variation_id is required`,
				'The other 1 changes were applied; running the item again would add them again.',
			].join('\n'),
		);
		expect(sim.products.get(pho.id)!.stocks).toEqual({ [MAIN]: 3 });
	});

	it('every item and line is checked first: item 2 with a 0 change stops the node before item 1 is sent', async () => {
		const pho = bySku('P-PHO');
		const parameters = bulk([{ product_id: pho.id, warehouse_id: MAIN, quantity: '={{ $json.qty }}' }]);
		const run = await runNode(h, shopline(parameters), [{ qty: 4 }, { qty: 0 }]);
		expect(run.error?.message).toBe('Item 2: "Stock Changes › 1 › Quantity" must not be 0 (nothing would change)');
		expect(run.error?.description).toMatch(/^Nothing was written/);
		expect(writes()).toEqual([]);

		const cont = await runNode(h, shopline(parameters, true), [{ qty: 4 }, { qty: 0 }]);
		expect(cont.items[0].json).toMatchObject({ updated: 1 });
		expect(cont.items[1]).toEqual({ json: { error: 'Item 2: "Stock Changes › 1 › Quantity" must not be 0 (nothing would change)' }, pairedItem: { item: 1 } });
		expect(writes()).toHaveLength(1);
		expect(sim.products.get(pho.id)!.stocks).toEqual({ [MAIN]: 4 });
	});

	it('refused before sending: no lines, a missing warehouse, more than 100 lines', async () => {
		const pho = bySku('P-PHO');
		const none = await runNode(h, shopline(bulk([])));
		expect(none.error?.message).toBe('Item 1: "Stock Changes" needs at least one stock change');
		const noWarehouse = await runNode(h, shopline(bulk([{ product_id: pho.id, warehouse_id: '={{ "" }}', quantity: 1 }])));
		expect(noWarehouse.error?.message).toBe('Item 1: "Stock Changes › 1 › Warehouse" is required');
		const many = await runNode(h, shopline(bulk(Array.from({ length: 101 }, () => ({ product_id: pho.id, warehouse_id: MAIN, quantity: 1 })))));
		expect(many.error?.message).toBe('Item 1: "Stock Changes" can have at most 100 stock changes (split them over several items)');
		expect(writes()).toEqual([]);
	});

	it('the simulator: is_replace is required, bulk_data at most 100 entries', async () => {
		const pho = bySku('P-PHO');
		const noReplace = await direct('PUT', '/products/bulk_update_stocks', { bulk_data: [{ id: pho.id, warehouse_id: MAIN, quantity: 1 }] });
		expect(noReplace).toMatchObject({ status: 422, json: { extras: { field: 'is_replace' } } });
		const over = await direct('PUT', '/products/bulk_update_stocks', { is_replace: false, bulk_data: Array.from({ length: 101 }, () => ({ id: pho.id, warehouse_id: MAIN, quantity: 1 })) });
		expect(over).toMatchObject({ status: 422, json: { extras: { field: 'bulk_data' } } });
		expect(sim.products.get(pho.id)!.stocks).toBeUndefined();
	});
});

describe('Product: Get Locked Inventory', () => {
	it('one item per product SHOPLINE knows, with its variations; unknown IDs give none', async () => {
		const boba = bySku('P-BOBA');
		const pho = bySku('P-PHO');
		const tart = bySku('P-EGG-TART');
		const unknown = '5f0000000000000000000009';
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'getLockedInventory', product_ids: `${boba.id}, ${pho.id}, ${tart.id}, ${unknown}, ${boba.id}` }));
		expect(error).toBeUndefined();
		expect(requests()).toHaveLength(1);
		expect(requests()[0]).toMatchObject({ method: 'POST', path: '/v1/products/locked_inventory_count', body: { product_ids: [boba.id, pho.id, tart.id, unknown] } });
		expect(items.map((i) => i.json)).toEqual([
			{ product_id: boba.id, locked_inventory_count: 4, variations: [{ variation_id: boba.variations[0].id, locked_inventory_count: 3 }, { variation_id: boba.variations[1].id, locked_inventory_count: 1 }] },
			{ product_id: pho.id, locked_inventory_count: 4, variations: [] },
			{ product_id: tart.id, locked_inventory_count: 0, variations: [] },
		]);
	});

	it('more than 1000 IDs or an ID with a space: refused before sending; the simulator keeps the 1000 limit', async () => {
		const many = Array.from({ length: 1001 }, (_, n) => `5f${String(n).padStart(22, '0')}`);
		const tooMany = await runNode(h, shopline({ resource: 'product', operation: 'getLockedInventory', product_ids: many.join(',') }));
		expect(tooMany.error?.message).toBe('Item 1: "Product IDs" can have at most 1000 product IDs');
		const spaced = await runNode(h, shopline({ resource: 'product', operation: 'getLockedInventory', product_ids: '={{ ["a b"] }}' }));
		expect(spaced.error?.message).toBe('Item 1: "Product IDs › 1" has an ID with a space or slash');
		expect(requests()).toEqual([]);
		expect(await direct('POST', '/products/locked_inventory_count', { product_ids: many })).toMatchObject({ status: 422, json: { extras: { field: 'product_ids' } } });
		expect(await direct('POST', '/products/locked_inventory_count', { product_ids: [] })).toMatchObject({ status: 422 });
	});
});

describe('Variation dropdowns of list lines: only the variations of the line’s product', () => {
	const variationProperty = (node: INode, name: string, operation: string) => {
		const type = h.nodeTypes.getByNameAndVersion(node.type);
		const list = type.description.properties.find((p) => p.name === name && (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation))!;
		const values = (list.options as Array<{ values: INodeProperties[] }>)[0].values;
		return values.find((p) => p.name === 'variation_id')!;
	};

	it('Order → Create: each line’s Variation lists its own product’s variations (and reloads when that product changes)', async () => {
		const boba = bySku('P-BOBA');
		const thai = bySku('P-THAI-TEA');
		const pho = bySku('P-PHO');
		const node = makeNode(h, shopline({ resource: 'order', operation: 'create', items: { values: [{ item_id: boba.id, quantity: 1 }, { item_id: thai.id, quantity: 1 }, { item_id: pho.id, quantity: 1 }, { quantity: 1 }] } }));
		expect(variationProperty(node, 'items', 'create').typeOptions).toEqual({ loadOptionsMethod: 'getVariations', loadOptionsDependsOn: ['&item_id'] });
		const at = async (line: number) => (await loadOptionsAt(node, 'getVariations', `parameters.items.values[${line}].variation_id`)).map((o) => o.value);
		expect(await at(0)).toEqual(boba.variations.map((v) => v.id));
		expect(await at(1)).toEqual(thai.variations.map((v) => v.id));
		expect(await at(2)).toEqual([]);
		expect(await at(3)).toEqual([]);
		expect(requests().map((r) => r.path)).toEqual([`/v1/products/${boba.id}`, `/v1/products/${thai.id}`, `/v1/products/${pho.id}`]);
		const named = await loadOptionsAt(node, 'getVariations', 'parameters.items.values[0].variation_id');
		expect(named[0]).toMatchObject({ name: `Medium (${boba.variations[0].sku})`, description: 'In stock: 200' });
	});

	it('Update Stock (Bulk): each Stock Change’s Variation follows that line’s Product', async () => {
		const boba = bySku('P-BOBA');
		const thai = bySku('P-THAI-TEA');
		const node = makeNode(h, shopline(bulk([{ product_id: thai.id }, { product_id: boba.id }, { product_id: '={{ $json.id }}' }])));
		expect(variationProperty(node, 'lines', 'bulkUpdateStock').typeOptions).toEqual({ loadOptionsMethod: 'getVariations', loadOptionsDependsOn: ['&product_id'] });
		const at = async (line: number) => (await loadOptionsAt(node, 'getVariations', `parameters.lines.values[${line}].variation_id`)).map((o) => o.value);
		expect(await at(1)).toEqual(boba.variations.map((v) => v.id));
		expect(await at(0)).toEqual(thai.variations.map((v) => v.id));
		expect(await at(2)).toEqual([]);
	});
});
