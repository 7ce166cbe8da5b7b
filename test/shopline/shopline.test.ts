/**
 * The SHOPLINE node and trigger inside real n8n-core, against the SHOPLINE simulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../../sandbox';
import { SandboxServer, Vendor } from '../../sandbox/core';
import { createShopline, SHOPLINE_DEMO, SHOPLINE_TOPICS, MEMBERSHIP_TIERS, DELIVERY_OPTIONS, PAYMENT_METHODS, type ShoplineSim } from '../../sandbox/shopline';
import { commonCustomerSchema, commonOrderSchema } from '../../nodes/shared/shapes';
import { createHarness, deliver, loadOptions, makeNode, runNode, webhookLifecycle, type Harness } from '../harness/n8n';

// The nodes run from dist/, so the pacing state to reset between tests is dist's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { resetLimiters } = require('../../dist/nodes/shared/limiter') as { resetLimiters: () => void };

let server: SandboxServer;
let sim: ShoplineSim;
let h: Harness;
let base: string;
let credentials: { shoplineApi: { baseUrl: string; accessToken: string; userAgent: string } };

beforeAll(async () => {
	sim = createShopline({ seedCustomers: 40, seedOrders: 120 });
	server = new SandboxServer().mount(sim);
	base = await server.start();
	credentials = { shoplineApi: sandboxCredentials(base).shoplineApi };
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

const shopline = (parameters: Record<string, unknown>, continueOnFail = false) => ({
	type: 'shopline',
	parameters: parameters as never,
	credentials,
	continueOnFail,
});

const requests = () => server.requests('shopline');
const seededCustomer = (n = 0) => [...sim.customers.values()].sort((a, b) => a.seq - b.seq)[n];
const liveOrders = () => [...sim.orders.values()].filter((o) => !o.archived).sort((a, b) => a.seq - b.seq);

type CustomerRoute = (typeof sim.routes)[number];
type CustomerListWrapper = (req: Parameters<CustomerRoute['handler']>[0], real: CustomerRoute['handler']) => ReturnType<CustomerRoute['handler']>;

/** Runs `body` while SHOPLINE's customer list answers through `wrap`, then restores the real route. */
async function withCustomerList(wrap: CustomerListWrapper, body: () => Promise<void>): Promise<void> {
	const real = sim.routes.find((r) => r.method === 'GET' && r.parts.join('/') === 'v1/customers')!;
	sim.routes.unshift({ ...real, handler: (req) => wrap(req, real.handler) });
	try {
		await body();
	} finally {
		sim.routes.shift();
	}
}

