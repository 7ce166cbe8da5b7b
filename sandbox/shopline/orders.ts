/** SHOPLINE simulator: orders (list, search, get, create, status, cancel), their JSON and seeding. */
import { type SimRequest, type SimResponse } from '../core';
import { type Query, fail, first, inRange, invalid, isPlainObject, isResponse, list, notFound, objectId, ok, phoneMatches, shape } from './helpers';
import { type CustomerRec, DELIVERY_OPTIONS, ORDER_STATUSES, type OrderItemRec, type OrderRec, PAYMENT_METHODS, type ProductRec } from './model';
import { checkCancelBody, newOrder, validateOrder } from './orderRules';
import { currentPriceCents } from './products';
import { emit } from './webhooks';
import type { Route, ShoplineSim } from './index';

/** Orders routes, in the order they are matched. */
export function registerOrderRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/orders', 'orders', (req) => listOrders(sim, req));
	r('GET', '/orders/search', 'orders', (req) => searchOrders(sim, req));
	r('POST', '/orders', 'orders', (req) => createOrder(sim, req));
	r('GET', '/orders/:id', 'orders', (req) => getOrder(sim, req));
	r('PATCH', '/orders/:id/status', 'orders', (req) => updateOrderStatus(sim, req));
	r('PATCH', '/orders/:id/cancel', 'orders', (req) => cancelOrder(sim, req));
}

export function listOrders(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const dir = sim.direction(q);
	if (typeof dir !== 'string') return dir;
	const filter = orderFilter(sim, q);
	if (isResponse(filter)) return filter;
	return pageOfOrders(sim, filteredOrders(sim, filter, dir), q);
}

export function searchOrders(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	if (q.sort_by !== undefined) return sim.badQuery('sort_by', 'Search Orders does not support sort_by');
	const filter = orderFilter(sim, q);
	if (isResponse(filter)) return filter;
	const tests = [filter, ...orderSearchTests(sim, q)];
	return pageOfOrders(sim, filteredOrders(sim, (o) => tests.every((t) => t(o)), 'desc'), q);
}

export function filteredOrders(sim: ShoplineSim, test: (o: OrderRec) => boolean, dir: 'asc' | 'desc'): OrderRec[] {
	const rows = sim.ordersByCreated().filter(test);
	return dir === 'desc' ? rows.reverse() : rows;
}

export function pageOfOrders(sim: ShoplineSim, rows: OrderRec[], q: Query): SimResponse {
	const page = sim.paginate(rows, q);
	if (isResponse(page)) return page;
	return ok({ items: page.items.map((o) => shape(orderJson(sim, o), q)), pagination: page.pagination });
}

/** Shared Get Orders filters: time ranges, order_ids[], status / statuses[], customer_id. */
export function orderFilter(sim: ShoplineSim, q: Query): ((o: OrderRec) => boolean) | SimResponse {
	const range = sim.timeRange(q, ['created_after', 'created_before', 'updated_after', 'updated_before']);
	if (isResponse(range)) return range;
	const ids = list(q.order_ids);
	const statuses = [...list(q.status), ...list(q.statuses)];
	const unknown = statuses.find((s) => ![...ORDER_STATUSES, 'temp', 'removed'].includes(s));
	if (unknown) return sim.badQuery('status', `Unknown status ${unknown}`);
	const customerId = first(q.customer_id);
	return (o) =>
		inRange(o.created_at, range.created_after, range.created_before) &&
		inRange(o.updated_at, range.updated_after, range.updated_before) &&
		(!ids.length || ids.includes(o.id)) &&
		(!statuses.length || statuses.includes(o.status)) &&
		(!customerId || o.customer_id === customerId);
}

export function orderSearchTests(sim: ShoplineSim, q: Query): ((o: OrderRec) => boolean)[] {
	const tests: ((o: OrderRec) => boolean)[] = [];
	const add = (name: string, test: (o: OrderRec, v: string) => boolean) => {
		const v = first(q[name]);
		if (v) tests.push((o) => test(o, v));
	};
	add('order_number', (o, v) => o.order_number === v);
	add('customer_email', (o, v) => o.customer_email?.toLowerCase() === v.toLowerCase());
	add('name', (o, v) => o.customer_name === v || o.delivery_address.recipient_name === v);
	add('phone_number', (o, v) => [o.customer_phone, o.delivery_address.recipient_phone].some((p) => typeof p === 'string' && phoneMatches(v, p, o.customer_phone_country_code)));
	add('item_id', (o, v) => o.items.some((i) => i.productId === v));
	add('query', (o, v) => orderContains(sim, o, v.toLowerCase()));
	return tests;
}

export function orderContains(sim: ShoplineSim, o: OrderRec, text: string): boolean {
	const fields = [o.order_number, o.customer_id, o.customer_name, o.customer_email, o.customer_phone, o.delivery_address.recipient_name];
	if (fields.some((f) => typeof f === 'string' && f.toLowerCase().includes(text))) return true;
	return o.items.some((i) => Object.values(sim.products.get(i.productId)?.title_translations ?? {}).some((t) => t.toLowerCase().includes(text)));
}

