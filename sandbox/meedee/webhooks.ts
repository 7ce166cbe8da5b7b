/** MeeDee POS simulator: the webhook subscription API (list, create, read, update, delete, deliveries, ping). */
import { randomBytes } from 'node:crypto';
import { INVALID_JSON, type Json, type SimRequest, type SimResponse } from '../core';
import { deliveryHeaders, newDelivery, settle } from './deliveries';
import { ApiError, invalid, notFound, ok, uuidRandom } from './helpers';
import { EVENT_SCOPE, type Grant, MEEDEE_EVENTS, type Obj, type Subscription, iso } from './model';
import { page } from './paging';
import type { MeeDeeSim } from './index';

export function listWebhooks(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const own = sim.webhooks.filter((w) => w.owner === grant.app.clientId);
	return page(req, 'webhooks', own, () => true);
}

export function ownWebhook(sim: MeeDeeSim, req: SimRequest, grant: Grant): Subscription {
	const w = sim.webhooks.find((x) => x.data.id === req.params.id && x.owner === grant.app.clientId);
	if (!w) throw notFound('Webhook');
	return w;
}

export function createWebhook(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const body = webhookBody(sim, req, grant, true);
	const now = iso(sim.clock());
	const secret = `whsec_${randomBytes(24).toString('hex')}`; // [INF] format
	const data: Obj = {
		id: uuidRandom(),
		endpoint_url: body.endpoint_url as string,
		events: body.events as Json[],
		description: (body.description as string | undefined) ?? null,
		is_active: (body.is_active as boolean | undefined) ?? true,
		created_at: now,
		updated_at: now,
	};
	sim.webhooks.push({ seq: ++sim.seq, owner: grant.app.clientId, secret, data });
	return ok({ data: { ...data, secret } }, 201);
}

export function updateWebhook(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const w = ownWebhook(sim, req, grant);
	const body = webhookBody(sim, req, grant, false);
	Object.assign(w.data, body, { updated_at: iso(sim.clock()) });
	return ok({ data: w.data });
}

export function deleteWebhook(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const w = ownWebhook(sim, req, grant);
	sim.webhooks = sim.webhooks.filter((x) => x !== w);
	return { status: 204 }; // [INF]
}

/** Validates a subscription body; `creating` makes endpoint_url and events required. [INF] rules */
export function webhookBody(sim: MeeDeeSim, req: SimRequest, grant: Grant, creating: boolean): Obj {
	const body = req.body;
	if (body === INVALID_JSON || !body || typeof body !== 'object' || Array.isArray(body)) {
		throw invalid('The body must be a JSON object');
	}
	const allowed = ['endpoint_url', 'events', 'description', 'is_active'];
	const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
	if (unknown.length) throw invalid(`Unknown field(s): ${unknown.join(', ')}`);
	if (!creating && Object.keys(body).length === 0) throw invalid('Nothing to update');
	const out: Obj = {};
	if (creating || body.endpoint_url !== undefined) out.endpoint_url = checkEndpoint(sim, body.endpoint_url);
	if (creating || body.events !== undefined) out.events = checkEvents(body.events, grant);
	if (body.description !== undefined && body.description !== null) {
		if (typeof body.description !== 'string' || body.description.length > 255) {
			throw invalid('description must be a string of at most 255 characters');
		}
		out.description = body.description;
	} else if (body.description === null) out.description = null;
	if (body.is_active !== undefined) {
		if (typeof body.is_active !== 'boolean') throw invalid('is_active must be true or false');
		out.is_active = body.is_active;
	}
	return out;
}

export function checkEndpoint(sim: MeeDeeSim, value: unknown): string {
	if (typeof value !== 'string' || value === '') throw invalid('endpoint_url is required');
	let url: URL;
	try {
		url = new URL(value);
	} catch {
		throw invalid('endpoint_url must be an absolute URL');
	}
	const schemes = sim.settings.requireHttps ? ['https:'] : ['https:', 'http:'];
	if (!schemes.includes(url.protocol)) throw invalid(`endpoint_url must use ${sim.settings.requireHttps ? 'https' : 'http or https'}`);
	return value;
}

export function listDeliveries(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const w = ownWebhook(sim, req, grant);
	const rows = sim.deliveries.filter((d) => d.webhookId === w.data.id);
	return page(req, `deliveries:${String(w.data.id)}`, rows, () => true);
}

/** Sends one signed `ping` now and reports the receiver's answer (no retries). */
export async function ping(sim: MeeDeeSim, req: SimRequest, grant: Grant): Promise<SimResponse> {
	const w = ownWebhook(sim, req, grant);
	const d = newDelivery(sim, w, 'ping', { webhook_id: w.data.id, message: 'Ping from MeeDee POS' }); // [INF] event name
	const raw = JSON.stringify(d.payload);
	let status: number | null = null;
	let text: string | null = null;
	try {
		const res = await fetch(String(w.data.endpoint_url), {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...deliveryHeaders(w, d) },
			body: raw,
			signal: AbortSignal.timeout(sim.settings.webhookTimeoutMs),
		});
		status = res.status;
		text = (await res.text()).slice(0, 2000);
	} catch {
		// unreachable endpoint: delivered false, nulls
	}
	settle(sim, d, { attempts: 1, status: status ?? 0 });
	return ok({ data: { webhook_id: w.data.id, delivered: status !== null && status >= 200 && status < 300, response_status: status, response_body: text } });
}

function checkEvents(value: unknown, grant: Grant): Json[] {
	if (!Array.isArray(value) || value.length === 0) throw invalid('events must be a non-empty array');
	for (const e of value) {
		if (!(MEEDEE_EVENTS as readonly unknown[]).includes(e)) throw invalid(`Unknown event ${String(e)}; use ${MEEDEE_EVENTS.join(', ')}`);
		const scope = EVENT_SCOPE[String(e).split('.')[0]];
		if (!grant.scopes.includes(scope)) throw new ApiError(403, 'insufficient_scope', `Event ${String(e)} requires the ${scope} scope`); // [INF]
	}
	return [...new Set(value as string[])];
}
