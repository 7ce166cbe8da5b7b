/**
 * SHOPLINE simulator: Execute Shipment, for one order and in bulk.
 *
 *   PATCH /v1/orders/:id/execute_shipment   no body → {delivery_status, tracking_number}
 *   PATCH /v1/orders/execute_shipment       {orderIds: [...] (at most 24)} → {processingOrderIds,
 *                                            processingFailedOrderIds, statusErrorOrderIds,
 *                                            platformNotSupportOrderIds, notFoundOrderIds}
 *
 * Documented [PUB docs execute-shipment, bulk-execute-shipment; SDK]: only for orders whose delivery
 * is an integrated logistics service (one order: 7-11 B2C/C2C, 7-11 Cross Border, FamilyMart
 * B2C/C2C/Freeze, T-cat, HCT, SF Express; bulk: 7-11 Cross Border, FamilyMart Freeze, T-cat) and
 * whose delivery status is still pending. One order: errors `{error, code}`, code 0001 "Order#[id]
 * is invalid" (unknown order), 0004 "Order#[id] integrated delivery service error"; the answer's
 * delivery_status is request_accepted, request_authorized or request_submitted; tracking_number may
 * be empty while the provider works. Bulk: failures are not errors, each order lands in one list;
 * more than 24 IDs → `{message: "Unable to process the changes [\"orderIds\" must contain less than
 * or equal to 24 items]"}`.
 *
 * [INF] guesses: error status 422; code 0002 (delivery service not supported) and 0003 (delivery
 * status not pending, or the order cancelled) with our wording; the provider refuses an address
 * without a recipient phone (0004; in bulk processingFailedOrderIds); the order's delivery status
 * becomes request_accepted with a tracking number at once; archived orders answer 410 (one order)
 * or are not found (bulk); an empty or non-array orderIds → 422.
 */
import type { SimRequest, SimResponse } from '../core';
import { isPlainObject, ok } from './helpers';
import { DELIVERY_OPTIONS, type OrderRec } from './model';
import { archivedError, logOrderAction, orderJson } from './orders';
import { emit } from './webhooks';
import type { Route, ShoplineSim } from './index';

/** [PUB] the services each endpoint supports, as the SDK's region_type codes [INF mapping]. */
const ONE_ORDER_SERVICES = /^(tw_711_|cross_border_711_|tw_fm_|tw_tcat_|tw_hct|sfexpress|hk_integrated_sf)/;
const BULK_SERVICES = /^(cross_border_711_|tw_fm_freeze|tw_tcat_)/;
export const MAX_BULK_SHIPMENT_ORDERS = 24;

export function registerShipmentRoutes(sim: ShoplineSim, r: Route): void {
	r('PATCH', '/orders/execute_shipment', 'orders', (req) => bulkExecuteShipment(sim, req));
	r('PATCH', '/orders/:id/execute_shipment', 'orders', (req) => executeShipment(sim, req));
}

const shipmentError = (code: string, error: string): SimResponse => ({ status: 422, body: { error, code } });

type Outcome = 'processing' | 'failed' | 'status' | 'notSupported';

function check(o: OrderRec, services: RegExp): Outcome {
	const regionType = DELIVERY_OPTIONS.find((d) => d.id === o.delivery_option_id)?.region_type ?? 'custom';
	if (!services.test(regionType)) return 'notSupported';
	if (o.status === 'cancelled' || (o.delivery_status ?? 'pending') !== 'pending') return 'status';
	if (!String((o.delivery_address as Record<string, unknown>)?.recipient_phone ?? '').trim()) return 'failed';
	return 'processing';
}

function ship(sim: ShoplineSim, o: OrderRec): { delivery_status: string; tracking_number: string } {
	o.delivery_status = 'request_accepted';
	o.tracking_number = `SL${o.order_number.slice(-10)}`;
	o.updated_at = sim.now();
	logOrderAction(sim, o, 'order_shipment_executed', { delivery_status: o.delivery_status, tracking_number: o.tracking_number });
	const json = orderJson(sim, o);
	emit(sim, 'order/update', o.id, json);
	emit(sim, 'order_delivery/update', o.id, json);
	return { delivery_status: o.delivery_status, tracking_number: o.tracking_number };
}

function executeShipment(sim: ShoplineSim, req: SimRequest): SimResponse {
	const id = req.params.id;
	const o = sim.orders.get(id);
	if (!o) return shipmentError('0001', `Order#[${id}] is invalid`);
	if (o.archived) return archivedError(o);
	switch (check(o, ONE_ORDER_SERVICES)) {
		case 'notSupported':
			return shipmentError('0002', `Order#[${id}] delivery service does not support Execute Shipment`);
		case 'status':
			return shipmentError('0003', `Order#[${id}] delivery status is not pending`);
		case 'failed':
			return shipmentError('0004', `Order#[${id}] integrated delivery service error`);
		default:
			return ok(ship(sim, o));
	}
}

function bulkExecuteShipment(sim: ShoplineSim, req: SimRequest): SimResponse {
	const body = isPlainObject(req.body) ? req.body : {};
	const ids = body.orderIds;
	if (!Array.isArray(ids) || !ids.length || ids.some((x) => typeof x !== 'string')) {
		return { status: 422, body: { message: 'Unable to process the changes ["orderIds" must be a non-empty array of order IDs]' } };
	}
	if (ids.length > MAX_BULK_SHIPMENT_ORDERS) {
		return { status: 422, body: { message: `Unable to process the changes ["orderIds" must contain less than or equal to ${MAX_BULK_SHIPMENT_ORDERS} items]` } };
	}
	const answer = { processingOrderIds: [] as string[], processingFailedOrderIds: [] as string[], statusErrorOrderIds: [] as string[], platformNotSupportOrderIds: [] as string[], notFoundOrderIds: [] as string[] };
	const lists: Record<Outcome, string[]> = {
		processing: answer.processingOrderIds,
		failed: answer.processingFailedOrderIds,
		status: answer.statusErrorOrderIds,
		notSupported: answer.platformNotSupportOrderIds,
	};
	for (const id of new Set<string>(ids)) {
		const o = sim.orders.get(id);
		if (!o || o.archived) {
			answer.notFoundOrderIds.push(id);
			continue;
		}
		const outcome = check(o, BULK_SERVICES);
		lists[outcome].push(id);
		if (outcome === 'processing') ship(sim, o);
	}
	return ok(answer);
}
