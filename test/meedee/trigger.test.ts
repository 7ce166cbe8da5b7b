/**
 * The MeeDee POS triggers inside n8n-core's Hook, Webhook and Poll contexts, against the simulator:
 * subscription lifecycle (own id and secret, orphans, only its own removed), signed deliveries
 * checked on the raw body, duplicates, and polling without loss or repeats across restarts and
 * failures.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { meedeeSignature } from '../../sandbox/meedee';
import { commonCustomerSchema, commonOrderSchema } from '../../nodes/shared/shapes';
import { deliver, makeNode, poll, pollerStaticData, restartPollers, runNode, webhookLifecycle } from '../harness/n8n';
import { intercept, refuse, startReceiver, useMeeDee } from './setup';

let clockOffset = 0;
const env = useMeeDee({ now: () => Date.now() + clockOffset });
beforeEach(() => {
	clockOffset = 0;
});

const HOOK_URL = 'https://n8n.example.com/webhook/3f2a/webhook';
const NODE_KEY = 'node:Node';

function trigger(events: string[] = ['sale.created']) {
	return makeNode(env.h, { type: 'meeDeePosTrigger', parameters: { events } as never, credentials: env.credentialsFor() });
}

const stateOf = (staticData: IDataObject) => (staticData[NODE_KEY] ?? {}) as IDataObject;
const pollerStateOf = (staticData: IDataObject) => (pollerStaticData(staticData)[NODE_KEY] ?? {}) as IDataObject;
const subscriptionsAt = (url: string) => env.sim.webhooks.filter((w) => w.data.endpoint_url === url);

/** A subscription made behind the node's back, e.g. by a crashed activation. */
async function subscribeByHand(url: string, events = ['sale.created']): Promise<string> {
	const { items, error } = await runNode(env.h, { type: 'meeDeePos', parameters: { resource: 'webhook', operation: 'create', endpoint_url: url, events } as never, credentials: env.credentialsFor() });
	expect(error).toBeUndefined();
	return String(items[0].json.id);
}

