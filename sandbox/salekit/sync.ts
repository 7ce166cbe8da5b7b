/**
 * Salekit simulator: the outbound "Bán hàng > Đồng bộ" (Sales > Sync) webhooks.
 *
 * Three URLs (order created, processing-status change, payment-status change) receive an unsigned JSON
 * POST of the order; every attempt lands in a sync history that can be re-sent, as in the admin.
 */
import { deliverWebhook } from '../core';
import type { Order, SyncEvent, SyncRecord, SyncUrls } from './model';
import type { SalekitSim } from './index';

const SYNC_URL_FOR: Record<SyncEvent, keyof SyncUrls> = {
	order_created: 'orderCreated',
	order_status_changed: 'statusChanged',
	order_payment_changed: 'paymentChanged',
};

/** [INF] Payload: the order detail plus the event name; unsigned JSON. */
function payloadFor(sim: SalekitSim, event: SyncEvent, order: Order): Record<string, unknown> {
	const detail = structuredClone(order) as unknown as Record<string, unknown>;
	return sim.options.syncPayload === 'wrapped' ? { event, data: detail } : { event, ...detail };
}

/** Queues one delivery to the URL configured for `event`; nothing happens when it is empty. */
export function sync(sim: SalekitSim, event: SyncEvent, order: Order): SyncRecord | undefined {
	const url = sim.syncUrls[SYNC_URL_FOR[event]];
	if (!url) return undefined;
	return deliver(sim, event, order.id, url, payloadFor(sim, event, order), null);
}

function deliver(sim: SalekitSim, event: SyncEvent, orderId: number, url: string, payload: Record<string, unknown>, resendOf: number | null): SyncRecord {
	const record: SyncRecord = {
		id: sim.nextSyncId++,
		event,
		order_id: orderId,
		url,
		payload,
		state: 'pending',
		http_status: 0,
		attempts: 0,
		resend_of: resendOf,
		created_at: sim.now(),
	};
	sim.syncHistory.push(record);
	// Deliveries go out one after another, in the order the changes happened.
	sim.deliveries = sim.deliveries.then(async () => {
		const result = await deliverWebhook(url, payload, {
			retries: sim.options.syncRetries,
			timeoutMs: sim.options.syncTimeoutMs,
			retryDelayMs: 50,
		});
		record.attempts = result.attempts;
		record.http_status = result.status;
		record.state = result.status >= 200 && result.status < 300 ? 'success' : 'failed';
	});
	return record;
}

/** Re-sends a recorded delivery with the identical payload, to the event's current URL (else the recorded one). */
export function resendSync(sim: SalekitSim, historyId: number): SyncRecord | undefined {
	const original = sim.syncHistory.find((r) => r.id === historyId);
	if (!original) return undefined;
	const url = sim.syncUrls[SYNC_URL_FOR[original.event]] || original.url;
	return deliver(sim, original.event, original.order_id, url, original.payload, original.id);
}
