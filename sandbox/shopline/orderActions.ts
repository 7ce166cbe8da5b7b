/**
 * SHOPLINE simulator: what can be done to an existing order besides its status: delivery status,
 * payment status, tags, its POS transactions and its action log.
 *
 * [PUB docs update-order-delivery-status] statuses pending, shipping, shipped, arrived, collected,
 * returned, returning; mail_notify default false; not for orders of third-party logistics (the
 * SDK's `force_update: "status"` overrides that). [PUB SDK] payment statuses pending, failed,
 * expired, completed, refunding, refunded; PUT /orders/:id/tags; GET /orders/transactions with
 * orderIds[]; GET /orders/:id/action_logs → {items}. Archived orders answer 410 as everywhere.
 */
import type { SimRequest, SimResponse } from '../core';
import { invalid, isPlainObject, list, notFound, objectId, ok } from './helpers';
import { DELIVERY_OPTIONS, PAYMENT_METHODS, type OrderLogRec, type OrderRec } from './model';
import { archivedError, logOrderAction, orderJson } from './orders';
import { registerShipmentRoutes } from './shipments';
import { emit } from './webhooks';
import type { Route, ShoplineSim } from './index';

export function registerOrderActionRoutes(sim: ShoplineSim, r: Route): void {
	// Before the /orders/:id routes: /orders/execute_shipment is not an order ID.
	registerShipmentRoutes(sim, r);
	r('GET', '/orders/transactions', 'orders', (req) => transactions(sim, req));
	r('PATCH', '/orders/:id/order_delivery_status', 'orders', (req) => updateDeliveryStatus(sim, req));
	r('PATCH', '/orders/:id/order_payment_status', 'orders', (req) => updatePaymentStatus(sim, req));
	r('PUT', '/orders/:id/tags', 'orders', (req) => updateOrderTags(sim, req));
	r('GET', '/orders/:id/action_logs', 'orders', (req) => actionLogs(sim, req));
}

export const DELIVERY_STATUSES = ['pending', 'shipping', 'shipped', 'arrived', 'collected', 'returned', 'returning'];
export const PAYMENT_STATUSES = ['pending', 'failed', 'expired', 'completed', 'refunding', 'refunded'];

function liveOrder(sim: ShoplineSim, req: SimRequest): OrderRec | SimResponse {
	const o = sim.orders.get(req.params.id);
	if (!o) return notFound('Order');
	return o.archived ? archivedError(o) : o;
}

const isOrder = (v: OrderRec | SimResponse): v is OrderRec => 'order_number' in v;

function checkMailNotify(body: Record<string, any>): SimResponse | undefined {
	return body.mail_notify !== undefined && typeof body.mail_notify !== 'boolean' ? invalid('mail_notify', 'mail_notify must be a boolean') : undefined;
}

function statusChanged(sim: ShoplineSim, o: OrderRec, body: Record<string, any>, kind: 'delivery' | 'payment'): SimResponse {
	o.updated_at = sim.now();
	logOrderAction(sim, o, `order_${kind}_status_updated`, { status: body.status });
	if (body.mail_notify === true && o.customer_email) {
		sim.notifications.push({ to: o.customer_email, channel: 'email', kind: `order_${kind}_${body.status}`, resource_id: o.id });
	}
	const json = orderJson(sim, o);
	emit(sim, 'order/update', o.id, json);
	if (kind === 'delivery') emit(sim, 'order_delivery/update', o.id, json);
	if (kind === 'delivery') emit(sim, 'order_delivery/status_update', o.id, json);
	if (kind === 'payment') emit(sim, 'order_payment/update', o.id, json);
	if (kind === 'payment' && body.status === 'completed') emit(sim, 'order_payment/complete', o.id, json);
	if (kind === 'payment' && body.status === 'refunded') emit(sim, 'order_payment/refund', o.id, json);
	return ok({ order_id: o.id, status: body.status, updated_at: o.updated_at });
}