describe('Credential', () => {
	it('sends the token as Bearer and the merchant handle as User-Agent; the credential test reads token info', async () => {
		const c = seededCustomer();
		const { error } = await runNode(h, shopline({ resource: 'customer', operation: 'get', customerId: c.id }));
		expect(error).toBeUndefined();
		const sent = requests()[0];
		expect(sent.headers.authorization).toBe('Be****'); // masked in the log; the 200 shows the Bearer token was accepted
		expect(sent.status).toBe(200);
		expect(sent.headers['user-agent']).toBe(SHOPLINE_DEMO.userAgent);

		const type = h.loaded.credentials.get('shoplineApi')!;
		expect(type.test).toMatchObject({ request: { url: '/token/info', method: 'GET' } });
		const info = await fetch(`${credentials.shoplineApi.baseUrl}/token/info`, {
			headers: { Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}`, 'User-Agent': SHOPLINE_DEMO.userAgent },
		});
		expect(info.status).toBe(200);
	});

	it('explains a wrong User-Agent and never shows the token', async () => {
		const { error } = await runNode(h, {
			...shopline({ resource: 'customer', operation: 'get', customerId: seededCustomer().id }),
			credentials: { shoplineApi: { ...credentials.shoplineApi, userAgent: 'someoneelse' } },
		});
		expect(error?.message).toBe('SHOPLINE Bad request (400) [InvalidUserAgent]: User-Agent header must be the merchant handle');
		expect(error?.description).toMatch(/User-Agent \(Merchant Handle\)/);
		expect(JSON.stringify(error)).not.toContain(SHOPLINE_DEMO.accessToken);
	});

	it('explains an expired token', async () => {
		sim.control({ action: 'expireTokens' });
		const { error } = await runNode(h, shopline({ resource: 'customer', operation: 'get', customerId: seededCustomer().id }));
		expect(error?.message).toBe('SHOPLINE Authorization failed (401) [TokenExpired]: The access token has expired');
		expect(error?.description).toMatch(/generate a new token/);
	});
});

describe('Customer: Create', () => {
	it('sends every seed 002 field exactly as SHOPLINE expects, with fields[]/excludes[] in the query', async () => {
		const tier = MEMBERSHIP_TIERS[0];
		const { items, error } = await runNode(
			h,
			shopline({
				resource: 'customer',
				operation: 'create',
				name: '王小明',
				email: 'Ming.Wang@example.tw',
				mobile_phone: '0912-345-678',
				mobile_phone_country_calling_code: '886',
				additionalFields: {
					send_notification: false,
					notification_types: ['email', 'sms'],
					phones: '02-2345-6789, 02-8765-4321',
					phone: '+852 2345 6789',
					gender: 'male',
					birthday: '1990-05-31',
					is_member: true,
					is_accept_marketing: true,
					is_subscribed_marketing_email: true,
					is_subscribed_marketing_sms: false,
					delivery_addresses: {
						values: [
							{
								recipient_name: '王小明',
								recipient_phone: '+886912345678',
								recipient_phone_country_code: '',
								address_1: '信義路五段7號',
								address_2: '',
								city: '台北市',
								postcode: '110',
								country: 'Taiwan',
							},
						],
					},
					is_send_welcome_credit: true,
					created_by: 'openapi',
					created_by_channel_id: 'ch-1',
					registered_by: 'shop',
					registered_by_channel_id: 'ch-2',
					memo: 'VIP from the Taipei pop-up',
					tags: 'vip, taipei',
					membership_tier_id: tier.id,
				},
				options: { fields: 'id, name, email, mobile_phone, credit_balance, membership_tier', excludes: 'memo' },
			}),
		);
		expect(error).toBeUndefined();
		const sent = requests()[0];
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe('/v1/customers');
		expect(sent.query).toEqual({ fields: ['id', 'name', 'email', 'mobile_phone', 'credit_balance', 'membership_tier'], excludes: ['memo'] });
		expect(sent.body).toEqual({
			name: '王小明',
			email: 'Ming.Wang@example.tw',
			mobile_phone: '0912345678',
			mobile_phone_country_calling_code: '886',
			send_notification: false,
			notification_types: ['email', 'sms'],
			phones: '02-2345-6789,02-8765-4321',
			phone: '23456789',
			phone_country_code: '852',
			gender: 'male',
			birthday: '1990-05-31',
			is_member: true,
			is_accept_marketing: true,
			is_subscribed_marketing_email: true,
			is_subscribed_marketing_sms: false,
			delivery_addresses: [
				{
					recipient_name: '王小明',
					recipient_phone: '0912345678',
					recipient_phone_country_code: '886',
					address_1: '信義路五段7號',
					city: '台北市',
					postcode: '110',
					country: 'Taiwan',
				},
			],
			is_send_welcome_credit: true,
			is_allow_welcome_credit: true,
			created_by: 'openapi',
			created_by_channel_id: 'ch-1',
			registered_by: 'shop',
			registered_by_channel_id: 'ch-2',
			memo: 'VIP from the Taipei pop-up',
			tags: ['vip', 'taipei'],
			membership_tier_id: tier.id,
		});
		// fields[] wins: only the asked keys come back (raw output of a write).
		// The requested fields, and the output's "action" (created).
		expect(Object.keys(items[0].json).sort()).toEqual(['action', 'credit_balance', 'email', 'id', 'membership_tier', 'mobile_phone', 'name']);
		expect(items[0].json.credit_balance).toBe(50); // welcome credit given
		const stored = sim.customers.get(String(items[0].json.id))!;
		expect(stored).toMatchObject({ email: 'ming.wang@example.tw', birthday: '1990-05-31', tags: ['vip', 'taipei'], membership_tier_id: tier.id });
		expect(sim.notifications.filter((n) => n.resource_id === stored.id).map((n) => n.kind)).toEqual(['welcome_credit']);
	});

	it.each([
		['international form', '+66 81 234 5678', '', '0812345678', '66'],
		['Thai local form with Thailand chosen', '081-234-5678', '66', '0812345678', '66'],
		['Taiwan local form with Taiwan chosen', '0912 345 678', '886', '0912345678', '886'],
		['Vietnam local form with Vietnam chosen', '0912345678', '84', '0912345678', '84'],
		['Hong Kong number', '+852 9123 4567', '', '91234567', '852'],
		['00 international prefix', '0066812345678', '', '0812345678', '66'],
	])('splits a mobile phone in %s into number and calling code', async (_title, mobile, country, number, code) => {
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'customer', operation: 'create', name: 'Somchai', mobile_phone: mobile, mobile_phone_country_calling_code: country }),
		);
		expect(error).toBeUndefined();
		expect(requests()[0].body).toEqual({ name: 'Somchai', mobile_phone: number, mobile_phone_country_calling_code: code });
		expect(items[0].json).toMatchObject({ mobile_phone: number, mobile_phone_country_calling_code: code });
	});

	const sixAddresses = { values: Array.from({ length: 6 }, (_, n) => ({ address_1: `Street ${n}`, city: 'Bangkok' })) };
	it.each([
		['neither email nor mobile phone', { name: 'No Contact' }, 'Item 1 (No Contact): "Email" or "Mobile Phone" is required'],
		['a local mobile phone without its country', { name: 'A', mobile_phone: '0812345678' }, 'Item 1 (0812345678): "Mobile Phone Country" is required: choose it, or write the Mobile Phone with its +country code (e.g. +66812345678)'],
		['a mobile phone that cannot be Thai', { name: 'A', mobile_phone: '12345', mobile_phone_country_calling_code: '66' }, 'Item 1 (12345): "Mobile Phone": "12345" is not a valid phone number for +66'],
		['a +number that contradicts the chosen country', { name: 'A', mobile_phone: '+66812345678', mobile_phone_country_calling_code: '886' }, 'Item 1 (+66812345678): "Mobile Phone": "+66812345678" is a +66 number but the country chosen is +886'],
		['a malformed email', { name: 'A', email: 'not-an-email' }, 'Item 1 (not-an-email): "Email" must be an email address'],
		['six delivery addresses', { name: 'A', email: 'a@example.com', additionalFields: { delivery_addresses: sixAddresses } }, 'Item 1 (a@example.com): "Delivery Addresses" allows at most 5 addresses'],
		[
			'birthday together with birth year',
			{ name: 'A', email: 'a@example.com', additionalFields: { birthday: '1990-01-02', birth_year: 1990 } },
			'Item 1 (a@example.com): "Birthday" cannot be used together with Birth Year, Birth Month or Birth Day',
		],
		['a birth month of 13', { name: 'A', email: 'a@example.com', additionalFields: { birth_month: 13 } }, 'Item 1 (a@example.com): "Birth Month" must be 12 or less'],
		['a birthday that is not a date', { name: 'A', email: 'a@example.com', additionalFields: { birthday: '31/05/1990' } }, 'Item 1 (a@example.com): "Birthday" must be a date written YYYY-MM-DD'],
	])('refuses %s before any request', async (_title, params, message) => {
		const { error } = await runNode(h, shopline({ resource: 'customer', operation: 'create', ...params }));
		expect(error?.message).toBe(message);
		expect(requests()).toHaveLength(0);
	});

	it('names the field of a SHOPLINE 422 (extras.field) in the user’s words', async () => {
		const taken = seededCustomer();
		const { error } = await runNode(h, shopline({ resource: 'customer', operation: 'create', name: 'Copy', email: taken.email }));
		expect(error?.message).toBe('SHOPLINE Unprocessable data (422) [UnprocessableEntity]: Email has already been taken');
		expect(error?.description).toBe('SHOPLINE did not accept the field "Email" (email). Check that value and try again.');
		const tier = await runNode(h, shopline({ resource: 'customer', operation: 'create', name: 'T', email: 't@example.com', additionalFields: { membership_tier_id: 'nope' } }));
		expect(tier.error?.description).toMatch(/"Membership Tier" \(membership_tier_id\)/);
	});

	it('continueOnFail turns a bad item into an error item paired to its input', async () => {
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'customer', operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}', options: { concurrency: 3 } }, true),
			[
				{ name: 'One', email: 'one@example.com' },
				{ name: 'Two', email: 'broken' },
				{ name: 'Three', email: 'three@example.com' },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.email).toBe('one@example.com');
		expect(items[1].json.error).toBe('Item 2 (broken): "Email" must be an email address');
		expect(items[2].json.email).toBe('three@example.com');
	});
});

describe('Customer: reads', () => {
	it('Get returns the common customer shape (E.164 phone, date-only birthday) or SHOPLINE’s object unchanged', async () => {
		const c = seededCustomer(1);
		const simple = await runNode(h, shopline({ resource: 'customer', operation: 'get', customerId: c.id }));
		expect(simple.error).toBeUndefined();
		const common = commonCustomerSchema.strict().parse(simple.items[0].json);
		const national = c.mobile_phone!.replace(/\D/g, '').replace(/^0/, '');
		expect(common).toMatchObject({
			source: 'shopline',
			id: c.id,
			name: c.name,
			email: c.email,
			phone: `+${c.mobile_phone_country_calling_code}${national}`,
			birthday: c.birthday,
			tags: c.tags,
			createdAt: c.created_at,
			updatedAt: c.updated_at,
		});
		expect(common.address).toMatchObject({ line1: c.delivery_addresses[0].address_1, city: c.delivery_addresses[0].city });
		const raw = await runNode(h, shopline({ resource: 'customer', operation: 'get', customerId: c.id, simplify: false }));
		expect(raw.items[0].json).toEqual(JSON.parse(JSON.stringify(sim.customerJson(c))));
	});

	it('Get of an unknown customer is a clear 404', async () => {
		const { error } = await runNode(h, shopline({ resource: 'customer', operation: 'get', customerId: 'ffffffffffffffffffffffff' }));
		expect(error?.message).toBe('SHOPLINE Not found (404) [NotFound]: Customer not found');
	});

	it('Get Many with Return All reads 600 customers page by page, oldest first, and hands them back newest first', async () => {
		sim.seed(10, 600);
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(600);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(600);
		expect(requests().map((r) => r.query).sort((a, b) => Number(a.page) - Number(b.page))).toEqual([
			{ sort_by: 'asc', page: '1', per_page: '250' },
			{ sort_by: 'asc', page: '2', per_page: '250' },
			{ sort_by: 'asc', page: '3', per_page: '250' },
		]);
		// The same order a default (newest first) keyset read gives.
		const created = items.map((i) => String(i.json.created_at));
		expect(created).toEqual([...created].sort().reverse());
	});

	it('Return All falls back to the previous_id keyset when SHOPLINE’s count does not add up', async () => {
		sim.seed(10, 300);
		// SHOPLINE claims one more customer than its pages hold (as when a record is removed while paging).
		const overCounting: CustomerListWrapper = async (req, real) => {
			const response = await real(req);
			const body = response.body as { pagination?: { total_count: number } };
			if (req.query.page && body.pagination) body.pagination.total_count += 1;
			return response;
		};
		await withCustomerList(overCounting, async () => {
			const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false }));
			expect(error).toBeUndefined();
			expect(items).toHaveLength(300);
			expect(requests().some((r) => r.query.previous_id !== undefined)).toBe(true);
		});
	});

	it('Options → Page Size: Return All asks for that many per page, and a value past 999 is held at 999', async () => {
		sim.seed(10, 1500);
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, options: { pageSize: 600 } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1500);
		expect(requests().map((r) => [r.query.page, r.query.per_page]).sort()).toEqual([['1', '600'], ['2', '600'], ['3', '600']]);

		const from = requests().length;
		const big = await runNode(h, shopline({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, options: { pageSize: '={{ 5000 }}' } }));
		expect(big.items).toHaveLength(1500);
		expect(requests().slice(from).map((r) => [r.query.page, r.query.per_page]).sort()).toEqual([['1', '999'], ['2', '999']]);
	});

	it('when SHOPLINE serves smaller pages than asked, neither paging style stops early', async () => {
		sim.seed(10, 300);
		// [INF] guard: a SHOPLINE that caps per_page at 100 without saying so in an error.
		const capped: CustomerListWrapper = (req, real) => real({ ...req, query: { ...req.query, per_page: String(Math.min(100, Number(req.query.per_page ?? 24))) } });
		await withCustomerList(capped, async () => {
			const all = await runNode(h, shopline({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, options: { pageSize: 999 } }));
			expect(all.error).toBeUndefined();
			expect(new Set(all.items.map((i) => i.json.id)).size).toBe(300);
			const from = requests().length;
			const limited = await runNode(h, shopline({ resource: 'customer', operation: 'getMany', limit: 250, simplify: false, options: { pageSize: 999 } }));
			expect(limited.error).toBeUndefined();
			expect(new Set(limited.items.map((i) => i.json.id)).size).toBe(250);
			expect(requests().slice(from).map((r) => r.query.per_page)).toEqual(['250', '150', '50']); // served 100 each time; each page starts after the last id
		});
	});

	it('Get Many sends the time range in UTC (the workflow runs at UTC+7), the sort, and stops at the limit', async () => {
		const { items, error } = await runNode(
			h,
			shopline({
				resource: 'customer',
				operation: 'getMany',
				limit: 7,
				filters: { updated_after: '2022-01-01T07:00:00', updated_before: '2022-01-02T00:00:00+08:00', sort_by: 'asc' },
			}),
		);
		expect(error).toBeUndefined();
		expect(requests()[0].query).toEqual({
			updated_after: '2022-01-01T00:00:00.000Z',
			updated_before: '2022-01-01T16:00:00.000Z',
			sort_by: 'asc',
			per_page: '7',
		});
		expect(items).toHaveLength(7);
		items.forEach((i) => commonCustomerSchema.strict().parse(i.json));
		const times = items.map((i) => String(i.json.createdAt));
		expect([...times].sort()).toEqual(times);
	});

	it('Search sends the text and filters, pages by number, and finds the customer', async () => {
		const c = seededCustomer(3);
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'customer', operation: 'search', query: c.name, returnAll: true, filters: { email: c.email, search_fields: ['name'], is_member: c.is_member } }),
		);
		expect(error).toBeUndefined();
		expect(requests()[0].query).toEqual({ query: c.name, email: c.email, search_fields: ['name'], is_member: String(c.is_member), page: '1', per_page: '250' });
		expect(items.map((i) => i.json.id)).toEqual([c.id]);
	});

	it('Search with a limit pages by number with one page size', async () => {
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'search', filters: { tags: 'th' }, limit: 3 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(requests().map((r) => [r.query.page, r.query.per_page, r.query.tags])).toEqual([['1', '3', 'th']]);
		const ids = items.map((i) => String(i.json.id));
		ids.forEach((id) => expect(sim.customers.get(id)!.tags).toContain('th'));
	});
});

describe('Customer: writes', () => {
	it('Update sends only the changed fields, with the phone split', async () => {
		const c = seededCustomer(2);
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'customer', operation: 'update', customerId: c.id, updateFields: { name: 'Renamed', mobile_phone: '+66 89 999 8888', tags: 'gold' } }),
		);
		expect(error).toBeUndefined();
		expect(requests()[0]).toMatchObject({ method: 'PUT', path: `/v1/customers/${c.id}` });
		expect(requests()[0].body).toEqual({ name: 'Renamed', mobile_phone: '0899998888', mobile_phone_country_calling_code: '66', tags: ['gold'] });
		expect(items[0].json).toMatchObject({ name: 'Renamed', mobile_phone: '0899998888', tags: ['gold'] });
	});

	it('Update with nothing to change is refused before any request', async () => {
		const id = seededCustomer().id;
		const { error } = await runNode(h, shopline({ resource: 'customer', operation: 'update', customerId: id }));
		expect(error?.message).toBe(`Item 1 (customer ${id}): The input has nothing to update: add at least one field under Update Fields`);
		expect(requests()).toHaveLength(0);
	});

	it('Delete removes the customer', async () => {
		const c = seededCustomer(4);
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'delete', customerId: c.id }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ id: c.id, deleted: true, message: 'Customer deleted' });
		expect(sim.customers.has(c.id)).toBe(false);
	});

	const otherCountry = (code: string | null) => (code === '886' ? '66' : '886');
	it.each([
		['a new email: creates', () => ({ email: 'new.person@example.com' }), undefined],
		['a known email (other case): updates that customer', () => ({ email: seededCustomer(5).email!.toUpperCase() }), 5],
		[
			'a known mobile phone in local form: updates that customer',
			() => ({ mobile_phone: seededCustomer(6).mobile_phone!, mobile_phone_country_calling_code: seededCustomer(6).mobile_phone_country_calling_code! }),
			6,
		],
		[
			'the same digits under another country code: creates',
			() => ({ mobile_phone: seededCustomer(6).mobile_phone!, mobile_phone_country_calling_code: otherCountry(seededCustomer(6).mobile_phone_country_calling_code) }),
			undefined,
		],
	])('Create or Update with %s', async (_title, contact, updatedIndex) => {
		const before = sim.customers.size;
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'customer', operation: 'createOrUpdate', name: 'Upserted Name', ...contact(), additionalFields: { memo: 'via upsert', send_notification: false } }),
		);
		expect(error).toBeUndefined();
		const customer = items[0].json.customer as Record<string, unknown>;
		expect(customer).toMatchObject({ name: 'Upserted Name', memo: 'via upsert' });
		expect(requests()[0].path).toBe('/v1/customers/search');
		const writes = requests().filter((r) => r.method !== 'GET');
		expect(writes).toHaveLength(1);
		if (updatedIndex === undefined) {
			expect(items[0].json.action).toBe('created');
			expect(writes[0]).toMatchObject({ method: 'POST', path: '/v1/customers' });
			expect(sim.customers.size).toBe(before + 1);
		} else {
			expect(items[0].json.action).toBe('updated');
			expect(customer.id).toBe(seededCustomer(updatedIndex).id);
			expect(writes[0]).toMatchObject({ method: 'PUT', path: `/v1/customers/${customer.id}` });
			// Create-only switches are not sent to Update.
			expect(writes[0].body).not.toHaveProperty('send_notification');
			expect(sim.customers.size).toBe(before);
		}
	});
});

describe('Order: reads', () => {
	it('Get returns the common order shape: money as numbers with currency, names in the chosen language', async () => {
		const o = liveOrders().find((x) => x.items.length > 1 && x.items.some((i) => i.variationId))!;
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'get', orderId: o.id, language: 'zh-hant' }));
		expect(error).toBeUndefined();
		const common = commonOrderSchema.strict().parse(items[0].json);
		expect(common).toMatchObject({
			source: 'shopline',
			id: o.id,
			number: o.order_number,
			date: o.created_at,
			status: o.status,
			customer: { id: o.customer_id, name: o.customer_name, email: o.customer_email },
			subtotal: o.subtotalCents / 100,
			total: o.totalCents / 100,
			currency: 'TWD',
			createdAt: o.created_at,
		});
		expect(common.customer.phone).toMatch(new RegExp(`^\\+${o.customer_phone_country_code}\\d+$`));
		expect(common.lines).toHaveLength(o.items.length);
		o.items.forEach((line, n) => {
			const product = sim.products.get(line.productId)!;
			const variation = product.variations.find((v) => v.id === line.variationId);
			expect(common.lines[n]).toEqual({
				sku: variation?.sku ?? product.sku,
				name: variation ? `${product.title_translations['zh-hant']} (${variation.fields_translations['zh-hant'][0]})` : product.title_translations['zh-hant'],
				quantity: line.quantity,
				unitPrice: line.priceCents / 100,
				discount: null,
				total: (line.priceCents * line.quantity) / 100,
			});
		});
		const raw = await runNode(h, shopline({ resource: 'order', operation: 'get', orderId: o.id, simplify: false }));
		expect(raw.items[0].json).toEqual(JSON.parse(JSON.stringify(sim.orderJson(o))));
		expect((raw.items[0].json.total as Record<string, unknown>).cents).toBe(o.totalCents);
	});

	it.each([
		['th', 'P-MANGO', 'ข้าวเหนียวมะม่วง'],
		['th', 'P-EGG-TART', 'Egg tart'], // no Thai name: English
		['vi', 'P-PHO', 'Phở bò'],
		['zh-hant', 'P-BANH-MI', '越南法國麵包'],
	])('names lines in %s for %s, falling back to another language', async (language, sku, name) => {
		const o = liveOrders().find((x) => x.items.some((i) => sim.products.get(i.productId)!.sku === sku && !i.variationId))!;
		const { items } = await runNode(h, shopline({ resource: 'order', operation: 'get', orderId: o.id, language }));
		const lines = items[0].json.lines as Array<{ sku: string; name: string }>;
		expect(lines.find((l) => l.sku === sku)!.name).toBe(name);
	});

	it('Get of an archived order (410) says it is archived and how to reach it', async () => {
		const archived = [...sim.orders.values()].find((o) => o.archived)!;
		const { error } = await runNode(h, shopline({ resource: 'order', operation: 'get', orderId: archived.id }));
		expect(error?.message).toMatch(/^SHOPLINE Gone \(410\) \[OrderArchived\]: Order [0-9a-f]+ has been archived/);
		expect(error?.description).toMatch(/archived.*"Get Archived Orders" in SHOPLINE/);
		expect(error?.httpCode).toBe('410');
	});

	it('Get Many sends the filters (UTC times, statuses[], order_ids[], customer, sort)', async () => {
		const picked = liveOrders().slice(0, 3);
		const { items, error } = await runNode(
			h,
			shopline({
				resource: 'order',
				operation: 'getMany',
				returnAll: true,
				filters: {
					created_after: '2023-01-01T07:00:00',
					created_before: '2030-01-01T00:00:00Z',
					updated_after: '2022-12-31T17:00:00.000Z',
					statuses: ['pending', 'confirmed', 'completed', 'cancelled'],
					order_ids: picked.map((o) => o.id).join(', '),
					customer_id: picked[0].customer_id,
					sort_by: 'asc',
				},
				simplify: false,
			}),
		);
		expect(error).toBeUndefined();
		expect(requests()[0].query).toEqual({
			customer_id: picked[0].customer_id,
			order_ids: picked.map((o) => o.id),
			statuses: ['pending', 'confirmed', 'completed', 'cancelled'],
			sort_by: 'asc',
			created_after: '2023-01-01T00:00:00.000Z',
			created_before: '2030-01-01T00:00:00.000Z',
			updated_after: '2022-12-31T17:00:00.000Z',
			page: '1',
			per_page: '250',
		});
		expect(items.map((i) => i.json.id)).toEqual([picked[0].id]);
	});

	it('Get Many with Options → Concurrency reads several input items at once and keeps their order and pairing', async () => {
		const picked = liveOrders().slice(0, 6);
		const inputs = [0, 1, 2].map((k) => ({ ids: picked.slice(k * 2, k * 2 + 2).map((o) => o.id).join(',') }));
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'order', operation: 'getMany', returnAll: true, simplify: false, filters: { order_ids: '={{ $json.ids }}', sort_by: 'asc' }, options: { concurrency: 3 } }),
			inputs,
		);
		expect(error).toBeUndefined();
		const expected = [0, 1, 2].flatMap((k) => picked.slice(k * 2, k * 2 + 2).map((o) => ({ id: o.id, pairedItem: { item: k } })));
		expect(items.map((i) => ({ id: i.json.id, pairedItem: i.pairedItem }))).toEqual(expected);
		expect(requests()).toHaveLength(3);
	});

	it('Search sends its filters without sort_by (SHOPLINE refuses it there)', async () => {
		const o = liveOrders()[5];
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'order', operation: 'search', query: '', filters: { order_number: o.order_number, customer_email: o.customer_email, status: o.status } }),
		);
		expect(error).toBeUndefined();
		expect(requests()[0].query).toEqual({ order_number: o.order_number, customer_email: o.customer_email, status: o.status, page: '1', per_page: '50' });
		expect(items.map((i) => i.json.id)).toEqual([o.id]);
	});
});

describe('Order: rate limit', () => {
	it('Return All over 2,000 orders: every order once, no failed item, no 429', async () => {
		sim.seed(2000, 100);
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'getMany', returnAll: true }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2000);
		expect(items.every((i) => !i.json.error)).toBe(true);
		expect(new Set(items.map((i) => i.json.id)).size).toBe(2000);
		expect(requests().filter((r) => r.status !== 200)).toEqual([]);
		expect(requests().map((r) => Number(r.query.page)).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]); // 8 pages of 250, several in flight
	});

	it('keeps to SHOPLINE’s 20 requests a second whatever the concurrency, and no item fails', async () => {
		const ids = liveOrders()
			.slice(0, 50)
			.map((o) => ({ id: o.id }));
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'order', operation: 'updateStatus', orderId: '={{ $json.id }}', status: 'confirmed', options: { concurrency: 20 } }),
			ids,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(50);
		expect(items.filter((i) => i.json.error)).toEqual([]);
		// Counted where the simulator received them. A request holds its place in the limiter from
		// leaving until its answer is read, and the simulator counts it in between, so however the
		// shared event loop stalls, no second sees more than 20 and the simulator never answers 429
		// (the first limiter let 31 through in one second after a stall; counting starts alone, 22).
		const times = requests().map((r) => r.at);
		const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
		expect(busiest).toBeLessThanOrEqual(20);
		expect(sim.rateLimited).toBe(0);
	});

	it('a redirect within the origin is one more request and takes its own place: still 20 a second at most', async () => {
		const ids = liveOrders()
			.slice(0, 30)
			.map((o) => ({ id: o.id }));
		// Each of the 30 requests is answered 307 to the same address once (redirectOnce: a shared count
		// alone could send one request round 6 times, past the redirect bound): 60 requests reach SHOPLINE.
		sim.setFaults({ nextRedirect: 30, redirectTo: '', redirectStatus: 307, redirectOnce: true, pathFilter: '/orders/' });
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'order', operation: 'updateStatus', orderId: '={{ $json.id }}', status: 'confirmed', options: { concurrency: 20 } }),
			ids,
		);
		expect(error).toBeUndefined();
		expect(items.filter((i) => i.json.error)).toEqual([]);
		const seen = requests();
		expect(seen.filter((r) => r.status === 307)).toHaveLength(30);
		const times = seen.map((r) => r.at);
		const busiest = Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + 1000).length));
		expect(busiest).toBeLessThanOrEqual(20);
		expect(sim.rateLimited).toBe(0);
	});

	it('absorbs a burst of 429s (no Retry-After) without the user seeing it', async () => {
		sim.setFaults({ next429: 3 });
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'getMany', limit: 5 }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(requests().map((r) => r.status)).toEqual([429, 429, 429, 200]);
	});
});

describe('Order: writes', () => {
	const variationProduct = () => [...sim.products.values()].find((p) => p.variations.length)!;
	const plainProduct = () => [...sim.products.values()].find((p) => !p.variations.length && !p.priceSaleCents)!;
	const orderParams = (overrides: IDataObject = {}) => {
		const withSizes = variationProduct();
		const large = withSizes.variations[1];
		const plain = plainProduct();
		return {
			resource: 'order',
			operation: 'create',
			customer: 'guest.buyer@example.com',
			delivery_option_id: DELIVERY_OPTIONS[0].id,
			payment_method_id: PAYMENT_METHODS[0].id,
			items: {
				values: [
					{ item_id: withSizes.id, variation_id: large.id, item_price: large.priceCents / 100, quantity: 2, total: '' },
					{ item_id: plain.id, variation_id: '', item_price: plain.priceCents / 100, quantity: 1, total: '' },
				],
			},
			delivery_address: { values: { recipient_name: 'Somchai', recipient_phone: '081 234 5678', recipient_phone_country_code: '66', address_1: '1 Sukhumvit Rd', city: 'Bangkok', postcode: '10110', country: 'Thailand' } },
			total: 999,
			additionalFields: { mail_notify: true, order_remarks: 'Leave at the door' },
			...overrides,
		};
	};

	it('Create sends the documented body: {order:{…}, mail_notify}, line totals and subtotal filled in', async () => {
		const withSizes = variationProduct();
		const large = withSizes.variations[1];
		const plain = plainProduct();
		const before = sim.orders.size;
		const { items, error } = await runNode(h, shopline(orderParams()));
		expect(error).toBeUndefined();
		const lineTotal = (large.priceCents * 2) / 100;
		expect(requests()[0]).toMatchObject({ method: 'POST', path: '/v1/orders' });
		expect(requests()[0].body).toEqual({
			order: {
				customer_email: 'guest.buyer@example.com',
				delivery_option_id: DELIVERY_OPTIONS[0].id,
				payment_method_id: PAYMENT_METHODS[0].id,
				items: [
					{ item_type: 'Product', item_id: withSizes.id, variation_id: large.id, item_price: large.priceCents / 100, quantity: 2, total: lineTotal },
					{ item_type: 'Product', item_id: plain.id, item_price: plain.priceCents / 100, quantity: 1, total: plain.priceCents / 100 },
				],
				subtotal: lineTotal + plain.priceCents / 100,
				total: 999,
				order_remarks: 'Leave at the door',
				delivery_address: {
					recipient_name: 'Somchai',
					recipient_phone: '0812345678',
					recipient_phone_country_code: '66',
					address_1: '1 Sukhumvit Rd',
					city: 'Bangkok',
					postcode: '10110',
					country: 'Thailand',
				},
			},
			mail_notify: true,
		});
		expect(sim.orders.size).toBe(before + 1);
		expect(items[0].json).toMatchObject({ status: 'pending', is_guest_checkout: true, customer_email: 'guest.buyer@example.com' });
		expect(sim.notifications.map((n) => n.kind)).toContain('order_confirmation');
	});

	it('Create for a known customer sends customer_id', async () => {
		const c = seededCustomer();
		const { items, error } = await runNode(h, shopline(orderParams({ customer: c.id })));
		expect(error).toBeUndefined();
		expect((requests()[0].body as { order: Record<string, unknown> }).order.customer_id).toBe(c.id);
		expect(items[0].json.customer_id).toBe(c.id);
	});

	it.each([
		['no items', { items: { values: [] } }, 'Item 1 (guest.buyer@example.com): "Items" needs at least one item'],
		['no delivery address', { delivery_address: {} }, 'Item 1 (guest.buyer@example.com): "Delivery Address" is required'],
		// Mapped from input data that turned out empty (n8n itself blocks a literal empty required field).
		['no delivery option', { delivery_option_id: '={{ $json.missing }}' }, 'Item 1 (guest.buyer@example.com): "Delivery Option" is required'],
		['a broken customer email', { customer: 'buyer@' }, 'Item 1 (buyer@): "Customer ID or Email" is not a valid email address'],
		['a zero quantity', { items: { values: [{ item_id: 'x', variation_id: '', item_price: 1, quantity: 0, total: '' }] } }, 'Item 1 (guest.buyer@example.com): "Items › 1 › Quantity" must be 1 or more'],
		['a missing product', { items: { values: [{ item_id: '={{ $json.missing }}', variation_id: '', item_price: 1, quantity: 1, total: '' }] } }, 'Item 1 (guest.buyer@example.com): "Items › 1 › Product" is required'],
	])('Create refuses %s before any request', async (_title, overrides, message) => {
		const { error } = await runNode(h, shopline(orderParams(overrides)));
		expect(error?.message).toBe(message);
		expect(requests()).toHaveLength(0);
	});

	it('Create names the line SHOPLINE refused (variation required)', async () => {
		const withSizes = variationProduct();
		const { error } = await runNode(
			h,
			shopline(orderParams({ items: { values: [{ item_id: withSizes.id, variation_id: '', item_price: withSizes.priceCents / 100, quantity: 1, total: '' }] } })),
		);
		expect(error?.message).toMatch(/^SHOPLINE Unprocessable data \(422\) \[UnprocessableEntity\]: items\[0\]\.variation_id is required/);
		expect(error?.description).toBe('SHOPLINE did not accept the field "Items › 1 › Variation" (items[0].variation_id). Check that value and try again.');
	});

	it('Create is not repeated after a 503, so no duplicate order', async () => {
		const before = sim.orders.size;
		sim.setFaults({ next5xx: 1 });
		const { error } = await runNode(h, shopline(orderParams()));
		expect(error?.description).toMatch(/not repeated automatically/);
		expect(requests()).toHaveLength(1);
		expect(sim.orders.size).toBe(before);
	});

	it.each(['pending', 'confirmed', 'completed', 'cancelled'])('Update Status sets %s, emailing when asked', async (status) => {
		const o = liveOrders().find((x) => x.status !== status)!;
		const { items, error } = await runNode(h, shopline({ resource: 'order', operation: 'updateStatus', orderId: o.id, status, mail_notify: true }));
		expect(error).toBeUndefined();
		expect(requests()[0]).toMatchObject({ method: 'PATCH', path: `/v1/orders/${o.id}/status`, body: { status, mail_notify: true } });
		expect(sim.orders.get(o.id)!.status).toBe(status);
		expect(items[0].json.status).toBe(status);
		expect(sim.notifications.some((n) => n.resource_id === o.id && n.kind === `order_${status}`)).toBe(true);
	});

	it('Cancel gives back credit and points by default and records the reason', async () => {
		const o = liveOrders().find((x) => x.status !== 'cancelled' && x.userCreditCents > 0)!;
		const customer = sim.customers.get(o.customer_id!)!;
		const creditBefore = customer.credit_balance;
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'order', operation: 'cancel', orderId: o.id, additionalFields: { reason: 'Out of stock', mail_notify: false } }),
		);
		expect(error).toBeUndefined();
		expect(requests()[0]).toMatchObject({ method: 'PATCH', path: `/v1/orders/${o.id}/cancel` });
		expect(requests()[0].body).toEqual({
			revert_credits: { strategy: 'revert' },
			revert_member_points: { strategy: 'revert' },
			cancelled_reason: { key: 'other', message: 'Out of stock' },
			mail_notify: false,
		});
		expect(items[0].json).toMatchObject({ id: o.id, status: 'cancelled' });
		expect(sim.orders.get(o.id)).toMatchObject({ status: 'cancelled', credits_reverted: true });
		expect(customer.credit_balance).toBe(creditBefore + o.userCreditCents / 100);
	});
});

describe('Product', () => {
	it('Get Many gives common products: name in the chosen language, prices and stock as numbers with currency', async () => {
		const { items, error } = await runNode(h, shopline({ resource: 'product', operation: 'getMany', returnAll: true, language: 'th', filters: { sort_by: 'asc' } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(sim.products.size);
		expect(requests()[0].query).toEqual({ sort_by: 'asc', page: '1', per_page: '250' });
		const mango = items.find((i) => i.json.sku === 'P-MANGO')!.json;
		const p = [...sim.products.values()].find((x) => x.sku === 'P-MANGO')!;
		expect(mango).toEqual({
			source: 'shopline',
			id: p.id,
			sku: 'P-MANGO',
			name: 'ข้าวเหนียวมะม่วง',
			status: 'active',
			price: p.priceCents / 100,
			salePrice: null,
			currency: 'TWD',
			stock: p.quantity,
			variations: [],
			createdAt: p.created_at,
			updatedAt: p.updated_at,
		});
		const tart = items.find((i) => i.json.sku === 'P-EGG-TART')!.json;
		expect(tart).toMatchObject({ name: 'Egg tart', salePrice: expect.any(Number) });
	});

	it('Get returns variations flattened, or the raw product', async () => {
		const p = [...sim.products.values()].find((x) => x.variations.length)!;
		const flat = await runNode(h, shopline({ resource: 'product', operation: 'get', productId: p.id, language: 'zh-hant' }));
		expect(flat.items[0].json.variations).toEqual(
			p.variations.map((v) => ({ id: v.id, sku: v.sku, name: v.fields_translations['zh-hant'][0], price: v.priceCents / 100, salePrice: null, stock: v.quantity })),
		);
		const raw = await runNode(h, shopline({ resource: 'product', operation: 'get', productId: p.id, simplify: false }));
		expect(raw.items[0].json).toEqual(JSON.parse(JSON.stringify(sim.productJson(p))));
	});

	it('Get Many with a limit stops there', async () => {
		const { items } = await runNode(h, shopline({ resource: 'product', operation: 'getMany', limit: 2 }));
		expect(items).toHaveLength(2);
		expect(requests()).toHaveLength(1);
	});

	it('fills the product and variation dropdowns from SHOPLINE', async () => {
		const node = makeNode(h, shopline({ resource: 'product', operation: 'get' }));
		const products = await loadOptions(h, node, 'getProducts');
		expect(products).toHaveLength(sim.products.size);
		expect(products).toContainEqual({ name: 'Mango sticky rice (P-MANGO)', value: [...sim.products.values()].find((x) => x.sku === 'P-MANGO')!.id });
		// Variations follow the line's product (test/shopline/stock.test.ts): none before one is chosen.
		expect(await loadOptions(h, node, 'getVariations')).toEqual([]);
	});
});

describe('SHOPLINE Trigger', () => {
	const URL_HERE = 'http://127.0.0.1:5678/webhook/wf-trigger/webhook';
	const trigger = (topics: string[] = ['order/create', 'order/update']) =>
		makeNode(h, { type: 'shoplineTrigger', name: 'SHOPLINE Trigger', parameters: { topics } as never, credentials });
	const nodeData = (staticData: IDataObject) => staticData['node:SHOPLINE Trigger'] as { webhookId?: string; secret?: string };
	const subscriptions = () => [...sim.webhooks.values()];

	it('offers every documented topic, sorted by name, each with its area', () => {
		const type = h.loaded.nodes.get('n8n-nodes-asia-commerce.shoplineTrigger')!;
		const topics = type.description.properties.find((p) => p.name === 'topics')!.options as Array<{ name: string; value: string; description: string }>;
		expect(topics.map((t) => t.value).sort()).toEqual([...SHOPLINE_TOPICS].sort());
		expect(topics.map((t) => t.name)).toEqual([...topics.map((t) => t.name)].sort((a, b) => a.localeCompare(b)));
		topics.forEach((t) => expect(t.description).toMatch(/^(Customers|Orders|Payments and invoices|Delivery|Returns|Products|Categories|Points and credit|Store): /));
	});

	it('registers one subscription with a secret token in the address, and finds it again', async () => {
		const node = trigger();
		const staticData: IDataObject = {};
		expect(await webhookLifecycle(h, node, staticData, 'checkExists', URL_HERE)).toBe(false);
		expect(await webhookLifecycle(h, node, staticData, 'create', URL_HERE)).toBe(true);
		const [sub] = subscriptions();
		const { webhookId, secret } = nodeData(staticData);
		expect(sub).toMatchObject({ id: webhookId, topics: ['order/create', 'order/update'], status: 'active' });
		expect(sub.address).toBe(`${URL_HERE}?token=${secret}`);
		expect(secret!.length).toBeGreaterThanOrEqual(32);
		expect(requests().find((r) => r.method === 'POST')!.body).toEqual({ address: `${URL_HERE}?token=${secret}`, topics: ['order/create', 'order/update'] });
		expect(await webhookLifecycle(h, node, staticData, 'checkExists', URL_HERE)).toBe(true);
		expect(subscriptions()).toHaveLength(1);
	});

	it('checkExists removes orphans aimed at this workflow, keeps ours and other workflows’ subscriptions', async () => {
		const node = trigger();
		const staticData: IDataObject = {};
		await webhookLifecycle(h, node, staticData, 'create', URL_HERE);
		const ours = nodeData(staticData).webhookId!;
		// A leftover from an earlier activation whose static data was lost, and another workflow's subscription.
		const post = (address: string) =>
			fetch(`${credentials.shoplineApi.baseUrl}/webhooks`, {
				method: 'POST',
				headers: { Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}`, 'User-Agent': SHOPLINE_DEMO.userAgent, 'Content-Type': 'application/json' },
				body: JSON.stringify({ address, topics: ['order/create'] }),
			}).then((r) => r.json() as Promise<{ id: string }>);
		const orphan = await post(`${URL_HERE}?token=old-token`);
		const other = await post('http://127.0.0.1:5678/webhook/another-workflow/webhook?token=theirs');
		expect(await webhookLifecycle(h, node, staticData, 'checkExists', URL_HERE)).toBe(true);
		expect(subscriptions().map((s) => s.id).sort()).toEqual([ours, other.id].sort());
		expect(sim.webhooks.has(orphan.id)).toBe(false);
	});

	it('changed topics: the old subscription is removed and a new one made, never two', async () => {
		const staticData: IDataObject = {};
		await webhookLifecycle(h, trigger(['order/create']), staticData, 'create', URL_HERE);
		const node = trigger(['order/create', 'user/create']);
		expect(await webhookLifecycle(h, node, staticData, 'checkExists', URL_HERE)).toBe(false);
		expect(subscriptions()).toHaveLength(0);
		await webhookLifecycle(h, node, staticData, 'create', URL_HERE);
		expect(subscriptions().map((s) => s.topics)).toEqual([['order/create', 'user/create']]);
	});

	it('delete removes only its own subscription, and tolerates one already gone', async () => {
		const node = trigger();
		const staticData: IDataObject = {};
		await webhookLifecycle(h, node, staticData, 'create', URL_HERE);
		const otherData: IDataObject = {};
		await webhookLifecycle(h, trigger(['user/create']), otherData, 'create', 'http://127.0.0.1:5678/webhook/other/webhook');
		expect(subscriptions()).toHaveLength(2);
		expect(await webhookLifecycle(h, node, staticData, 'delete', URL_HERE)).toBe(true);
		expect(subscriptions().map((s) => s.id)).toEqual([nodeData(otherData).webhookId]);
		expect(nodeData(staticData).webhookId).toBeUndefined();
		// Deleted in SHOPLINE admin meanwhile: deactivating still succeeds.
		sim.webhooks.clear();
		expect(await webhookLifecycle(h, trigger(['user/create']), otherData, 'delete', 'http://127.0.0.1:5678/webhook/other/webhook')).toBe(true);
	});

	it('refuses a wrong or missing token with 401, emits a delivery once, ignores unchosen topics', async () => {
		const node = trigger();
		const staticData: IDataObject = {};
		await webhookLifecycle(h, node, staticData, 'create', URL_HERE);
		const { secret } = nodeData(staticData);
		const payload = { id: 'evt-1', topic: 'order/create', merchant_id: 'm1', resource_id: 'o1', resource: { id: 'o1' }, created_at: '2024-05-01T00:00:00.000Z' };
		const headers = { 'X-Shopline-Topic': 'order/create', 'X-Shopline-Event-Id': 'evt-1' };
		for (const query of [{}, { token: 'wrong' }, { token: `${secret}x` }] as Array<Record<string, string>>) {
			const refused = await deliver(h, node, staticData, { body: payload, headers, query });
			expect(refused.status).toBe(401);
			expect(refused.result.workflowData).toBeUndefined();
		}
		const first = await deliver(h, node, staticData, { body: payload, headers, query: { token: secret! } });
		expect(first.status).toBe(200);
		expect(first.result.workflowData?.[0].map((i) => i.json)).toEqual([payload]);
		const retried = await deliver(h, node, staticData, { body: payload, headers, query: { token: secret! } });
		expect(retried.result.workflowData).toBeUndefined();
		expect(retried.result.webhookResponse).toEqual({ received: true, duplicate: true });
		const other = await deliver(h, node, staticData, { body: { ...payload, id: 'evt-2', topic: 'user/create' }, headers: { 'X-Shopline-Topic': 'user/create', 'X-Shopline-Event-Id': 'evt-2' }, query: { token: secret! } });
		expect(other.result.workflowData).toBeUndefined();
		expect(other.result.webhookResponse).toEqual({ received: true, ignored: 'user/create' });
	});

	it('receives what SHOPLINE really sends, once, even when SHOPLINE retries the same event', async () => {
		const receiver = new SandboxServer();
		const hook = new Vendor('hook', '/hook', () => ({ status: 429 }));
		const node = trigger(['user/create']);
		const staticData: IDataObject = {};
		const emitted: unknown[] = [];
		let answered = 0;
		hook.route('POST', '/shopline', async (req) => {
			const out = await deliver(h, node, staticData, {
				body: req.body,
				rawBody: req.rawBody,
				headers: req.headers as Record<string, string>,
				query: req.query as Record<string, string>,
			});
			emitted.push(...(out.result.workflowData?.[0].map((i) => i.json) ?? []));
			// The first answer is "lost" (503), so SHOPLINE retries the same event.
			return { status: answered++ === 0 ? 503 : out.status, body: {} };
		});
		receiver.mount(hook);
		const hookBase = await receiver.start();
		try {
			sim.control({ action: 'settings', webhookRetryDelayMs: 10 });
			await webhookLifecycle(h, node, staticData, 'create', `${hookBase}/hook/shopline`);
			const { items } = await runNode(h, shopline({ resource: 'customer', operation: 'create', name: 'Hook Person', email: 'hook@example.com' }));
			await sim.idle();
			const delivery = sim.deliveries.find((d) => d.topic === 'user/create')!;
			expect(delivery.attempts.map((a) => a.status)).toEqual([503, 200]);
			expect(emitted).toHaveLength(1);
			expect(emitted[0]).toMatchObject({ topic: 'user/create', resource_id: items[0].json.id, resource: { email: 'hook@example.com' } });
		} finally {
			await receiver.stop();
		}
	});
});

