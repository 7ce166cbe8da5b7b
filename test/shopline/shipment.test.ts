/**
 * SHOPLINE Order → Execute Shipment and Execute Shipments (Bulk) inside real n8n-core, against the
 * simulator: what is sent, SHOPLINE's documented answers and errors, every item checked first.
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { DELIVERY_OPTIONS, SHOPLINE_DEMO, type OrderRec, type ShoplineSim } from '../../sandbox/shopline';
import { runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 10, seedOrders: 60 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: IDataObject, continueOnFail = false) => ({ type: 'shopline', parameters: parameters as never, credentials, continueOnFail });
const requests = () => server.requests('shopline');
const writes = () => requests().filter((r) => r.method !== 'GET');

const byRegion = (regionType: string) => DELIVERY_OPTIONS.find((d) => d.region_type === regionType)!.id;
const TCAT = () => byRegion('tw_tcat_roomtemp');
const SEVEN_B2C = () => byRegion('tw_711_b2c_nopay');
const HOME = () => byRegion('custom');

/** Open orders (not archived, not cancelled, delivery pending), oldest first. */
const openOrders = () => [...sim.orders.values()].sort((a, b) => a.seq - b.seq).filter((o) => !o.archived && o.status !== 'cancelled' && (o.delivery_status ?? 'pending') === 'pending');

/** The n-th open order, delivered by `option`, with (or without) a recipient phone for the provider. */
function shippable(n: number, option = TCAT(), phone = true): OrderRec {
	const o = openOrders()[n];
	o.delivery_option_id = option;
	o.delivery_address = { ...o.delivery_address, recipient_phone: phone ? '0912345678' : '' };
	return o;
}

/** Straight to the simulator, for the rules the node never lets through. */
async function direct(method: string, path: string, body?: unknown) {
	const res = await fetch(`${credentials.shoplineApi.baseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}`, 'User-Agent': SHOPLINE_DEMO.userAgent, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: (await res.json()) as IDataObject };
}

describe('Order: Execute Shipment', () => {
	it('PATCHes the order’s execute_shipment (no body) and answers the delivery status and tracking number', async () => {
		const o = shippable(0);
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'executeShipment', orderId: o.id }));
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([{ order_id: o.id, delivery_status: 'request_accepted', tracking_number: expect.stringMatching(/^SL\d+$/) }]);
		expect(writes()).toHaveLength(1);
		expect(writes()[0]).toMatchObject({ method: 'PATCH', path: `/v1/orders/${o.id}/execute_shipment` });
		expect(writes()[0].body ?? {}).toEqual({});
		expect(sim.orderJson(sim.orders.get(o.id)!).order_delivery).toMatchObject({ status: 'request_accepted', tracking_number: items[0].json.tracking_number });
	});

	it.each([
		['an order shipped already (0003, delivery status not pending)', () => {
			const o = shippable(1);
			o.delivery_status = 'request_accepted';
			return o.id;
		}, /0003|not pending/],
		['a delivery option without integrated logistics (0002)', () => shippable(2, HOME()).id, /does not support Execute Shipment/],
		['a provider that refuses the address (0004)', () => shippable(3, SEVEN_B2C(), false).id, /integrated delivery service error/],
		['an order SHOPLINE does not know (0001)', () => '5f0000000000000000000000', /Order#\[5f0000000000000000000000\] is invalid/],
	])('SHOPLINE refuses %s; the error says why', async (_what, pick, why) => {
		const id = pick();
		const { error } = await runNode(h, shopline({ resource: 'order', operation: 'executeShipment', orderId: id }));
		expect(error?.message).toMatch(/SHOPLINE Unprocessable data \(422\)/);
		expect(`${error?.message} ${error?.description ?? ''}`).toMatch(why);
		expect(writes()).toHaveLength(1);
	});

	it('every item is checked first: item 2 with a slash in its ID stops the node before item 1 ships', async () => {
		const good = shippable(4);
		const parameters = { resource: 'order', operation: 'executeShipment', orderId: '={{ $json.id }}' };
		const run = await runNode(h, shopline(parameters), [{ id: good.id }, { id: 'abc/def' }]);
		expect(run.error?.message).toMatch(/^Item 2: "Order" must be a SHOPLINE ID without spaces or slashes/);
		expect(run.error?.description).toMatch(/^Nothing was written/);
		expect(writes()).toEqual([]);
		expect(sim.orders.get(good.id)!.delivery_status ?? 'pending').toBe('pending');

		const cont = await runNode(h, shopline(parameters, true), [{ id: good.id }, { id: 'abc/def' }]);
		expect(cont.items[0].json).toMatchObject({ order_id: good.id, delivery_status: 'request_accepted' });
		expect(cont.items[1]).toEqual({ json: { error: expect.stringMatching(/^Item 2: "Order"/) }, pairedItem: { item: 1 } });
		expect(writes().map((r) => r.path)).toEqual([`/v1/orders/${good.id}/execute_shipment`]);
	});
});