function updateDeliveryStatus(sim: ShoplineSim, req: SimRequest): SimResponse {
	const o = liveOrder(sim, req);
	if (!isOrder(o)) return o;
	const body = isPlainObject(req.body) ? req.body : {};
	if (!DELIVERY_STATUSES.includes(body.status)) return invalid('status', `status must be one of ${DELIVERY_STATUSES.join(', ')}`);
	const error = checkMailNotify(body);
	if (error) return error;
	if (body.force_update !== undefined && body.force_update !== 'status') return invalid('force_update', 'force_update must be status');
	const thirdParty = DELIVERY_OPTIONS.find((d) => d.id === o.delivery_option_id)?.third_party;
	if (thirdParty && body.force_update !== 'status') {
		return invalid('status', 'The delivery status of an order with third-party logistics cannot be changed here'); // [INF] wording and status
	}
	o.delivery_status = body.status;
	return statusChanged(sim, o, body, 'delivery');
}

function updatePaymentStatus(sim: ShoplineSim, req: SimRequest): SimResponse {
	const o = liveOrder(sim, req);
	if (!isOrder(o)) return o;
	const body = isPlainObject(req.body) ? req.body : {};
	if (!PAYMENT_STATUSES.includes(body.status)) return invalid('status', `status must be one of ${PAYMENT_STATUSES.join(', ')}`);
	const error = checkMailNotify(body);
	if (error) return error;
	o.payment_status = body.status;
	return statusChanged(sim, o, body, 'payment');
}

/** [INF] the customer tag rules (3 to 40 characters each) apply to order tags too; at most 60. */
function updateOrderTags(sim: ShoplineSim, req: SimRequest): SimResponse {
	const o = liveOrder(sim, req);
	if (!isOrder(o)) return o;
	const body = isPlainObject(req.body) ? req.body : {};
	if (!Array.isArray(body.tags) || body.tags.some((t: unknown) => typeof t !== 'string')) return invalid('tags', 'tags must be an array of strings');
	const bad = (body.tags as string[]).find((t) => t.length < 3 || t.length > 40);
	if (bad !== undefined) return invalid('tags', `Each tag must have 3 to 40 characters: "${bad}"`);
	const tags = [...new Set<string>(body.tags)];
	if (tags.length > 60) return invalid('tags', 'An order can have at most 60 tags');
	o.tags = tags;
	o.updated_at = sim.now();
	logOrderAction(sim, o, 'order_tags_updated', { tags });
	emit(sim, 'order/update', o.id, orderJson(sim, o));
	return ok({ tags });
}

/** Created first, then every recorded action, oldest first [INF order]. */
function actionLogs(sim: ShoplineSim, req: SimRequest): SimResponse {
	const o = liveOrder(sim, req);
	if (!isOrder(o)) return o;
	const created: OrderLogRec = { id: objectId(Date.parse(o.created_at), 0x1a, o.seq + 1), seq: -1, order_id: o.id, key: 'order_created', data: { created_by: o.created_by }, created_at: o.created_at };
	const logs = [created, ...sim.orderLogs.filter((l) => l.order_id === o.id)];
	return ok({
		items: logs.map((l) => ({ key: l.key, data: l.data, created_at: l.created_at, performer_name: 'OpenAPI staff', performer_type: 'User', performer_id: null, performing_application_id: null })),
	});
}

/**
 * Documented: `orderIds[]` (required). [INF] a completed order paid in the shop has one transaction;
 * other orders have none; unknown ids are left out.
 */
function transactions(sim: ShoplineSim, req: SimRequest): SimResponse {
	const ids = list(req.query.orderIds);
	if (!ids.length) return invalid('orderIds', 'orderIds is required');
	const items = ids
		.map((id) => sim.orders.get(id))
		.filter((o): o is OrderRec => !!o && o.status === 'completed')
		.map((o) => ({
			transaction_number: `T${o.order_number}`,
			order_number: [o.order_number],
			created_at: o.updated_at,
			payments: [{ payment_method_id: o.payment_method_id, name_translations: PAYMENT_METHODS.find((p) => p.id === o.payment_method_id)?.name_translations ?? null, amount: sim.money(o.totalCents) }],
			invoice_number: [],
			invoice_date: null,
			invoice_cancelled_at: null,
			tax_id: null,
			agent: null,
			note: null,
		}));
	return ok({ items });
}
