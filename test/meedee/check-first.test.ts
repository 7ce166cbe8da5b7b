/**
 * Issue 16, point 2, for MeeDee POS webhook subscriptions (Create, Update, Delete, Ping): two
 * items, the second one bad. Without an error output no write reaches MeeDee and the error names
 * "Item 2", the field and the subscription when known; with continueOnFail item 1 is done and
 * item 2 is an error paired with its input.
 */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/n8n';
import { startReceiver, useMeeDee } from './setup';

const env = useMeeDee();

const meedee = (parameters: IDataObject, continueOnFail = false) => ({ type: 'meeDeePos', parameters: parameters as never, credentials: env.credentialsFor(), continueOnFail });
/** Requests that change something at MeeDee (the token request is not one). */
const writes = () => env.server.requests('meedee').filter((r) => r.method !== 'GET' && !r.path.endsWith('/oauth/token'));

let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
	receiver = await startReceiver(() => 200);
});
afterAll(async () => await receiver.stop());

/** Two subscriptions made through the node, so Update, Delete and Ping have ones to act on. */
async function twoSubscriptions(): Promise<[string, string]> {
	const made = await runNode(env.h, meedee({ resource: 'webhook', operation: 'create', endpoint_url: receiver.url, events: ['sale.created'], additionalFields: { description: '={{ $json.note }}' } }), [
		{ note: 'first' },
		{ note: 'second' },
	]);
	expect(made.error).toBeUndefined();
	return [String(made.items[0].json.id), String(made.items[1].json.id)];
}

interface Case {
	title: string;
	parameters: IDataObject;
	items(ids: [string, string]): [IDataObject, IDataObject];
	error: string;
	/** The one write item 1 makes: method and path after /api/partner/v1. */
	write(ids: [string, string]): [string, string];
	applied(ids: [string, string]): void;
}

const cases: Case[] = [
	{
		title: 'Create, an address that is not a URL',
		parameters: { resource: 'webhook', operation: 'create', endpoint_url: '={{ $json.url }}', events: ['sale.created'], additionalFields: { description: '={{ $json.note }}' } },
		items: () => [
			{ url: receiver.url, note: 'CRM sync' },
			{ url: 'ftp://crm.example.com/hook', note: 'Accounting sync' },
		],
		error: 'Item 2 (Accounting sync): "Endpoint URL" must start with https:// (or http://)',
		write: () => ['POST', '/webhooks'],
		applied: () => expect(env.sim.webhooks.map((w) => w.data.description)).toEqual(['first', 'second', 'CRM sync']),
	},
	{
		title: 'Update, an event list emptied by an expression',
		parameters: { resource: 'webhook', operation: 'update', webhookId: '={{ $json.id }}', updateFields: { events: '={{ $json.events }}' } },
		items: (ids) => [
			{ id: ids[0], events: ['sale.voided'] },
			{ id: ids[1], events: [] },
		],
		error: 'Item 2 (webhook #2): "Events" needs at least one event',
		write: (ids) => ['PATCH', `/webhooks/${ids[0]}`],
		applied: (ids) => expect(env.sim.webhooks.find((w) => w.data.id === ids[0])?.data.events).toEqual(['sale.voided']),
	},
	{
		title: 'Delete, an empty Webhook from an expression',
		parameters: { resource: 'webhook', operation: 'delete', webhookId: '={{ $json.id }}' },
		items: (ids) => [{ id: ids[0] }, { id: '' }],
		error: 'Item 2: "Webhook" is required',
		write: (ids) => ['DELETE', `/webhooks/${ids[0]}`],
		applied: (ids) => expect(env.sim.webhooks.map((w) => w.data.id)).toEqual([ids[1]]),
	},
	{
		title: 'Ping, an empty Webhook from an expression',
		parameters: { resource: 'webhook', operation: 'ping', webhookId: '={{ $json.id }}' },
		items: (ids) => [{ id: ids[0] }, { id: '  ' }],
		error: 'Item 2: "Webhook" is required',
		write: (ids) => ['POST', `/webhooks/${ids[0]}/ping`],
		applied: () => expect(env.sim.webhooks.map((w) => w.data.id)).toHaveLength(2),
	},
];

describe.each(cases)('MeeDee webhook $title', ({ parameters, items, error, write, applied }) => {
	it('without an error output: nothing is sent, the error names item 2, the field and the subscription', async () => {
		const ids = await twoSubscriptions();
		const before = structuredClone(env.sim.webhooks.map((w) => w.data));
		const mark = writes().length;
		const run = await runNode(env.h, meedee(parameters), items(ids));
		expect(run.error?.message).toBe(error.replace('#2', ids[1]));
		expect(run.error?.description).toMatch(/^Nothing was written/);
		expect(writes().slice(mark)).toEqual([]);
		expect(env.sim.webhooks.map((w) => w.data)).toEqual(before);
	});

	it('with continueOnFail: item 1 is done, item 2 is an error item paired with its input', async () => {
		const ids = await twoSubscriptions();
		const mark = writes().length;
		const run = await runNode(env.h, meedee(parameters, true), items(ids));
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2);
		expect(run.items[0].pairedItem).toEqual({ item: 0 });
		expect(run.items[0].json.error).toBeUndefined();
		expect(run.items[1]).toEqual({ json: { error: error.replace('#2', ids[1]) }, pairedItem: { item: 1 } });
		const [method, path] = write(ids);
		expect(writes().slice(mark).map((r) => [r.method, r.path])).toEqual([[method, `/api/partner/v1${path}`]]);
		applied(ids);
	});
});
