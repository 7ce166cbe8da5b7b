/**
 * SHOPLINE Trigger, every documented topic, inside real n8n-core against the simulator: the trigger
 * subscribes with the chosen topics, each topic the simulator emits (control action `emit` with a
 * topic and a record id) reaches the trigger over HTTP and starts the workflow with that record,
 * and a topic not chosen starts nothing.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { SandboxServer, Vendor } from '../../sandbox/core';
import { SHOPLINE_TOPICS } from '../../sandbox/shopline';
import { deliver, makeNode, webhookLifecycle } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let env: ShoplineEnv;
useShopline({ seedCustomers: 20, seedOrders: 60 }, (ready) => (env = ready));

const NOT_CHOSEN = ['merchant/update', 'category/remove'];
const CHOSEN = SHOPLINE_TOPICS.filter((t) => !NOT_CHOSEN.includes(t));

const trigger = (topics: string[]): INode =>
	makeNode(env.h, { type: 'shoplineTrigger', name: 'SHOPLINE Trigger', parameters: { topics } as never, credentials: env.credentials });

/** The record id to emit for each topic's area, and what the payload's resource must show for it. */
function recordFor(topic: string): { id?: string; expected: IDataObject } {
	const { sim } = env;
	const area = topic.split('/')[0];
	const customer = [...sim.customers.values()].find((c) => c.member_point_balance > 0 && c.credit_balance > 0) ?? [...sim.customers.values()][0];
	const order = [...sim.orders.values()][0];
	const returnOrder = [...sim.returnOrders.values()][0];
	const product = [...sim.products.values()][0];
	const group = [...sim.customerGroups.values()][0];
	switch (area) {
		case 'user':
			return { id: customer.id, expected: { id: customer.id, email: customer.email } };
		case 'member_point':
			return { id: customer.id, expected: { customer_id: customer.id, point_balance: customer.member_point_balance } };
		case 'user_credit':
			return { id: customer.id, expected: { customer_id: customer.id, credit_balance: customer.credit_balance } };
		case 'user_coupon':
			return { id: customer.id, expected: { customer_id: customer.id, promotion: expect.objectContaining({ id: expect.any(String) }) } };
		case 'customer_group':
			return { id: group.id, expected: { id: group.id, name: group.name, count: expect.any(Number) } };
		case 'return_order':
		case 'pos_return_order':
			return { id: returnOrder.id, expected: { id: returnOrder.id, return_order_number: returnOrder.return_order_number, order_id: returnOrder.order_id } };
		case 'product':
			return { id: product.id, expected: { id: product.id, sku: product.sku, title_translations: expect.any(Object) } };
		case 'category':
			return { id: '63c0ffee0000000000000001', expected: { id: '63c0ffee0000000000000001', name_translations: expect.objectContaining({ en: 'Drinks' }) } };
		case 'merchant':
			return { expected: { id: sim.merchantId(), base_currency_iso: 'TWD' } };
		default:
			// order, order_payment, order_delivery, invoice, comment: the order.
			return { id: order.id, expected: { id: order.id, order_number: order.order_number, status: order.status } };
	}
}

