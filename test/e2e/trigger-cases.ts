/**
 * One active workflow per webhook trigger, and how each vendor delivers an event to it, for the
 * end-to-end de-duplication test. SHOPLINE and MeeDee deliver through the sandbox (their triggers
 * subscribe on activation); Venio and Salekit have their URL pasted with ?token=, so deliveries are
 * posted straight to n8n's production webhook URL. A repeat is the identical request again: same
 * URL, headers and body bytes (for MeeDee the same signed body).
 */
import type { Sandbox } from '../../sandbox/index';
import { meedeeSignature, MEEDEE_SIGNATURE } from '../../sandbox/meedee';
import { waitFor } from '../../scripts/demo-drivers';
import { CREDENTIAL_IDS } from '../../scripts/demo-setup';
import { PACKAGE_NAME } from '../../scripts/n8n-server';

/** One HTTP delivery, kept byte for byte so it can be sent again. */
export interface Delivery {
	url: string;
	headers: Record<string, string>;
	body: string;
}

/** n8n's answer to one delivery. */
export interface Answer {
	status: number;
	body: string;
}

export interface TriggerCase {
	name: string;
	workflowId: string;
	workflow: Record<string, unknown>;
	/** Resolves once n8n has activated the trigger (webhook registered, subscription in place). */
	live(sandbox: Sandbox, n8nUrl: string): Promise<void>;
	/**
	 * Makes the vendor deliver a new event (the `n`th of this run) as it would. Returns at once, with
	 * that delivery under way (`sent`: n8n's answer to it) and kept byte for byte to be repeated.
	 */
	emit(sandbox: Sandbox, n8nUrl: string, n: number): { delivery: Delivery; sent: Promise<Answer> };
}

export async function send(delivery: Delivery): Promise<Answer> {
	const res = await fetch(delivery.url, { method: 'POST', headers: delivery.headers, body: delivery.body, signal: AbortSignal.timeout(15_000) });
	return { status: res.status, body: (await res.text()).slice(0, 200) };
}

const productionUrl = (n8nUrl: string, webhookId: string, path: string) => `${n8nUrl}/webhook/${webhookId}/${path}`;

/** A registered webhook that refuses an unsigned or token-less call answers 401; an unknown one 404. */
async function refusesStrangers(url: string, what: string): Promise<void> {
	await waitFor(
		async () => (await send({ url, headers: { 'content-type': 'application/json' }, body: '{}' })).status === 401 || undefined,
		60_000,
		`${what} to be live`,
	);
}

