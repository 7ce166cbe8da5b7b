/**
 * Issue 16, point 2, for Salekit order Update Status: two items, the second one bad. Without an
 * error output nothing is sent and the error names "Item 2", the field and the order when known;
 * with continueOnFail item 1's status is set and item 2 is an error paired with its input.
 */
import type { IDataObject } from 'n8n-workflow';

import type { SandboxServer } from '../../sandbox/core';
import type { SalekitSim } from '../../sandbox/salekit';
import { runNode, type Harness } from '../harness/n8n';
import { useSalekit, type SalekitEnv } from './setup';

let server: SandboxServer;
let sim: SalekitSim;
let h: Harness;
let credentials: SalekitEnv['credentials'];

useSalekit((env) => ({ server, sim, h, credentials } = env));

const salekit = (parameters: IDataObject, continueOnFail = false) => ({ type: 'salekit', parameters: parameters as never, credentials: credentials as never, continueOnFail });
const updates = () => server.requests('salekit').filter((r) => r.path.endsWith('/order/update'));
const updateStatus = { resource: 'order', operation: 'updateStatus', id: '={{ $json.id }}', status: '={{ $json.status }}' };

const cases: Array<{ title: string; items(): [IDataObject, IDataObject]; error(bad: IDataObject): string }> = [
	{
		title: 'a status Salekit does not have',
		items: () => [
			{ id: String(sim.orders[0].id), status: 3 },
			{ id: String(sim.orders[1].id), status: 9 },
		],
		error: (bad) => `Item 2 (order ${bad.id}): "Status" must be one of: 0, 1, 2, 3, 4, 5, 6, 7`,
	},
	{
		title: 'an empty Order ID from an expression',
		items: () => [
			{ id: String(sim.orders[0].id), status: 3 },
			{ id: '', status: 3 },
		],
		error: () => 'Item 2: "Order ID" must be a Salekit order ID (digits)',
	},
];

describe.each(cases)('Salekit order Update Status, $title', ({ items, error }) => {
	it('without an error output: nothing is sent, the error names item 2, the field and the order', async () => {
		const [good, bad] = items();
		const before = sim.orders[0].status;
		const run = await runNode(h, salekit(updateStatus), [good, bad]);
		expect(run.error?.message).toBe(error(bad));
		expect(run.error?.description).toMatch(/^Nothing was written/);
		expect(updates()).toEqual([]);
		expect(sim.orders[0].status).toBe(before);
	});

	it('with continueOnFail: item 1 is set, item 2 is an error item paired with its input', async () => {
		const [good, bad] = items();
		const run = await runNode(h, salekit(updateStatus, true), [good, bad]);
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2);
		expect(run.items[0]).toMatchObject({ json: { id: Number(good.id), status: 3 }, pairedItem: { item: 0 } });
		expect(run.items[1]).toEqual({ json: { error: error(bad) }, pairedItem: { item: 1 } });
		expect(updates().map((r) => r.query)).toEqual([{ id: good.id }]);
		expect(sim.orders[0].status).toBe(3);
	});
});

describe.each(['addTags', 'removeTags'] as const)('Salekit audience %s, item 2 without tags', (operation) => {
	const tagKey = operation === 'addTags' ? 'tag' : 'un_tag';
	const parameters = { resource: 'audience', operation, full_name: '={{ $json.name }}', email: '={{ $json.email }}', [tagKey]: '={{ $json.tags }}' };
	const items = [
		{ name: 'Khách hàng Một', email: 'mot@example.vn', tags: 'VIP' },
		{ name: 'Khách hàng Hai', email: 'hai@example.vn', tags: '' },
	];
	const writes = () => server.requests('salekit').filter((r) => r.path.endsWith('/audience/create'));

	it('without an error output: nothing is sent, the error names item 2, the field and the customer', async () => {
		const run = await runNode(h, salekit(parameters), items);
		expect(run.error?.message).toBe('Item 2 (hai@example.vn): "Tags" needs at least one tag');
		expect(writes()).toEqual([]);
	});

	it('with continueOnFail: item 1 is sent, item 2 is an error item paired with its input', async () => {
		const run = await runNode(h, salekit(parameters, true), items);
		expect(run.error).toBeUndefined();
		expect(run.items[1]).toEqual({ json: { error: 'Item 2 (hai@example.vn): "Tags" needs at least one tag' }, pairedItem: { item: 1 } });
		expect(writes().map((r) => (r.body as IDataObject).email)).toEqual(['mot@example.vn']);
	});
});
