/** MeeDee POS simulator: outbound webhook deliveries (signed, retried, filtered per application). */
import { deliverWebhook } from '../core';
import { customerView } from './customers';
import { uuidRandom } from './helpers';
import { type Delivery, EVENT_SCOPE, type Obj, type Subscription, iso } from './model';
import { MEEDEE_SIGNATURE, meedeeSignature } from './signing';
import type { MeeDeeSim } from './index';

export function newDelivery(sim: MeeDeeSim, w: Subscription, event: string, data: Obj): Delivery {
	const id = uuidRandom();
	const now = iso(sim.clock());
	const d: Delivery = {
		seq: ++sim.seq,
		webhookId: String(w.data.id),
		payload: { id, event, created_at: now, data },
		data: { id, webhook_id: w.data.id, event, status: 'pending', attempts: 0, response_status: null, created_at: now, last_attempt_at: null },
	};
	sim.deliveries.push(d);
	return d;
}

export function deliveryHeaders(w: Subscription, d: Delivery): Record<string, string> {
	return {
		[MEEDEE_SIGNATURE.signatureHeader]: meedeeSignature(w.secret, JSON.stringify(d.payload)),
		[MEEDEE_SIGNATURE.eventHeader]: String(d.payload.event),
		[MEEDEE_SIGNATURE.deliveryHeader]: String(d.payload.id),
		'user-agent': 'MeeDee-Webhooks/1.0', // [INF]
	};
}

export function settle(sim: MeeDeeSim, d: Delivery, result: { attempts: number; status: number }): void {
	d.data.attempts = Number(d.data.attempts) + result.attempts;
	d.data.response_status = result.status || null;
	d.data.status = result.status >= 200 && result.status < 300 ? 'delivered' : 'failed';
	d.data.last_attempt_at = iso(sim.clock());
}

/** Delivers in the background with the configured retries; `idle()` waits for it. */
export function send(sim: MeeDeeSim, w: Subscription, d: Delivery): void {
	const job = deliverWebhook(String(w.data.endpoint_url), d.payload, {
		headers: deliveryHeaders(w, d),
		retries: sim.settings.webhookRetries,
		retryDelayMs: sim.settings.webhookRetryDelayMs,
		timeoutMs: sim.settings.webhookTimeoutMs,
	}).then((result) => settle(sim, d, result));
	sim.inflight.add(job);
	void job.finally(() => sim.inflight.delete(job));
}

/** Fires `event` for `object` to every active subscription whose application may see it. */
export function fireEvent(sim: MeeDeeSim, event: string, object: Obj): string[] {
	const ids: string[] = [];
	for (const w of sim.webhooks) {
		if (!w.data.is_active || !(w.data.events as string[]).includes(event)) continue;
		const view = eventView(sim, w, event, object);
		if (!view) continue;
		const d = newDelivery(sim, w, event, view);
		ids.push(String(d.data.id));
		send(sim, w, d);
	}
	return ids;
}

/** What one application may receive of an object; undefined when its scopes or branches exclude it. [INF] */
export function eventView(sim: MeeDeeSim, w: Subscription, event: string, object: Obj): Obj | undefined {
	const app = sim.applications.get(w.owner);
	if (!app) return undefined;
	const scope = EVENT_SCOPE[event.split('.')[0]];
	if (!scope || !app.scopes.includes(scope)) return undefined;
	if (object.branch_id !== undefined && !app.allowedBranchIds.includes(String(object.branch_id))) return undefined;
	return event.startsWith('customer.') ? customerView(object, app.scopes) : { ...object };
}

export function redeliverDelivery(sim: MeeDeeSim, deliveryId: string): Obj {
	const d = sim.deliveries.find((x) => x.data.id === deliveryId);
	if (!d) return { error: 'not_found', message: `Delivery ${deliveryId} not found` };
	const w = sim.webhooks.find((x) => x.data.id === d.webhookId);
	if (!w) return { error: 'not_found', message: `Webhook ${d.webhookId} no longer exists` };
	d.data.status = 'pending';
	send(sim, w, d);
	return { delivery_id: deliveryId, webhook_id: w.data.id, status: 'pending' };
}
