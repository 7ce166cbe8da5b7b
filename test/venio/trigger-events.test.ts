/**
 * Venio CRM Trigger: the deal, customer and activity topic webhooks ({Topic, Event, Data}) inside
 * n8n-core, as the simulator sends them (control emitTopic), with Fetch Full Record.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { SandboxServer, Vendor } from '../../sandbox/core';
import { deliver, makeNode, restartWebhookProcess, storeCredentials, webhookLifecycle } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

const TOKEN = 'tok-4b8e1d7c2a9f';

function triggerNode(parameters: IDataObject) {
	return makeNode(env.h, { type: 'venioCrmTrigger', parameters: { secretToken: TOKEN, fetchFullOrder: false, ...parameters } as never }, storeCredentials(env.h, env.credentials()));
}

/** Points the simulator's webhook at the trigger (through n8n-core) and collects what starts the workflow. */
async function receiving(node: INode, staticData: IDataObject, run: (emitted: IDataObject[], statuses: number[]) => Promise<void>): Promise<void> {
	const emitted: IDataObject[] = [];
	const statuses: number[] = [];
	const receiver = new SandboxServer();
	const hook = new Vendor('hook', '/hook', () => ({ status: 429 }));
	hook.route('POST', '/venio', async (req) => {
		const out = await deliver(env.h, node, staticData, { body: req.body, rawBody: req.rawBody, query: req.query as Record<string, string> });
		statuses.push(out.status);
		for (const item of out.emitted ?? []) emitted.push(item.json);
		return { status: out.status, body: out.sent ?? out.result.webhookResponse ?? {} };
	});
	receiver.mount(hook);
	const base = await receiver.start();
	try {
		env.sim.control({ action: 'setWebhook', url: `${base}/hook/venio?token=${TOKEN}` });
		await run(emitted, statuses);
	} finally {
		env.sim.control({ action: 'setWebhook', url: '' });
		await env.sim.flush();
		await receiver.stop();
	}
}

async function emit(topic: string, event: string, key?: string | number) {
	const answer = env.sim.control({ action: 'emitTopic', topic, event, key }) as { ok: boolean; error?: string };
	expect(answer).toMatchObject({ ok: true });
	await env.sim.flush();
}

const lastPayload = () => env.sim.deliveries.at(-1)!.payload as IDataObject;

beforeEach(() => restartWebhookProcess());

