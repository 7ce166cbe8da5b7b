/**
 * SHOPLINE customer groups inside real n8n-core, against the simulator: Get Many (filters, paging),
 * Search, Get (from the dropdown), Get Customer IDs (Return All over SHOPLINE's last_id pages).
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { type ShoplineSim } from '../../sandbox/shopline';
import { loadOptions, makeNode, runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 60, seedOrders: 60 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: Record<string, unknown>) => ({ type: 'shopline', parameters: parameters as never, credentials });
const groups = () => [...sim.customerGroups.values()].sort((a, b) => a.seq - b.seq);
const listed = (path: string) => server.requests('shopline').filter((r) => r.path === path);

describe('Customer Group: Get Many and Search', () => {
	it.each([
		{ title: 'every group, newest first, over pages', params: { returnAll: true, options: { pageSize: 7 } }, expected: () => groups().reverse(), pages: 5 },
		{ title: 'Limit', params: { returnAll: false, limit: 3 }, expected: () => groups().reverse().slice(0, 3), pages: 1 },
		{ title: 'expired only, oldest first', params: { returnAll: true, filters: { status: 'expired', sort_by: 'asc' } }, expected: () => groups().filter((g) => g.status === 'expired'), pages: 1 },
		{
			title: 'created 10 to 12 January 2024 (whole days in the workflow time zone)',
			params: { returnAll: true, filters: { created_after: '2024-01-10', created_before: '2024-01-12', sort_by: 'asc' } },
			expected: () => groups().filter((g) => g.created_at >= '2024-01-10' && g.created_at < '2024-01-13'),
			pages: 1,
		},
	])('Get Many: $title', async ({ params, expected, pages }) => {
		const { items, error } = await runNode(h, shopline({ resource: 'customerGroup', operation: 'getMany', ...params }));
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(expected().map((g) => g.id));
		expect(listed('/v1/customer_groups')).toHaveLength(pages);
		expect(items[0].json).toMatchObject({ name: expect.any(String), count: expect.any(Number), status: expect.stringMatching(/active|expired/) });
	});

	it('Get Many refuses Status together with Created After, as SHOPLINE documents', async () => {
		const { error } = await runNode(h, shopline({ resource: 'customerGroup', operation: 'getMany', returnAll: true, filters: { status: 'active', created_after: '2024-01-01' } }));
		expect(error?.message).toMatch(/^Item 1: "Status" cannot be used together with "Created After" or "Created Before"/);
		expect(listed('/v1/customer_groups')).toHaveLength(0);
	});

	it.each([
		['vip', (n: string) => n.toLowerCase().includes('vip')],
		['Repeat', (n: string) => n.includes('Repeat')],
		['', () => true],
	])('Search "%s" finds groups by name', async (query, test) => {
		const { items, error } = await runNode(h, shopline({ resource: 'customerGroup', operation: 'search', query, returnAll: true, options: { pageSize: 4 } }));
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.id)).toEqual(groups().reverse().filter((g) => test(g.name)).map((g) => g.id));
		expect(listed('/v1/customer_groups/search')[0].query).toMatchObject(query ? { query } : {});
	});
});

describe('Customer Group: Get and Get Customer IDs', () => {
	it('the dropdown lists every group; Get reads the chosen one', async () => {
		const options = await loadOptions(h, makeNode(h, shopline({ resource: 'customerGroup', operation: 'get' })), 'getCustomerGroups');
		expect(options.map((o) => o.value).sort()).toEqual(groups().map((g) => g.id).sort());
		const expired = groups().find((g) => g.status === 'expired')!;
		expect(options.find((o) => o.value === expired.id)?.name).toBe(`${expired.name} (expired)`);

		const { items, error } = await runNode(h, shopline({ resource: 'customerGroup', operation: 'get', customerGroupId: expired.id }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: expired.id, name: expired.name, count: expired.customerIds.length });

		const missing = await runNode(h, shopline({ resource: 'customerGroup', operation: 'get', customerGroupId: 'ffffffffffffffffffffffff' }));
		expect(missing.error?.message).toMatch(/SHOPLINE.*404/);
	});

	it.each([
		{ title: 'Return All over last_id pages', params: { returnAll: true }, take: Infinity },
		{ title: 'Limit stops early', params: { returnAll: false, limit: 7 }, take: 7 },
	])('Get Customer IDs: $title', async ({ params, take }) => {
		sim.control({ action: 'settings', groupIdsPageSize: 5 });
		const group = groups().find((g) => g.customerIds.length > 12)!;
		const { items, error } = await runNode(h, shopline({ resource: 'customerGroup', operation: 'getCustomerIds', customerGroupId: group.id, ...params }));
		expect(error).toBeUndefined();
		const expected = group.customerIds.slice(0, take);
		expect(items.map((i) => i.json)).toEqual(expected.map((id) => ({ customer_group_id: group.id, customer_id: id })));
		const calls = listed(`/v1/customer_groups/${group.id}/customer_ids`);
		expect(calls).toHaveLength(Number.isFinite(take) ? 2 : Math.ceil(group.customerIds.length / 5));
		expect(calls[1].query).toEqual({ previous_id: group.customerIds[4] });
	});

	it('Get Customer IDs per input item, each read paced by the one 20/s limit', async () => {
		const picked = groups().slice(0, 3);
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'customerGroup', operation: 'getCustomerIds', customerGroupId: '={{ $json.group }}', returnAll: true, options: { concurrency: 3 } }),
			picked.map((g) => ({ group: g.id })),
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => (i.json as IDataObject).customer_id)).toEqual(picked.flatMap((g) => g.customerIds));
		expect(sim.rateLimited).toBe(0);
	});
});