describe('Order: Execute Shipments (Bulk)', () => {
	it('one request per item; one output item per order saying whether it shipped and why not', async () => {
		const ready = shippable(5);
		const shipped = shippable(6);
		shipped.delivery_status = 'request_accepted';
		const noPhone = shippable(7, TCAT(), false);
		const sevenEleven = shippable(8, SEVEN_B2C());
		const unknown = '5f0000000000000000000001';
		const ids = [ready.id, shipped.id, noPhone.id, sevenEleven.id, unknown];
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'bulkExecuteShipment', orderIds: `${ids.join(', ')}, ${ready.id}` }));
		expect(error).toBeUndefined();
		expect(writes()).toHaveLength(1);
		expect(writes()[0]).toMatchObject({ method: 'PATCH', path: '/v1/orders/execute_shipment', body: { orderIds: ids } });
		expect(items.map((i) => [i.json.order_id, i.json.shipped, i.json.result])).toEqual([
			[ready.id, true, 'processing'],
			[shipped.id, false, 'status_error'],
			[noPhone.id, false, 'processing_failed'],
			[sevenEleven.id, false, 'delivery_not_supported'],
			[unknown, false, 'not_found'],
		]);
		expect(items[3].json.reason).toMatch(/T-cat/);
		expect(items.every((i) => (i.pairedItem as { item?: number }).item === 0)).toBe(true);
		expect(sim.orders.get(ready.id)!.delivery_status).toBe('request_accepted');
		expect(sim.orders.get(noPhone.id)!.delivery_status ?? 'pending').toBe('pending');
	});

	it('more than 24 orders or a bad ID in any item: refused before the first request', async () => {
		const o = shippable(9);
		const many = Array.from({ length: 25 }, (_, n) => `5f00000000000000000000${String(n).padStart(2, '0')}`).join(',');
		const tooMany = await runNode(h, shopline({ resource: 'order', operation: 'bulkExecuteShipment', orderIds: many }));
		expect(tooMany.error?.message).toBe('Item 1: "Order IDs" can have at most 24 order IDs (SHOPLINE ships at most 24 at a time: split them over several items)');

		const parameters = { resource: 'order', operation: 'bulkExecuteShipment', orderIds: '={{ $json.ids }}' };
		const run = await runNode(h, shopline(parameters), [{ ids: o.id }, { ids: `${o.id}, bad id` }]);
		expect(run.error?.message).toBe('Item 2: "Order IDs › 2" has an ID with a space or slash');
		expect(writes()).toEqual([]);

		const cont = await runNode(h, shopline(parameters, true), [{ ids: o.id }, { ids: `${o.id}, bad id` }]);
		expect(cont.items.map((i) => i.json)).toEqual([{ order_id: o.id, shipped: true, result: 'processing', reason: null }, { error: 'Item 2: "Order IDs › 2" has an ID with a space or slash' }]);
		expect(writes()).toHaveLength(1);
	});

	it('the simulator keeps SHOPLINE’s documented limit of 24 and answers each order in one list', async () => {
		const over = await direct('PATCH', '/orders/execute_shipment', { orderIds: Array.from({ length: 25 }, (_, n) => `id${n}`) });
		expect(over).toEqual({ status: 422, json: { message: 'Unable to process the changes ["orderIds" must contain less than or equal to 24 items]' } });
		const one = await direct('PATCH', '/orders/execute_shipment', { orderIds: ['nope'] });
		expect(one.json).toEqual({ processingOrderIds: [], processingFailedOrderIds: [], statusErrorOrderIds: [], platformNotSupportOrderIds: [], notFoundOrderIds: ['nope'] });
	});
});