describe('Venio CRM Trigger: deal, customer and activity events', () => {
	it.each([
		['Deal', 'Created', 'deal.created', 'DealId'],
		['Deal', 'Updated', 'deal.updated', 'DealId'],
		['Customer', 'Created', 'customer.created', 'CustomerCode'],
		['Customer', 'Updated', 'customer.updated', 'CustomerCode'],
		['Activity', 'Created', 'activity.created', 'ActivityId'],
		['Activity', 'Updated', 'activity.updated', 'ActivityId'],
	])('%s %s starts the workflow with {Topic, Event, Data}', async (topic, event, choice, key) => {
		const node = triggerNode({ events: [choice] });
		await receiving(node, {}, async (emitted, statuses) => {
			await emit(topic, event);
			const sent = lastPayload();
			expect(sent).toEqual({ Topic: topic, Event: event, Data: expect.objectContaining({ [key]: expect.anything(), DateModified: expect.stringMatching(/\+07:00$/) }) });
			expect(statuses).toEqual([200]);
			expect(emitted).toEqual([sent]);
		});
		expect(env.calls()).toHaveLength(0);
	});

	it('ignores events not chosen (other topics, other events, sales orders) with 200 and no execution', async () => {
		const node = triggerNode({ events: ['deal.created'] });
		const staticData: IDataObject = {};
		await receiving(node, staticData, async (emitted, statuses) => {
			await emit('Deal', 'Updated');
			await emit('Customer', 'Created');
			await emit('Activity', 'Updated');
			expect(statuses).toEqual([200, 200, 200]);
			expect(emitted).toEqual([]);
			await emit('Deal', 'Created');
			expect(emitted).toEqual([lastPayload()]);
		});
		const order = await deliver(env.h, node, staticData, { body: { Data: { SaleOrderNo: 'SO2601-0001', Event: 'approved' } }, query: { token: TOKEN } });
		expect(order.status).toBe(200);
		expect(order.result.workflowData).toBeUndefined();
		expect(order.result.webhookResponse).toMatchObject({ ignored: true });
		const chat = await deliver(env.h, node, staticData, { body: { Topic: 'Chat', Event: 'Message', Data: { ChatMessage: { RoomId: 'r1' } } }, query: { token: TOKEN } });
		expect(chat.result.workflowData).toBeUndefined();
	});

	it('still refuses a delivery without the token (401), whatever its topic', async () => {
		const out = await deliver(env.h, triggerNode({ events: ['deal.created'] }), {}, { body: { Topic: 'Deal', Event: 'Created', Data: { DealId: 1 } }, query: { token: 'tok-wrong' } });
		expect(out.status).toBe(401);
		expect(out.result.workflowData).toBeUndefined();
	});

	it('answers 400 when Data lacks the record’s key', async () => {
		const out = await deliver(env.h, triggerNode({ events: ['customer.updated'] }), {}, { body: { Topic: 'Customer', Event: 'Updated', Data: { CustomerName: 'No Code' } }, query: { token: TOKEN } });
		expect(out.status).toBe(400);
		expect(out.sent).toEqual({ error: 'Data.CustomerCode is missing' });
		expect(out.result.workflowData).toBeUndefined();
	});

	it('Any Other Topic Event passes on a topic delivery the list does not name (Chat, or a differently named event) once, as Venio sent it', async () => {
		const node = triggerNode({ events: ['deal.created', 'otherTopic'] });
		const staticData: IDataObject = {};
		const chat = { Topic: 'Chat', Event: 'Message', Data: { ChatMessage: { RoomId: 'r1', Platform: 1, Content: 'สวัสดีค่ะ' } } };
		const first = await deliver(env.h, node, staticData, { body: chat, query: { token: TOKEN } });
		expect(first.emitted?.map((i) => i.json)).toEqual([chat]);
		const repeat = await deliver(env.h, node, staticData, { body: chat, query: { token: TOKEN } });
		expect(repeat.result.workflowData).toBeUndefined();
		expect(repeat.result.webhookResponse).toMatchObject({ duplicate: true });
		const renamed = { Topic: 'Deal', Event: 'StageChanged', Data: { DealId: 9 } };
		expect((await deliver(env.h, node, staticData, { body: renamed, query: { token: TOKEN } })).emitted?.map((i) => i.json)).toEqual([renamed]);
		// A listed event still follows its own choice: Deal Updated is not chosen here.
		const updated = await deliver(env.h, node, staticData, { body: { Topic: 'Deal', Event: 'Updated', Data: { DealId: 9 } }, query: { token: TOKEN } });
		expect(updated.result.workflowData).toBeUndefined();
		expect(env.calls()).toHaveLength(0);
	});

	it('matches Topic and Event without regard to case', async () => {
		const body = { Topic: 'deal', Event: 'CREATED', Data: { DealId: 7, DateModified: '2026-01-07T10:00:00+07:00' } };
		const out = await deliver(env.h, triggerNode({ events: ['deal.created'] }), {}, { body, query: { token: TOKEN } });
		expect(out.emitted?.map((i) => i.json)).toEqual([body]);
	});
});

describe('Fetch Full Record', () => {
	it('Deal: the deal as Deal Get reads it, the delivery under webhook', async () => {
		const deal = [...env.sim.deals.values()][1];
		await receiving(triggerNode({ events: ['deal.updated'], fetchFullOrder: true }), {}, async (emitted) => {
			await emit('Deal', 'Updated', deal.dealsId);
			const viaGet = await env.run({ resource: 'deal', operation: 'get', dealId: String(deal.dealsId) });
			expect(emitted).toEqual([{ ...viaGet.items[0].json, webhook: lastPayload() }]);
			expect(emitted[0]).toMatchObject({ dealsId: deal.dealsId, dealNo: deal.dealNo });
		});
		expect(env.calls().map((c) => `${c.method} ${c.path}`)).toEqual([`GET /v1/deals/${deal.dealsId}`, `GET /v1/deals/${deal.dealsId}`]);
	});

	it('Activity: the activity by its ID', async () => {
		const activity = env.sim.activities[0];
		await receiving(triggerNode({ events: ['activity.created'], fetchFullOrder: true }), {}, async (emitted) => {
			await emit('Activity', 'Created', activity.activityId);
			expect(emitted).toEqual([expect.objectContaining({ activityId: activity.activityId, activityNo: activity.activityNo, subject: activity.subject, webhook: lastPayload() })]);
		});
		expect(env.calls().map((c) => `${c.method} ${c.path}`)).toEqual([`GET /v1/activities/${activity.activityId}`]);
	});

	it('Customer: raw with Simplify off, the common customer shape (delivery under extra.webhook) with it on', async () => {
		const customer = env.sim.customers[2];
		await receiving(triggerNode({ events: ['customer.updated'], fetchFullOrder: true, simplify: false }), {}, async (emitted) => {
			await emit('Customer', 'Updated', customer.customerCode);
			expect(emitted).toEqual([{ ...env.sim.customerOut(customer), webhook: lastPayload() }]);
		});
		await receiving(triggerNode({ events: ['customer.updated'], fetchFullOrder: true }), {}, async (emitted) => {
			await emit('Customer', 'Updated', customer.customerCode);
			expect(emitted).toEqual([expect.objectContaining({ source: 'venio', code: customer.customerCode, extra: expect.objectContaining({ webhook: lastPayload() }) })]);
		});
		expect(env.calls().map((c) => c.path)).toEqual([`/v3/customers/${customer.customerCode}`, `/v3/customers/${customer.customerCode}`]);
	});

	it('a record Venio cannot find fails the delivery, which is not remembered: the re-send is processed', async () => {
		const node = triggerNode({ events: ['deal.updated'], fetchFullOrder: true });
		const staticData: IDataObject = {};
		const body = { Topic: 'Deal', Event: 'Updated', Data: { DealId: 999999, DateModified: '2026-01-07T10:00:00+07:00' } };
		await expect(deliver(env.h, node, staticData, { body, query: { token: TOKEN } })).rejects.toThrow(/not found/i);
		await expect(deliver(env.h, node, staticData, { body, query: { token: TOKEN } })).rejects.toThrow(/not found/i);
		expect(env.calls()).toHaveLength(2);
	});
});

