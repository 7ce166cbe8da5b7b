/**
 * Issue 16, points 1–3 for SHOPLINE: 120 POS customers checked before the first write, a re-run that
 * finds what the first run made (customers by email / mobile, orders by their remarks), and lost
 * replies that end as the record found rather than a second one.
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { DELIVERY_OPTIONS, PAYMENT_METHODS, type ShoplineSim } from '../../sandbox/shopline';
import { runNode, type Harness } from '../harness/n8n';
import { useShopline } from './setup';

// The nodes run from dist/, so the pacing state to reset between tests is dist's.
let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: IDataObject;

useShopline({ seedCustomers: 20, seedOrders: 10 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: IDataObject, continueOnFail = false) => ({ type: 'shopline', parameters: parameters as never, credentials: credentials as never, continueOnFail });
const writes = () => server.requests('shopline').filter((r) => r.method === 'POST' || r.method === 'PUT');
const customerCount = () => sim.customers.size;

/** 120 customers as the MeeDee POS node outputs them (common shape); item 36 has no email and no phone. */
const posCustomers = (): IDataObject[] =>
	Array.from({ length: 120 }, (_, n) => ({
		source: 'meedee',
		id: `pos-${n + 1}`,
		code: `CUS-${String(n + 1).padStart(5, '0')}`,
		name: `ลูกค้า POS ${n + 1}`,
		email: n === 35 ? null : `pos.customer.${n + 1}@example.th`,
		// Every fourth one also has a mobile, as POS books do.
		phone: n === 35 || n % 4 ? null : `+6681${String(2000000 + n).padStart(7, '0')}`,
		address: null,
		birthday: null,
		tags: ['POS'],
	}));

/**
 * Runs `body` with the answer of the request after the first customer search lost (the create):
 * the search's own answer arms the fault, as both paths contain "/customers".
 */
async function afterFirstSearch<T>(body: () => Promise<T>, path = 'v1/customers/search'): Promise<T> {
	const route = sim.routes.find((r) => r.method === 'GET' && r.parts.join('/') === path)!;
	const original = route.handler;
	route.handler = async (req) => {
		route.handler = original;
		const answer = await original(req);
		sim.setFaults({ nextDropReply: 1, pathFilter: '' });
		return answer;
	};
	try {
		return await body();
	} finally {
		route.handler = original;
	}
}

const upsert = { resource: 'customer', operation: 'createOrUpdate', mapping: 'auto', additionalFields: { send_notification: false }, options: { concurrency: 4 } };

describe('120 POS customers → SHOPLINE Create or Update: every item is checked before the first write', () => {
	it('without an error output: item 36 stops the node before anything is written, named by number and code', async () => {
		const before = customerCount();
		const { error } = await runNode(h, shopline(upsert), posCustomers());
		expect(error?.message).toBe('Item 36 (CUS-00036): "Email" or "Mobile Phone" is required');
		expect(error?.description).toMatch(/^Nothing was written/);
		expect(server.requests('shopline')).toHaveLength(0);
		expect(customerCount()).toBe(before);
	});

	it('with continueOnFail: 119 customers written, item 36 one paired error item; the re-run updates all 119', async () => {
		const before = customerCount();
		const first = await runNode(h, shopline(upsert, true), posCustomers());
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(120);
		expect(first.items.map((i) => i.pairedItem)).toEqual(Array.from({ length: 120 }, (_, item) => ({ item })));
		expect(first.items[35].json).toEqual({ error: 'Item 36 (CUS-00036): "Email" or "Mobile Phone" is required' });
		const written = first.items.filter((i) => i.json.action === 'created');
		expect(written).toHaveLength(119);
		expect(customerCount()).toBe(before + 119);

		const mark = writes().length;
		const second = await runNode(h, shopline(upsert, true), posCustomers());
		expect(second.items.filter((i) => i.json.action === 'updated')).toHaveLength(119);
		expect(writes().slice(mark).every((r) => r.method === 'PUT')).toBe(true);
		expect(customerCount()).toBe(before + 119);
	});
});

