/** Venio simulator: the outbound sales-order webhook (deliveries recorded, re-sendable unchanged). */
import { deliverWebhook } from '../core';
import { type Delivery, type SalesOrder, type WebhookEvent } from './model';
import { bkkTime } from './helpers';
import type { VenioSim } from './index';

// ----- Outbound webhook -------------------------------------------------------------------------

/** `{Data:{SaleOrderNo, Event, DateModified, …}}` to every configured URL, one delivery at a time. */
export function notify(sim: VenioSim, o: SalesOrder, event: WebhookEvent): void {
	if (!sim.options.webhookEvents.includes(event)) return;
	const Data: Record<string, unknown> = { SaleOrderNo: o.doc.salesOrderNo, Event: event, DateModified: bkkTime(o.dateModified) };
	if (sim.options.webhookExtraFields) {
		Object.assign(Data, { SaleOrderId: o.doc.salesOrderId, CustomerCode: o.doc.customerCode, Status: o.doc.salesOrderStatus, GrandTotal: o.doc.grandTotal }); // [INF]
	}
	for (const url of sim.options.webhookUrls) deliver(sim, url, event, { Data }, null);
}

export function deliver(sim: VenioSim, url: string, event: Delivery['event'], payload: Delivery['payload'], redeliveryOf: number | null): Delivery {
	const d: Delivery = { index: sim.deliveries.length, url, event, payload, status: 0, attempts: 0, redeliveryOf };
	sim.deliveries.push(d);
	const options = { retries: sim.options.webhookRetries, timeoutMs: sim.options.webhookTimeoutMs, retryDelayMs: 50 };
	sim.queue = sim.queue.then(async () => {
		const result = await deliverWebhook(url, payload, options);
		d.status = result.status;
		d.attempts = result.attempts;
	});
	return d;
}

/** Re-sends delivery `index` with the identical payload (a duplicate the receiver must drop). */
export function redeliver(sim: VenioSim, index: number): Delivery | undefined {
	const original = sim.deliveries[index];
	return original && deliver(sim, original.url, original.event, structuredClone(original.payload), original.index);
}

/** Resolves when every queued delivery has finished. */
export async function flush(sim: VenioSim): Promise<void> {
	let seen: Promise<void> | undefined;
	while (seen !== sim.queue) {
		seen = sim.queue;
		await seen;
	}
}
