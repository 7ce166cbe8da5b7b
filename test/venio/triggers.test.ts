/**
 * Venio CRM Trigger (webhook) and Venio CRM Polling Trigger inside n8n-core against the simulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer, Vendor } from '../../sandbox/core';
import { deliver, makeNode, poll, pollerStaticData, restartPollers, storeCredentials, webhookLifecycle } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

const TOKEN = 'tok-7f3a9c2e5b1d';
const firstOrder = () => [...env.sim.orders.values()][0];

function webhookNode(parameters: IDataObject = {}) {
	return makeNode(env.h, { type: 'venioCrmTrigger', parameters: { secretToken: TOKEN, fetchFullOrder: false, ...parameters } as never }, storeCredentials(env.h, env.credentials()));
}

const payload = (no: string, event = 'approved', modified = '2026-01-05T19:00:00+07:00') => ({ Data: { SaleOrderNo: no, Event: event, DateModified: modified, Status: 2 } });

describe('Venio CRM Trigger (webhook)', () => {
	it('has nothing to register at Venio: activation arms it, deactivation forgets its memory', async () => {
		const node = webhookNode();
		const staticData: IDataObject = {};
		const url = 'http://127.0.0.1:5678/webhook/x/venio';
		expect(await webhookLifecycle(env.h, node, staticData, 'checkExists', url)).toBe(false);
		expect(await webhookLifecycle(env.h, node, staticData, 'create', url)).toBe(true);
		expect(await webhookLifecycle(env.h, node, staticData, 'checkExists', url)).toBe(true);
		expect(await webhookLifecycle(env.h, node, staticData, 'delete', url)).toBe(true);
		expect(await webhookLifecycle(env.h, node, staticData, 'checkExists', url)).toBe(false);
		expect(env.server.requests('venio')).toHaveLength(0);
	});

	it.each([
		['no token', {}],
		['a wrong token', { token: 'tok-wrong' }],
		['a token of another length', { token: `${TOKEN}x` }],
	])('refuses %s with 401 and emits nothing', async (_t, query) => {
		const out = await deliver(env.h, webhookNode(), {}, { body: payload('SO2601-0001'), query: query as Record<string, string> });
		expect(out.status).toBe(401);
		expect(out.result.workflowData).toBeUndefined();
	});

	it('emits the webhook’s own fields, once per event (same order, event and time)', async () => {
		const node = webhookNode();
		const staticData: IDataObject = {};
		const first = await deliver(env.h, node, staticData, { body: payload('SO2601-0001'), query: { token: TOKEN } });
		expect(first.status).toBe(200);
		expect(first.result.workflowData?.[0].map((i) => i.json)).toEqual([payload('SO2601-0001').Data]);
		const repeat = await deliver(env.h, node, staticData, { body: payload('SO2601-0001'), query: { token: TOKEN } });
		expect(repeat.result.workflowData).toBeUndefined();
		expect(repeat.result.webhookResponse).toMatchObject({ duplicate: true });
		const nextEvent = await deliver(env.h, node, staticData, { body: payload('SO2601-0001', 'payment', '2026-01-05T20:00:00+07:00'), query: { token: TOKEN } });
		expect(nextEvent.result.workflowData?.[0]).toHaveLength(1);
	});

	it('answers 400 to a body without Data.SaleOrderNo', async () => {
		const out = await deliver(env.h, webhookNode(), {}, { body: { Data: {} }, query: { token: TOKEN } });
		expect(out.status).toBe(400);
		expect(out.result.workflowData).toBeUndefined();
	});

	it('Fetch Full Sales Order: the order in the common shape, the delivery under extra.webhook', async () => {
		const o = firstOrder();
		const body = payload(o.doc.salesOrderNo);
		const out = await deliver(env.h, webhookNode({ fetchFullOrder: true }), {}, { body, query: { token: TOKEN } });
		const json = out.result.workflowData![0][0].json;
		expect(env.calls()).toEqual([expect.objectContaining({ method: 'GET', path: `/v2/salesorder/${o.doc.salesOrderNo}` })]);
		expect(json).toMatchObject({ source: 'venio', number: o.doc.salesOrderNo, total: o.doc.grandTotal, extra: expect.objectContaining({ webhook: body.Data }) });
	});

	it('Fetch Full Sales Order, raw: Venio’s order unchanged plus the delivery under webhook', async () => {
		const o = firstOrder();
		const body = payload(o.doc.salesOrderNo);
		const out = await deliver(env.h, webhookNode({ fetchFullOrder: true, simplify: false }), {}, { body, query: { token: TOKEN } });
		expect(out.result.workflowData![0][0].json).toEqual({ ...env.sim.orderOut(o), webhook: body.Data });
	});

	it('a failed fetch is not remembered, so Venio’s re-send is processed', async () => {
		const node = webhookNode({ fetchFullOrder: true });
		const staticData: IDataObject = {};
		const o = firstOrder();
		env.sim.control({ action: 'failNext', count: 3 });
		await expect(deliver(env.h, node, staticData, { body: payload(o.doc.salesOrderNo), query: { token: TOKEN } })).rejects.toThrow(/E9905/);
		const again = await deliver(env.h, node, staticData, { body: payload(o.doc.salesOrderNo), query: { token: TOKEN } });
		expect(again.result.workflowData?.[0][0].json).toMatchObject({ number: o.doc.salesOrderNo });
	});

	it('receives what the simulator really sends, and drops its re-delivery', async () => {
		const node = webhookNode({ fetchFullOrder: true });
		const staticData: IDataObject = {};
		const emitted: IDataObject[] = [];
		const receiver = new SandboxServer();
		const hook = new Vendor('hook', '/hook', () => ({ status: 429 }));
		hook.route('POST', '/venio', async (req) => {
			const out = await deliver(env.h, node, staticData, { body: req.body, rawBody: req.rawBody, query: req.query as Record<string, string> });
			for (const item of out.result.workflowData?.[0] ?? []) emitted.push(item.json);
			return { status: out.status, body: {} };
		});
		receiver.mount(hook);
		const base = await receiver.start();
		try {
			env.sim.control({ action: 'setWebhook', url: `${base}/hook/venio?token=${TOKEN}` });
			const created = await env.run({ resource: 'salesOrder', operation: 'createOrUpdate', customerCode: 'C000001', salesorderDetails: { values: [{ productCode: 'P-PHO', qty: 2 }] } });
			const no = created.items[0].json.salesOrderNo as string;
			await env.sim.flush();
			env.sim.control({ action: 'redeliver', index: 0 });
			await env.sim.flush();
			expect(env.sim.deliveries.map((d) => d.status)).toEqual([200, 200]);
			expect(emitted).toHaveLength(1);
			expect(emitted[0]).toMatchObject({ number: no, extra: expect.objectContaining({ webhook: expect.objectContaining({ SaleOrderNo: no, Event: 'created' }) }) });
		} finally {
			env.sim.control({ action: 'setWebhook', url: '' });
			await receiver.stop();
		}
	});
});

describe('Venio CRM Polling Trigger', () => {
	const pollingNode = (parameters: IDataObject = {}) =>
		makeNode(env.h, { type: 'venioCrmPollingTrigger', name: 'Venio Poll', parameters: { event: 'customer', ...parameters } as never }, storeCredentials(env.h, env.credentials()));
	const codes = (result: Awaited<ReturnType<typeof poll>>) => (result?.[0] ?? []).map((i) => (i.json.code ?? i.json.customerCode) as string).sort();
	const upsert = async (parameters: IDataObject) => {
		const { items, error } = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerState: 3, ...parameters });
		expect(error).toBeUndefined();
		return items[0].json.customerCode as string;
	};
	const enquiries = () => env.calls().filter((c) => c.path === '/v3/customers/enquiry');

	it('manual run shows the most recently changed customer and leaves the memory alone', async () => {
		const code = await upsert({ customerName: 'Sample Customer' });
		const staticData: IDataObject = {};
		const result = await poll(env.h, pollingNode(), staticData, 'manual');
		expect(codes(result)).toEqual([code]);
		expect(result![0][0].json.source).toBe('venio');
		expect(enquiries().at(-1)!.body).toEqual({ orderBy: 'dateModified desc', skip: 0, pageLength: 1 });
		expect(staticData['node:Venio Poll'] ?? {}).toEqual({});
	});

	it('starts from now, then emits every change exactly once across polls and a restart', async () => {
		const staticData: IDataObject = {};
		const recent = await upsert({ customerName: 'Changed Before Activation' });
		expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
		const state = pollerStaticData(staticData)['node:Venio Poll'] as { customers: { watermark: string; seen: Record<string, string> } };
		expect(state.customers.watermark).toMatch(/\+07:00$/);
		expect(Object.values(state.customers.seen).join('')).toHaveLength(10); // the customer changed just before, as one short hash

		const a = await upsert({ customerName: 'New A' });
		const b = await upsert({ customerName: 'New B' });
		await upsert({ customerCode: 'C000005', customerName: 'Edited Five' });
		expect(codes(await poll(env.h, pollingNode(), staticData))).toEqual([a, b, 'C000005'].sort());
		expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
		expect(recent).toBeDefined();

		// The overlap is read again on every poll: modifiedSince = watermark - 10 minutes.
		const since = (enquiries().at(-1)!.body as { modifiedSince: string }).modifiedSince;
		const watermark = (pollerStaticData(staticData)['node:Venio Poll'] as { customers: { watermark: string } }).customers.watermark;
		expect(Date.parse(watermark) - Date.parse(since)).toBe(10 * 60_000);

		// A restart: the poller's memory is gone; it starts again from what n8n saved (at the last poll that emitted).
		restartPollers(staticData);
		await upsert({ customerCode: a, customerName: 'New A, edited' });
		const c = await upsert({ customerName: 'New C' });
		const restarted = await poll(env.h, pollingNode(), staticData);
		expect(codes(restarted)).toEqual([a, c].sort());
		expect(restarted![0].find((i) => i.json.code === a)!.json.name).toBe('New A, edited');
		expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
	});

	it('a second edit in the same second as the emitted one is still emitted (content is part of the key)', async () => {
		const staticData: IDataObject = {};
		await poll(env.h, pollingNode(), staticData);
		const code = await upsert({ customerName: 'Quick Edit 1' });
		expect(codes(await poll(env.h, pollingNode(), staticData))).toEqual([code]);
		await upsert({ customerCode: code, customerName: 'Quick Edit 2' });
		const second = await poll(env.h, pollingNode({ simplify: false }), staticData);
		expect(second?.[0].map((i) => i.json.customerName)).toEqual(['Quick Edit 2']);
	});

	it('a page whose last customer has no change time is paged on by skip, never with modifiedSince "undefined"', async () => {
		const staticData: IDataObject = {};
		await poll(env.h, pollingNode(), staticData);
		const since = '2026-11-01T10:00:00+07:00';
		const page = Array.from({ length: 100 }, (_, i) => ({ customerId: 900000 + i, customerCode: `CX${i}`, customerName: `No Time ${i}`, dateModified: i === 99 ? undefined : since }));
		const { intercept } = await import('./setup');
		const restore = intercept(env.sim, 'POST', '/v3/customers/enquiry', (_req, _original, call) => ({
			status: 200,
			body: { status: { code: '1000', description: 'Success' }, data: call === 1 ? page : [] },
		}));
		const calls = enquiries().length;
		try {
			await poll(env.h, pollingNode(), staticData);
		} finally {
			restore();
		}
		const [first, second] = enquiries().slice(calls).map((c) => c.body as { modifiedSince: string; skip: number });
		expect(second).toMatchObject({ modifiedSince: first.modifiedSince, skip: first.skip + 100 });
	});

	it('reads more than one page by moving modifiedSince (keyset) and keeps the watermark when a page fails', async () => {
		const staticData: IDataObject = {};
		await poll(env.h, pollingNode(), staticData);
		const before = JSON.stringify(staticData);
		const changed = await env.run({ ...{ resource: 'customer', operation: 'createOrUpdate', customerState: 3 }, customerName: '={{ $json.name }}', options: { concurrency: 5 } }, Array.from({ length: 230 }, (_, i) => ({ name: `Paged ${i}` })));
		expect(changed.error).toBeUndefined();

		// The second page fails every attempt: nothing is emitted and the memory does not move.
		let pages = 0;
		const { intercept } = await import('./setup');
		const restore = intercept(env.sim, 'POST', '/v3/customers/enquiry', (req, original) => {
			pages++;
			return pages >= 2 && pages <= 4 ? { status: 500, body: { status: { code: 'E9905', description: 'boom' }, data: null } } : original(req);
		});
		try {
			await expect(poll(env.h, pollingNode(), staticData)).rejects.toThrow(/E9905/);
		} finally {
			restore();
		}
		expect(JSON.stringify(staticData)).toBe(before);

		const calls = enquiries().length;
		const result = await poll(env.h, pollingNode(), staticData);
		const pageBodies = enquiries().slice(calls).map((c) => c.body as { modifiedSince: string; skip: number });
		expect(pageBodies.length).toBeGreaterThanOrEqual(3);
		// Each next page either moves modifiedSince to the last record read, or (all in one second) skips on.
		pageBodies.slice(1).forEach((page, n) => {
			const prev = pageBodies[n];
			expect(Date.parse(page.modifiedSince) > Date.parse(prev.modifiedSince) || page.skip === prev.skip + 100).toBe(true);
		});
		expect(codes(result)).toEqual(changed.items.map((i) => i.json.customerCode as string).sort());
		expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
	});

	it('more than 5,000 customers changed inside the overlap window are emitted once each, across polls and a restart', async () => {
		const staticData: IDataObject = {};
		try {
			env.sim.seed(5_600);
			expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
			// A bulk import in Venio: 5,600 customers changed within four minutes (25 a second).
			const start = Date.now() - 5 * 60_000;
			env.sim.customers.forEach((c, i) => (c.dateModified = start + i * 40));
			const first = await poll(env.h, pollingNode(), staticData);
			expect(first?.[0]).toHaveLength(5_600);
			expect(new Set(codes(first)).size).toBe(5_600);
			expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
			restartPollers(staticData);
			expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
			// What n8n stores stays small: a 10-character hash a customer, grouped by minute.
			expect(JSON.stringify(staticData).length).toBeLessThan(5_600 * 11);
		} finally {
			env.sim.seed();
		}
	});

	it('a customer whose change time is missing or unreadable is emitted once, flagged, and not again', async () => {
		const staticData: IDataObject = {};
		expect(await poll(env.h, pollingNode(), staticData)).toBeNull(); // activated before they showed up
		const odd = [
			{ customerId: 990001, customerCode: 'CNOTIME', customerName: 'No Time', dateModified: null },
			{ customerId: 990002, customerCode: 'CODDTIME', customerName: 'Odd Time', dateModified: '31/12/2026 10:00' },
		];
		const { intercept } = await import('./setup');
		// Venio's last page of every read carries them (an answer without a usable dateModified).
		const restore = intercept(env.sim, 'POST', '/v3/customers/enquiry', async (req, original) => {
			const answer = await original(req);
			const body = answer.body as { data: IDataObject[] };
			return body.data.length < 50 ? { ...answer, body: { ...body, data: [...body.data, ...odd] } } : answer;
		});
		try {
			const emitted = await poll(env.h, pollingNode(), staticData);
			expect(emitted?.[0].map((i) => [i.json.code, i.json.timeUnreadable])).toEqual([
				['CNOTIME', true],
				['CODDTIME', true],
			]);
			expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
			restartPollers(staticData);
			expect(await poll(env.h, pollingNode(), staticData)).toBeNull();
		} finally {
			restore();
		}
	});
});