describe('Map Automatically (customers)', () => {
	const posCustomer = {
		source: 'meedee',
		id: '4b1a5ef8-f4a2-4fb2-99d5-dddd1076e1bb',
		code: 'CUS-000381',
		name: 'สมหญิง ศรีสุข',
		firstName: 'สมหญิง',
		lastName: 'ศรีสุข',
		email: 'somying@example.th',
		phone: '+66812345678',
		address: { line1: '99 ถนนสุขุมวิท', line2: null, city: 'กรุงเทพมหานคร', state: null, postcode: '10110', country: 'Thailand' },
		birthday: '1991-05-01',
		tags: ['POS'],
		createdAt: null,
		updatedAt: null,
	};

	it('creates a SHOPLINE customer from a common-shape customer, phone split by country', async () => {
		const { items, error } = await runNode(h, shopline({ resource: 'customer', operation: 'create', mapping: 'auto', additionalFields: { send_notification: false } }), [posCustomer]);
		expect(error).toBeUndefined();
		const sent = requests().find((r) => r.method === 'POST')!.body as Record<string, unknown>;
		expect(sent).toMatchObject({
			name: 'สมหญิง ศรีสุข',
			email: 'somying@example.th',
			mobile_phone_country_calling_code: '66',
			birthday: '1991-05-01',
			tags: ['POS'],
			memo: 'From MeeDee POS (CUS-000381)',
			send_notification: false,
			delivery_addresses: [{ recipient_name: 'สมหญิง ศรีสุข', address_1: '99 ถนนสุขุมวิท', city: 'กรุงเทพมหานคร', postcode: '10110', country: 'Thailand' }],
		});
		expect(String(sent.mobile_phone).replace(/^0/, '')).toBe('812345678');
		expect(items[0].json.email).toBe('somying@example.th');
	});

	it('Create or Update finds the same customer again and updates it', async () => {
		const first = await runNode(h, shopline({ resource: 'customer', operation: 'createOrUpdate', mapping: 'auto', additionalFields: { send_notification: false } }), [{ ...posCustomer, email: 'again@example.th' }]);
		expect(first.items[0].json.action).toBe('created');
		const second = await runNode(h, shopline({ resource: 'customer', operation: 'createOrUpdate', mapping: 'auto' }), [{ ...posCustomer, email: 'again@example.th', tags: ['POS', 'VIP'] }]);
		expect(second.items[0].json.action).toBe('updated');
		expect((second.items[0].json.customer as { id: string }).id).toBe((first.items[0].json.customer as { id: string }).id);
	});
});

