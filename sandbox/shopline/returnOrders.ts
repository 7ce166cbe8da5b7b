/**
 * SHOPLINE simulator: return orders (Get Return Orders, Get Return Order) [PUB SDK]. Filters:
 * order_id (documented: the others are then ignored), created/updated after/before (UTC),
 * status_filter, payment_status_filter, delivery_status_filter, inspect_status_filter, query
 * (customer name/email/phone, recipient, return order number); page/per_page or previous_id.
 */
import type { SimRequest, SimResponse } from '../core';
import { first, inRange, isResponse, notFound, objectId, ok } from './helpers';
import type { OrderRec, ReturnOrderRec } from './model';
import type { Route, ShoplineSim } from './index';

export function registerReturnOrderRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/return_orders', 'orders', (req) => listReturnOrders(sim, req));
	r('GET', '/return_orders/:id', 'orders', (req) => getReturnOrder(sim, req));
}

const FILTERS: Array<[string, keyof ReturnOrderRec, string[]]> = [
	['status_filter', 'status', ['pending', 'confirmed', 'completed', 'cancelled']],
	['payment_status_filter', 'order_payment_status', ['pending', 'refunded']],
	['delivery_status_filter', 'order_delivery_status', ['return_collected', 'returning']],
	['inspect_status_filter', 'inspect_status', ['pending', 'inspected']],
];

export function returnOrderJson(sim: ShoplineSim, r: ReturnOrderRec): Record<string, unknown> {
	const o = sim.orders.get(r.order_id);
	return {
		id: r.id,
		return_order_number: r.return_order_number,
		order_id: r.order_id,
		order_number: o?.order_number ?? null,
		status: r.status,
		order_payment_status: r.order_payment_status,
		order_delivery_status: r.order_delivery_status,
		inspect_status: r.inspect_status,
		total: sim.money(r.totalCents),
		customer_id: o?.customer_id ?? null,
		customer_name: o?.customer_name ?? null,
		customer_email: o?.customer_email ?? null,
		customer_phone: o?.customer_phone ?? null,
		delivery_address: o?.delivery_address ?? null,
		items: (o?.items ?? []).slice(0, 1).map((i) => ({ item_id: i.productId, item_variation_id: i.variationId, quantity: 1, price: sim.money(i.priceCents) })),
		created_at: r.created_at,
		updated_at: r.updated_at,
	};
}

function contains(sim: ShoplineSim, r: ReturnOrderRec, text: string): boolean {
	const o = sim.orders.get(r.order_id);
	const fields = [r.return_order_number, o?.customer_name, o?.customer_email, o?.customer_phone, o?.delivery_address.recipient_name as string | undefined];
	return fields.some((f) => typeof f === 'string' && f.toLowerCase().includes(text));
}

function listReturnOrders(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const orderId = first(q.order_id);
	let test: (r: ReturnOrderRec) => boolean;
	if (orderId) {
		test = (r) => r.order_id === orderId;
	} else {
		const range = sim.timeRange(q, ['created_after', 'created_before', 'updated_after', 'updated_before']);
		if (isResponse(range)) return range;
		const tests: Array<(r: ReturnOrderRec) => boolean> = [
			(r) => inRange(r.created_at, range.created_after, range.created_before) && inRange(r.updated_at, range.updated_after, range.updated_before),
		];
		for (const [name, key, allowed] of FILTERS) {
			const v = first(q[name]);
			if (v === undefined || v === '') continue;
			if (!allowed.includes(v)) return sim.badQuery(name, `${name} must be one of ${allowed.join(', ')}`);
			tests.push((r) => r[key] === v);
		}
		const text = first(q.query)?.trim().toLowerCase();
		if (text) tests.push((r) => contains(sim, r, text));
		test = (r) => tests.every((t) => t(r));
	}
	// [INF] newest first, like the other lists' default.
	const rows = [...sim.returnOrders.values()].filter(test).sort((a, b) => b.seq - a.seq);
	const page = sim.paginate(rows, q);
	if (isResponse(page)) return page;
	return ok({ items: page.items.map((r) => returnOrderJson(sim, r)), pagination: page.pagination });
}

function getReturnOrder(sim: ShoplineSim, req: SimRequest): SimResponse {
	const r = sim.returnOrders.get(req.params.id);
	return r ? ok(returnOrderJson(sim, r)) : notFound('Return order');
}

/** [INF] one return for every seventh completed order, in a mix of states. */
export function seedReturnOrders(sim: ShoplineSim): void {
	sim.returnOrders.clear();
	const completed = sim.ordersByCreated().filter((o: OrderRec) => o.status === 'completed' && !o.archived);
	completed.forEach((o, n) => {
		if (n % 7 !== 0) return;
		const createdMs = Date.parse(o.updated_at) + 86_400_000;
		const id = objectId(createdMs, 0x2e, n + 1);
		sim.returnOrders.set(id, {
			id,
			seq: n,
			return_order_number: `R${o.order_number}`,
			order_id: o.id,
			status: (['confirmed', 'completed', 'cancelled'] as const)[n % 3],
			order_payment_status: n % 2 === 0 ? 'refunded' : 'pending',
			order_delivery_status: n % 2 === 0 ? 'return_collected' : 'returning',
			inspect_status: n % 4 === 0 ? 'inspected' : 'pending',
			totalCents: o.items[0] ? o.items[0].priceCents : 0,
			created_at: new Date(createdMs).toISOString(),
			updated_at: new Date(createdMs + 3_600_000).toISOString(),
		});
	});
}
