/**
 * SHOPLINE customer loyalty inside real n8n-core, against the simulator: member points and store
 * credits (history, add, bulk), membership info, tier history, promotions, tags, and the membership
 * tier dropdown. Table-driven where the operations share a shape.
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { MEMBERSHIP_TIERS, SHOPLINE_DEMO, type CustomerRec, type ShoplineSim } from '../../sandbox/shopline';
import { loadOptions, makeNode, runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

// The nodes run from dist/, so the pacing state to reset between tests is dist's.
let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 40, seedOrders: 120 }, (env) => ({ server, sim, h, credentials } = env));

const shopline = (parameters: Record<string, unknown>, continueOnFail = false) => ({ type: 'shopline', parameters: parameters as never, credentials, continueOnFail });
const customer = (test: (c: CustomerRec) => boolean = () => true) => [...sim.customers.values()].sort((a, b) => a.seq - b.seq).find(test)!;
const requests = () => server.requests('shopline');

/** A direct call to the simulator, for the rules the node itself never lets through. */
async function direct(method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> {
	const res = await fetch(`${credentials.shoplineApi.baseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}`, 'User-Agent': SHOPLINE_DEMO.userAgent, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, json: await res.json() };
}

describe('Customer: member points and store credits', () => {
	it.each([
		{ op: 'addMemberPoints', path: 'member_points', balance: 'member_point_balance' as const, answer: 'point_balance', topic: 'member_point/create' },
		{ op: 'addStoreCredits', path: 'store_credits', balance: 'credit_balance' as const, answer: 'credit_balance', topic: 'user_credit/create' },
	])('$op adds, deducts, checks every item first and never repeats an unclear add', async ({ op, path, balance, answer }) => {
		const c = customer((x) => x[balance] >= 20);
		const before = c[balance];
		const add = await runNode(h, shopline({ resource: 'customer', operation: op, customerId: c.id, value: 30, remarks: 'POS sale 1001', additionalFields: { email_target: 1 } }));
		expect(add.error).toBeUndefined();
		expect(add.items[0].json).toMatchObject({ customer_id: c.id, [answer]: before + 30, value: 30, remarks: 'POS sale 1001' });
		expect(requests().at(-1)).toMatchObject({ method: 'POST', path: `/v1/customers/${c.id}/${path}`, body: { value: 30, remarks: 'POS sale 1001', email_target: 1 } });

		const deduct = await runNode(h, shopline({ resource: 'customer', operation: op, customerId: c.id, value: -10, remarks: 'Correction' }));
		expect(deduct.items[0].json[answer]).toBe(before + 20);
		expect(sim.customers.get(c.id)![balance]).toBe(before + 20);

		// Item 2 is bad: nothing is written, and the message names the item and the field.
		const n = requests().length;
		const bad = await runNode(h, shopline({ resource: 'customer', operation: op, customerId: c.id, value: '={{ $json.v }}', remarks: 'Batch' }), [{ v: 5 }, { v: 1_000_000 }]);
		expect(bad.error?.message).toMatch(/Item 2/);
		expect(`${bad.error?.message} ${bad.error?.description}`).toMatch(/"Points"|"Amount"/);
		expect(requests().length).toBe(n);

		// A reply lost after SHOPLINE applied the change: reported, not sent again (it would count twice).
		sim.setFaults({ nextDropReply: 1, pathFilter: `/${path}` });
		const lost = await runNode(h, shopline({ resource: 'customer', operation: op, customerId: c.id, value: 5, remarks: 'Lost reply' }));
		expect(`${lost.error?.message} ${lost.error?.description}`).toMatch(/may or may not have applied it/);
		expect(requests().filter((r) => (r.body as IDataObject | undefined)?.remarks === 'Lost reply')).toHaveLength(1);
	});

	it.each([
		{ op: 'getMemberPoints', path: 'member_points', balance: 'member_point_balance' as const, key: 'point_balance' },
		{ op: 'getStoreCredits', path: 'store_credits', balance: 'credit_balance' as const, key: 'credit_balance' },
	])('$op lists the history newest first, Limit and Return All over pages', async ({ op, path, balance, key }) => {
		const c = customer((x) => x[balance] > 0);
		for (let k = 1; k <= 5; k++) {
			const { status } = await direct('POST', `/customers/${c.id}/${path}`, { value: k, remarks: `Visit ${k}`, email_target: 1 });
			expect(status).toBe(200);
		}
		const all = await runNode(h, shopline({ resource: 'customer', operation: op, customerId: c.id, returnAll: true, options: { pageSize: 2 } }));
		expect(all.error).toBeUndefined();
		expect(all.items.map((i) => i.json.remarks)).toEqual(['Visit 5', 'Visit 4', 'Visit 3', 'Visit 2', 'Visit 1', 'Opening balance']);
		expect(all.items[0].json[key]).toBe(sim.customers.get(c.id)![balance]);
		expect(requests().filter((r) => r.method === 'GET' && r.path.endsWith(`/${path}`)).map((r) => r.query.page)).toEqual(['1', '2', '3']);

		const two = await runNode(h, shopline({ resource: 'customer', operation: op, customerId: c.id, returnAll: false, limit: 2 }));
		expect(two.items.map((i) => i.json.remarks)).toEqual(['Visit 5', 'Visit 4']);

		const missing = await runNode(h, shopline({ resource: 'customer', operation: op, customerId: 'ffffffffffffffffffffffff', returnAll: true }));
		expect(missing.error?.message).toMatch(/SHOPLINE.*404/);
	});

	it.each([
		{ op: 'bulkUpdateMemberPoints', path: '/member_points/bulk_update', balance: 'member_point_balance' as const, extra: {} },
		{ op: 'bulkUpdateStoreCredits', path: '/user_credits/bulk_update', balance: 'credit_balance' as const, extra: { additionalFields: { expired_at: '2030-12-31' } } },
	])('$op gives every listed customer the same change in one request', async ({ op, path, balance, extra }) => {
		const ids = [customer((x) => x.seq === 1).id, customer((x) => x.seq === 2).id, customer((x) => x.seq === 3).id];
		const before = ids.map((id) => sim.customers.get(id)![balance]);
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: op, user_ids: ids.join(', '), value: 15, remarks: 'Anniversary', ...extra }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ customer_count: 3, job_id: expect.any(String) });
		expect(ids.map((id) => sim.customers.get(id)![balance])).toEqual(before.map((b) => b + 15));
		const sent = requests().filter((r) => r.path === `/v1${path}`);
		expect(sent).toHaveLength(1);
		expect((sent[0].body as IDataObject).user_ids).toEqual(ids);

		const unknown = await runNode(h, shopline({ resource: 'customer', operation: op, user_ids: `${ids[0]}, nope`, value: 1, remarks: 'x' }));
		expect(unknown.error?.description).toMatch(/"Customer IDs" \(user_ids\)/);
	});

	it('Add Store Credits: Replace Balance sets the balance; SHOPLINE refuses an expiry in the past or over 9999 days ahead', async () => {
		const c = customer((x) => x.credit_balance > 0);
		const set = await runNode(h, shopline({ resource: 'customer', operation: 'addStoreCredits', customerId: c.id, value: 500, remarks: 'Reset', additionalFields: { replace: true, expires_at: '2030-01-31' } }));
		expect(set.error).toBeUndefined();
		expect(sim.customers.get(c.id)!.credit_balance).toBe(500);
		expect(set.items[0].json).toMatchObject({ credit_balance: 500, end_at: '2030-01-31T23:59:59.999Z', type: 'manual_credit' });

		const past = await direct('POST', `/customers/${c.id}/store_credits`, { value: 5, remarks: 'Old', expires_at: '2020-01-01' });
		expect(past).toMatchObject({ status: 422, json: { extras: { field: 'expires_at' } } });
		const far = await direct('POST', `/customers/${c.id}/store_credits`, { value: 5, remarks: 'Far', expires_at: '2999-01-01' });
		expect(far.json.message).toMatch(/9999 days/);
	});

	it('the simulator keeps SHOPLINE’s documented limits (table)', async () => {
		const c = customer((x) => x.member_point_balance === 0);
		const cases: Array<[string, unknown, RegExp]> = [
			['member_points', { value: 1, remarks: 'x'.repeat(51) }, /at most 50/],
			['member_points', { value: 1_000_000, remarks: 'big' }, /-999999 to 999999/],
			['member_points', { value: -1, remarks: 'below zero' }, /not have enough/],
			['member_points', { value: 1, remarks: 'ok', email_target: 2 }, /email_target must be 1 or 3/],
			['store_credits', { value: 1, remarks: 'ok', type: 'gift' }, /type must be one of/],
		];
		for (const [path, body, message] of cases) {
			const r = await direct('POST', `/customers/${c.id}/${path}`, body);
			expect(r.status).toBe(422);
			expect(r.json.message).toMatch(message);
		}
		sim.control({ action: 'settings', memberPointsEnabled: false });
		const off = await runNode(h, shopline({ resource: 'customer', operation: 'addMemberPoints', customerId: c.id, value: 1, remarks: 'toggle off' }));
		expect(off.error?.message).toMatch(/Member points are not enabled/);
	});

	it('a points addition emails the customer unless Email the Customer is No', async () => {
		const c = customer((x) => !!x.email);
		await runNode(h, shopline({ resource: 'customer', operation: 'addMemberPoints', customerId: c.id, value: 10, remarks: 'Notify' }));
		await runNode(h, shopline({ resource: 'customer', operation: 'addMemberPoints', customerId: c.id, value: 10, remarks: 'Quiet', additionalFields: { email_target: 1 } }));
		expect(sim.notifications.filter((n) => n.resource_id === c.id && n.kind === 'member_points')).toHaveLength(1);
	});
});