export function getOrder(sim: ShoplineSim, req: SimRequest): SimResponse {
	const o = sim.orders.get(req.params.id);
	if (!o) return notFound('Order');
	if (o.archived) return archivedError(o);
	return ok(shape(orderJson(sim, o), req.query));
}

export function createOrder(sim: ShoplineSim, req: SimRequest): SimResponse {
	const body = req.body;
	if (!isPlainObject(body) || !isPlainObject(body.order)) return invalid('order', 'order is required');
	const order = body.order as Record<string, any>;
	const error = validateOrder(sim, order);
	if (error) return error;
	const record = newOrder(sim, order);
	sim.orders.set(record.id, record);
	sim.invalidate();
	if (body.mail_notify === true && record.customer_email) {
		sim.notifications.push({ to: record.customer_email, channel: 'email', kind: 'order_confirmation', resource_id: record.id });
	}
	const json = orderJson(sim, record);
	emit(sim, 'order/create', record.id, json);
	return ok(shape(json, req.query), sim.config.createStatus);
}

export function updateOrderStatus(sim: ShoplineSim, req: SimRequest): SimResponse {
	const o = sim.orders.get(req.params.id);
	if (!o) return notFound('Order');
	if (o.archived) return archivedError(o);
	const body = isPlainObject(req.body) ? req.body : {};
	if (!ORDER_STATUSES.includes(body.status)) return invalid('status', `status must be one of ${ORDER_STATUSES.join(', ')}`);
	if (body.mail_notify !== undefined && typeof body.mail_notify !== 'boolean') return invalid('mail_notify', 'mail_notify must be a boolean');
	const changed = o.status !== body.status;
	o.status = body.status;
	o.updated_at = sim.now();
	if (o.status === 'cancelled' && changed) o.cancelled_at = o.updated_at;
	if (body.mail_notify === true && o.customer_email) {
		sim.notifications.push({ to: o.customer_email, channel: 'email', kind: `order_${o.status}`, resource_id: o.id });
	}
	const json = orderJson(sim, o);
	if (changed) logOrderAction(sim, o, 'order_status_updated', { status: o.status });
	emit(sim, 'order/update', o.id, json);
	if (o.status === 'cancelled' && changed) emit(sim, 'order/cancel', o.id, json);
	// [INF] the status topics fire on a change to that status (events.ts).
	const statusTopic = { pending: 'order/pending', confirmed: 'order/confirm', completed: 'order/complete' }[o.status as string];
	if (statusTopic && changed) emit(sim, statusTopic, o.id, json);
	return ok(shape(json, req.query));
}

export function cancelOrder(sim: ShoplineSim, req: SimRequest): SimResponse {
	const o = sim.orders.get(req.params.id);
	if (!o) return notFound('Order');
	if (o.archived) return archivedError(o);
	const body = isPlainObject(req.body) ? req.body : {};
	const error = checkCancelBody(body);
	if (error) return error;
	if (o.status === 'cancelled') return invalid('status', 'The order is already cancelled'); // [INF]
	o.status = 'cancelled';
	o.updated_at = o.cancelled_at = sim.now();
	o.cancelled_reason = body.cancelled_reason ?? null;
	revertBalances(sim, o, body);
	if (body.mail_notify !== false && o.customer_email) {
		sim.notifications.push({ to: o.customer_email, channel: 'email', kind: 'order_cancelled', resource_id: o.id });
	}
	const json = orderJson(sim, o);
	logOrderAction(sim, o, 'order_cancelled', { cancelled_reason: o.cancelled_reason });
	emit(sim, 'order/cancel', o.id, json);
	emit(sim, 'order/update', o.id, json);
	return ok({ order_items_stock_tag: [] });
}

/** revert_credits / revert_member_points {strategy: 'revert'} give the customer back what the order used. */
export function revertBalances(sim: ShoplineSim, o: OrderRec, body: Record<string, any>): void {
	const customer = o.customer_id ? sim.customers.get(o.customer_id) : undefined;
	if (body.revert_credits?.strategy === 'revert') {
		o.credits_reverted = true;
		if (customer) customer.credit_balance += Math.round(o.userCreditCents / 100);
	}
	if (body.revert_member_points?.strategy === 'revert') {
		o.member_points_reverted = true;
		if (customer) customer.member_point_balance += o.order_points;
	}
	if (customer && (o.credits_reverted || o.member_points_reverted)) customer.updated_at = o.updated_at;
}

