/**
 * The MeeDee POS node inside real n8n-core (WorkflowExecute), against the MeeDee simulator:
 * token handling, cursor paging, PII by scope, 30-day sales windows, every resource's requests
 * and outputs, dropdowns, and errors.
 */
import { Workflow, type IDataObject } from 'n8n-workflow';

import { MEEDEE_BRANCHES, MEEDEE_DEMO, MEEDEE_DEMO_NO_PII, type MeeDeeApplication } from '../../sandbox/meedee';
import { dateInZone } from '../../nodes/shared/dates';
import { commonCustomerSchema, commonOrderSchema } from '../../nodes/shared/shapes';
import { loadOptions, makeNode, runNode } from '../harness/n8n';
import { intercept, startReceiver, useMeeDee, utcDay } from './setup';

const env = useMeeDee();
/** The workflow runs in Asia/Bangkok: a record's day is its Bangkok day. */
const bangkokDay = (at: unknown) => dateInZone(new Date(String(at)), 'Asia/Bangkok');
const [BRANCH_A, BRANCH_B] = MEEDEE_BRANCHES.map((b) => b.id);
const PII = ['phone', 'email', 'date_of_birth', 'address', 'city', 'state', 'postal_code', 'country', 'tax_id'];

function meedee(parameters: Record<string, unknown>, app: MeeDeeApplication = MEEDEE_DEMO, continueOnFail = false) {
	return { type: 'meeDeePos', parameters: parameters as never, credentials: env.credentialsFor(app), continueOnFail };
}

/** API requests (token endpoint excluded) with their query, in order. */
const apiCalls = () => env.server.requests('meedee').filter((r) => !r.path.endsWith('/oauth/token'));

