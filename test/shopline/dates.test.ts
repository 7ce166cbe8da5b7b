/**
 * SHOPLINE's created/updated filters mean times and days in the workflow's time zone, inside
 * n8n-core against the simulator. SHOPLINE documents its times as UTC [PUB]: the node sends
 * instants with Z; a date alone is that whole day in the workflow's zone.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../../sandbox';
import { SandboxServer } from '../../sandbox/core';
import { createShopline, type ShoplineSim } from '../../sandbox/shopline';
import { zonedInstant } from '../../nodes/shared/dates';
import { createHarness, runNode, type Harness } from '../harness/n8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resetLimiters } = require('../../dist/nodes/shared/limiter') as { resetLimiters: () => void };

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: IDataObject;

beforeAll(async () => {
	sim = createShopline({ seedCustomers: 12, seedOrders: 12 });
	server = new SandboxServer().mount(sim);
	credentials = sandboxCredentials(await server.start()).shoplineApi as IDataObject;
	h = createHarness();
});
afterAll(async () => {
	await sim.idle();
	await server.stop();
});
beforeEach(() => {
	server.reset();
	resetLimiters();
});

const D = '2026-03-10';
const BOUNDARY = [
	['2026-03-09T23:30', false],
	['2026-03-10T00:30', true],
	['2026-03-10T23:30', true],
	['2026-03-11T00:30', false],
] as const;

async function list(resource: 'customer' | 'order', filters: IDataObject, timeZone: string) {
	const { items, error } = await runNode(h, {
		type: 'shopline',
		timezone: timeZone,
		parameters: { resource, operation: 'getMany', returnAll: true, filters, simplify: false } as never,
		credentials: { shoplineApi: credentials as never },
	});
	expect(error).toBeUndefined();
	return items.map((i) => String(i.json.id));
}

describe.each(['Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Taipei', 'Asia/Hong_Kong'])('SHOPLINE filters in %s', (timeZone) => {
	/** Puts the first records' times at 23:30 the day before, 00:30 and 23:30 on D, and 00:30 the day after (local). */
	function stamp<T extends { id: string }>(records: T[], field: 'updated_at' | 'created_at'): Array<[string, boolean]> {
		return BOUNDARY.map(([local, inside], n) => {
			(records[n] as Record<string, unknown>)[field] = zonedInstant(local, timeZone)!.toISOString();
			return [records[n].id, inside];
		});
	}
	const expectDay = (got: string[], stamped: Array<[string, boolean]>) =>
		expect(stamped.filter(([id]) => got.includes(id))).toEqual(stamped.filter(([, inside]) => inside));

	it('customers: Updated After/Before given as the date D cover D’s 00:30 and 23:30, not the neighbours', async () => {
		const stamped = stamp([...sim.customers.values()].sort((a, b) => a.seq - b.seq), 'updated_at');
		expectDay(await list('customer', { updated_after: D, updated_before: D }, timeZone), stamped);
		// the date picker's form: wall times in the workflow's zone
		expectDay(await list('customer', { updated_after: `${D}T00:00:00`, updated_before: `${D}T23:59:59` }, timeZone), stamped);
		// sent as SHOPLINE documents: UTC instants
		const sent = server.requests('shopline').filter((r) => r.path === '/v1/customers').at(-1)!.query;
		expect(sent.updated_after).toBe(zonedInstant(`${D}T00:00:00`, timeZone)!.toISOString());
		expect(String(sent.updated_after)).toMatch(/Z$/);
	});

	it('orders: Created After/Before given as the date D cover D’s 00:30 and 23:30, not the neighbours', async () => {
		const orders = [...sim.orders.values()].filter((o) => !o.archived).sort((a, b) => a.seq - b.seq);
		const stamped = stamp(orders, 'created_at');
		expectDay(await list('order', { created_after: D, created_before: D }, timeZone), stamped);
		const sent = server.requests('shopline').filter((r) => r.path === '/v1/orders').at(-1)!.query;
		expect(sent.created_before).toBe(new Date(zonedInstant('2026-03-11', timeZone)!.getTime() - 1).toISOString());
	});
});