describe('SHOPLINE Trigger topics', () => {
	it('offers every documented topic once, each with a name and an area operators can read', () => {
		const type = env.h.loaded.nodes.get('n8n-nodes-asia-commerce.shoplineTrigger')!;
		const options = type.description.properties.find((p) => p.name === 'topics')!.options as Array<{ name: string; value: string; description: string }>;
		expect(options.map((o) => o.value).sort()).toEqual([...SHOPLINE_TOPICS].sort());
		expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
		for (const o of options) {
			expect(o.name).not.toMatch(/\//);
			expect(o.description).toMatch(/^(Customers|Orders|Payments and invoices|Delivery|Returns|Products|Categories|Points and credit|Store): \S.{10,}/);
		}
		expect(SHOPLINE_TOPICS).toEqual(expect.arrayContaining(['user/membership_tier_update', 'return_order/create', 'customer_group/update', 'product/inventory_update', 'member_point/create', 'user_credit/create']));
	});

	it('subscribes with the chosen topics, each delivery starts the workflow with the topic’s record, a topic not chosen starts nothing', async () => {
		const { sim, h } = env;
		const receiver = new SandboxServer();
		const hook = new Vendor('hook', '/hook', () => ({ status: 404 }));
		const node = trigger([...CHOSEN]);
		const staticData: IDataObject = {};
		const started: IDataObject[] = [];
		hook.route('POST', '/shopline', async (req) => {
			const out = await deliver(h, node, staticData, {
				body: req.body,
				rawBody: req.rawBody,
				headers: req.headers as Record<string, string>,
				query: req.query as Record<string, string>,
			});
			started.push(...(out.result.workflowData?.[0].map((i) => i.json) ?? []));
			return { status: out.status, body: {} };
		});
		receiver.mount(hook);
		const hookBase = await receiver.start();
		try {
			expect(await webhookLifecycle(h, node, staticData, 'create', `${hookBase}/hook/shopline`)).toBe(true);
			const [subscription] = [...sim.webhooks.values()];
			expect(subscription.topics).toEqual([...CHOSEN].sort());
			const posted = env.server.requests('shopline').find((r) => r.method === 'POST' && r.path.endsWith('/webhooks'))!.body as { topics: string[] };
			expect(posted.topics).toEqual([...CHOSEN].sort());

			const emitted = new Map<string, string>();
			for (const topic of SHOPLINE_TOPICS) {
				const { id } = recordFor(topic);
				const answer = sim.control({ action: 'emit', topic, ...(id ? { id } : {}) }) as { event_id: string; subscriptions: number };
				expect(answer.subscriptions).toBe(NOT_CHOSEN.includes(topic) ? 0 : 1);
				emitted.set(topic, answer.event_id);
			}
			await sim.idle();

			for (const topic of CHOSEN) {
				const runs = started.filter((json) => json.topic === topic);
				expect({ topic, runs: runs.length }).toEqual({ topic, runs: 1 });
				expect(runs[0]).toMatchObject({ id: emitted.get(topic), topic, merchant_id: sim.merchantId(), resource: recordFor(topic).expected });
			}
			for (const topic of NOT_CHOSEN) {
				expect(started.filter((json) => json.topic === topic)).toEqual([]);
				expect(sim.deliveries.filter((d) => d.topic === topic)).toEqual([]);
			}
			expect(started).toHaveLength(CHOSEN.length);
		} finally {
			await receiver.stop();
		}
	});

	it('a topic not chosen that still arrives (an old subscription) is answered and ignored', async () => {
		const { h } = env;
		const node = trigger(['return_order/create']);
		const staticData: IDataObject = {};
		await webhookLifecycle(h, node, staticData, 'create', 'http://127.0.0.1:5678/webhook/wf-topics/webhook');
		const { secret } = staticData['node:SHOPLINE Trigger'] as { secret: string };
		const body = { id: 'evt-unchosen', topic: 'return_order/complete', resource: { id: 'r1' } };
		const out = await deliver(h, node, staticData, { body, headers: { 'X-Shopline-Topic': 'return_order/complete', 'X-Shopline-Event-Id': 'evt-unchosen' }, query: { token: secret } });
		expect(out.status).toBe(200);
		expect(out.result.workflowData).toBeUndefined();
		expect(out.result.webhookResponse).toEqual({ received: true, ignored: 'return_order/complete' });
	});

	it('the simulator’s own writes emit the status topics: completing an order sends Order Completed', async () => {
		const { sim, h } = env;
		const order = [...sim.orders.values()].find((o) => o.status === 'pending' && !o.archived)!;
		const node = trigger(['order/complete']);
		const staticData: IDataObject = {};
		sim.control({ action: 'settings', webhookRetryDelayMs: 10 });
		await webhookLifecycle(h, node, staticData, 'create', 'http://127.0.0.1:9/unused');
		const res = await fetch(`${env.credentials.shoplineApi.baseUrl}/orders/${order.id}/status`, {
			method: 'PATCH',
			headers: { Authorization: `Bearer ${env.credentials.shoplineApi.accessToken}`, 'User-Agent': env.credentials.shoplineApi.userAgent, 'Content-Type': 'application/json' },
			body: JSON.stringify({ status: 'completed' }),
		});
		expect(res.status).toBe(200);
		await sim.idle();
		expect(sim.deliveries.filter((d) => d.topic === 'order/complete').map((d) => (d.payload as { resource: { id: string } }).resource.id)).toEqual([order.id]);
	});
});
