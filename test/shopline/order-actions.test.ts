/**
 * SHOPLINE order actions and return orders inside real n8n-core, against the simulator: Update
 * Delivery Status, Update Payment Status, Update Tags, Get Transactions, Get Action Logs; Return
 * Order Get and Get Many.
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { DELIVERY_OPTIONS, type OrderRec, type ShoplineSim } from '../../sandbox/shopline';
import { runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 40, seedOrders: 240 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: Record<string, unknown>) => ({ type: 'shopline', parameters: parameters as never, credentials });
const orders = (test: (o: OrderRec) => boolean = () => true) => [...sim.orders.values()].sort((a, b) => a.seq - b.seq).filter((o) => !o.archived && test(o));
const requests = () => server.requests('shopline');

describe('Order: delivery and payment status', () => {
	it.each([
		{ op: 'updateDeliveryStatus', status: 'shipped', path: 'order_delivery_status', read: (o: IDataObject) => (o.order_delivery as IDataObject).status },
		{ op: 'updateDeliveryStatus', status: 'arrived', path: 'order_delivery_status', read: (o: IDataObject) => (o.order_delivery as IDataObject).status },
		{ op: 'updatePaymentStatus', status: 'completed', path: 'order_payment_status', read: (o: IDataObject) => (o.order_payment as IDataObject).status },
		{ op: 'updatePaymentStatus', status: 'refunded', path: 'order_payment_status', read: (o: IDataObject) => (o.order_payment as IDataObject).status },
	])('$op to $status, with the customer emailed', async ({ op, status, path, read }) => {
		const o = orders((x) => !!x.customer_email)[0];
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: op, orderId: o.id, status, mail_notify: true }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ order_id: o.id, status, updated_at: expect.any(String) });
		expect(requests().at(-1)).toMatchObject({ method: 'PATCH', path: `/v1/orders/${o.id}/${path}`, body: { status, mail_notify: true } });
		expect(read(sim.orderJson(sim.orders.get(o.id)!) as IDataObject)).toBe(status);
		expect(sim.notifications.some((n) => n.resource_id === o.id && n.kind.endsWith(status))).toBe(true);
	});

	it('third-party logistics: refused unless Force for Third-Party Logistics; archived orders explained', async () => {
		const thirdParty = DELIVERY_OPTIONS.find((d) => d.third_party)!;
		const o = orders()[1];
		sim.orders.get(o.id)!.delivery_option_id = thirdParty.id;
		const refused = await runNode(h, shopline({ resource: 'order', operation: 'updateDeliveryStatus', orderId: o.id, status: 'shipped', mail_notify: false }));
		expect(refused.error?.message).toMatch(/SHOPLINE Unprocessable data \(422\).*third-party logistics/);
		const forced = await runNode(h, shopline({ resource: 'order', operation: 'updateDeliveryStatus', orderId: o.id, status: 'shipped', mail_notify: false, options: { force: true } }));
		expect(forced.error).toBeUndefined();
		expect(requests().at(-1)!.body).toMatchObject({ force_update: 'status' });

		const archived = [...sim.orders.values()].find((x) => x.archived)!;
		const gone = await runNode(h, shopline({ resource: 'order', operation: 'updatePaymentStatus', orderId: archived.id, status: 'completed', mail_notify: false }));
		expect(gone.error?.description).toMatch(/archived/);
	});
});

describe('Order: tags, transactions, action logs', () => {
	it('Update Tags replaces the tags; a tag under 3 characters is refused before sending', async () => {
		const o = orders()[2];
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'updateTags', orderId: o.id, tags: 'pos-sync, gift-wrap, pos-sync' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: o.id, tags: ['pos-sync', 'gift-wrap'] });
		expect(sim.orderJson(sim.orders.get(o.id)!).tags).toEqual(['pos-sync', 'gift-wrap']);
		const n = requests().length;
		const bad = await runNode(h, shopline({ resource: 'order', operation: 'updateTags', orderId: o.id, tags: 'ok-tag, x' }));
		expect(bad.error?.message).toBe('Item 1: "Tags › 2" has a tag shorter than 3 characters');
		expect(requests().length).toBe(n);
	});

	it('Get Action Logs lists what was done to the order, oldest first, with Limit', async () => {
		const o = orders()[3];
		await runNode(h, shopline({ resource: 'order', operation: 'updateDeliveryStatus', orderId: o.id, status: 'shipping', mail_notify: false }));
		await runNode(h, shopline({ resource: 'order', operation: 'updateTags', orderId: o.id, tags: 'priority' }));
		const all = await runNode(h, shopline({ resource: 'order', operation: 'getActionLogs', orderId: o.id, returnAll: true }));
		expect(all.error).toBeUndefined();
		expect(all.items.map((i) => i.json.key)).toEqual(['order_created', 'order_delivery_status_updated', 'order_tags_updated']);
		expect(all.items[0].json.order_id).toBe(o.id);
		const one = await runNode(h, shopline({ resource: 'order', operation: 'getActionLogs', orderId: o.id, returnAll: false, limit: 1 }));
		expect(one.items.map((i) => i.json.key)).toEqual(['order_created']);
	});

	it('Get Transactions: a completed order has its payment; another order gives no items', async () => {
		const done = orders((x) => x.status === 'completed')[0];
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'getTransactions', orderId: done.id, returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ order_id: done.id, transaction_number: `T${done.order_number}`, order_number: [done.order_number] });
		expect(requests().at(-1)).toMatchObject({ path: '/v1/orders/transactions', query: { orderIds: [done.id] } });

		const pending = orders((x) => x.status === 'pending')[0];
		const none = await runNode(h, shopline({ resource: 'order', operation: 'getTransactions', orderId: pending.id, returnAll: true }));
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});
});

describe('Return Order', () => {
	const returns = () => [...sim.returnOrders.values()].sort((a, b) => b.seq - a.seq);

	it.each([
		{ title: 'every return, over pages', params: { returnAll: true, options: { pageSize: 2 } }, test: () => true },
		{ title: 'Limit', params: { returnAll: false, limit: 2 }, test: () => true, take: 2 },
		{ title: 'refunded only', params: { returnAll: true, filters: { payment_status_filter: 'refunded' } }, test: (r: IDataObject) => r.order_payment_status === 'refunded' },
		{ title: 'completed and inspected', params: { returnAll: true, filters: { status_filter: 'completed', inspect_status_filter: 'inspected' } }, test: (r: IDataObject) => r.status === 'completed' && r.inspect_status === 'inspected' },
	])('Get Many: $title', async ({ params, test, take }) => {
		const { items, error } = await runNode(h, shopline({ resource: 'returnOrder', operation: 'getMany', ...params }));
		expect(error).toBeUndefined();
		const expected = returns().filter((r) => test(r as unknown as IDataObject)).slice(0, take ?? Infinity);
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.id)).toEqual(expected.map((r) => r.id));
	});

	it('Get Many by order (the other filters then ignored) and by text; Get one', async () => {
		const r = returns()[0];
		const byOrder = await runNode(h, shopline({ resource: 'returnOrder', operation: 'getMany', returnAll: true, filters: { order_id: r.order_id, status_filter: 'cancelled' } }));
		expect(byOrder.items.map((i) => i.json.id)).toEqual([r.id]);
		const byText = await runNode(h, shopline({ resource: 'returnOrder', operation: 'getMany', returnAll: true, filters: { query: r.return_order_number } }));
		expect(byText.items.map((i) => i.json.id)).toEqual([r.id]);

		const one = await runNode(h, shopline({ resource: 'returnOrder', operation: 'get', returnOrderId: r.id }));
		expect(one.items[0].json).toMatchObject({ id: r.id, return_order_number: r.return_order_number, order_id: r.order_id, total: { cents: r.totalCents } });
		const missing = await runNode(h, shopline({ resource: 'returnOrder', operation: 'get', returnOrderId: 'ffffffffffffffffffffffff' }));
		expect(missing.error?.message).toMatch(/SHOPLINE.*404/);
	});
});