describe('one delivery, one execution', () => {
	it('the simulator’s re-delivery of a topic event starts no second execution; a new change does', async () => {
		const node = triggerNode({ events: ['deal.updated', 'customer.created'], fetchFullOrder: true });
		await receiving(node, {}, async (emitted, statuses) => {
			await emit('Deal', 'Updated');
			env.sim.control({ action: 'redeliver', index: env.sim.deliveries.length - 1 });
			await env.sim.flush();
			expect(statuses).toEqual([200, 200]);
			expect(emitted).toHaveLength(1);
			await emit('Customer', 'Created');
			expect(emitted).toHaveLength(2);
		});
		expect(env.calls()).toHaveLength(2);
	});

	it('the same delivery at once, and again after n8n restarted: one execution', async () => {
		const node = triggerNode({ events: ['activity.updated'] });
		const staticData: IDataObject = {};
		await webhookLifecycle(env.h, node, staticData, 'create', 'http://127.0.0.1:5678/webhook/x/venio');
		const body = { Topic: 'Activity', Event: 'Updated', Data: { ActivityId: 3, ActivityNo: 'A2601-0003', DateModified: '2026-01-12T10:00:00+07:00' } };
		const send = async (b: IDataObject) => await deliver(env.h, node, staticData, { body: b, query: { token: TOKEN } });
		const outs = await Promise.all([1, 2, 3].map(async () => await send(body)));
		expect(outs.filter((o) => o.emitted?.length === 1)).toHaveLength(1);
		expect(outs.filter((o) => (o.result.webhookResponse as IDataObject | undefined)?.duplicate === true)).toHaveLength(2);
		restartWebhookProcess();
		const again = await send(structuredClone(body));
		expect(again.result.workflowData).toBeUndefined();
		expect(again.result.webhookResponse).toMatchObject({ duplicate: true });
		const changed = await send({ ...body, Data: { ...body.Data, DateModified: '2026-01-12T11:00:00+07:00' } });
		expect(changed.emitted).toHaveLength(1);
	});

	it('key order inside Data does not make a repeat look new', async () => {
		const node = triggerNode({ events: ['deal.created'] });
		const staticData: IDataObject = {};
		const first = await deliver(env.h, node, staticData, { body: { Topic: 'Deal', Event: 'Created', Data: { DealId: 5, DealNo: 'D1' } }, query: { token: TOKEN } });
		const reordered = await deliver(env.h, node, staticData, { body: { Event: 'Created', Data: { DealNo: 'D1', DealId: 5 }, Topic: 'Deal' }, query: { token: TOKEN } });
		expect(first.emitted).toHaveLength(1);
		expect(reordered.result.webhookResponse).toMatchObject({ duplicate: true });
	});
});

describe('sandbox emitTopic', () => {
	it('refuses an unknown topic or event and a record it does not hold', () => {
		expect(env.sim.control({ action: 'emitTopic', topic: 'Deal', event: 'Deleted' })).toMatchObject({ ok: false, error: expect.stringContaining('Deal/Created') });
		expect(env.sim.control({ action: 'emitTopic', topic: 'Customer', event: 'Created', key: 'C999999' })).toMatchObject({ ok: false, error: 'no Customer C999999 in the simulator' });
	});
});
