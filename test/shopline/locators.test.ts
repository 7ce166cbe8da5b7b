/**
 * SHOPLINE record pickers inside n8n-core: each "From List" search pages through the sandbox and
 * finds by the text typed; every operation reads a picked record in each mode and an old plain-text value.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { type ShoplineSim } from '../../sandbox/shopline';
import { listSearch, listSearchPages, listSearchValues, makeNode, runNode, storeCredentials, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

// The nodes run from dist/, so the pacing state to reset between tests is dist's.
let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 120, seedOrders: 130 }, (env) => ({ server, sim, h, credentials } = env));

/** 60 more products so the product search has a second page (the seed has a handful; each test starts from the seed). */
function addProducts() {
	const model = [...sim.products.values()][0];
	for (let n = 0; n < 60; n++) {
		const id = `70000000000000000000${String(n).padStart(4, '0')}`;
		sim.products.set(id, { ...structuredClone(model), id, sku: `RL-${n}`, title_translations: { en: `Locator lamp ${n}`, 'zh-hant': `定位燈 ${n}` }, variations: [] });
	}
}

/** 60 more return orders on the first one's order, so the return order search has a second page. */
function addReturnOrders() {
	const model = [...sim.returnOrders.values()][0];
	for (let n = 0; n < 60; n++) {
		const id = `71000000000000000000${String(n).padStart(4, '0')}`;
		sim.returnOrders.set(id, { ...structuredClone(model), id, seq: 1000 + n, return_order_number: `RL-RET-${n}` });
	}
}

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const run = async (parameters: IDataObject, input: IDataObject[] = [{}]) => await runNode(h, { type: 'shopline', parameters: parameters as never, credentials }, input);
const calls = () => server.requests('shopline');

const searchNode = () => makeNode(h, { type: 'shopline', parameters: { resource: 'customer', operation: 'get' } }, storeCredentials(h, credentials));
const search = async (method: string, filter?: string, token?: string): Promise<INodeListSearchResult> => await listSearch(h, searchNode(), method, filter, token);

/** Every page of a search, as the editor reads them when scrolling. */
const allPages = async (method: string, filter?: string) => await listSearchPages(h, searchNode(), method, filter);
const valuesOf = listSearchValues;
const liveOrders = () => [...sim.orders.values()].filter((o) => !o.archived);

describe('From List: each search pages through SHOPLINE and finds by what is typed', () => {
	it('customers: 50 a page (newest first) with the next page number, every customer once; text finds by name or email', async () => {
		const pages = await allPages('searchCustomers');
		expect(pages[0].results).toHaveLength(50);
		expect(pages[0].paginationToken).toBe('2');
		expect(pages.at(-1)?.paginationToken).toBeUndefined();
		const ids = valuesOf(pages);
		expect(new Set(ids).size).toBe(sim.customers.size);
		expect(ids.sort()).toEqual([...sim.customers.keys()].sort());
		const first = calls()[0];
		expect(first).toMatchObject({ method: 'GET', path: '/v1/customers' });
		expect(first.query).toMatchObject({ page: '1', per_page: '50', sort_by: 'desc' });

		const target = [...sim.customers.values()][33];
		const byName = await search('searchCustomers', ` ${target.name} `);
		expect(byName.results.map((r) => r.value)).toContain(target.id);
		expect(byName.results.find((r) => r.value === target.id)?.name).toBe([target.name, target.email ?? target.mobile_phone].filter(Boolean).join(' · '));
		expect(calls().at(-1)).toMatchObject({ path: '/v1/customers/search' });
		expect(calls().at(-1)?.query).toMatchObject({ query: target.name, page: '1', per_page: '50' });
		expect(await search('searchCustomers', 'nobody-at-all-xyz')).toEqual({ results: [], paginationToken: undefined });
	});

	it('orders: pages through every order (archived ones too, as SHOPLINE’s order list); text finds by order number', async () => {
		const pages = await allPages('searchOrders');
		expect(pages.length).toBe(Math.ceil(sim.orders.size / 50));
		expect(new Set(valuesOf(pages)).size).toBe(sim.orders.size);
		const o = liveOrders()[17];
		const found = await search('searchOrders', o.order_number);
		expect(found.results.map((r) => r.value)).toContain(o.id);
		expect(found.results.find((r) => r.value === o.id)?.name).toMatch(new RegExp(`^#${o.order_number}`));
	});

	it('products: pages through every product; text finds by title (any language) or SKU', async () => {
		addProducts();
		const pages = await allPages('searchProducts');
		expect(pages.length).toBe(Math.ceil(sim.products.size / 50));
		expect(new Set(valuesOf(pages)).size).toBe(sim.products.size);
		expect(await search('searchProducts', 'Locator lamp 42')).toEqual({ results: [{ name: 'Locator lamp 42 · RL-42', value: '700000000000000000000042' }], paginationToken: undefined });
		expect((await search('searchProducts', '定位燈 7')).results.map((r) => r.value)).toEqual(['700000000000000000000007']);
		expect((await search('searchProducts', 'p-thai')).results.map((r) => r.name)).toEqual([expect.stringContaining('P-THAI-TEA')]);
		const paged = await allPages('searchProducts', 'locator');
		expect(paged.length).toBe(2);
		expect(valuesOf(paged)).toHaveLength(60);
	});

	it('return orders: pages through every return (newest first, no sort_by: the list has none); text finds by return number', async () => {
		addReturnOrders();
		const pages = await allPages('searchReturnOrders');
		expect(pages.length).toBe(Math.ceil(sim.returnOrders.size / 50));
		expect(pages[0].paginationToken).toBe('2');
		expect(new Set(valuesOf(pages)).size).toBe(sim.returnOrders.size);
		expect(calls()[0]).toMatchObject({ method: 'GET', path: '/v1/return_orders' });
		expect(calls()[0].query).toEqual({ page: '1', per_page: '50' });
		expect(calls()[1].query).toEqual({ page: '2', per_page: '50' });

		const model = [...sim.returnOrders.values()][0];
		const order = sim.orders.get(model.order_id)!;
		const found = await search('searchReturnOrders', ' RL-RET-42 ');
		expect(calls().at(-1)?.query).toEqual({ query: 'RL-RET-42', page: '1', per_page: '50' });
		expect(found).toEqual({ results: [{ name: `RL-RET-42 · order #${order.order_number} · ${order.customer_name}`, value: '710000000000000000000042' }], paginationToken: undefined });
		expect(valuesOf(await allPages('searchReturnOrders', 'RL-RET-'))).toHaveLength(60);
	});
});

