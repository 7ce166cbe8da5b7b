/**
 * Issue 16, point 2, for SHOPLINE's id-based writes (customer Update/Delete, order Cancel and the
 * three status changes, product Delete and Delete Variation): two items, the second one bad.
 * Without an error output nothing is sent and the error names "Item 2", the field and the record
 * when it is known; with continueOnFail item 1 is written and item 2 is an error paired with it.
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import type { ShoplineSim } from '../../sandbox/shopline';
import { runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 6, seedOrders: 12 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: IDataObject, continueOnFail = false) => ({ type: 'shopline', parameters: parameters as never, credentials, continueOnFail });
const writes = () => server.requests('shopline').filter((r) => r.method !== 'GET');

const customers = () => [...sim.customers.values()].sort((a, b) => a.seq - b.seq);
const openOrders = () => [...sim.orders.values()].sort((a, b) => a.seq - b.seq).filter((o) => !o.archived && o.status !== 'cancelled');
const liveProducts = () => [...sim.products.values()].filter((p) => p.status !== 'removed');
const withVariations = () => liveProducts().find((p) => p.variations.length > 1)!;

interface Case {
	title: string;
	parameters: IDataObject;
	/** The two input items: a good one, then a bad one (read from the simulator at test time). */
	items(): [IDataObject, IDataObject];
	/** The error item 2 gets, given both inputs. */
	error(good: IDataObject, bad: IDataObject): string;
	/** The one write item 1 makes: method and path. */
	write(good: IDataObject): [string, string];
	/** Item 1's change is in the simulator. */
	applied(good: IDataObject): void;
}