describe('MeeDee POS Trigger: subscription lifecycle', () => {
	it('subscribes once on activation, keeps id and secret, and removes it on deactivation', async () => {
		const node = trigger(['sale.created', 'customer.updated']);
		const staticData: IDataObject = {};
		expect(await webhookLifecycle(env.h, node, staticData, 'checkExists', HOOK_URL)).toBe(false);
		expect(await webhookLifecycle(env.h, node, staticData, 'create', HOOK_URL)).toBe(true);
		const [sub] = subscriptionsAt(HOOK_URL);
		expect(sub.data).toMatchObject({ endpoint_url: HOOK_URL, events: ['sale.created', 'customer.updated'], is_active: true });
		expect(stateOf(staticData)).toMatchObject({ webhookId: sub.data.id, secret: sub.secret });
		// n8n asks again on every start: the existing subscription is recognised, nothing is added
		expect(await webhookLifecycle(env.h, node, staticData, 'checkExists', HOOK_URL)).toBe(true);
		expect(env.sim.webhooks).toHaveLength(1);
		expect(await webhookLifecycle(env.h, node, staticData, 'delete', HOOK_URL)).toBe(true);
		expect(env.sim.webhooks).toHaveLength(0);
		expect(stateOf(staticData).webhookId).toBeUndefined();
		expect(stateOf(staticData).secret).toBeUndefined();
	});

	it('replaces an orphaned subscription at its URL, and leaves other URLs alone', async () => {
		const orphan = await subscribeByHand(HOOK_URL);
		const other = await subscribeByHand('https://crm.example.com/meedee');
		const node = trigger();
		const staticData: IDataObject = {};
		expect(await webhookLifecycle(env.h, node, staticData, 'checkExists', HOOK_URL)).toBe(false);
		expect(env.sim.webhooks.map((w) => w.data.id)).toEqual([other]);
		await webhookLifecycle(env.h, node, staticData, 'create', HOOK_URL);
		const mine = subscriptionsAt(HOOK_URL);
		expect(mine).toHaveLength(1);
		expect(mine[0].data.id).not.toBe(orphan);
		expect(stateOf(staticData).webhookId).toBe(mine[0].data.id);
	});

	it('says so when a leftover subscription at its URL cannot be removed, instead of leaving it to deliver twice', async () => {
		await subscribeByHand(HOOK_URL);
		const restore = intercept(env.sim, 'DELETE', '/webhooks/:id', () => refuse('Simulated failure to delete'));
		try {
			await expect(webhookLifecycle(env.h, trigger(), {}, 'checkExists', HOOK_URL)).rejects.toThrow(/Simulated failure to delete/);
		} finally {
			restore();
		}
		expect(subscriptionsAt(HOOK_URL)).toHaveLength(1);
	});

	it('recovers when static data was lost after activation (no duplicate subscription)', async () => {
		const node = trigger();
		const first: IDataObject = {};
		await webhookLifecycle(env.h, node, first, 'create', HOOK_URL);
		const lost: IDataObject = {};
		expect(await webhookLifecycle(env.h, node, lost, 'checkExists', HOOK_URL)).toBe(false);
		await webhookLifecycle(env.h, node, lost, 'create', HOOK_URL);
		expect(subscriptionsAt(HOOK_URL)).toHaveLength(1);
		expect(stateOf(lost).secret).toBe(subscriptionsAt(HOOK_URL)[0].secret);
	});

	it('replaces its subscription when the chosen events changed', async () => {
		const staticData: IDataObject = {};
		await webhookLifecycle(env.h, trigger(['sale.created']), staticData, 'create', HOOK_URL);
		expect(await webhookLifecycle(env.h, trigger(['customer.created']), staticData, 'checkExists', HOOK_URL)).toBe(false);
		expect(subscriptionsAt(HOOK_URL)).toHaveLength(0);
		await webhookLifecycle(env.h, trigger(['customer.created']), staticData, 'create', HOOK_URL);
		expect(subscriptionsAt(HOOK_URL).map((w) => w.data.events)).toEqual([['customer.created']]);
	});

	it('recreates a subscription deleted in MeeDee, and deactivation removes only its own', async () => {
		const other = await subscribeByHand('https://crm.example.com/meedee');
		const node = trigger();
		const staticData: IDataObject = {};
		await webhookLifecycle(env.h, node, staticData, 'create', HOOK_URL);
		env.sim.webhooks = env.sim.webhooks.filter((w) => w.data.endpoint_url !== HOOK_URL); // removed in MeeDee's admin
		expect(await webhookLifecycle(env.h, node, staticData, 'checkExists', HOOK_URL)).toBe(false);
		await webhookLifecycle(env.h, node, staticData, 'create', HOOK_URL);
		expect(await webhookLifecycle(env.h, node, staticData, 'delete', HOOK_URL)).toBe(true);
		expect(env.sim.webhooks.map((w) => w.data.id)).toEqual([other]);
		// deleting again (already gone) is not an error
		stateOf(staticData).webhookId = 'b7c1f7a0-0000-4000-a000-000000000000';
		expect(await webhookLifecycle(env.h, node, staticData, 'delete', HOOK_URL)).toBe(true);
	});
});