describe('Customer: membership', () => {
	it('Get Membership Info: tier, expiry and what the next tier needs', async () => {
		const silver = customer((x) => x.membership_tier_id === MEMBERSHIP_TIERS[0].id);
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'getMembershipInfo', customerId: silver.id }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			customer_id: silver.id,
			membership_tier: { _id: MEMBERSHIP_TIERS[0].id, level: 1 },
			membership_tier_gap: { next_tier: { _id: MEMBERSHIP_TIERS[1].id }, next_total_spending: 10000 },
		});
		expect(requests().at(-1)!.query).toMatchObject({ customer_ids: [silver.id] });

		const unknown = await runNode(h, shopline({ resource: 'customer', operation: 'getMembershipInfo', customerId: 'ffffffffffffffffffffffff' }));
		expect(unknown.error?.message).toBe('Item 1: SHOPLINE has no membership info for customer ffffffffffffffffffffffff');
	});

	it('Get Tier History lists the changes, including one made by Update with the tier dropdown', async () => {
		const c = customer((x) => x.membership_tier_id === null);
		const tiers = await loadOptions(h, makeNode(h, shopline({ resource: 'customer', operation: 'update' })), 'getMembershipTiers');
		expect(tiers).toEqual([
			{ name: 'Silver (level 1)', value: MEMBERSHIP_TIERS[0].id },
			{ name: 'Gold (level 2)', value: MEMBERSHIP_TIERS[1].id },
		]);
		const update = await runNode(h, shopline({ resource: 'customer', operation: 'update', customerId: c.id, updateFields: { membership_tier_id: tiers[1].value } }));
		expect(update.error).toBeUndefined();
		const { items } = await runNode(h, shopline({ resource: 'customer', operation: 'getTierHistory', customerId: c.id, returnAll: true }));
		expect(items.map((i) => i.json)).toEqual([
			expect.objectContaining({ key: 'updated_user_membership_tier', data: { from_membership_tier: null, to_membership_tier: expect.objectContaining({ id: MEMBERSHIP_TIERS[1].id }) } }),
		]);
	});

	it('Membership Tier → Get Many lists the tiers by level, with Include and Limit', async () => {
		const all = await runNode(h, shopline({ resource: 'membershipTier', operation: 'getMany', returnAll: true, options: { include_fields: ['membership_tier_rules'] } }));
		expect(all.error).toBeUndefined();
		expect(all.items.map((i) => i.json.id)).toEqual(MEMBERSHIP_TIERS.map((t) => t.id));
		expect(all.items[0].json).toMatchObject({ level: 1, member_count: expect.any(Number), membership_tier_rules: [expect.objectContaining({ total_spending: 3000 })] });
		expect(requests().at(-1)!.query).toMatchObject({ include_fields: ['membership_tier_rules'] });
		const one = await runNode(h, shopline({ resource: 'membershipTier', operation: 'getMany', returnAll: false, limit: 1 }));
		expect(one.items).toHaveLength(1);
	});

	it('Search customers by the tier dropdown', async () => {
		const gold = MEMBERSHIP_TIERS[1].id;
		const { items } = await runNode(h, shopline({ resource: 'customer', operation: 'search', returnAll: true, simplify: false, filters: { membership_tier_id: gold } }));
		expect(items.length).toBe([...sim.customers.values()].filter((c) => c.membership_tier_id === gold).length);
		expect(items.every((i) => (i.json.membership_tier as IDataObject).id === gold)).toBe(true);
	});

	it.each([
		[{}, ['Member 10% off', 'Birthday gift', 'Bubble tea 2 for 1', 'New year sale']],
		[{ coupon_status: 'valid' }, ['Member 10% off', 'Birthday gift']],
		[{ coupon_status: 'comingSoon' }, ['New year sale']],
		[{ available_platforms: ['retail'] }, ['Member 10% off', 'Bubble tea 2 for 1']],
		[{ coupon_type: ['draw', 'single'] }, ['Birthday gift', 'Bubble tea 2 for 1', 'New year sale']],
	])('Get Promotions with filters %j', async (filters, titles) => {
		const c = customer((x) => x.is_member);
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'getPromotions', customerId: c.id, returnAll: true, filters }));
		expect(error).toBeUndefined();
		expect(items.map((i) => (i.json.title_translations as IDataObject).en)).toEqual(titles);
		const draw = items.find((i) => i.json.coupon_type === 'draw');
		if (draw) expect(draw.json.user_coupon_status).toBe('active');
	});
});