const cases: Case[] = [
	{
		title: 'customer Delete, an empty Customer from an expression',
		parameters: { resource: 'customer', operation: 'delete', customerId: '={{ $json.id }}' },
		items: () => [{ id: customers()[0].id }, { id: '' }],
		error: () => 'Item 2: "Customer" is required: pick one from the list or enter its ID',
		write: (good) => ['DELETE', `/v1/customers/${good.id}`],
		applied: (good) => expect(sim.customers.has(String(good.id))).toBe(false),
	},
	{
		title: 'customer Update, an email that is not one',
		parameters: { resource: 'customer', operation: 'update', customerId: '={{ $json.id }}', updateFields: { email: '={{ $json.email }}' } },
		items: () => [
			{ id: customers()[0].id, email: 'first.checked@example.th' },
			{ id: customers()[1].id, email: 'not-an-email' },
		],
		error: (_good, bad) => `Item 2 (customer ${bad.id}): "Email" must be an email address`,
		write: (good) => ['PUT', `/v1/customers/${good.id}`],
		applied: (good) => expect(sim.customers.get(String(good.id))?.email).toBe('first.checked@example.th'),
	},
	{
		title: 'order Cancel, a Cancelled By SHOPLINE does not take',
		parameters: { resource: 'order', operation: 'cancel', orderId: '={{ $json.id }}', additionalFields: { operated_by: '={{ $json.by }}', mail_notify: false } },
		items: () => [
			{ id: openOrders()[0].id, by: 'merchant' },
			{ id: openOrders()[1].id, by: 'robot' },
		],
		error: (_good, bad) => `Item 2 (order ${bad.id}): "Cancelled By" must be one of: customer, merchant (got "robot")`,
		write: (good) => ['PATCH', `/v1/orders/${good.id}/cancel`],
		applied: (good) => expect(sim.orders.get(String(good.id))?.status).toBe('cancelled'),
	},
	{
		title: 'order Update Status, a status that is not one',
		parameters: { resource: 'order', operation: 'updateStatus', orderId: '={{ $json.id }}', status: '={{ $json.status }}' },
		items: () => [
			{ id: openOrders()[0].id, status: 'completed' },
			{ id: openOrders()[1].id, status: 'shipped' },
		],
		error: (_good, bad) => `Item 2 (order ${bad.id}): "Status" must be one of: cancelled, completed, confirmed, pending (got "shipped")`,
		write: (good) => ['PATCH', `/v1/orders/${good.id}/status`],
		applied: (good) => expect(sim.orders.get(String(good.id))?.status).toBe('completed'),
	},
	{
		title: 'order Update Delivery Status, a status that is not one',
		parameters: { resource: 'order', operation: 'updateDeliveryStatus', orderId: '={{ $json.id }}', status: '={{ $json.status }}', mail_notify: false },
		items: () => [
			{ id: openOrders()[0].id, status: 'shipped' },
			{ id: openOrders()[1].id, status: 'Teleported' },
		],
		error: (_good, bad) => `Item 2 (order ${bad.id}): "Delivery Status" must be one of: arrived, collected, pending, returned, returning, shipped, shipping (got "Teleported")`,
		write: (good) => ['PATCH', `/v1/orders/${good.id}/order_delivery_status`],
		applied: (good) => expect(sim.orders.get(String(good.id))?.delivery_status).toBe('shipped'),
	},
	{
		title: 'order Update Payment Status, an empty status from an expression',
		parameters: { resource: 'order', operation: 'updatePaymentStatus', orderId: '={{ $json.id }}', status: '={{ $json.status }}', mail_notify: false },
		items: () => [
			{ id: openOrders()[0].id, status: 'completed' },
			{ id: openOrders()[1].id, status: '' },
		],
		error: (_good, bad) => `Item 2 (order ${bad.id}): "Payment Status" is required: one of completed, expired, failed, pending, refunded, refunding`,
		write: (good) => ['PATCH', `/v1/orders/${good.id}/order_payment_status`],
		applied: (good) => expect(sim.orders.get(String(good.id))?.payment_status).toBe('completed'),
	},
	{
		title: 'product Delete, an ID with a slash',
		parameters: { resource: 'product', operation: 'delete', productId: '={{ $json.id }}' },
		items: () => [{ id: liveProducts()[0].id }, { id: 'abc/def' }],
		error: () => 'Item 2: "Product" must be a SHOPLINE ID without spaces or slashes, e.g. 62c0c0ffee00000000000001 (got "abc/def")',
		write: (good) => ['DELETE', `/v1/products/${good.id}`],
		applied: (good) => expect(sim.products.get(String(good.id))?.status).toBe('removed'),
	},
	{
		title: 'product Delete Variation, an empty Variation from an expression',
		parameters: { resource: 'product', operation: 'deleteVariation', productId: '={{ $json.product }}', variationId: '={{ $json.variation }}' },
		items: () => {
			const p = withVariations();
			return [
				{ product: p.id, variation: p.variations[0].id },
				{ product: p.id, variation: '' },
			];
		},
		error: (_good, bad) => `Item 2 (product ${bad.product}): "Variation" is required`,
		write: (good) => ['DELETE', `/v1/products/${good.product}/variations/${good.variation}`],
		applied: (good) => expect(sim.products.get(String(good.product))?.variations.some((v) => v.id === good.variation)).toBe(false),
	},
];

describe.each(cases)('SHOPLINE $title', ({ parameters, items, error, write, applied }) => {
	it('without an error output: nothing is sent, the error names item 2, the field and the record', async () => {
		const [good, bad] = items();
		const run = await runNode(h, shopline(parameters), [good, bad]);
		expect(run.error?.message).toBe(error(good, bad));
		expect(run.error?.description).toMatch(/^Nothing was written/);
		expect(writes()).toEqual([]);
	});

	it('with continueOnFail: item 1 is written, item 2 is an error item paired with its input', async () => {
		const [good, bad] = items();
		const run = await runNode(h, shopline(parameters, true), [good, bad]);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(run.items[0].json.error).toBeUndefined();
		expect(run.items[1]).toEqual({ json: { error: error(good, bad) }, pairedItem: { item: 1 } });
		expect(writes().map((r) => [r.method, r.path])).toEqual([write(good)]);
		applied(good);
	});
});