describe('MeeDee POS Trigger: deliveries', () => {
	type Outcome = Awaited<ReturnType<typeof deliver>>;
	const flat = (headers: Record<string, string | string[] | undefined>) =>
		Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : String(v ?? '')]));
	const emitted = (o: Outcome) => o.result.workflowData?.[0]?.map((i: INodeExecutionData) => i.json) ?? [];

	it('emits what MeeDee really sends, once per delivery, and acknowledges pings without running', async () => {
		const node = trigger(['sale.created']);
		const staticData: IDataObject = {};
		const outcomes: Outcome[] = [];
		const receiver = await startReceiver(async ({ headers, rawBody, body }) => {
			const out = await deliver(env.h, node, staticData, { body, rawBody, headers: flat(headers) });
			outcomes.push(out);
			return out.status;
		});
		try {
			await webhookLifecycle(env.h, node, staticData, 'create', receiver.url);
			const sale = env.sim.emit({ event: 'sale.created' }) as IDataObject;
			await env.sim.idle();
			expect(outcomes).toHaveLength(1);
			expect(outcomes[0].status).toBe(200);
			expect(emitted(outcomes[0])).toEqual([{ id: (sale.deliveries as string[])[0], event: 'sale.created', created_at: expect.any(String), data: sale.data }]);

			// MeeDee re-sends the same delivery (its retry): acknowledged, not emitted again
			env.sim.redeliver((sale.deliveries as string[])[0]);
			await env.sim.idle();
			expect(outcomes[1].status).toBe(200);
			expect(outcomes[1].result.webhookResponse).toMatchObject({ duplicate: true });
			expect(emitted(outcomes[1])).toEqual([]);

			// a ping from the Webhook resource passes the signature check and reports delivered
			const ping = await runNode(env.h, { type: 'meeDeePos', parameters: { resource: 'webhook', operation: 'ping', webhookId: stateOf(staticData).webhookId } as never, credentials: env.credentialsFor() });
			expect(ping.items[0].json).toMatchObject({ delivered: true, response_status: 200 });
			expect(emitted(outcomes[2])).toEqual([]);
			expect(env.sim.deliveries.map((d) => d.data.status)).toEqual(['delivered', 'delivered']);
		} finally {
			await receiver.stop();
		}
	});

	describe('signature on the raw body', () => {
		let node: ReturnType<typeof trigger>;
		let staticData: IDataObject;
		let secret: string;
		const payload = { id: 'd1f1c0de-0000-4000-a000-000000000001', event: 'sale.created', created_at: new Date().toISOString(), data: { id: 's1', total: '45.50' } };
		// MeeDee's bytes: spacing a re-serialisation would not reproduce
		const raw = Buffer.from(JSON.stringify(payload, null, 1));

		beforeEach(async () => {
			node = trigger(['sale.created']);
			staticData = {};
			await webhookLifecycle(env.h, node, staticData, 'create', HOOK_URL);
			secret = String(stateOf(staticData).secret);
		});

		it.each([
			['a valid signature → 200, emitted', () => ({ rawBody: raw, signature: meedeeSignature(secret, raw) }), 200, 1],
			['a tampered body → 401', () => ({ rawBody: Buffer.from(raw.toString().replace('45.50', '4550')), signature: meedeeSignature(secret, raw) }), 401, 0],
			['no signature header → 401', () => ({ rawBody: raw, signature: undefined }), 401, 0],
			['another secret → 401', () => ({ rawBody: raw, signature: meedeeSignature('whsec_someone_else', raw) }), 401, 0],
			['the bare hex without sha256= → 401', () => ({ rawBody: raw, signature: meedeeSignature(secret, raw).slice(7) }), 401, 0],
			['a signature of the re-serialised body → 401', () => ({ rawBody: raw, signature: meedeeSignature(secret, JSON.stringify(payload)) }), 401, 0],
		])('%s', async (_title, make, status, count) => {
			const { rawBody, signature } = make();
			const headers: Record<string, string> = { 'X-MeeDee-Event': 'sale.created', 'X-MeeDee-Delivery': payload.id };
			if (signature !== undefined) headers['X-MeeDee-Signature'] = signature;
			const out = await deliver(env.h, node, staticData, { body: payload, rawBody, headers });
			expect(out.status).toBe(status);
			expect(emitted(out)).toHaveLength(count);
			if (status === 401) expect(out.sent).toEqual({ error: 'invalid_signature', message: 'Signature does not match' });
		});

		it('keys repeats on the signed body, not the unsigned delivery header: a replay under a new header is refused', async () => {
			const signature = meedeeSignature(secret, raw);
			const first = await deliver(env.h, node, staticData, { body: payload, rawBody: raw, headers: { 'X-MeeDee-Signature': signature, 'X-MeeDee-Delivery': 'one' } });
			const replay = await deliver(env.h, node, staticData, { body: payload, rawBody: raw, headers: { 'X-MeeDee-Signature': signature, 'X-MeeDee-Delivery': 'two' } });
			expect(emitted(first)).toHaveLength(1);
			expect(replay.result.webhookResponse).toEqual({ received: true, duplicate: true });
			expect(emitted(replay)).toHaveLength(0);
		});

		it.each([
			['older than the 24 hours remembered', new Date(Date.now() - 25 * 3_600_000).toISOString(), 'the delivery is older than 24 hours'],
			['from the future', new Date(Date.now() + 3_600_000).toISOString(), 'created_at is in the future'],
			['with a created_at that is not a date', 'yesterday', 'created_at is not a date'],
		])('refuses a correctly signed delivery %s (400), so an old capture cannot be replayed', async (_title, createdAt, reason) => {
			const old = { ...payload, id: `old-${_title}`, created_at: createdAt };
			const body = Buffer.from(JSON.stringify(old));
			const out = await deliver(env.h, node, staticData, { body: old, rawBody: body, headers: { 'X-MeeDee-Signature': meedeeSignature(secret, body) } });
			expect(out.status).toBe(400);
			expect(out.sent).toEqual({ error: 'stale_delivery', message: reason });
			expect(emitted(out)).toHaveLength(0);
		});

		it('refuses everything once deactivated (no secret left)', async () => {
			await webhookLifecycle(env.h, node, staticData, 'delete', HOOK_URL);
			const out = await deliver(env.h, node, staticData, { body: payload, rawBody: raw, headers: { 'X-MeeDee-Signature': meedeeSignature(secret, raw) } });
			expect(out.status).toBe(401);
		});

		it('acknowledges events it was not asked for without running', async () => {
			const other = { ...payload, event: 'customer.updated' };
			const body = Buffer.from(JSON.stringify(other));
			const out = await deliver(env.h, node, staticData, { body: other, rawBody: body, headers: { 'X-MeeDee-Signature': meedeeSignature(secret, body) } });
			expect(out.status).toBe(200);
			expect(out.result.webhookResponse).toEqual({ received: true, ignored: 'customer.updated' });
			expect(emitted(out)).toEqual([]);
		});
	});
});