describe('SHOPLINE customers: Match Existing By', () => {
	it('Create with Match Existing By Email: the second run returns the customer unchanged', async () => {
		const params = { resource: 'customer', operation: 'create', name: 'Chen Mei', email: 'chen.mei@example.tw', matchBy: 'email', additionalFields: { send_notification: false } };
		const first = await runNode(h, shopline(params));
		expect(first.items[0].json).toMatchObject({ action: 'created', email: 'chen.mei@example.tw' });
		const second = await runNode(h, shopline({ ...params, email: 'CHEN.MEI@example.tw' }));
		expect(second.error).toBeUndefined();
		expect(second.items[0].json).toMatchObject({ action: 'unchanged', id: first.items[0].json.id });
		expect(writes()).toHaveLength(1);
	});

	it('Create or Update with Match Existing By Mobile Phone: found by the number even when the email changed', async () => {
		const params = { resource: 'customer', operation: 'createOrUpdate', name: 'Lee Wai', mobile_phone: '+85291234567', matchBy: 'phone', email: '={{ $json.email }}', additionalFields: { send_notification: false } };
		const first = await runNode(h, shopline(params), [{ email: 'lee.old@example.hk' }]);
		const second = await runNode(h, shopline(params), [{ email: 'lee.new@example.hk' }]);
		expect(second.items[0].json).toMatchObject({ action: 'updated', customer: { id: (first.items[0].json.customer as IDataObject).id, email: 'lee.new@example.hk' } });
	});

	it('a lost reply to the create: the customer is found by its email and returned as created, not made twice', async () => {
		const before = customerCount();
		const params = { resource: 'customer', operation: 'createOrUpdate', name: 'Dropped Reply', email: 'dropped.reply@example.th', additionalFields: { send_notification: false } };
		const { items, error } = await afterFirstSearch(() => runNode(h, shopline(params)));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ action: 'created', customer: { email: 'dropped.reply@example.th' } });
		expect(server.requests('shopline').filter((r) => r.fault === 'nextDropReply').map((r) => [r.method, r.path])).toEqual([['POST', '/v1/customers']]);
		expect(customerCount()).toBe(before + 1);
		expect(writes()).toHaveLength(1);
	});
});

describe('SHOPLINE orders: Match Existing By Order Remarks', () => {
	const plain = () => [...sim.products.values()].find((p) => !p.variations.length && !p.priceSaleCents && p.status === 'active')!;
	const orderParams = (remarks: string) => {
		const product = plain();
		return {
			resource: 'order',
			operation: 'create',
			customer: 'repeat.buyer@example.tw',
			delivery_option_id: DELIVERY_OPTIONS[0].id,
			payment_method_id: PAYMENT_METHODS[0].id,
			items: { values: [{ item_id: product.id, variation_id: '', item_price: product.priceCents / 100, quantity: 1, total: '' }] },
			delivery_address: { values: { recipient_name: 'Wang', address_1: '1 Xinyi Rd', city: 'Taipei', country: 'Taiwan' } },
			total: product.priceCents / 100,
			additionalFields: { order_remarks: remarks },
			matchBy: 'orderRemarks',
		};
	};

	it('the same source order sent twice places one SHOPLINE order; the second run returns it unchanged', async () => {
		const before = sim.orders.size;
		const first = await runNode(h, shopline(orderParams('Venio SO2612-0042')));
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({ action: 'created', order_remarks: 'Venio SO2612-0042' });
		const second = await runNode(h, shopline(orderParams('Venio SO2612-0042')));
		expect(second.items[0].json).toMatchObject({ action: 'unchanged', id: first.items[0].json.id });
		const other = await runNode(h, shopline(orderParams('Venio SO2612-0043')));
		expect(other.items[0].json.action).toBe('created');
		expect(sim.orders.size).toBe(before + 2);
		expect(server.requests('shopline').find((r) => r.path === '/v1/orders/search')?.query).toMatchObject({ customer_email: 'repeat.buyer@example.tw' });
	});

	it('a lost reply to the create: the order is found by its remarks and returned as created', async () => {
		const before = sim.orders.size;
		const { items, error } = await afterFirstSearch(() => runNode(h, shopline(orderParams('Venio SO2612-0099'))), 'v1/orders/search');
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ action: 'created', order_remarks: 'Venio SO2612-0099' });
		expect(server.requests('shopline').filter((r) => r.fault === 'nextDropReply').map((r) => [r.method, r.path])).toEqual([['POST', '/v1/orders']]);
		expect(sim.orders.size).toBe(before + 1);
	});

	it('an order without remarks to match is refused before anything is sent', async () => {
		const { error } = await runNode(h, shopline(orderParams('')));
		expect(error?.message).toBe('Item 1 (repeat.buyer@example.tw): "Order Remarks" is needed to find the existing order (Match Existing By)');
		expect(server.requests('shopline').filter((r) => r.method === 'POST')).toHaveLength(0);
	});
});