export function orderJson(sim: ShoplineSim, o: OrderRec): Record<string, unknown> {
	const delivery = DELIVERY_OPTIONS.find((d) => d.id === o.delivery_option_id);
	const payment = PAYMENT_METHODS.find((p) => p.id === o.payment_method_id);
	return {
		id: o.id,
		order_number: o.order_number,
		status: o.status,
		archived: o.archived,
		customer_id: o.customer_id,
		customer_name: o.customer_name,
		customer_email: o.customer_email,
		customer_phone: o.customer_phone,
		customer_phone_country_code: o.customer_phone_country_code,
		is_guest_checkout: o.customer_id === null,
		currency_iso: sim.config.currency,
		subtotal: sim.money(o.subtotalCents),
		total: sim.money(o.totalCents),
		user_credit: sim.money(o.userCreditCents),
		order_points: o.order_points,
		subtotal_items: o.items.map((i) => orderItemJson(sim, i)),
		delivery_address: o.delivery_address,
		order_delivery: { delivery_option_id: o.delivery_option_id, name_translations: delivery?.name_translations ?? null, status: o.delivery_status ?? 'pending', tracking_number: o.tracking_number ?? null },
		order_payment: { payment_method_id: o.payment_method_id, name_translations: payment?.name_translations ?? null, status: o.payment_status ?? 'pending' },
		tags: o.tags ?? [],
		order_remarks: o.order_remarks,
		created_by: o.created_by,
		cancelled_reason: o.cancelled_reason,
		revert_credits: o.credits_reverted,
		revert_member_points: o.member_points_reverted,
		cancelled_at: o.cancelled_at,
		created_at: o.created_at,
		updated_at: o.updated_at,
	};
}

export function orderItemJson(sim: ShoplineSim, i: OrderItemRec): Record<string, unknown> {
	const product = sim.products.get(i.productId);
	const variation = product?.variations.find((v) => v.id === i.variationId);
	return {
		id: i.id,
		item_type: 'Product',
		item_id: i.productId,
		item_variation_id: i.variationId,
		title_translations: product?.title_translations ?? {},
		fields_translations: variation?.fields_translations ?? null,
		sku: variation?.sku ?? product?.sku ?? null,
		item_price: sim.money(i.priceCents),
		price: sim.money(i.priceCents),
		quantity: i.quantity,
		total: sim.money(i.priceCents * i.quantity),
	};
}

export function addSeededOrder(sim: ShoplineSim, i: number, createdMs: number, c: CustomerRec, products: ProductRec[], random: () => number, archived: boolean): void {
	const lines = 1 + Math.floor(random() * 3);
	const items: OrderItemRec[] = [];
	for (let n = 0; n < lines; n++) {
		const product = products[(i + n * 2) % products.length];
		const variation = product.variations.length ? product.variations[(i + n) % product.variations.length] : undefined;
		items.push({
			id: objectId(createdMs, 0x1e, i * 4 + n + 1),
			productId: product.id,
			variationId: variation?.id ?? null,
			priceCents: currentPriceCents(product, variation),
			quantity: 1 + Math.floor(random() * 3),
		});
	}
	const subtotal = items.reduce((sum, it) => sum + it.priceCents * it.quantity, 0);
	const status = ORDER_STATUSES[Math.floor(random() * 10) % 4];
	const created = new Date(createdMs).toISOString();
	sim.orders.set(objectId(createdMs, 0x0d, i + 1), {
		id: objectId(createdMs, 0x0d, i + 1),
		seq: i,
		seeded: true,
		order_number: `${created.slice(0, 10).replace(/-/g, '')}${String(i + 1).padStart(8, '0')}`,
		status,
		archived,
		customer_id: c.id,
		customer_name: c.name,
		customer_email: c.email,
		customer_phone: c.mobile_phone,
		customer_phone_country_code: c.mobile_phone_country_calling_code,
		items,
		subtotalCents: subtotal,
		totalCents: subtotal + 6000,
		userCreditCents: i % 9 === 0 ? 2500 : 0,
		order_points: i % 4 === 0 ? 10 : 0,
		delivery_address: c.delivery_addresses[0] ?? {},
		delivery_option_id: DELIVERY_OPTIONS[i % 2].id,
		payment_method_id: PAYMENT_METHODS[i % 2].id,
		order_remarks: null,
		created_by: i % 3 === 0 ? 'admin' : 'shop',
		created_at: created,
		updated_at: new Date(createdMs + (i % 72) * 3_600_000).toISOString(),
		cancelled_at: status === 'cancelled' ? created : null,
		cancelled_reason: null,
		credits_reverted: false,
		member_points_reverted: false,
	});
}

/** Records one action on an order (the log Get Order Action Logs answers). */
export function logOrderAction(sim: ShoplineSim, o: OrderRec, key: string, data: Record<string, unknown>): void {
	const seq = ++sim.counter;
	sim.orderLogs.push({ id: objectId(Date.now(), 0x1a, 0x100000 + seq), seq: 1_000_000 + seq, order_id: o.id, key, data, created_at: sim.now() });
}

export function archivedError(o: OrderRec): SimResponse {
	// [INF] wording; documented: archived orders answer 410 and are reached through "Get Archived Orders".
	return fail(
		410,
		'OrderArchived',
		`Order ${o.id} has been archived. Archived orders are only available through Get Archived Orders (an archived orders report).`,
	);
}