describe('MeeDee POS Polling Trigger', () => {
	function poller(event: 'sale' | 'customer', parameters: IDataObject = {}) {
		return makeNode(env.h, { type: 'meeDeePosPollingTrigger', parameters: { event, ...parameters } as never, credentials: env.credentialsFor() });
	}
	/** Each call is a fresh PollContext on the same static data: what n8n does after a restart. */
	async function pollOnce(event: 'sale' | 'customer', staticData: IDataObject, parameters: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') {
		const out = await poll(env.h, poller(event, parameters), staticData, mode);
		return (out?.[0] ?? []).map((i) => i.json);
	}
	const newSale = () => String(((env.sim.emit({ event: 'sale.created' }) as IDataObject).data as IDataObject).id);
	const raw = { simplify: false };

	it('starts from now, then emits each new sale once, across restarts', async () => {
		const staticData: IDataObject = {};
		expect(await pollOnce('sale', staticData)).toEqual([]);
		expect(pollerStateOf(staticData).sale).toMatchObject({ watermark: expect.any(String) });
		const first = [newSale(), newSale()];
		const got = await pollOnce('sale', staticData);
		expect(got.map((s) => s.id)).toEqual(first);
		for (const s of got) commonOrderSchema.parse(s);
		expect(await pollOnce('sale', staticData)).toEqual([]);
		expect(await pollOnce('sale', staticData)).toEqual([]);
		const third = newSale();
		expect((await pollOnce('sale', staticData, raw)).map((s) => s.id)).toEqual([third]);
	});

	it('a page failing mid-way does not move the watermark: the next poll emits everything, once', async () => {
		const staticData: IDataObject = {};
		await pollOnce('sale', staticData);
		const before = JSON.stringify(staticData);
		const ids = Array.from({ length: 250 }, newSale); // two pages of 200
		const restore = intercept(env.sim, 'GET', '/sales', (req, original, call) => (call === 2 ? refuse('Simulated failure on page 2') : original(req)));
		try {
			await expect(pollOnce('sale', staticData)).rejects.toThrow(/Simulated failure on page 2/);
		} finally {
			restore();
		}
		expect(JSON.stringify(staticData)).toBe(before);
		const got = await pollOnce('sale', staticData, raw);
		expect(got.map((s) => s.id)).toEqual(ids);
		expect(await pollOnce('sale', staticData)).toEqual([]);
	});

	it('catches a sale that shows up late, within the overlap, and still emits nothing twice', async () => {
		const staticData: IDataObject = {};
		await pollOnce('sale', staticData);
		const onTime = newSale();
		expect((await pollOnce('sale', staticData, raw)).map((s) => s.id)).toEqual([onTime]);
		clockOffset = -10 * 60_000; // a till that was offline: its sale is stamped 10 minutes ago
		const late = newSale();
		const got = await pollOnce('sale', staticData, raw);
		expect(got.map((s) => s.id)).toEqual([late]);
		expect(Date.parse(String(got[0].sold_at))).toBeLessThan(Date.parse(String((pollerStateOf(staticData).sale as IDataObject).watermark)));
		expect(await pollOnce('sale', staticData)).toEqual([]);
	});

	it('attaches items to new sales when asked', async () => {
		const staticData: IDataObject = {};
		await pollOnce('sale', staticData);
		const id = newSale();
		const [sale] = await pollOnce('sale', staticData, { simplify: false, options: { includeItems: true, convertAmounts: true } });
		expect(sale.id).toBe(id);
		expect((sale.items as IDataObject[]).length).toBeGreaterThan(0);
		expect(typeof (sale.items as IDataObject[])[0].line_total).toBe('number');
	});

	it('a manual test fetch shows the newest record and leaves the trigger’s memory alone', async () => {
		const staticData: IDataObject = {};
		await pollOnce('sale', staticData);
		const before = JSON.stringify(staticData);
		const id = newSale();
		expect((await pollOnce('sale', staticData, raw, 'manual')).map((s) => s.id)).toEqual([id]);
		expect(JSON.stringify(staticData)).toBe(before);
		expect((await pollOnce('sale', staticData, raw)).map((s) => s.id)).toEqual([id]);
	});

	it('emits new and updated customers once each, also after a failure mid-way', async () => {
		const staticData: IDataObject = {};
		expect(await pollOnce('customer', staticData)).toEqual([]);
		const target = String(env.sim.customers[5].data.id);
		env.sim.emit({ event: 'customer.updated', customer_id: target });
		const created = String(((env.sim.emit({ event: 'customer.created' }) as IDataObject).data as IDataObject).id);
		const got = await pollOnce('customer', staticData);
		expect(got.map((c) => c.id).sort()).toEqual([target, created].sort());
		for (const c of got) commonCustomerSchema.parse(c);
		expect(await pollOnce('customer', staticData)).toEqual([]);

		// updated again: emitted again; plus 100 new customers so the list has two pages, the second failing once
		env.sim.emit({ event: 'customer.updated', customer_id: target });
		const added = Array.from({ length: 100 }, () => String(((env.sim.emit({ event: 'customer.created' }) as IDataObject).data as IDataObject).id));
		const restore = intercept(env.sim, 'GET', '/customers', (req, original, call) => (call === 2 ? refuse('Simulated failure on page 2') : original(req)));
		try {
			await expect(pollOnce('customer', staticData)).rejects.toThrow(/Simulated failure/);
		} finally {
			restore();
		}
		const after = await pollOnce('customer', staticData, raw);
		expect(after.map((c) => c.id).sort()).toEqual([target, ...added].sort());
		expect(after.find((c) => c.id === target)?.total_points).toBe(env.sim.customers[5].data.total_points);
		expect(await pollOnce('customer', staticData)).toEqual([]);
	});

	it('more than 5,000 sales inside the overlap window are emitted once each, across polls and a restart', async () => {
		const staticData: IDataObject = {};
		await pollOnce('sale', staticData);
		const ids = Array.from({ length: 5_200 }, newSale); // a rush: all within the hour the next polls read again
		const got = await pollOnce('sale', staticData, raw);
		expect(got.map((s) => s.id)).toEqual(ids);
		expect(await pollOnce('sale', staticData)).toEqual([]);
		restartPollers(staticData);
		expect(await pollOnce('sale', staticData)).toEqual([]);
		const one = newSale();
		expect((await pollOnce('sale', staticData, raw)).map((s) => s.id)).toEqual([one]);
		// What n8n stores stays small: a 10-character hash a sale, grouped by minute.
		expect(JSON.stringify(staticData).length).toBeLessThan(5_201 * 11);
	});

	it('a sale whose time is missing or unreadable is emitted once, flagged, never dropped', async () => {
		const staticData: IDataObject = {};
		await pollOnce('sale', staticData);
		const [noTime, oddTime] = [newSale(), newSale()];
		for (const row of env.sim.sales) {
			if (row.data.id === noTime) delete row.data.sold_at;
			if (row.data.id === oddTime) row.data.sold_at = '04/12/2026 02:43';
		}
		// MeeDee still lists them for the days asked (its own filter placed them); the simulator is told to as well.
		const restore = intercept(env.sim, 'GET', '/sales', async (req, original) => {
			const answer = await original(req);
			const body = answer.body as { data: IDataObject[]; pagination: IDataObject };
			if (body.pagination.has_more) return answer;
			const odd = env.sim.sales.filter((r) => r.data.id === noTime || r.data.id === oddTime).map((r) => r.data);
			return { ...answer, body: { ...body, data: [...body.data, ...odd] } };
		});
		try {
			const on = newSale();
			const got = await pollOnce('sale', staticData, raw);
			expect(got.map((s) => [s.id, s.timeUnreadable])).toEqual([
				[on, undefined],
				[noTime, true],
				[oddTime, true],
			]);
			expect(await pollOnce('sale', staticData)).toEqual([]);
			restartPollers(staticData);
			expect(await pollOnce('sale', staticData)).toEqual([]);
		} finally {
			restore();
		}
	});
});