describe('Every operation reads a picked record in each mode and an old plain-text value', () => {
	const modes = [
		['From List', (id: string) => rl('list', id)],
		['By ID', (id: string) => rl('id', id)],
		['old plain text', (id: string) => id],
		['old plain text with spaces around', (id: string) => ` ${id}  `],
	] as const;

	it.each(modes)('Customer → Get, Update, Delete (%s)', async (_, pick) => {
		const c = [...sim.customers.values()].find((x) => x.seeded && x.email)!;
		const got = await run({ resource: 'customer', operation: 'get', customerId: pick(c.id), simplify: false });
		expect(got.error).toBeUndefined();
		expect(got.items[0].json.id).toBe(c.id);
		const updated = await run({ resource: 'customer', operation: 'update', customerId: pick(c.id), updateFields: { tags: 'picked' } });
		expect(updated.error).toBeUndefined();
		expect(calls().at(-1)).toMatchObject({ method: 'PUT', path: `/v1/customers/${c.id}` });
		const deleted = await run({ resource: 'customer', operation: 'delete', customerId: pick(c.id) });
		expect(deleted.error).toBeUndefined();
		expect(calls().at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/customers/${c.id}` });
	});

	it.each(modes)('Order → Get, Update Status, Cancel (%s)', async (_, pick) => {
		const o = liveOrders().find((x) => x.status === 'pending')!;
		const got = await run({ resource: 'order', operation: 'get', orderId: pick(o.id), simplify: false });
		expect(got.error).toBeUndefined();
		expect(got.items[0].json.id).toBe(o.id);
		const confirmed = await run({ resource: 'order', operation: 'updateStatus', orderId: pick(o.id), status: 'confirmed' });
		expect(confirmed.error).toBeUndefined();
		expect(calls().at(-1)).toMatchObject({ method: 'PATCH', path: `/v1/orders/${o.id}/status` });
		const cancelled = await run({ resource: 'order', operation: 'cancel', orderId: pick(o.id) });
		expect(cancelled.error).toBeUndefined();
		expect(calls().at(-1)).toMatchObject({ method: 'PATCH', path: `/v1/orders/${o.id}/cancel` });
	});

	it.each(modes)('Return Order → Get (%s)', async (_, pick) => {
		const r = [...sim.returnOrders.values()][1];
		const got = await run({ resource: 'returnOrder', operation: 'get', returnOrderId: pick(r.id) });
		expect(got.error).toBeUndefined();
		expect(calls()).toEqual([expect.objectContaining({ method: 'GET', path: `/v1/return_orders/${r.id}` })]);
		expect(got.items[0].json).toMatchObject({ id: r.id, return_order_number: r.return_order_number });
	});

	it.each(modes)('Return Order → Get Many filtered by Order (%s)', async (_, pick) => {
		const r = [...sim.returnOrders.values()][2];
		const { items, error } = await run({ resource: 'returnOrder', operation: 'getMany', returnAll: true, filters: { order_id: pick(r.order_id) } });
		expect(error).toBeUndefined();
		expect(calls().at(-1)?.query).toMatchObject({ order_id: r.order_id });
		expect(items.map((i) => i.json.order_id)).toEqual(items.map(() => r.order_id));
		expect(items.map((i) => i.json.id)).toContain(r.id);
	});

	it.each(modes)('Product → Get (%s)', async (_, pick) => {
		const p = [...sim.products.values()][0];
		const got = await run({ resource: 'product', operation: 'get', productId: pick(p.id), simplify: false });
		expect(got.error).toBeUndefined();
		expect(got.items[0].json.id).toBe(p.id);
	});
});

describe('A picker left empty or typed wrong stops before any request', () => {
	it.each([
		[{ resource: 'customer', operation: 'get', customerId: rl('list', '') }, 'Parameter "Customer" is required.'],
		[{ resource: 'order', operation: 'get', orderId: rl('id', 'a/b') }, 'Order ID must be a SHOPLINE ID without spaces or slashes'],
		[{ resource: 'returnOrder', operation: 'get', returnOrderId: rl('id', 'R 1') }, 'Return Order ID must be a SHOPLINE ID without spaces or slashes'],
	])('typed in the editor: n8n refuses the workflow, naming the field (%j)', async (parameters, words) => {
		await expect(run(parameters as IDataObject)).rejects.toThrow(words);
		expect(calls()).toHaveLength(0);
	});

	it.each([
		[{ resource: 'customer', operation: 'delete', customerId: rl('list', '={{ $json.v }}') }, { v: '' }, 'Item 1: "Customer" is required: pick one from the list or enter its ID'],
		[{ resource: 'order', operation: 'cancel', orderId: rl('id', '={{ $json.v }}') }, { v: '../customers' }, 'Item 1: "Order" must be a SHOPLINE ID without spaces or slashes, e.g. 63b0c0ffee00000000000001 (got "../customers")'],
		[{ resource: 'returnOrder', operation: 'get', returnOrderId: rl('id', '={{ $json.v }}') }, { v: '../orders' }, 'Item 1: "Return Order" must be a SHOPLINE ID without spaces or slashes, e.g. 65e0c0ffee00000000000001 (got "../orders")'],
		[{ resource: 'returnOrder', operation: 'get', returnOrderId: '={{ $json.v }}' }, { v: ' ' }, 'Item 1: "Return Order" is required: pick one from the list or enter its ID'],
		[{ resource: 'returnOrder', operation: 'getMany', returnAll: true, filters: { order_id: rl('id', '={{ $json.v }}') } }, { v: 'a b' }, 'Item 1: "Filters › Order" must be a SHOPLINE ID without spaces or slashes, e.g. 63b0c0ffee00000000000001 (got "a b")'],
		[{ resource: 'product', operation: 'get', productId: '={{ $json.v }}' }, { v: 'two words' }, 'Item 1: "Product" must be a SHOPLINE ID without spaces or slashes, e.g. 62c0c0ffee00000000000001 (got "two words")'],
	])('from an expression: the node names the item and the field (%j)', async (parameters, item, message) => {
		const { error } = await run(parameters as IDataObject, [item]);
		expect(error?.message).toBe(message);
		expect(calls()).toHaveLength(0);
	});
});

describe('The pickers in the node description', () => {
	it('are resource locators with a searchable From List and a validated By ID', () => {
		const type = h.nodeTypes.getByNameAndVersion('n8n-nodes-asia-commerce.shopline');
		const pickers = type.description.properties.filter((p) => p.type === 'resourceLocator');
		expect(new Set(pickers.map((p) => p.name))).toEqual(new Set(['customerId', 'orderId', 'productId', 'returnOrderId']));
		for (const p of pickers) {
			const [list, typed] = p.modes ?? [];
			expect(list).toMatchObject({ name: 'list', type: 'list', typeOptions: { searchable: true } });
			expect(Object.keys(type.methods?.listSearch ?? {})).toContain(list.typeOptions?.searchListMethod);
			expect(typed).toMatchObject({ name: 'id', type: 'string', validation: [{ type: 'regex' }] });
			expect(p.modes).toHaveLength(2); // SHOPLINE documents no record page URL: no By URL mode
		}
	});
});
