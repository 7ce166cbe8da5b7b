/**
 * How each demo workflow is started outside the editor. Manual ones run with `n8n execute`;
 * webhook-started ones are active in the server, and the sandbox fires the vendor's real event at
 * n8n's production webhook URL (as the vendor would), then we wait for the effect in the sandbox.
 */
import type { Sandbox } from '../sandbox/index';

export type DemoDriver = { kind: 'manual' } | { kind: 'webhook'; fire: (sandbox: Sandbox, n8nUrl: string) => Promise<string> };

/** Polls `done` until it is true or `timeoutMs` passes (at most timeoutMs / 250 checks). */
export async function waitFor<T>(done: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000, what = 'the workflow'): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await done();
		if (value) return value;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/** Calls a vendor simulator's API with the sandbox's demo credentials, as the vendor's own admin would. */
export async function vendorCall(sandbox: Sandbox, vendor: 'venio' | 'meedee' | 'shopline', method: string, pathAndQuery: string, body?: unknown): Promise<any> {
	const c = sandbox.credentials;
	let headers: Record<string, string> = { 'content-type': 'application/json' };
	let url: string;
	if (vendor === 'shopline') {
		headers = { ...headers, authorization: `Bearer ${c.shoplineApi.accessToken}`, 'user-agent': c.shoplineApi.userAgent };
		url = `${c.shoplineApi.baseUrl}${pathAndQuery}`;
	} else if (vendor === 'meedee') {
		const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.meeDeePosApi.clientId, client_secret: c.meeDeePosApi.clientSecret });
		const token = await fetch(`${c.meeDeePosApi.baseUrl}/api/partner/v1/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
		headers = { ...headers, authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
		url = `${c.meeDeePosApi.baseUrl}/api/partner/v1${pathAndQuery}`;
	} else {
		const key = { 'ocp-apim-subscription-key': c.venioCrmApi.subscriptionApiKey };
		const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.venioCrmApi.clientId, client_secret: c.venioCrmApi.clientSecret });
		const token = await fetch(`${c.venioCrmApi.baseUrl}/authorization/connect/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...key }, body: form });
		headers = { ...headers, ...key, authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
		url = `${c.venioCrmApi.baseUrl}${pathAndQuery}`;
	}
	const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	if (res.status >= 300) throw new Error(`${vendor} ${method} ${pathAndQuery}: ${res.status} ${text.slice(0, 300)}`);
	return text ? JSON.parse(text) : undefined;
}

/** Webhook ids and token fixed in the example workflows, so the vendors can be pointed at them. */
export const VENIO_WEBHOOK = { id: '8b1c2d3e-4f5a-4b6c-9d7e-2a3b4c5d6e72', path: 'venio', token: 'demo-venio-webhook-token-7f3c' };

type ShoplineOrder = { id: string; order_number: string; status: string; archived?: boolean; subtotal_items: Array<{ sku: string | null }> };

/** A SHOPLINE order whose every line is a product Venio knows (same SKU), so it can become a Venio order. */
export async function orderVenioCanTake(sandbox: Sandbox, status = 'pending', skip: string[] = []): Promise<ShoplineOrder> {
	const { items } = (await vendorCall(sandbox, 'shopline', 'GET', `/orders?per_page=200&statuses[]=${status}`)) as { items: ShoplineOrder[] };
	const order = items.find((o) => !o.archived && !skip.includes(o.id) && o.subtotal_items.length > 0 && o.subtotal_items.every((l) => l.sku && sandbox.venio.products.has(l.sku)));
	if (!order) throw new Error(`No ${status} SHOPLINE order with products Venio knows`);
	return order;
}

export const DEMO_DRIVERS: Record<string, DemoDriver> = {
	demoShoplineToVenio1: {
		kind: 'webhook',
		async fire(sandbox) {
			// The trigger subscribes when n8n activates the workflow, just after n8n starts.
			await waitFor(() => (sandbox.shopline.snapshot() as { webhooks: Array<{ topics: string[]; status: string }> }).webhooks.some((w) => w.status === 'active' && w.topics.includes('order/create')), 30_000, 'the SHOPLINE subscription');
			const order = await orderVenioCanTake(sandbox, 'pending');
			// SHOPLINE tells every subscriber of order/create: here, the active demo workflow.
			await sandbox.shopline.control({ action: 'emit', topic: 'order/create', id: order.id });
			const created = await waitFor(() => [...sandbox.venio.orders.values()].find((so) => so.doc.referenceNo === order.order_number), 30_000, 'the Venio sales order');
			return `SHOPLINE order ${order.order_number} became Venio sales order ${created.doc.salesOrderNo} for customer ${created.doc.customerCode}`;
		},
	},
	demoPosSalesToVenio2: { kind: 'manual' },
	demoCustomersSalekit3: { kind: 'manual' },
	demoApprovedToShop4: {
		kind: 'webhook',
		async fire(sandbox, n8nUrl) {
			const hook = `${n8nUrl}/webhook/${VENIO_WEBHOOK.id}/${VENIO_WEBHOOK.path}`;
			// Live once n8n has activated the workflow: then a call without the token is refused (401), not unknown (404).
			await waitFor(async () => (await fetch(hook, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 401 || undefined, 30_000, 'the Venio webhook to be live');
			await sandbox.venio.control({ action: 'setWebhook', url: `${hook}?token=${VENIO_WEBHOOK.token}` });
			const order = await orderVenioCanTake(sandbox, 'pending');
			const lines = order.subtotal_items.map((l) => ({ productCode: l.sku, qty: 1 }));
			const customerCode = sandbox.venio.customers[0].customerCode;
			// A salesperson records the web order in Venio, then a manager approves it there.
			const so = (await vendorCall(sandbox, 'venio', 'POST', '/v2/salesorder', { customerCode, referenceNo: order.order_number, salesorderDetails: lines })).data;
			await vendorCall(sandbox, 'venio', 'PUT', `/v2/salesorder/${so.salesOrderNo}/approve`, {});
			await waitFor(async () => ((await vendorCall(sandbox, 'shopline', 'GET', `/orders/${order.id}`)) as ShoplineOrder).status === 'confirmed' || undefined, 30_000, 'the SHOPLINE order to be confirmed');
			return `Venio sales order ${so.salesOrderNo} approved → SHOPLINE order ${order.order_number} confirmed`;
		},
	},
	demoQuotationFlow5: { kind: 'manual' },
};