describe('Token', () => {
	it('asks for ONE token for a whole Return All over many pages', async () => {
		const updatesBefore = env.h.credentialsHelper.tokenUpdates;
		const { items, error } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, options: { pageSize: 10 } }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(120);
		expect(apiCalls()).toHaveLength(12);
		expect(env.sim.tokenRequests).toBe(1);
		expect(env.h.credentialsHelper.tokenUpdates - updatesBefore).toBe(1);
		// the token request is the documented form POST, and every API call carries the Bearer token
		const tokenCall = env.server.requests('meedee')[0];
		expect(tokenCall).toMatchObject({ method: 'POST', path: '/api/partner/v1/oauth/token' });
		expect(tokenCall.headers['content-type']).toContain('application/x-www-form-urlencoded');
		expect(apiCalls().every((r) => r.headers.authorization?.startsWith('Be****'))).toBe(true);
	});

	it('reuses the cached token in the next execution', async () => {
		await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 1 }));
		await runNode(env.h, meedee({ resource: 'supplier', operation: 'getMany', limit: 1 }));
		expect(env.sim.tokenRequests).toBe(1);
	});

	it('renews a token that expires in the middle of a Return All, without failing', async () => {
		const restore = intercept(env.sim, 'GET', '/customers', (req, original, call) => {
			if (call === 3) env.sim.issuer.expireAll(); // MeeDee revokes every token before page 3
			return original(req);
		});
		try {
			const { items, error } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', returnAll: true, options: { pageSize: 25 } }));
			expect(error).toBeUndefined();
			expect(items.map((i) => i.json.id)).toEqual(env.sim.customers.map((c) => c.data.id));
			expect(env.sim.tokenRequests).toBe(2);
			expect(apiCalls().map((r) => r.status)).toEqual([200, 200, 401, 200, 200, 200]);
		} finally {
			restore();
		}
	});

	it('explains a refused client secret without showing it', async () => {
		const wrong = { ...MEEDEE_DEMO, clientSecret: 'msk_wrong_secret_value' };
		const { error } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 1 }, wrong));
		expect(error?.message).toMatch(/MeeDee POS refused the token request \(401\) \[invalid_client\]: Client authentication failed/);
		expect(JSON.stringify(error)).not.toContain('msk_wrong_secret_value');
		expect(apiCalls()).toHaveLength(0);
	});

	it('refuses a Client ID without the meed_ prefix before any request', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 1 }, { ...MEEDEE_DEMO, clientId: 'abc123' }));
		expect(error?.message).toMatch(/Client ID must start with meed_/);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

	it('accepts a Base URL pasted with the API path and a trailing slash', async () => {
		const credentials = env.credentialsFor(MEEDEE_DEMO, { baseUrl: `${env.base}/api/partner/v1/` });
		const { items, error } = await runNode(env.h, { type: 'meeDeePos', parameters: { resource: 'supplier', operation: 'getMany', limit: 2 } as never, credentials });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
	});

	it.each([
		['the host only', ''],
		['the full API address', '/api/partner/v1/'],
	])('credential test request works with %s as Base URL', async (_title, suffix) => {
		const credential = env.h.loaded.credentials.get('meeDeePosApi')!;
		const request = credential.test!.request;
		const workflow = new Workflow({ nodes: [], connections: {}, active: false, nodeTypes: env.h.nodeTypes });
		const node = makeNode(env.h, { type: 'meeDeePos', parameters: {} as never });
		const baseURL = workflow.expression.getSimpleParameterValue(node, request.baseURL!, 'internal', { $credentials: { baseUrl: env.base + suffix } } as never, undefined, '');
		const token = await fetch(`${env.base}/api/partner/v1/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'client_credentials', client_id: MEEDEE_DEMO.clientId, client_secret: MEEDEE_DEMO.clientSecret }),
		}).then(async (r) => ((await r.json()) as IDataObject).access_token);
		const res = await fetch(`${String(baseURL)}${request.url}?limit=${String((request.qs as IDataObject).limit)}`, { headers: { authorization: `Bearer ${String(token)}` } });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { data: unknown[] }).data).toHaveLength(1);
	});
});

describe('Customer → Get Many', () => {
	it('walks the cursor over many pages in order, without duplicates', async () => {
		const { items, error } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, options: { pageSize: 7 } }));
		expect(error).toBeUndefined();
		const ids = items.map((i) => i.json.id);
		expect(ids).toEqual(env.sim.customers.map((c) => c.data.id));
		expect(new Set(ids).size).toBe(120);
		const calls = apiCalls();
		expect(calls).toHaveLength(18);
		expect(calls[0].query).toEqual({ limit: '7' });
		expect(calls.slice(1).every((c) => typeof c.query.cursor === 'string' && c.query.limit === '7')).toBe(true);
	});

	it('stops at the Limit, asking only for what is still missing', async () => {
		const { items } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 25, options: { pageSize: 10 } }));
		expect(items).toHaveLength(25);
		expect(apiCalls().map((c) => c.query.limit)).toEqual(['10', '10', '5']);
	});

	it('sends every documented filter and returns what MeeDee matched', async () => {
		const tier = String(env.sim.customers.find((c) => c.data.membership_tier_id && c.data.is_active === false)!.data.membership_tier_id);
		const { items, error } = await runNode(
			env.h,
			meedee({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, filters: { is_active: false, membership_tier_id: tier, q: 'cus-0000' } }),
		);
		expect(error).toBeUndefined();
		expect(apiCalls()[0].query).toEqual({ is_active: 'false', membership_tier_id: tier, q: 'cus-0000', limit: '200' });
		const expected = env.sim.customers
			.map((c) => c.data)
			.filter((c) => c.is_active === false && c.membership_tier_id === tier && String(c.customer_code).toLowerCase().includes('cus-0000'));
		expect(expected.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.id)).toEqual(expected.map((c) => c.id));
	});

	it.each([
		['a search of 256 characters', { q: 'ก'.repeat(256) }, 'Item 1: "Search" must be at most 255 characters'],
		['a tier that is not an ID', { membership_tier_id: 'gold' }, 'Item 1: "Membership Tier ID" must be a MeeDee ID'],
	])('refuses %s before any request', async (_title, filters, message) => {
		const { error } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 5, filters }));
		expect(error?.message).toContain(message);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

	it('accepts a search of exactly 255 characters', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 5, filters: { q: 'a'.repeat(255) } }));
		expect(error).toBeUndefined();
		expect(String(apiCalls()[0].query.q)).toHaveLength(255);
	});

	it('keeps PII keys absent (not null) in raw output when the application lacks read:customers:pii', async () => {
		const withPii = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 20, simplify: false }, MEEDEE_DEMO));
		const withoutPii = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 20, simplify: false }, MEEDEE_DEMO_NO_PII));
		for (const item of withPii.items) expect(Object.keys(item.json)).toEqual(expect.arrayContaining(PII));
		for (const item of withoutPii.items) for (const key of PII) expect(key in item.json).toBe(false);
		// the same customers otherwise
		expect(withoutPii.items.map((i) => i.json.id)).toEqual(withPii.items.map((i) => i.json.id));
	});

	it.each([
		['with read:customers:pii', MEEDEE_DEMO, true],
		['without read:customers:pii', MEEDEE_DEMO_NO_PII, false],
	])('Simplify gives the common customer shape %s', async (_title, app, pii) => {
		const { items } = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 30 }, app));
		const raw = env.sim.customers.slice(0, 30).map((c) => c.data);
		items.forEach((item, n) => {
			const c = commonCustomerSchema.parse(item.json);
			const r = raw[n];
			expect(c).toMatchObject({ source: 'meedee', id: r.id, code: r.customer_code, name: r.full_name, firstName: r.first_name, tags: [], createdAt: r.created_at });
			expect(item.json.extra).toMatchObject({ totalSpent: r.total_spent, membershipTierId: r.membership_tier_id, totalPoints: r.total_points });
			if (!pii) {
				expect(c).toMatchObject({ email: null, phone: null, address: null, birthday: null });
				return;
			}
			expect(c.email).toBe(r.email);
			if (r.phone) expect(c.phone).toMatch(/^\+(66|84|886|852)\d{8,10}$/);
			if (r.date_of_birth) expect(c.birthday).toBe(String(r.date_of_birth).slice(0, 10));
			expect(c.address).toMatchObject({ line1: r.address, city: r.city, postcode: r.postal_code, country: r.country });
		});
	});

	it('keeps decimal amounts as exact text by default and converts them on request', async () => {
		const exact = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 5, simplify: false }));
		const numbers = await runNode(env.h, meedee({ resource: 'customer', operation: 'getMany', limit: 5, simplify: false, options: { convertAmounts: true } }));
		exact.items.forEach((item, n) => {
			expect(typeof item.json.total_spent).toBe('string');
			expect(numbers.items[n].json.total_spent).toBe(Number(item.json.total_spent));
			// codes made of digits are not amounts
			expect(numbers.items[n].json.membership_number).toBe(item.json.membership_number);
		});
	});
});

describe('Sale', () => {
	const saleDay = (s: IDataObject) => bangkokDay(s.sold_at);
	const salesBetween = (from: string, to: string) => env.sim.sales.map((s) => s.data).filter((s) => saleDay(s) >= from && saleDay(s) <= to);
	const salesCalls = () => apiCalls().filter((c) => c.path === '/api/partner/v1/sales');

	it('splits a 75-day range into windows of 30 of MeeDee’s days, walks each with the cursor, in order, with no gap or overlap', async () => {
		env.sim.control({ action: 'configure', salesMaxLookbackDays: 90 });
		const from = utcDay(-75);
		const to = utcDay(-1);
		const { items, error } = await runNode(
			env.h,
			meedee({ resource: 'sale', operation: 'getMany', fromDate: from, toDate: to, returnAll: true, simplify: false, options: { maxLookbackDays: 90, pageSize: 50 } }),
		);
		expect(error).toBeUndefined();
		const windows = [...new Map(salesCalls().map((c) => [`${String(c.query.from)}..${String(c.query.to)}`, c.query])).values()];
		// MeeDee's days are UTC days [INF]: Bangkok's days from..to start at 17:00 UTC the day before.
		expect(windows.map((w) => [w.from, w.to])).toEqual([
			[utcDay(-76), utcDay(-47)],
			[utcDay(-46), utcDay(-17)],
			[utcDay(-16), to],
		]);
		// more than one page per window, and the cursor only within a window
		expect(salesCalls().length).toBeGreaterThan(3);
		const expected = salesBetween(from, to);
		expect(expected.length).toBeGreaterThan(70 * 6);
		expect(items.map((i) => i.json.id)).toEqual(expected.map((s) => s.id));
	});

	it('refuses a From Date older than MeeDee allows, before any request', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'sale', operation: 'getMany', fromDate: utcDay(-45), toDate: utcDay(-1), returnAll: true }));
		expect(error?.message).toMatch(new RegExp(`^Item 1: "From Date" ${utcDay(-45)} is \\d+ day\\(s\\) older than MeeDee POS allows`));
		expect(error?.description).toMatch(/last 30 days only/);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

	it.each([
		['From after To', { fromDate: utcDay(-2), toDate: utcDay(-5) }, /"From Date" \(.+\) is after "To Date"/],
		['a date that does not exist', { fromDate: '2026-02-30' }, /"From Date" must be a date written YYYY-MM-DD/],
		['a branch that is not an ID', { filters: { branch_id: 'SIAM' } }, /"Branch IDs › 1" must be a MeeDee ID/],
	])('refuses %s before any request', async (_title, params, message) => {
		const { error } = await runNode(env.h, meedee({ resource: 'sale', operation: 'getMany', limit: 5, ...params }));
		expect(error?.message).toMatch(message);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

	it('defaults to the whole allowed range and keeps a date given with a +07:00 time on its own day', async () => {
		const all = await runNode(env.h, meedee({ resource: 'sale', operation: 'getMany', returnAll: true }));
		expect(all.error).toBeUndefined();
		const calls = salesCalls().map((c) => c.query);
		expect([utcDay(-30), utcDay(-29)]).toContain(calls[0].from);
		expect(calls[calls.length - 1].to).toBe(new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Bangkok' }));
		env.server.log.length = 0;
		// 00:30 in Bangkok is still the previous day in UTC: the calendar date must not move (the Bangkok
		// day runs from 17:00 UTC the day before, so MeeDee is asked for both of its days)
		await runNode(env.h, meedee({ resource: 'sale', operation: 'getMany', limit: 1, fromDate: `${utcDay(-3)}T00:30:00+07:00`, toDate: utcDay(-3) }));
		expect(salesCalls()[0].query).toMatchObject({ from: utcDay(-4), to: utcDay(-3) });
	});

	it('filters by branch (sent as repeated branch_id, not branch_id[]) and status', async () => {
		const { items } = await runNode(
			env.h,
			meedee({ resource: 'sale', operation: 'getMany', fromDate: utcDay(-10), toDate: utcDay(-1), returnAll: true, simplify: false, filters: { branch_id: BRANCH_B, status: 'voided' } }),
		);
		expect(salesCalls()[0].query).toMatchObject({ branch_id: BRANCH_B, status: 'voided' });
		const expected = salesBetween(utcDay(-10), utcDay(-1)).filter((s) => s.branch_id === BRANCH_B && s.status === 'voided');
		expect(items.map((i) => i.json.id)).toEqual(expected.map((s) => s.id));
		env.server.log.length = 0;
		const both = await runNode(env.h, meedee({ resource: 'sale', operation: 'getMany', fromDate: utcDay(-3), toDate: utcDay(-1), returnAll: true, filters: { branch_id: `${BRANCH_A}, ${BRANCH_B}` } }));
		expect(salesCalls()[0].query.branch_id).toEqual([BRANCH_A, BRANCH_B]);
		expect(both.items).toHaveLength(salesBetween(utcDay(-3), utcDay(-1)).length);
	});

	it('attaches each sale’s items with Include Items, and Simplify fills the order lines', async () => {
		const params = { resource: 'sale', operation: 'getMany', fromDate: utcDay(-2), toDate: utcDay(-1), limit: 4, options: { includeItems: true } };
		const raw = await runNode(env.h, meedee({ ...params, simplify: false }));
		expect(raw.error).toBeUndefined();
		expect(apiCalls().filter((c) => c.path.endsWith('/items')).map((c) => c.path)).toEqual(raw.items.map((i) => `/api/partner/v1/sales/${String(i.json.id)}/items`));
		const simple = await runNode(env.h, meedee({ ...params, simplify: true }));
		expect(simple.items).toHaveLength(4);
		simple.items.forEach((item, n) => {
			const sale = raw.items[n].json;
			const lines = sale.items as IDataObject[];
			expect(lines.length).toBeGreaterThan(0);
			expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(['discount_amount', 'tax_amount', 'line_total', 'unit_price']));
			const order = commonOrderSchema.parse(item.json);
			expect(order).toMatchObject({ source: 'meedee', id: sale.id, number: sale.receipt_no, date: sale.sold_at, status: sale.status, total: Number(sale.total), currency: 'THB' });
			expect(order.customer.id).toBe(sale.customer_id);
			expect(item.json.extra).toMatchObject({ branchId: sale.branch_id, serviceCharge: Number(sale.service_charge), paymentMethod: sale.payment_method });
			expect(order.lines).toEqual(
				lines.map((l) => ({ sku: l.sku_code, name: l.sku_name, quantity: Number(l.quantity), unitPrice: Number(l.unit_price), discount: Number(l.discount_amount), total: Number(l.line_total) })),
			);
		});
	});

	it('Get Items lists one sale’s lines as separate items, amounts exact or as numbers', async () => {
		const sale = env.sim.sales[env.sim.sales.length - 1].data;
		const exact = await runNode(env.h, meedee({ resource: 'sale', operation: 'getItems', saleId: sale.id }));
		const numbers = await runNode(env.h, meedee({ resource: 'sale', operation: 'getItems', saleId: sale.id, options: { convertAmounts: true } }));
		expect(exact.items.length).toBeGreaterThan(0);
		exact.items.forEach((item, n) => {
			expect(typeof item.json.line_total).toBe('string');
			expect(numbers.items[n].json).toMatchObject({ line_total: Number(item.json.line_total), quantity: Number(item.json.quantity), sku_code: item.json.sku_code });
		});
	});

	it('Get Items names the field when the Sale ID is not an ID', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'sale', operation: 'getItems', saleId: 'SIAM-20260101-00001' }));
		expect(error?.message).toMatch(/^Item 1: "Sale ID" must be a MeeDee ID/);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

});

describe('Product, inventory, purchasing, suppliers', () => {
	const data = (rows: { data: IDataObject }[]) => rows.map((r) => r.data);
	const supplierId = () => String(env.sim.suppliers[0].data.id);
	const skuId = () => String(((env.sim.products[0].data.skus as IDataObject[])[0]).id);

	it.each([
		['products on sale', 'product', 'getMany', { is_active: true }, '/products', { is_active: 'true' }, () => data(env.sim.products).filter((p) => p.is_active === true)],
		['products by search (Thai script)', 'product', 'getMany', { q: 'ชา' }, '/products', { q: 'ชา' }, () => data(env.sim.products).filter((p) => JSON.stringify([p.name, p.product_code, (p.skus as IDataObject[]).map((s) => s.sku_code)]).toLowerCase().includes('ชา'))],
		['stock levels of one branch, low stock', 'inventory', 'getLevels', { branch_id: BRANCH_A, low_stock: true }, '/inventory', { branch_id: BRANCH_A, low_stock: 'true' }, () => data(env.sim.inventory).filter((l) => l.branch_id === BRANCH_A && Number(l.quantity_on_hand) <= Number(l.reorder_point))],
		['stock levels of one SKU', 'inventory', 'getLevels', { product_sku_id: '@sku' }, '/inventory', { product_sku_id: '@sku' }, () => data(env.sim.inventory).filter((l) => l.product_sku_id === skuId())],
		['purchase movements', 'inventory', 'getMovements', { movement_type: 'purchase', branch_id: BRANCH_B }, '/inventory/movements', { movement_type: 'purchase', branch_id: BRANCH_B }, () => data(env.sim.movements).filter((m) => m.movement_type === 'purchase' && m.branch_id === BRANCH_B)],
		// Bangkok days (the workflow's), asked as MeeDee's UTC days around them and trimmed by created_at
		['movements between two dates', 'inventory', 'getMovements', { from: utcDay(-20), to: utcDay(-10) }, '/inventory/movements', { from: utcDay(-21), to: utcDay(-10) }, () => data(env.sim.movements).filter((m) => bangkokDay(m.created_at) >= utcDay(-20) && bangkokDay(m.created_at) <= utcDay(-10))],
		['received purchase orders', 'purchaseOrder', 'getMany', { status: 'RECEIVED' }, '/purchase-orders', { status: 'RECEIVED' }, () => data(env.sim.purchaseOrders).filter((p) => p.status === 'RECEIVED')],
		['purchase orders of one supplier', 'purchaseOrder', 'getMany', { supplier_id: '@supplier' }, '/purchase-orders', { supplier_id: '@supplier' }, () => data(env.sim.purchaseOrders).filter((p) => p.supplier_id === supplierId())],
		['active suppliers', 'supplier', 'getMany', { status: 'ACTIVE' }, '/suppliers', { status: 'ACTIVE' }, () => data(env.sim.suppliers).filter((s) => s.status === 'ACTIVE')],
		['suppliers by search', 'supplier', 'getMany', { q: 'co' }, '/suppliers', { q: 'co' }, () => data(env.sim.suppliers).filter((s) => `${String(s.name)} ${String(s.supplier_code)}`.toLowerCase().includes('co'))],
	])('%s', async (_title, resource, operation, rawFilters, path, query, expected) => {
		const swap = (o: IDataObject) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === '@sku' ? skuId() : v === '@supplier' ? supplierId() : v]));
		const { items, error } = await runNode(env.h, meedee({ resource, operation, returnAll: true, filters: swap(rawFilters), options: { pageSize: 20 } }));
		expect(error).toBeUndefined();
		const first = apiCalls()[0];
		expect(first.path).toBe(`/api/partner/v1${path}`);
		expect(first.query).toEqual({ ...swap(query), limit: '20' });
		const want = expected();
		expect(want.length).toBeGreaterThan(0);
		expect(items.map((i) => i.json.id)).toEqual(want.map((r) => r.id));
	});

	it('Limit applies across pages of any list', async () => {
		const { items } = await runNode(env.h, meedee({ resource: 'inventory', operation: 'getMovements', limit: 45, options: { pageSize: 20 } }));
		expect(items.map((i) => i.json.id)).toEqual(data(env.sim.movements).slice(0, 45).map((m) => m.id));
		expect(apiCalls().map((c) => c.query.limit)).toEqual(['20', '20', '5']);
	});

	it('refuses movements From after To before any request', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'inventory', operation: 'getMovements', limit: 5, filters: { from: utcDay(-1), to: utcDay(-9) } }));
		expect(error?.message).toBe('Item 1: "From Date" must not be after To Date');
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

	it('Purchase Order → Get Items returns the order’s lines', async () => {
		const po = env.sim.purchaseOrders[3].data;
		const { items, error } = await runNode(env.h, meedee({ resource: 'purchaseOrder', operation: 'getItems', purchaseOrderId: po.id, options: { convertAmounts: true } }));
		expect(error).toBeUndefined();
		expect(apiCalls()[0].path).toBe(`/api/partner/v1/purchase-orders/${String(po.id)}/items`);
		expect(items.length).toBeGreaterThan(0);
		const total = items.reduce((sum, i) => sum + Number(i.json.line_total), 0);
		expect(total).toBeCloseTo(Number(po.subtotal), 2);
		expect(typeof items[0].json.quantity).toBe('number');
	});
});

describe('Report', () => {
	it('Sales Summary for a branch and dates, exact amounts', async () => {
		const { items, error } = await runNode(env.h, meedee({ resource: 'report', operation: 'salesSummary', branch_id: BRANCH_A, filters: { from: utcDay(-7), to: utcDay(-1) } }));
		expect(error).toBeUndefined();
		expect(apiCalls()[0].query).toEqual({ branch_id: BRANCH_A, from: utcDay(-7), to: utcDay(-1) });
		const sales = env.sim.sales.map((s) => s.data).filter((s) => s.branch_id === BRANCH_A && s.status !== 'voided' && String(s.sold_at).slice(0, 10) >= utcDay(-7) && String(s.sold_at).slice(0, 10) <= utcDay(-1));
		expect(items[0].json).toMatchObject({ branch_id: BRANCH_A, total_orders: sales.length });
		expect(typeof items[0].json.total_revenue).toBe('string');
		expect(Number(items[0].json.total_revenue)).toBeCloseTo(sales.reduce((n, s) => n + Number(s.total), 0), 2);
	});

	it('Inventory Summary converts amounts on request', async () => {
		const { items, error } = await runNode(env.h, meedee({ resource: 'report', operation: 'inventorySummary', branch_id: BRANCH_B, options: { convertAmounts: true } }));
		expect(error).toBeUndefined();
		expect(apiCalls()[0].query).toEqual({ branch_id: BRANCH_B });
		const levels = env.sim.inventory.map((l) => l.data).filter((l) => l.branch_id === BRANCH_B);
		expect(items[0].json).toMatchObject({ branch_id: BRANCH_B, total_skus: levels.length });
		expect(typeof items[0].json.total_stock_value).toBe('number');
	});

	it('names the Branch ID when it is not an ID', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'report', operation: 'inventorySummary', branch_id: 'CNX' }));
		expect(error?.message).toMatch(/^Item 1: "Branch ID" must be a MeeDee ID/);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});
});

describe('Dropdowns', () => {
	const node = () => makeNode(env.h, { type: 'meeDeePos', parameters: { resource: 'purchaseOrder', operation: 'getMany' } as never, credentials: env.credentialsFor() });

	it('lists suppliers and product SKUs from MeeDee, sorted by name', async () => {
		const suppliers = await loadOptions(env.h, node(), 'getSuppliers');
		expect(suppliers.map((o) => o.value).sort()).toEqual(env.sim.suppliers.map((s) => String(s.data.id)).sort());
		expect(suppliers.map((o) => o.name)).toEqual([...suppliers.map((o) => o.name)].sort((a, b) => a.localeCompare(b)));
		const skus = await loadOptions(env.h, node(), 'getProductSkus');
		const simSkus = env.sim.products.flatMap((p) => (p.data.skus as IDataObject[]).map((s) => s));
		expect(skus).toHaveLength(simSkus.length);
		expect(skus.find((o) => o.value === simSkus[0].id)?.name).toBe(`${String(simSkus[0].sku_name)} [${String(simSkus[0].sku_code)}]`);
	});

	it('every Name or ID field points at a method the node has', () => {
		const type = env.h.loaded.nodes.get('n8n-nodes-asia-commerce.meeDeePos')!;
		const methods = Object.keys(type.methods!.loadOptions!);
		const used = JSON.stringify(type.description.properties).match(/"loadOptionsMethod":"(\w+)"/g)!.map((m) => m.split('"')[3]);
		expect(new Set(used)).toEqual(new Set(methods));
	});
});

describe('Webhook (managed by hand)', () => {
	it('creates, lists, reads, updates, pings, shows deliveries and deletes a subscription', async () => {
		const received: IDataObject[] = [];
		const receiver = await startReceiver(({ body }) => {
			received.push(body);
			return 200;
		});
		try {
			const created = await runNode(env.h, meedee({ resource: 'webhook', operation: 'create', endpoint_url: receiver.url, events: ['sale.created', 'customer.updated'], additionalFields: { description: 'CRM sync' } }));
			expect(created.error).toBeUndefined();
			const id = String(created.items[0].json.id);
			expect(created.items[0].json).toMatchObject({ endpoint_url: receiver.url, events: ['sale.created', 'customer.updated'], description: 'CRM sync', is_active: true });
			expect(String(created.items[0].json.secret)).toMatch(/^whsec_/); // shown once: the receiver needs it
			expect(env.sim.webhooks).toHaveLength(1);

			const options = await loadOptions(env.h, makeNode(env.h, { type: 'meeDeePos', parameters: {} as never, credentials: env.credentialsFor() }), 'getWebhooks');
			expect(options).toEqual([{ name: 'CRM sync', value: id, description: `${receiver.url} → sale.created, customer.updated` }]);

			const list = await runNode(env.h, meedee({ resource: 'webhook', operation: 'getMany', returnAll: true }));
			expect(list.items.map((i) => i.json.id)).toEqual([id]);
			const got = await runNode(env.h, meedee({ resource: 'webhook', operation: 'get', webhookId: id }));
			expect(got.items[0].json).toMatchObject({ id, endpoint_url: receiver.url });
			expect(got.items[0].json.secret).toBeUndefined();

			const updated = await runNode(env.h, meedee({ resource: 'webhook', operation: 'update', webhookId: id, updateFields: { events: ['sale.voided'], is_active: false } }));
			expect(updated.error).toBeUndefined();
			expect(env.server.requests('meedee').find((r) => r.method === 'PATCH')?.body).toEqual({ events: ['sale.voided'], is_active: false });
			expect(env.sim.webhooks[0].data).toMatchObject({ events: ['sale.voided'], is_active: false });

			const ping = await runNode(env.h, meedee({ resource: 'webhook', operation: 'ping', webhookId: id }));
			expect(ping.items[0].json).toMatchObject({ webhook_id: id, delivered: true, response_status: 200 });
			expect(received[0]).toMatchObject({ event: 'ping' });

			const deliveries = await runNode(env.h, meedee({ resource: 'webhook', operation: 'getDeliveries', webhookId: id, returnAll: true }));
			expect(deliveries.items.map((d) => d.json)).toEqual([expect.objectContaining({ webhook_id: id, event: 'ping', status: 'delivered' })]);

			const deleted = await runNode(env.h, meedee({ resource: 'webhook', operation: 'delete', webhookId: id }));
			expect(deleted.items[0].json).toEqual({ id, deleted: true });
			expect(env.sim.webhooks).toHaveLength(0);
		} finally {
			await receiver.stop();
		}
	});

	it.each([
		['an address that is not a URL', { endpoint_url: 'example.com/hook', events: ['sale.created'] }, /"Endpoint URL" must be a full address/],
		['no events (from an expression)', { endpoint_url: 'https://example.com/hook', events: '={{ [] }}' }, /"Events" needs at least one event/],
	])('refuses %s before any request', async (_title, params, message) => {
		const { error } = await runNode(env.h, meedee({ resource: 'webhook', operation: 'create', ...params }));
		expect(error?.message).toMatch(message);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

	it('Update without any field says so', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'webhook', operation: 'update', webhookId: 'abc', updateFields: {} }));
		expect(error?.message).toBe('Item 1 (webhook abc): add at least one field under "Update Fields"');
	});

	it('does not repeat a create after a 503 (no duplicate subscription)', async () => {
		env.sim.setFaults({ next5xx: 1, pathFilter: '/webhooks' });
		const { error } = await runNode(env.h, meedee({ resource: 'webhook', operation: 'create', endpoint_url: 'https://example.com/hook', events: ['sale.created'] }));
		expect(error?.description).toMatch(/not repeated automatically/);
		expect(env.server.requests('meedee').filter((r) => r.method === 'POST' && r.path.endsWith('/webhooks'))).toHaveLength(1);
	});
});

describe('Errors', () => {
	it('explains a missing scope with MeeDee’s code and words', async () => {
		env.sim.control({ action: 'addApplication', clientId: 'meed_customers_only', clientSecret: 'msk_customers_only', scopes: ['read:customers'] });
		const app = { name: 'x', clientId: 'meed_customers_only', clientSecret: 'msk_customers_only', scopes: [], allowedBranchIds: [] };
		const { error } = await runNode(env.h, meedee({ resource: 'sale', operation: 'getMany', limit: 1 }, app));
		expect(error?.message).toBe('MeeDee POS Forbidden (403) [insufficient_scope]: This endpoint requires the read:sales scope');
		expect(error?.description).toMatch(/Settings → Open API Settings, add the scope/);
	});

	it('explains a branch the application may not read', async () => {
		const { MEEDEE_DEMO_ONE_BRANCH } = await import('../../sandbox/meedee');
		const { error } = await runNode(env.h, meedee({ resource: 'report', operation: 'inventorySummary', branch_id: BRANCH_B }, MEEDEE_DEMO_ONE_BRANCH));
		expect(error?.message).toMatch(/^MeeDee POS Forbidden \(403\) \[access_denied\]/);
		expect(error?.description).toMatch(/may only read some branches/);
	});

	it('a sale that does not exist is a clear 404', async () => {
		const { error } = await runNode(env.h, meedee({ resource: 'sale', operation: 'getItems', saleId: '00000000-0000-4000-a000-000000000000' }));
		expect(error?.message).toBe('MeeDee POS Not found (404) [not_found]: Sale not found');
	});

	it('continueOnFail turns one bad item into an error item, paired to its input', async () => {
		const { items, error } = await runNode(
			env.h,
			meedee({ resource: 'customer', operation: 'getMany', limit: 1, filters: { q: '={{ $json.q }}' } }, MEEDEE_DEMO, true),
			[{ q: 'cus' }, { q: 'x'.repeat(300) }, { q: 'CUS-000002' }],
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toBe('Item 2: "Search" must be at most 255 characters');
		expect(items[2].json.code).toBe('CUS-000002');
	});
});

describe('Node description', () => {
	it('offers every event the simulator knows, in the Webhook resource and the trigger alike', async () => {
		const { MEEDEE_EVENTS } = await import('../../sandbox/meedee');
		const optionsOf = (type: string, name: string) =>
			JSON.parse(JSON.stringify(env.h.loaded.nodes.get(`n8n-nodes-asia-commerce.${type}`)!.description.properties)).find((p: IDataObject) => p.name === name).options as IDataObject[];
		const inNode = optionsOf('meeDeePos', 'events').map((o) => o.value);
		const inTrigger = optionsOf('meeDeePosTrigger', 'events').map((o) => o.value);
		expect(inNode).toEqual(inTrigger);
		expect([...inNode].sort()).toEqual([...MEEDEE_EVENTS].sort());
	});

	it('is read-only except for webhook subscriptions, and every list offers Return All', () => {
		const properties = env.h.loaded.nodes.get('n8n-nodes-asia-commerce.meeDeePos')!.description.properties;
		const operations = properties.filter((p) => p.name === 'operation');
		const listOps = operations.flatMap((p) => (p.options as unknown as IDataObject[]).filter((o) => String(o.value).startsWith('getMany') || ['getLevels', 'getMovements', 'getDeliveries'].includes(String(o.value))).map((o) => [p.displayOptions!.show!.resource![0], o.value]));
		for (const [resource, operation] of listOps) {
			const returnAll = properties.find((p) => p.name === 'returnAll' && p.displayOptions?.show?.resource?.includes(resource as string) && p.displayOptions?.show?.operation?.includes(operation as string));
			expect(returnAll).toBeDefined();
		}
		expect(listOps.length).toBe(9);
	});
});