describe('Customer: Update Tags', () => {
	it.each([
		['add', ['vip', 'pos-member'], (old: string[]) => [...old, 'pos-member']],
		['remove', ['vip'], (old: string[]) => old.filter((t) => t !== 'vip')],
		['replace', ['gold-club', 'pos-member'], () => ['gold-club', 'pos-member']],
	] as const)('%s', async (mode, tags, expected) => {
		const c = customer((x) => x.tags.includes('vip'));
		const old = [...c.tags];
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'updateTags', customerId: c.id, mode, tags: tags.join(', ') }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: c.id, tags: expected(old) });
		expect(requests().at(-1)).toMatchObject({ method: mode === 'replace' ? 'PUT' : 'PATCH', path: `/v1/customers/${c.id}/tags` });
	});

	it('refuses a tag under 3 characters before sending; explains SHOPLINE’s silent 60-tag limit', async () => {
		const c = customer();
		const short = await runNode(h, shopline({ resource: 'customer', operation: 'updateTags', customerId: c.id, mode: 'add', tags: 'ok-tag, ab' }));
		expect(short.error?.message).toBe('Item 1: "Tags › 2" has a tag shorter than 3 characters');

		sim.customers.get(c.id)!.tags = Array.from({ length: 60 }, (_, k) => `tag-${k}`);
		const full = await runNode(h, shopline({ resource: 'customer', operation: 'updateTags', customerId: c.id, mode: 'add', tags: 'one-more' }));
		expect(full.error?.message).toBe(`Item 1 (customer ${c.id}): SHOPLINE left the tags unchanged`);
		expect(full.error?.description).toMatch(/at most 60 tags; this one has 60/);
		const direct61 = await direct('PUT', `/customers/${c.id}/tags`, { tags: Array.from({ length: 61 }, (_, k) => `new-${k}`) });
		expect(direct61).toMatchObject({ status: 200, json: { tags: sim.customers.get(c.id)!.tags } });
	});
});