describe('Create or Update with Concurrency', () => {
	it('two items for the same new customer in one run: one creates, the other updates it (no duplicate); others run alongside', async () => {
		const before = sim.customers.size;
		const inputs = [
			{ name: 'Pim Twin', email: 'twin@example.th' },
			{ name: 'Other One', email: 'other1@example.th' },
			{ name: 'Pim Twin Again', email: 'TWIN@example.th' },
			{ name: 'Other Two', email: 'other2@example.th' },
		];
		const { items, error } = await runNode(
			h,
			shopline({ resource: 'customer', operation: 'createOrUpdate', name: '={{ $json.name }}', email: '={{ $json.email }}', options: { concurrency: 4 } }),
			inputs,
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.action)).toEqual(['created', 'created', 'updated', 'created']);
		expect(sim.customers.size).toBe(before + 3);
		expect((items[2].json.customer as { id: string }).id).toBe((items[0].json.customer as { id: string }).id);
	});
});

describe('Map Automatically (orders and customer updates)', () => {
	const variationProduct = () => [...sim.products.values()].find((p) => p.variations.length)!;
	const plainProduct = () => [...sim.products.values()].find((p) => !p.variations.length && !p.priceSaleCents)!;

	it('creates an order from a common-shape order, matching lines to products and variations by SKU at today’s price', async () => {
		const withSizes = variationProduct();
		const large = withSizes.variations[1];
		const plain = plainProduct();
		const order = {
			source: 'meedee', id: 's1', number: 'R-000123', date: '2026-11-21T12:00:00+07:00', status: 'completed',
			customer: { id: null, code: null, name: 'Somchai', email: 'walkin.buyer@example.com', phone: '+66812345678' },
			lines: [
				{ sku: large.sku, name: 'x', quantity: 2, unitPrice: 1, discount: null, total: null },
				{ sku: plain.sku, name: 'y', quantity: 1, unitPrice: 1, discount: null, total: null },
			],
			subtotal: null, discount: null, tax: null, shipping: null, total: 999, currency: 'THB', createdAt: null, updatedAt: null,
		};
		const { items, error } = await runNode(
			h,
			shopline({
				resource: 'order',
				operation: 'create',
				mapping: 'auto',
				delivery_option_id: DELIVERY_OPTIONS[0].id,
				payment_method_id: PAYMENT_METHODS[0].id,
				delivery_address: { values: { recipient_name: 'Somchai', address_1: '1 Sukhumvit Rd', city: 'Bangkok', country: 'Thailand' } },
			}),
			[order],
		);
		expect(error).toBeUndefined();
		const sent = requests().find((r) => r.method === 'POST')!.body as { order: Record<string, unknown> };
		expect(sent.order).toMatchObject({
			customer_email: 'walkin.buyer@example.com',
			total: 999,
			order_remarks: 'MeeDee POS order R-000123',
			items: [
				{ item_type: 'Product', item_id: withSizes.id, variation_id: large.id, item_price: large.priceCents / 100, quantity: 2 },
				{ item_type: 'Product', item_id: plain.id, item_price: plain.priceCents / 100, quantity: 1 },
			],
		});
		expect(items[0].json.id).toBeDefined();
	});

	it('reads the catalogue once per run for all its orders, and afresh in the next run', async () => {
		const [product] = [...sim.products.values()].filter((p) => p.variations.length === 0);
		const order = { source: 'venio', id: 'o', number: 'SO-9', lines: [{ sku: product.sku, name: null, quantity: 1, unitPrice: null, discount: null, total: null }], customer: { id: null, code: null, name: null, email: 'a@example.com', phone: null }, total: 10 };
		const node = shopline({ resource: 'order', operation: 'create', mapping: 'auto', delivery_option_id: DELIVERY_OPTIONS[0].id, payment_method_id: PAYMENT_METHODS[0].id, delivery_address: { values: { recipient_name: 'A', address_1: 'x', city: 'y', country: 'Thailand' } } });
		const catalogueReads = () => requests().filter((r) => r.method === 'GET' && r.path === '/v1/products').length;
		const first = await runNode(h, node, [order, { ...order, id: 'o2' }, { ...order, id: 'o3' }]);
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(3);
		expect(catalogueReads()).toBe(1);
		await runNode(h, node, [order]);
		expect(catalogueReads()).toBe(2);
	});

	it('names the line whose SKU SHOPLINE does not sell, before creating anything', async () => {
		const before = sim.orders.size;
		const order = { source: 'venio', id: 'x', number: 'SO-1', lines: [{ sku: 'NOT-SOLD-HERE', name: null, quantity: 1, unitPrice: null, discount: null, total: null }], customer: { id: null, code: null, name: null, email: 'a@example.com', phone: null }, total: 10 };
		const { error } = await runNode(
			h,
			shopline({ resource: 'order', operation: 'create', mapping: 'auto', delivery_option_id: DELIVERY_OPTIONS[0].id, payment_method_id: PAYMENT_METHODS[0].id, delivery_address: { values: { recipient_name: 'A', address_1: 'x', city: 'y', country: 'Thailand' } } }),
			[order],
		);
		expect(error?.message).toMatch(/^Item 1 \(SO-1\): "Items › 1 › Product"/);
		expect(sim.orders.size).toBe(before);
	});

	it('updates a customer from a common-shape customer, leaving out create-only fields', async () => {
		const c = seededCustomer(3);
		const { error } = await runNode(h, shopline({ resource: 'customer', operation: 'update', customerId: c.id, mapping: 'auto' }), [
			{ source: 'venio', id: 'v1', code: 'C000001', name: 'Renamed From Venio', email: null, phone: null, address: null, birthday: null, tags: ['CRM'] },
		]);
		expect(error).toBeUndefined();
		const sent = requests().find((r) => r.method === 'PUT')!.body as Record<string, unknown>;
		expect(sent).toEqual({ name: 'Renamed From Venio', tags: ['CRM'], memo: 'From Venio CRM (C000001)' });
		expect(sim.customers.get(c.id)?.name).toBe('Renamed From Venio');
	});
});