function workflow(id: string, name: string, node: Record<string, unknown>): Record<string, unknown> {
	return {
		id,
		name,
		active: false,
		nodes: [{ id: `${id}-trigger`, name: 'Trigger', typeVersion: 1, position: [0, 0], ...node }],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

const credential = (type: keyof typeof CREDENTIAL_IDS) => ({ [type]: CREDENTIAL_IDS[type] });

const SHOPLINE = { workflowId: 'e2eTriggerShopline', webhookId: '0e2e0001-5b0a-4c1d-8e2f-5a6b7c8d9e01', path: 'webhook' };
const MEEDEE = { workflowId: 'e2eTriggerMeeDee', webhookId: '0e2e0002-5b0a-4c1d-8e2f-5a6b7c8d9e02', path: 'webhook' };
const VENIO = { workflowId: 'e2eTriggerVenio', webhookId: '0e2e0003-5b0a-4c1d-8e2f-5a6b7c8d9e03', path: 'venio', token: 'e2e-venio-token-4c1d8e2f5a6b7c8d' };
const VENIO_TOPICS = { workflowId: 'e2eTriggerVenioDeal', webhookId: '0e2e0005-5b0a-4c1d-8e2f-5a6b7c8d9e05', path: 'venio', token: 'e2e-venio-deal-token-5b0a4c1d8e2f' };
const SALEKIT = { workflowId: 'e2eTriggerSalekit', webhookId: '0e2e0004-5b0a-4c1d-8e2f-5a6b7c8d9e04', path: 'salekit', token: 'e2e-salekit-token-9e045b0a4c1d8e2f' };

const shopline: TriggerCase = {
	name: 'SHOPLINE Trigger',
	workflowId: SHOPLINE.workflowId,
	workflow: workflow(SHOPLINE.workflowId, 'E2E SHOPLINE Trigger', {
		type: `${PACKAGE_NAME}.shoplineTrigger`,
		parameters: { topics: ['order/create'] },
		credentials: credential('shoplineApi'),
		webhookId: SHOPLINE.webhookId,
	}),
	async live(sandbox, n8nUrl) {
		const url = productionUrl(n8nUrl, SHOPLINE.webhookId, SHOPLINE.path);
		await waitFor(() => [...sandbox.shopline.webhooks.values()].some((w) => w.status === 'active' && w.address.startsWith(`${url}?`)) || undefined, 60_000, 'the SHOPLINE subscription');
		await refusesStrangers(url, 'the SHOPLINE webhook');
	},
	emit(sandbox, n8nUrl, n) {
		const url = productionUrl(n8nUrl, SHOPLINE.webhookId, SHOPLINE.path);
		const orders = [...sandbox.shopline.orders.values()];
		const order = orders[n % orders.length];
		// SHOPLINE records the delivery and starts sending it before `emit` returns.
		const { event_id: eventId } = sandbox.shopline.control({ action: 'emit', topic: 'order/create', id: order.id }) as { event_id: string };
		const record = sandbox.shopline.deliveries.find((d) => d.eventId === eventId && d.address.startsWith(`${url}?`));
		if (!record) throw new Error(`SHOPLINE sent event ${eventId} to no subscription of ${url}`);
		// Repeated exactly as SHOPLINE's own retry sends it.
		const delivery = { url: record.address, headers: { 'content-type': 'application/json', ...record.headers }, body: JSON.stringify(record.payload) };
		const sent = sandbox.shopline.idle().then(() => ({
			status: record.attempts[record.attempts.length - 1]?.status ?? 0,
			body: `(SHOPLINE's delivery, ${record.attempts.length} attempt(s))`,
		}));
		return { delivery, sent };
	},
};

const meedee: TriggerCase = {
	name: 'MeeDee POS Trigger',
	workflowId: MEEDEE.workflowId,
	workflow: workflow(MEEDEE.workflowId, 'E2E MeeDee POS Trigger', {
		type: `${PACKAGE_NAME}.meeDeePosTrigger`,
		parameters: { events: ['sale.created'] },
		credentials: credential('meeDeePosApi'),
		webhookId: MEEDEE.webhookId,
	}),
	async live(sandbox, n8nUrl) {
		const url = productionUrl(n8nUrl, MEEDEE.webhookId, MEEDEE.path);
		await waitFor(() => sandbox.meedee.webhooks.some((w) => w.data.endpoint_url === url && w.data.is_active !== false) || undefined, 60_000, 'the MeeDee subscription');
		await refusesStrangers(url, 'the MeeDee webhook');
	},
	emit(sandbox, n8nUrl) {
		const url = productionUrl(n8nUrl, MEEDEE.webhookId, MEEDEE.path);
		const subscription = sandbox.meedee.webhooks.find((w) => w.data.endpoint_url === url);
		if (!subscription) throw new Error(`No MeeDee subscription for ${url}`);
		// MeeDee records the delivery and starts sending it before `emit` returns.
		const fired = sandbox.meedee.control({ action: 'emit', event: 'sale.created' }) as { deliveries?: string[]; error?: string };
		const record = sandbox.meedee.deliveries.find((d) => fired.deliveries?.includes(String(d.data.id)) && d.webhookId === String(subscription.data.id));
		if (!record) throw new Error(`MeeDee sent the sale to no subscription of ${url}: ${JSON.stringify(fired)}`);
		// The same signed body with the same headers (a redelivery keeps its delivery id).
		const body = JSON.stringify(record.payload);
		const delivery = {
			url,
			headers: {
				'content-type': 'application/json',
				[MEEDEE_SIGNATURE.signatureHeader]: meedeeSignature(subscription.secret, body),
				[MEEDEE_SIGNATURE.eventHeader]: String(record.payload.event),
				[MEEDEE_SIGNATURE.deliveryHeader]: String(record.payload.id),
			},
			body,
		};
		const sent = sandbox.meedee.idle().then(() => ({
			status: Number(record.data.response_status ?? 0),
			body: `(MeeDee's delivery: ${String(record.data.status)}, ${String(record.data.attempts)} attempt(s))`,
		}));
		return { delivery, sent };
	},
};

const venio: TriggerCase = {
	name: 'Venio CRM Trigger',
	workflowId: VENIO.workflowId,
	workflow: workflow(VENIO.workflowId, 'E2E Venio CRM Trigger', {
		type: `${PACKAGE_NAME}.venioCrmTrigger`,
		// The defaults (the full order is read from Venio), as a user leaves them.
		parameters: { secretToken: VENIO.token },
		credentials: credential('venioCrmApi'),
		webhookId: VENIO.webhookId,
	}),
	async live(_sandbox, n8nUrl) {
		await refusesStrangers(productionUrl(n8nUrl, VENIO.webhookId, VENIO.path), 'the Venio webhook');
	},
	emit(sandbox, n8nUrl, n) {
		const orders = [...sandbox.venio.orders.values()];
		const order = orders[n % orders.length];
		// Venio's body: one event of a sales order, told apart by its event and modification time.
		const modified = new Date(Date.UTC(2026, 11, 4, 3, 0, n)).toISOString().slice(0, 19) + '+07:00';
		const body = JSON.stringify({ Data: { SaleOrderNo: order.doc.salesOrderNo, Event: 'updated', DateModified: modified, CustomerCode: order.doc.customerCode } });
		const delivery = { url: `${productionUrl(n8nUrl, VENIO.webhookId, VENIO.path)}?token=${VENIO.token}`, headers: { 'content-type': 'application/json' }, body };
		return { delivery, sent: send(delivery) };
	},
};

/** Venio's topic deliveries ({Topic, Event, Data}): a deal changed, the full deal read from Venio. */
const venioDeals: TriggerCase = {
	name: 'Venio CRM Trigger (deal events)',
	workflowId: VENIO_TOPICS.workflowId,
	workflow: workflow(VENIO_TOPICS.workflowId, 'E2E Venio CRM Trigger, deal events', {
		type: `${PACKAGE_NAME}.venioCrmTrigger`,
		parameters: { secretToken: VENIO_TOPICS.token, events: ['deal.updated'] },
		credentials: credential('venioCrmApi'),
		webhookId: VENIO_TOPICS.webhookId,
	}),
	async live(_sandbox, n8nUrl) {
		await refusesStrangers(productionUrl(n8nUrl, VENIO_TOPICS.webhookId, VENIO_TOPICS.path), 'the Venio deal webhook');
	},
	emit(sandbox, n8nUrl, n) {
		const deals = [...sandbox.venio.deals.values()];
		const deal = deals[n % deals.length];
		// Each change of a deal differs in Data (its modification time at least); a re-send repeats it.
		const modified = new Date(Date.UTC(2026, 11, 4, 4, 0, n)).toISOString().slice(0, 19) + '+07:00';
		const body = JSON.stringify({ Topic: 'Deal', Event: 'Updated', Data: { DealId: deal.dealsId, DealName: deal.dealsName, DateModified: modified } });
		const delivery = { url: `${productionUrl(n8nUrl, VENIO_TOPICS.webhookId, VENIO_TOPICS.path)}?token=${VENIO_TOPICS.token}`, headers: { 'content-type': 'application/json' }, body };
		return { delivery, sent: send(delivery) };
	},
};

const salekit: TriggerCase = {
	name: 'Salekit Trigger',
	workflowId: SALEKIT.workflowId,
	workflow: workflow(SALEKIT.workflowId, 'E2E Salekit Trigger', {
		type: `${PACKAGE_NAME}.salekitTrigger`,
		parameters: { event: 'any', secretToken: SALEKIT.token },
		webhookId: SALEKIT.webhookId,
	}),
	async live(_sandbox, n8nUrl) {
		await refusesStrangers(productionUrl(n8nUrl, SALEKIT.webhookId, SALEKIT.path), 'the Salekit webhook');
	},
	emit(sandbox, n8nUrl, n) {
		const order = sandbox.salekit.orders[n % sandbox.salekit.orders.length];
		// Salekit's sync body: the order itself plus the event name; each event a new order state.
		const updatedAt = new Date(Date.UTC(2026, 11, 4, 3, 0, n)).toISOString();
		const body = JSON.stringify({ event: 'order_status_changed', ...order, updated_at: updatedAt });
		const delivery = { url: `${productionUrl(n8nUrl, SALEKIT.webhookId, SALEKIT.path)}?token=${SALEKIT.token}`, headers: { 'content-type': 'application/json' }, body };
		return { delivery, sent: send(delivery) };
	},
};

export const TRIGGER_CASES: TriggerCase[] = [shopline, meedee, venio, venioDeals, salekit];
