/** SHOPLINE simulator: webhook subscriptions and event delivery with retries. */
import { deliverWebhook, type SimRequest, type SimResponse } from '../core';
import { invalid, isPlainObject, isResponse, notFound, objectId, ok } from './helpers';
import { type DeliveryRec, SHOPLINE_TOPICS, type WebhookRec } from './model';
import type { Route, ShoplineSim } from './index';

/** Webhooks routes, in the order they are matched. */
export function registerWebhookRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/webhooks', 'webhooks', (req) => listWebhooks(sim, req));
	r('POST', '/webhooks', 'webhooks', (req) => createWebhook(sim, req));
	r('GET', '/webhooks/:id', 'webhooks', (req) => getWebhook(sim, req));
	r('PUT', '/webhooks/:id', 'webhooks', (req) => updateWebhook(sim, req));
	r('DELETE', '/webhooks/:id', 'webhooks', (req) => deleteWebhook(sim, req));
}

export function knownTopics(sim: ShoplineSim): string[] {
	return [...SHOPLINE_TOPICS, ...sim.config.extraTopics];
}

export function listWebhooks(sim: ShoplineSim, req: SimRequest): SimResponse {
	const page = sim.paginate([...sim.webhooks.values()], req.query);
	if (isResponse(page)) return page;
	return ok({ items: page.items.map((w) => webhookJson(sim, w)), pagination: page.pagination });
}

export function getWebhook(sim: ShoplineSim, req: SimRequest): SimResponse {
	const w = sim.webhooks.get(req.params.id);
	return w ? ok(webhookJson(sim, w)) : notFound('Webhook');
}

export function createWebhook(sim: ShoplineSim, req: SimRequest): SimResponse {
	const body = isPlainObject(req.body) ? req.body : {};
	const error = checkWebhookBody(sim, body, true);
	if (error) return error;
	const now = sim.now();
	const w: WebhookRec = {
		id: objectId(Date.now(), 0x3b, 0x100000 + ++sim.counter),
		address: String(body.address),
		topics: [...new Set<string>(body.topics)],
		status: 'active',
		webhook_version: body.webhook_version ?? null,
		created_at: now,
		updated_at: now,
	};
	sim.webhooks.set(w.id, w);
	return ok(webhookJson(sim, w), sim.config.createStatus);
}

export function updateWebhook(sim: ShoplineSim, req: SimRequest): SimResponse {
	const w = sim.webhooks.get(req.params.id);
	if (!w) return notFound('Webhook');
	const body = isPlainObject(req.body) ? req.body : {};
	const error = checkWebhookBody(sim, body, false);
	if (error) return error;
	if (body.address !== undefined) w.address = String(body.address);
	if (body.topics !== undefined) w.topics = [...new Set<string>(body.topics)];
	if (body.webhook_version !== undefined) w.webhook_version = body.webhook_version;
	w.updated_at = sim.now();
	return ok(webhookJson(sim, w));
}

export function deleteWebhook(sim: ShoplineSim, req: SimRequest): SimResponse {
	const w = sim.webhooks.get(req.params.id);
	if (!w) return notFound('Webhook');
	sim.webhooks.delete(w.id);
	w.status = 'removed';
	w.updated_at = sim.now();
	return ok(webhookJson(sim, w));
}

export function checkWebhookBody(sim: ShoplineSim, body: Record<string, any>, creating: boolean): SimResponse | undefined {
	if (creating || body.address !== undefined) {
		if (typeof body.address !== 'string' || !/^https?:\/\/[^\s]+$/.test(body.address)) {
			return invalid('address', 'address must be an http(s) URL');
		}
	}
	if (creating || body.topics !== undefined) {
		if (!Array.isArray(body.topics) || !body.topics.length) return invalid('topics', 'topics must be a non-empty array');
		const unknown = body.topics.find((t: unknown) => !knownTopics(sim).includes(String(t)));
		if (unknown !== undefined) return invalid('topics', `Unknown topic ${String(unknown)}`);
	}
	return undefined;
}

export function webhookJson(sim: ShoplineSim, w: WebhookRec): Record<string, unknown> {
	return {
		id: w.id,
		format: 'json',
		address: w.address,
		status: w.status,
		merchant_id: sim.merchantId(),
		topics: w.topics,
		webhook_version: w.webhook_version,
		created_at: w.created_at,
		updated_at: w.updated_at,
	};
}

export function subscribersOf(sim: ShoplineSim, topic: string): WebhookRec[] {
	return [...sim.webhooks.values()].filter((w) => w.status === 'active' && w.topics.includes(topic));
}

/** Sends one event to every active subscription of `topic`; returns the event id. */
export function emit(sim: ShoplineSim, topic: string, resourceId: string, resource: unknown): string {
	const eventId = objectId(Date.now(), 0xe7, 0x100000 + ++sim.counter);
	const payload = { id: eventId, topic, merchant_id: sim.merchantId(), resource_id: resourceId, resource, created_at: sim.now() };
	for (const w of subscribersOf(sim, topic)) {
		const headers = {
			[sim.config.topicHeader]: topic,
			[sim.config.eventIdHeader]: eventId,
			'X-Shopline-Webhook-Id': w.id,
			'X-Shopline-Merchant-Id': sim.merchantId(),
			'User-Agent': 'SHOPLINE-Webhook/1.0',
		};
		const record: DeliveryRec = { eventId, webhookId: w.id, topic, address: w.address, payload, headers, attempts: [], delivered: false };
		sim.deliveries.push(record);
		const job = deliver(sim, record).finally(() => sim.pending.delete(job));
		sim.pending.add(job);
	}
	return eventId;
}

/** First attempt plus up to `webhookRetries` retries; only HTTP 200 within the timeout counts. */
export async function deliver(sim: ShoplineSim, record: DeliveryRec): Promise<void> {
	for (let attempt = 0; attempt <= sim.config.webhookRetries; attempt++) {
		if (attempt > 0) await new Promise((r) => setTimeout(r, sim.config.webhookRetryDelayMs));
		const started = Date.now();
		const { status } = await deliverWebhook(record.address, record.payload, {
			headers: record.headers,
			retries: 0,
			timeoutMs: sim.config.webhookTimeoutMs,
		});
		record.attempts.push({ at: new Date(started).toISOString(), status, ms: Date.now() - started });
		if (status === 200) {
			record.delivered = true;
			return;
		}
	}
}
