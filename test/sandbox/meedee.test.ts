/**
 * The MeeDee POS Partner API simulator, over real HTTP on 127.0.0.1: one test per documented rule
 * (seed 001, vendors.md section B) and per guessed behaviour node authors rely on.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SandboxServer } from '../../sandbox/core';
import {
	MEEDEE_BRANCHES,
	MEEDEE_DEMO,
	MEEDEE_DEMO_NO_PII,
	MEEDEE_DEMO_ONE_BRANCH,
	MEEDEE_EVENTS,
	MEEDEE_SCOPES,
	MEEDEE_SIGNATURE,
	type MeeDeeApplication,
	type MeeDeeSim,
	createMeeDee,
	meedeeSignature,
	verifyMeeDeeSignature,
} from '../../sandbox/meedee';

type AnyObj = Record<string, any>;

const DAY = 86_400_000;
const [BRANCH_A, BRANCH_B] = MEEDEE_BRANCHES.map((b) => b.id);
const SEED_FIELDS = [
	'id', 'customer_code', 'full_name', 'first_name', 'last_name', 'membership_tier_id', 'membership_number',
	'total_points', 'available_points', 'total_spent', 'total_visits', 'last_visit_date', 'is_active', 'is_verified',
	'joined_date', 'created_at', 'updated_at', 'phone', 'email', 'date_of_birth', 'address', 'city', 'state',
	'postal_code', 'country', 'tax_id',
];
const PII = ['phone', 'email', 'date_of_birth', 'address', 'city', 'state', 'postal_code', 'country', 'tax_id'];
const DECIMAL = /^-?\d+(\.\d{2})?$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let server: SandboxServer;
let sim: MeeDeeSim;
let root: string;
let api: string;

// ---- a webhook receiver on loopback that records raw bodies and answers from a plan ----
interface Received {
	headers: http.IncomingHttpHeaders;
	raw: string;
	body: AnyObj;
}
let receiver: http.Server;
let hookUrl: string;
let received: Received[] = [];
let plan: number[] = [];

beforeAll(async () => {
	sim = createMeeDee();
	server = new SandboxServer().mount(sim);
	root = await server.start();
	api = `${root}/meedee/api/partner/v1`;
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({ headers: req.headers, raw, body: JSON.parse(raw) });
			const status = plan.shift() ?? 200;
			res.writeHead(status, { 'content-type': 'text/plain' });
			res.end(status === 200 ? 'ok' : 'nope');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
	await sim.idle();
	await server.stop();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(async () => {
	await sim.idle();
	server.reset();
	received = [];
	plan = [];
});

// ---- helpers ----
function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
	return {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(fields).toString(),
	};
}

async function token(app: MeeDeeApplication = MEEDEE_DEMO): Promise<string> {
	const res = await fetch(`${api}/oauth/token`, form({ grant_type: 'client_credentials', client_id: app.clientId, client_secret: app.clientSecret }));
	expect(res.status).toBe(200);
	return ((await res.json()) as AnyObj).access_token;
}

async function call(
	path: string,
	opts: { app?: MeeDeeApplication; token?: string | null; method?: string; body?: unknown } = {},
): Promise<{ status: number; body: AnyObj }> {
	const bearerToken = opts.token === undefined ? await token(opts.app) : opts.token;
	const headers: Record<string, string> = {};
	if (bearerToken) headers.authorization = `Bearer ${bearerToken}`;
	if (opts.body !== undefined) headers['content-type'] = 'application/json';
	const res = await fetch(`${api}${path}`, {
		method: opts.method ?? 'GET',
		headers,
		body: opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body),
	});
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** Walks a list with its cursor, at most `max` pages. */
async function all(path: string, app: MeeDeeApplication = MEEDEE_DEMO, max = 200): Promise<{ items: AnyObj[]; pages: number }> {
	const t = await token(app);
	const items: AnyObj[] = [];
	let cursor: string | null = null;
	let pages = 0;
	for (; pages < max; pages++) {
		const sep = path.includes('?') ? '&' : '?';
		const r = await call(`${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`, { token: t });
		expect(r.status).toBe(200);
		items.push(...r.body.data);
		if (!r.body.pagination.has_more) return { items, pages: pages + 1 };
		cursor = r.body.pagination.next_cursor;
	}
	throw new Error(`more than ${max} pages`);
}

async function control(body: AnyObj): Promise<AnyObj> {
	const res = await fetch(`${root}/__sandbox/control/meedee`, { method: 'POST', body: JSON.stringify(body) });
	return (await res.json()) as AnyObj;
}

async function state(): Promise<AnyObj> {
	return (await (await fetch(`${root}/__sandbox/state/meedee`)).json()) as AnyObj;
}

/** A UTC date `offset` days from today, YYYY-MM-DD. */
function day(offset: number): string {
	const now = Date.now();
	return new Date(now - (now % DAY) + offset * DAY).toISOString().slice(0, 10);
}

async function subscribe(events: string[], app: MeeDeeApplication = MEEDEE_DEMO, extra: AnyObj = {}): Promise<AnyObj> {
	const r = await call('/webhooks', { app, method: 'POST', body: { endpoint_url: hookUrl, events, ...extra } });
	expect(r.status).toBe(201);
	return r.body.data;
}

async function addApp(clientId: string, scopes: string[], allowedBranchIds = [BRANCH_A, BRANCH_B]): Promise<MeeDeeApplication> {
	const app = { name: clientId, clientId, clientSecret: `${clientId}-secret`, scopes, allowedBranchIds };
	await control({ action: 'addApplication', ...app });
	return app;
}

// =================================================================================================
describe('POST /oauth/token', () => {
	it('issues a JWT-shaped Bearer token carrying scopes and allowed_branch_ids, valid 3600 s', async () => {
		const res = await fetch(`${api}/oauth/token`, form({ grant_type: 'client_credentials', client_id: MEEDEE_DEMO.clientId, client_secret: MEEDEE_DEMO.clientSecret }));
		const body = (await res.json()) as AnyObj;
		expect(res.status).toBe(200);
		expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'token_type']);
		expect(body.token_type).toBe('Bearer');
		expect(body.expires_in).toBe(3600);
		const parts = body.access_token.split('.');
		expect(parts).toHaveLength(3);
		const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
		expect(claims.sub).toBe(MEEDEE_DEMO.clientId);
		expect(claims.scopes).toEqual(MEEDEE_DEMO.scopes);
		expect(claims.allowed_branch_ids).toEqual([BRANCH_A, BRANCH_B]);
		expect(claims.exp - claims.iat).toBe(3600);
	});

	it('demo client ids start with meed_ and the no-PII demo lacks only read:customers:pii', () => {
		expect(MEEDEE_DEMO.clientId.startsWith('meed_')).toBe(true);
		expect(MEEDEE_DEMO_NO_PII.clientId.startsWith('meed_')).toBe(true);
		expect(MEEDEE_DEMO.scopes.sort()).toEqual([...MEEDEE_SCOPES].sort());
		expect(MEEDEE_SCOPES.filter((s) => !MEEDEE_DEMO_NO_PII.scopes.includes(s))).toEqual(['read:customers:pii']);
	});

	it('the token lifetime is configurable', async () => {
		await control({ action: 'configure', tokenTtlSeconds: 120 });
		const res = await fetch(`${api}/oauth/token`, form({ grant_type: 'client_credentials', client_id: MEEDEE_DEMO.clientId, client_secret: MEEDEE_DEMO.clientSecret }));
		expect(((await res.json()) as AnyObj).expires_in).toBe(120);
	});

	const good = { grant_type: 'client_credentials', client_id: MEEDEE_DEMO.clientId, client_secret: MEEDEE_DEMO.clientSecret };
	it.each([
		['a wrong secret', 401, 'invalid_client', { ...good, client_secret: 'nope' }, {}],
		['an unknown client', 401, 'invalid_client', { ...good, client_id: 'meed_unknown' }, {}],
		['grant_type=password', 400, 'unsupported_grant_type', { ...good, grant_type: 'password' }, {}],
		['no grant_type', 400, 'invalid_request', { client_id: good.client_id, client_secret: good.client_secret }, {}],
		['no client_id', 400, 'invalid_request', { grant_type: 'client_credentials', client_secret: good.client_secret }, {}],
		['no client_secret', 400, 'invalid_request', { grant_type: 'client_credentials', client_id: good.client_id }, {}],
		['an Authorization header', 400, 'invalid_request', good, { authorization: 'Basic bWVlZDp4' }],
	])('%s → %i %s (flat RFC 6749 body)', async (_label, status, code, fields, headers) => {
		const res = await fetch(`${api}/oauth/token`, form(fields as Record<string, string>, headers as Record<string, string>));
		const body = (await res.json()) as AnyObj;
		expect(res.status).toBe(status);
		expect(body).toEqual({ error: code, message: expect.any(String) });
	});

	it('a JSON body is refused with 400 invalid_request (the endpoint takes a form)', async () => {
		const res = await fetch(`${api}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(good) });
		expect(res.status).toBe(400);
		expect(((await res.json()) as AnyObj).error).toBe('invalid_request');
	});

	it('counts token requests, failed ones included, and issued tokens separately', async () => {
		await token();
		await token(MEEDEE_DEMO_NO_PII);
		await fetch(`${api}/oauth/token`, form({ ...good, client_secret: 'bad' }));
		const s = await state();
		expect(s.token_requests).toBe(3);
		expect(s.tokens_issued).toBe(2);
		expect(sim.tokenRequests).toBe(3);
	});

	it('one token serves many calls (no token request per call)', async () => {
		const t = await token();
		for (let i = 0; i < 5; i++) expect((await call('/customers?limit=1', { token: t })).status).toBe(200);
		expect(sim.tokenRequests).toBe(1);
	});
});

// =================================================================================================
const SALE_ID = () => sim.sales[sim.sales.length - 1].data.id as string;
const PO_ID = () => sim.purchaseOrders[0].data.id as string;
const HOOK = '00000000-0000-4000-a000-000000000000';
/** [method, documented path, scope, concrete path] */
const ENDPOINTS: [string, string, string, () => string][] = [
	['GET', '/customers', 'read:customers', () => '/customers'],
	['GET', '/sales', 'read:sales', () => '/sales'],
	['GET', '/sales/:id/items', 'read:sales', () => `/sales/${SALE_ID()}/items`],
	['GET', '/products', 'read:products', () => '/products'],
	['GET', '/inventory', 'read:inventory', () => '/inventory'],
	['GET', '/inventory/movements', 'read:inventory', () => '/inventory/movements'],
	['GET', '/purchase-orders', 'read:purchasing', () => '/purchase-orders'],
	['GET', '/purchase-orders/:id/items', 'read:purchasing', () => `/purchase-orders/${PO_ID()}/items`],
	['GET', '/suppliers', 'read:purchasing', () => '/suppliers'],
	['GET', '/reports/sales-summary', 'read:reports', () => `/reports/sales-summary?branch_id=${BRANCH_A}`],
	['GET', '/reports/inventory-summary', 'read:reports', () => `/reports/inventory-summary?branch_id=${BRANCH_A}`],
	['GET', '/webhooks', 'read:webhooks', () => '/webhooks'],
	['POST', '/webhooks', 'read:webhooks', () => '/webhooks'],
	['GET', '/webhooks/:id', 'read:webhooks', () => `/webhooks/${HOOK}`],
	['PATCH', '/webhooks/:id', 'read:webhooks', () => `/webhooks/${HOOK}`],
	['DELETE', '/webhooks/:id', 'read:webhooks', () => `/webhooks/${HOOK}`],
	['GET', '/webhooks/:id/deliveries', 'read:webhooks', () => `/webhooks/${HOOK}/deliveries`],
	['POST', '/webhooks/:id/ping', 'read:webhooks', () => `/webhooks/${HOOK}/ping`],
];

describe('authentication and scopes on every call', () => {
	it.each(ENDPOINTS)('%s %s without a token → 401 invalid_token', async (method, _doc, _scope, path) => {
		const r = await call(path(), { token: null, method, body: method === 'GET' || method === 'DELETE' ? undefined : {} });
		expect(r.status).toBe(401);
		expect(r.body).toEqual({ error: 'invalid_token', message: expect.any(String) });
	});

	it.each([
		['garbage', () => 'not-a-token'],
		['a JWT with a forged payload', async () => {
			const [h, , s] = (await token(MEEDEE_DEMO_NO_PII)).split('.');
			const forged = Buffer.from(JSON.stringify({ sub: MEEDEE_DEMO_NO_PII.clientId, scopes: [...MEEDEE_SCOPES] })).toString('base64url');
			return `${h}.${forged}.${s}`;
		}],
		['a JWT with a wrong signature', async () => `${(await token()).slice(0, -4)}AAAA`],
	])('%s → 401 invalid_token', async (_label, make) => {
		const r = await call('/customers', { token: await make() });
		expect(r.status).toBe(401);
		expect(r.body.error).toBe('invalid_token');
	});

	it('an expired token → 401 invalid_token, and a new token works again', async () => {
		await control({ action: 'configure', tokenTtlSeconds: 1 });
		const t = await token();
		expect((await call('/products', { token: t })).status).toBe(200);
		await new Promise((r) => setTimeout(r, 1100));
		const r = await call('/products', { token: t });
		expect(r.status).toBe(401);
		expect(r.body.error).toBe('invalid_token');
		expect((await call('/products')).status).toBe(200);
	});

	it('expireTokens (vendor revokes everything) makes live tokens answer 401 invalid_token', async () => {
		const t = await token();
		await control({ action: 'expireTokens' });
		expect((await call('/products', { token: t })).body.error).toBe('invalid_token');
	});

	it.each(ENDPOINTS)('%s %s needs its scope (%s) → 403 insufficient_scope', async (method, _doc, scope, path) => {
		const app = await addApp(`meed_without_${scope.replace(/:/g, '_')}`, MEEDEE_SCOPES.filter((s) => s !== scope));
		const r = await call(path(), { app, method, body: method === 'POST' && path() === '/webhooks' ? { endpoint_url: hookUrl, events: ['product.updated'] } : undefined });
		expect(r.status).toBe(403);
		expect(r.body).toEqual({ error: 'insufficient_scope', message: expect.stringContaining(scope) });
	});

	it('read:customers:pii without read:customers does not open /customers', async () => {
		const app = await addApp('meed_pii_only', ['read:customers:pii']);
		const r = await call('/customers', { app });
		expect(r.status).toBe(403);
		expect(r.body.error).toBe('insufficient_scope');
	});
});

// =================================================================================================
describe('GET /customers', () => {
	it('returns the seed’s customer object: exactly its fields, in its order', async () => {
		const r = await call('/customers?limit=5');
		expect(r.status).toBe(200);
		for (const c of r.body.data) expect(Object.keys(c)).toEqual(SEED_FIELDS);
	});

	it('field types follow the seed (decimal string total_spent, numbers, booleans, ISO dates, nullable strings)', async () => {
		const { items } = await all('/customers?limit=200');
		for (const c of items) {
			expect(c.id).toMatch(UUID);
			expect(c.customer_code).toMatch(/^CUS-\d{6}$/);
			expect(typeof c.full_name).toBe('string');
			expect(typeof c.first_name).toBe('string');
			expect(c.last_name === null || typeof c.last_name === 'string').toBe(true);
			expect(c.membership_tier_id === null || UUID.test(c.membership_tier_id)).toBe(true);
			expect(c.membership_number === null || typeof c.membership_number === 'string').toBe(true);
			for (const k of ['total_points', 'available_points', 'total_visits']) expect(Number.isInteger(c[k])).toBe(true);
			expect(c.total_spent).toMatch(DECIMAL);
			expect(typeof c.is_active).toBe('boolean');
			expect(typeof c.is_verified).toBe('boolean');
			for (const k of ['created_at', 'updated_at']) expect(c[k]).toMatch(ISO);
			for (const k of ['last_visit_date', 'joined_date', 'date_of_birth']) expect(c[k] === null || ISO.test(c[k])).toBe(true);
			for (const k of PII.filter((p) => p !== 'date_of_birth')) expect(c[k] === null || typeof c[k] === 'string').toBe(true);
		}
		expect(items.some((c) => c.last_name === null)).toBe(true);
		expect(items.some((c) => c.email === null)).toBe(true);
	});

	it('without read:customers:pii the PII keys are absent from the object, not null', async () => {
		const withPii = (await call('/customers?limit=20')).body.data;
		const without = (await call('/customers?limit=20', { app: MEEDEE_DEMO_NO_PII })).body.data;
		expect(without.map((c: AnyObj) => c.id)).toEqual(withPii.map((c: AnyObj) => c.id));
		for (const c of without) {
			expect(Object.keys(c)).toEqual(SEED_FIELDS.filter((k) => !PII.includes(k)));
			for (const k of PII) expect(k in c).toBe(false);
		}
	});

	it('answers the documented envelope with default limit 50', async () => {
		const r = await call('/customers');
		expect(Object.keys(r.body)).toEqual(['data', 'pagination']);
		expect(r.body.data).toHaveLength(50);
		expect(r.body.pagination).toEqual({ next_cursor: expect.any(String), has_more: true, limit: 50 });
	});

	it('the last page has next_cursor null and has_more false', async () => {
		const r = await call('/customers?limit=200');
		expect(r.body.data).toHaveLength(120);
		expect(r.body.pagination).toEqual({ next_cursor: null, has_more: false, limit: 200 });
	});

	it.each(['1', '200'])('limit=%s is accepted', async (limit) => {
		const r = await call(`/customers?limit=${limit}`);
		expect(r.status).toBe(200);
		expect(r.body.data.length).toBe(Math.min(Number(limit), 120));
	});

	it.each(['0', '201', '-1', 'abc', '1.5', ''])('limit=%p → 400 invalid_request', async (limit) => {
		const r = await call(`/customers?limit=${limit}`);
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ error: 'invalid_request', message: expect.any(String) });
	});

	it.each([true, false])('is_active=%s keeps only matching customers', async (active) => {
		const { items } = await all(`/customers?limit=200&is_active=${active}`);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((c) => c.is_active === active)).toBe(true);
	});

	it.each(['yes', '1', 'TRUE'])('is_active=%s → 400 invalid_request', async (v) => {
		expect((await call(`/customers?is_active=${v}`)).body.error).toBe('invalid_request');
	});

	it('membership_tier_id filters by tier; the book has customers with and without tiers', async () => {
		const { items } = await all('/customers?limit=200');
		const tier = items.find((c) => c.membership_tier_id)!.membership_tier_id;
		expect(items.some((c) => c.membership_tier_id === null)).toBe(true);
		const filtered = (await all(`/customers?limit=200&membership_tier_id=${tier}`)).items;
		expect(filtered.length).toBe(items.filter((c) => c.membership_tier_id === tier).length);
		expect(filtered.every((c) => c.membership_tier_id === tier)).toBe(true);
	});

	it('membership_tier_id that is not a UUID → 400 invalid_request', async () => {
		expect((await call('/customers?membership_tier_id=gold')).status).toBe(400);
	});

	it('q matches full_name', async () => {
		const target = sim.customers[10].data;
		const r = await call(`/customers?q=${encodeURIComponent(String(target.full_name))}`);
		expect(r.body.data.map((c: AnyObj) => c.id)).toContain(target.id);
		expect(r.body.data.every((c: AnyObj) => String(c.full_name).includes(String(target.full_name)) || c.customer_code.includes(String(target.full_name)))).toBe(true);
	});

	it('q matches customer_code (case-insensitive)', async () => {
		const r = await call('/customers?q=cus-000007');
		expect(r.body.data.map((c: AnyObj) => c.customer_code)).toEqual(['CUS-000007']);
	});

	it.each([
		['empty', ''],
		['256 characters', 'x'.repeat(256)],
	])('q %s → 400 invalid_request', async (_label, q) => {
		const r = await call(`/customers?q=${q}`);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_request');
	});

	it('q of 255 characters is accepted', async () => {
		const r = await call(`/customers?q=${'x'.repeat(255)}`);
		expect(r.status).toBe(200);
		expect(r.body.data).toEqual([]);
	});

	it('cursor paging visits every customer exactly once', async () => {
		const { items, pages } = await all('/customers?limit=7');
		expect(pages).toBe(Math.ceil(120 / 7));
		expect(new Set(items.map((c) => c.id)).size).toBe(120);
	});

	it('filters stay applied across pages', async () => {
		const { items } = await all('/customers?limit=9&is_active=false');
		expect(items.length).toBe(sim.customers.filter((c) => c.data.is_active === false).length);
		expect(items.every((c) => c.is_active === false)).toBe(true);
	});

	it.each([
		['not base64 JSON', 'zzz'],
		['a forged key', Buffer.from(JSON.stringify({ r: 'customers', k: -4 })).toString('base64url')],
		['a cursor from another list', Buffer.from(JSON.stringify({ r: 'sales', k: 3 })).toString('base64url')],
	])('a cursor that is %s → 400 invalid_request', async (_label, cursor) => {
		const r = await call(`/customers?cursor=${cursor}`);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_request');
	});

	it('records added while paging are neither skipped nor repeated (cursor remembers the last key)', async () => {
		const t = await token();
		const seen: string[] = [];
		let cursor: string | null = null;
		for (let page = 0; page < 50; page++) {
			const r = await call(`/customers?limit=25${cursor ? `&cursor=${cursor}` : ''}`, { token: t });
			seen.push(...r.body.data.map((c: AnyObj) => c.id));
			if (page === 1) await control({ action: 'emit', event: 'customer.created' });
			if (!r.body.pagination.has_more) break;
			cursor = r.body.pagination.next_cursor;
		}
		expect(seen).toHaveLength(121);
		expect(new Set(seen).size).toBe(121);
		expect(seen[120]).toBe(sim.customers[120].data.id);
	});

	it('seed(n) builds a 50,000-customer book deterministically, and it pages', async () => {
		sim.seed(50_000);
		const first = sim.customers[0].data.id;
		const r = await call('/customers?q=CUS-050000');
		expect(r.body.data).toHaveLength(1);
		const page = await call('/customers?limit=200');
		expect(page.body.pagination.has_more).toBe(true);
		sim.seed(10);
		expect(sim.customers[0].data.id).toBe(first);
		expect((await control({ action: 'seed', customers: 300 })).customers).toBe(300);
	});
});

// =================================================================================================
const SALE_FIELDS = ['id', 'receipt_no', 'branch_id', 'status', 'customer_id', 'sold_at', 'subtotal', 'discount', 'service_charge', 'tax', 'total', 'payment_method', 'created_at', 'updated_at'];
const ITEM_FIELDS = ['id', 'product_sku_id', 'sku_code', 'sku_name', 'product_name', 'quantity', 'unit_price', 'discount_amount', 'tax_amount', 'line_total', 'refunded_quantity', 'refunded_amount', 'is_fully_refunded', 'created_at'];

describe('GET /sales', () => {
	it('by default lists the last 30 days, sale objects with decimal-string amounts that add up', async () => {
		const { items } = await all('/sales?limit=200');
		expect(items.length).toBeGreaterThan(100);
		const floor = Date.now() - 30 * DAY - 1000;
		for (const s of items) {
			expect(Object.keys(s)).toEqual(SALE_FIELDS);
			expect(Date.parse(s.sold_at)).toBeGreaterThanOrEqual(floor);
			for (const k of ['subtotal', 'discount', 'service_charge', 'tax', 'total']) expect(s[k]).toMatch(DECIMAL);
			const cents = (v: string) => Math.round(Number(v) * 100);
			expect(cents(s.total)).toBe(cents(s.subtotal) - cents(s.discount) + cents(s.service_charge) + cents(s.tax));
			expect(['completed', 'voided', 'refunded']).toContain(s.status);
		}
		expect(new Set(items.map((s) => s.branch_id))).toEqual(new Set([BRANCH_A, BRANCH_B]));
		expect(items.some((s) => s.customer_id === null)).toBe(true);
	});

	it('seeded sales span the last 90 days across two branches', () => {
		const times = sim.sales.map((s) => Date.parse(String(s.data.sold_at)));
		expect(Math.min(...times)).toBeLessThan(Date.now() - 85 * DAY);
		expect(Math.max(...times)).toBeLessThan(Date.now());
	});

	it('a range of exactly 30 days is accepted', async () => {
		expect((await call(`/sales?from=${day(-30)}&to=${day(0)}`)).status).toBe(200);
	});

	it.each([
		['dates', () => `from=${day(-25)}&to=${day(6)}`],
		['date-times', () => `from=${day(-30)}T00:00:00Z&to=${day(0)}T00:00:01Z`],
	])('a range longer than 30 days (%s) → 400 invalid_request', async (_label, qs) => {
		const r = await call(`/sales?${qs()}`);
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ error: 'invalid_request', message: expect.stringContaining('30 days') });
	});

	it('from more than 30 days back from today → 400 invalid_request', async () => {
		const r = await call(`/sales?from=${day(-31)}&to=${day(-25)}`);
		expect(r.status).toBe(400);
		expect(r.body.error).toBe('invalid_request');
	});

	it('the lookback limit is configurable', async () => {
		await control({ action: 'configure', salesMaxLookbackDays: 365 });
		const r = await call(`/sales?from=${day(-85)}&to=${day(-60)}&limit=200`);
		expect(r.status).toBe(200);
		expect(r.body.data.length).toBeGreaterThan(0);
	});

	it('the range limit is configurable', async () => {
		await control({ action: 'configure', salesMaxRangeDays: 7 });
		expect((await call(`/sales?from=${day(-10)}&to=${day(0)}`)).status).toBe(400);
		expect((await call(`/sales?from=${day(-7)}&to=${day(0)}`)).status).toBe(200);
	});

	it('without from, from defaults to to minus 30 days (never beyond the lookback limit)', async () => {
		const r = await call(`/sales?to=${day(-1)}&limit=200`);
		expect(r.status).toBe(200);
		const times = r.body.data.map((s: AnyObj) => Date.parse(s.sold_at));
		expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse(day(-30)));
		expect(Math.max(...times)).toBeLessThan(Date.parse(day(0)));
	});

	it('from after to → 400 invalid_request', async () => {
		expect((await call(`/sales?from=${day(-2)}&to=${day(-3)}`)).body.error).toBe('invalid_request');
	});

	it.each(['2026-13-01', '2026-02-30', 'yesterday', '12/01/2026', '2026-1-1'])('from=%s is not a date → 400', async (from) => {
		expect((await call(`/sales?from=${from}`)).status).toBe(400);
	});

	it('a date-only to covers that whole day; date-times are exact', async () => {
		await control({ action: 'configure', salesMaxLookbackDays: 365 });
		const sale = sim.sales[sim.sales.length - 20].data;
		const date = String(sale.sold_at).slice(0, 10);
		const byDay = await call(`/sales?from=${date}&to=${date}&limit=200`);
		expect(byDay.body.data.map((s: AnyObj) => s.id)).toContain(sale.id);
		const exact = await call(`/sales?from=${sale.sold_at}&to=${sale.sold_at}`);
		expect(exact.body.data.map((s: AnyObj) => s.id)).toEqual([sale.id]);
	});

	it('branch_id keeps one branch; repeating it keeps both', async () => {
		const one = (await all(`/sales?limit=200&branch_id=${BRANCH_B}`)).items;
		expect(one.length).toBeGreaterThan(0);
		expect(one.every((s) => s.branch_id === BRANCH_B)).toBe(true);
		const both = (await all(`/sales?limit=200&branch_id=${BRANCH_A}&branch_id=${BRANCH_B}`)).items;
		expect(new Set(both.map((s) => s.branch_id)).size).toBe(2);
	});

	it('branch_id that is not a UUID → 400 invalid_request', async () => {
		expect((await call('/sales?branch_id=SIAM')).status).toBe(400);
	});

	it('a token limited to one branch only sees that branch’s sales', async () => {
		const { items } = await all('/sales?limit=200', MEEDEE_DEMO_ONE_BRANCH);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((s) => s.branch_id === BRANCH_A)).toBe(true);
	});

	it('asking for a branch outside allowed_branch_ids → 403 access_denied', async () => {
		const r = await call(`/sales?branch_id=${BRANCH_B}`, { app: MEEDEE_DEMO_ONE_BRANCH });
		expect(r.status).toBe(403);
		expect(r.body).toEqual({ error: 'access_denied', message: expect.any(String) });
	});

	it.each(['completed', 'voided', 'refunded'])('status=%s keeps only that status', async (status) => {
		const { items } = await all(`/sales?limit=200&status=${status}`);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((s) => s.status === status)).toBe(true);
	});

	it('an unknown status → 400 invalid_request', async () => {
		expect((await call('/sales?status=paid')).body.error).toBe('invalid_request');
	});

	it('cursor paging over a window visits every sale once, oldest first', async () => {
		const whole = (await call('/sales?limit=200')).body.data;
		const { items } = await all('/sales?limit=13');
		expect(items.map((s) => s.id)).toEqual(whole.map((s: AnyObj) => s.id));
		const times = items.map((s) => Date.parse(s.sold_at));
		expect([...times].sort((a, b) => a - b)).toEqual(times);
	});

	it.each(['0', '201'])('limit=%s → 400 invalid_request', async (limit) => {
		expect((await call(`/sales?limit=${limit}`)).status).toBe(400);
	});
});

describe('GET /sales/:id/items', () => {
	it('lists the lines of a sale with decimal strings, adding up to the sale', async () => {
		const sale = sim.sales.find((s) => s.data.status === 'completed')!.data;
		const r = await call(`/sales/${sale.id}/items`);
		expect(r.status).toBe(200);
		expect(Object.keys(r.body)).toEqual(['data']);
		let sum = 0;
		for (const item of r.body.data) {
			expect(Object.keys(item)).toEqual(ITEM_FIELDS);
			for (const k of ['quantity', 'unit_price', 'discount_amount', 'tax_amount', 'line_total', 'refunded_quantity', 'refunded_amount']) expect(item[k]).toMatch(DECIMAL);
			expect(item.is_fully_refunded).toBe(false);
			sum += Math.round(Number(item.line_total) * 100);
		}
		expect(sum).toBe(Math.round((Number(sale.total) - Number(sale.service_charge)) * 100));
	});

	it('a refunded sale’s lines are fully refunded', async () => {
		await control({ action: 'configure', salesMaxLookbackDays: 365 });
		const sale = sim.sales.find((s) => s.data.status === 'refunded')!.data;
		const items = (await call(`/sales/${sale.id}/items`)).body.data;
		for (const i of items) {
			expect(i.is_fully_refunded).toBe(true);
			expect(i.refunded_quantity).toBe(i.quantity);
			expect(i.refunded_amount).toBe(i.line_total);
		}
	});

	it('an unknown sale → 404 not_found', async () => {
		const r = await call('/sales/00000000-0000-4000-a000-000000000000/items');
		expect(r.status).toBe(404);
		expect(r.body).toEqual({ error: 'not_found', message: expect.any(String) });
	});

	it('a sale of a branch the token may not see → 404 not_found', async () => {
		const sale = sim.sales.find((s) => s.data.branch_id === BRANCH_B)!.data;
		expect((await call(`/sales/${sale.id}/items`, { app: MEEDEE_DEMO_ONE_BRANCH })).status).toBe(404);
	});
});

// =================================================================================================
describe('products, inventory, purchasing', () => {
	it('GET /products pages the catalogue; each product carries its SKUs with decimal prices', async () => {
		const { items, pages } = await all('/products?limit=3');
		expect(items).toHaveLength(7);
		expect(pages).toBe(3);
		for (const p of items) {
			expect(p.skus.length).toBe(2);
			for (const s of p.skus) expect(s.price).toMatch(DECIMAL);
		}
	});

	it('GET /products filters by is_active and q', async () => {
		expect((await call('/products?is_active=false')).body.data.map((p: AnyObj) => p.product_code)).toEqual(['P-MATCHA']);
		expect((await call('/products?q=boba')).body.data.map((p: AnyObj) => p.product_code)).toEqual(['P-BOBA']);
	});

	it('GET /inventory lists a level per branch and SKU, decimal quantities', async () => {
		const { items } = await all('/inventory?limit=10');
		expect(items).toHaveLength(28);
		for (const l of items) expect(l.quantity_on_hand).toMatch(DECIMAL);
	});

	it('GET /inventory keeps to the token’s branches and the branch_id asked', async () => {
		expect((await all('/inventory?limit=200', MEEDEE_DEMO_ONE_BRANCH)).items.every((l) => l.branch_id === BRANCH_A)).toBe(true);
		expect((await all(`/inventory?limit=200&branch_id=${BRANCH_B}`)).items.every((l) => l.branch_id === BRANCH_B)).toBe(true);
		expect((await call(`/inventory?branch_id=${BRANCH_B}`, { app: MEEDEE_DEMO_ONE_BRANCH })).status).toBe(403);
	});

	it('GET /inventory filters by product_sku_id and low_stock', async () => {
		const sku = sim.inventory[0].data.product_sku_id;
		const bySku = (await call(`/inventory?product_sku_id=${sku}`)).body.data;
		expect(bySku).toHaveLength(2);
		const low = (await call('/inventory?low_stock=true&limit=200')).body.data;
		expect(low.length).toBeGreaterThan(0);
		expect(low.every((l: AnyObj) => Number(l.quantity_on_hand) <= Number(l.reorder_point))).toBe(true);
	});

	it('GET /inventory/movements pages sale and purchase movements; movement_type filters', async () => {
		const sales = (await call('/inventory/movements?movement_type=sale&limit=50')).body.data;
		expect(sales.every((m: AnyObj) => m.movement_type === 'sale' && Number(m.quantity) < 0)).toBe(true);
		const purchases = (await all('/inventory/movements?movement_type=purchase&limit=200')).items;
		expect(purchases.length).toBeGreaterThan(0);
		expect(purchases.every((m) => m.reference_type === 'purchase_order' && Number(m.quantity) > 0)).toBe(true);
		expect((await call('/inventory/movements?movement_type=theft')).status).toBe(400);
	});

	it('GET /inventory/movements filters by from/to', async () => {
		const r = await call(`/inventory/movements?from=${day(-3)}&to=${day(-2)}&limit=200`);
		expect(r.body.data.length).toBeGreaterThan(0);
		for (const m of r.body.data) expect(m.created_at.slice(0, 10) >= day(-3) && m.created_at.slice(0, 10) <= day(-2)).toBe(true);
	});

	it('a sale takes stock off the shelf: a movement appears and the level drops', async () => {
		const before = (await call(`/inventory?branch_id=${BRANCH_A}&limit=200`)).body.data;
		const emitted = await control({ action: 'emit', event: 'sale.created', branch_id: BRANCH_A });
		const items = (await call(`/sales/${emitted.data.id}/items`)).body.data;
		const moves = (await all('/inventory/movements?movement_type=sale&limit=200')).items.filter((m) => m.reference_id === emitted.data.id);
		expect(moves).toHaveLength(items.length);
		const after = (await call(`/inventory?branch_id=${BRANCH_A}&limit=200`)).body.data;
		const sku = items[0].product_sku_id;
		const qty = (ls: AnyObj[]) => Number(ls.find((l) => l.product_sku_id === sku)!.quantity_on_hand);
		const sold = items.filter((i: AnyObj) => i.product_sku_id === sku).reduce((n: number, i: AnyObj) => n + Number(i.quantity), 0);
		expect(qty(after)).toBe(qty(before) - sold);
	});

	it('GET /purchase-orders pages orders; status and supplier_id filter', async () => {
		const { items } = await all('/purchase-orders?limit=5');
		expect(items).toHaveLength(24);
		const received = (await call('/purchase-orders?status=RECEIVED&limit=200')).body.data;
		expect(received.length).toBeGreaterThan(0);
		expect(received.every((p: AnyObj) => p.status === 'RECEIVED' && p.received_at)).toBe(true);
		const supplier = items[0].supplier_id;
		expect((await call(`/purchase-orders?supplier_id=${supplier}&limit=200`)).body.data.every((p: AnyObj) => p.supplier_id === supplier)).toBe(true);
		expect((await call('/purchase-orders?status=received')).status).toBe(400);
	});

	it('GET /purchase-orders keeps to the token’s branches', async () => {
		expect((await all('/purchase-orders?limit=200', MEEDEE_DEMO_ONE_BRANCH)).items.every((p) => p.branch_id === BRANCH_A)).toBe(true);
	});

	it('GET /purchase-orders/:id/items lists lines adding up to the subtotal; unknown → 404', async () => {
		const po = sim.purchaseOrders[0].data;
		const lines = (await call(`/purchase-orders/${po.id}/items`)).body.data;
		expect(lines.length).toBeGreaterThan(0);
		const sum = lines.reduce((n: number, l: AnyObj) => n + Math.round(Number(l.line_total) * 100), 0);
		expect(sum).toBe(Math.round(Number(po.subtotal) * 100));
		expect((await call('/purchase-orders/00000000-0000-4000-a000-000000000000/items')).status).toBe(404);
	});

	it.each([
		['ACTIVE', 5],
		['INACTIVE', 1],
	])('GET /suppliers?status=%s', async (status, count) => {
		const r = await call(`/suppliers?status=${status}`);
		expect(r.body.data).toHaveLength(count);
		expect(r.body.data.every((s: AnyObj) => s.status === status)).toBe(true);
	});

	it('GET /suppliers: a lowercase status → 400; q searches the name', async () => {
		expect((await call('/suppliers?status=active')).status).toBe(400);
		expect((await call('/suppliers?q=dairy')).body.data.map((s: AnyObj) => s.supplier_code)).toEqual(['SUP-0004']);
	});
});

// =================================================================================================
describe('reports', () => {
	it('sales-summary returns the documented fields, totals matching the branch’s sales (all time)', async () => {
		const r = await call(`/reports/sales-summary?branch_id=${BRANCH_A}`);
		expect(r.status).toBe(200);
		expect(Object.keys(r.body.data)).toEqual(['branch_id', 'from', 'to', 'total_orders', 'total_revenue', 'total_subtotal', 'total_discount', 'total_tax', 'total_service_charge', 'total_refunded', 'average_order_value']);
		const mine = sim.sales.map((s) => s.data).filter((s) => s.branch_id === BRANCH_A && s.status !== 'voided');
		const cents = (k: string) => mine.reduce((n, s) => n + Math.round(Number(s[k]) * 100), 0);
		expect(r.body.data.from).toBeNull();
		expect(r.body.data.total_orders).toBe(mine.length);
		expect(Math.round(Number(r.body.data.total_revenue) * 100)).toBe(cents('total'));
		expect(Math.round(Number(r.body.data.total_tax) * 100)).toBe(cents('tax'));
	});

	it('sales-summary honours from/to', async () => {
		const r = await call(`/reports/sales-summary?branch_id=${BRANCH_B}&from=${day(-7)}&to=${day(-1)}`);
		const lo = Date.parse(day(-7));
		const hi = Date.parse(day(0));
		const n = sim.sales.filter((s) => s.data.branch_id === BRANCH_B && s.data.status !== 'voided' && Date.parse(String(s.data.sold_at)) >= lo && Date.parse(String(s.data.sold_at)) < hi).length;
		expect(r.body.data).toMatchObject({ from: day(-7), to: day(-1), total_orders: n });
	});

	it.each([
		['without branch_id', () => '/reports/sales-summary', 400, 'invalid_request'],
		['with from after to', () => `/reports/sales-summary?branch_id=${BRANCH_A}&from=${day(-1)}&to=${day(-2)}`, 400, 'invalid_request'],
		['with an unknown branch', () => '/reports/sales-summary?branch_id=00000000-0000-4000-a000-000000000000', 403, 'access_denied'],
		['inventory-summary without branch_id', () => '/reports/inventory-summary', 400, 'invalid_request'],
	])('%s → %i %s', async (_label, path, status, code) => {
		const r = await call(path());
		expect(r.status).toBe(status);
		expect(r.body.error).toBe(code);
	});

	it('inventory-summary agrees with GET /inventory', async () => {
		const r = await call(`/reports/inventory-summary?branch_id=${BRANCH_B}`);
		const levels = (await call(`/inventory?branch_id=${BRANCH_B}&limit=200`)).body.data;
		expect(r.body.data.total_skus).toBe(levels.length);
		expect(Number(r.body.data.total_quantity)).toBe(levels.reduce((n: number, l: AnyObj) => n + Number(l.quantity_on_hand), 0));
		expect(r.body.data.out_of_stock_skus).toBe(levels.filter((l: AnyObj) => Number(l.quantity_on_hand) <= 0).length);
	});
});

describe('every list shares the cursor contract', () => {
	const LISTS = ['/customers', '/sales', '/products', '/inventory', '/inventory/movements', '/purchase-orders', '/suppliers', '/webhooks'];
	it.each(LISTS)('%s: {data, pagination:{next_cursor, has_more, limit}}', async (path) => {
		const r = await call(`${path}?limit=1`);
		expect(Object.keys(r.body)).toEqual(['data', 'pagination']);
		expect(Object.keys(r.body.pagination)).toEqual(['next_cursor', 'has_more', 'limit']);
		expect(r.body.pagination.limit).toBe(1);
	});
	it.each(LISTS)('%s: limit 201 and a bad cursor → 400 invalid_request', async (path) => {
		expect((await call(`${path}?limit=201`)).body.error).toBe('invalid_request');
		expect((await call(`${path}?cursor=bogus`)).body.error).toBe('invalid_request');
	});
});

// =================================================================================================
describe('webhook subscriptions', () => {
	it('POST /webhooks → 201 with id and a secret shown once', async () => {
		const r = await call('/webhooks', { method: 'POST', body: { endpoint_url: hookUrl, events: ['sale.created'], description: 'n8n' } });
		expect(r.status).toBe(201);
		expect(r.body.data).toEqual({
			id: expect.stringMatching(UUID),
			endpoint_url: hookUrl,
			events: ['sale.created'],
			description: 'n8n',
			is_active: true,
			created_at: expect.stringMatching(ISO),
			updated_at: expect.stringMatching(ISO),
			secret: expect.stringMatching(/^whsec_[0-9a-f]{48}$/),
		});
		const got = await call(`/webhooks/${r.body.data.id}`);
		expect(got.status).toBe(200);
		expect('secret' in got.body.data).toBe(false);
		const list = await call('/webhooks');
		expect(list.body.data.map((w: AnyObj) => w.id)).toEqual([r.body.data.id]);
		expect('secret' in list.body.data[0]).toBe(false);
	});

	it.each([
		['no endpoint_url', { events: ['sale.created'] }],
		['a relative endpoint_url', { endpoint_url: '/hook', events: ['sale.created'] }],
		['an ftp endpoint_url', { endpoint_url: 'ftp://example.com/x', events: ['sale.created'] }],
		['no events', { endpoint_url: 'https://example.com/x' }],
		['empty events', { endpoint_url: 'https://example.com/x', events: [] }],
		['an unknown event', { endpoint_url: 'https://example.com/x', events: ['order.created'] }],
		['a 256-character description', { endpoint_url: 'https://example.com/x', events: ['sale.created'], description: 'd'.repeat(256) }],
		['is_active as a string', { endpoint_url: 'https://example.com/x', events: ['sale.created'], is_active: 'yes' }],
		['an unknown field', { endpoint_url: 'https://example.com/x', events: ['sale.created'], secret: 'mine' }],
		['invalid JSON', '{"endpoint_url": '],
		['a JSON array', [1, 2]],
	])('POST /webhooks with %s → 400 invalid_request', async (_label, body) => {
		const r = await call('/webhooks', { method: 'POST', body });
		expect(r.status).toBe(400);
		expect(r.body).toEqual({ error: 'invalid_request', message: expect.any(String) });
	});

	it('requireHttps refuses plain http endpoints', async () => {
		await control({ action: 'configure', requireHttps: true });
		expect((await call('/webhooks', { method: 'POST', body: { endpoint_url: hookUrl, events: ['sale.created'] } })).status).toBe(400);
	});

	it('subscribing to events the application may not read → 403 insufficient_scope', async () => {
		const app = await addApp('meed_hooks_products_only', ['read:webhooks', 'read:products']);
		const r = await call('/webhooks', { app, method: 'POST', body: { endpoint_url: hookUrl, events: ['sale.created'] } });
		expect(r.status).toBe(403);
		expect(r.body.error).toBe('insufficient_scope');
	});

	it('PATCH /webhooks/:id updates the given fields and updated_at', async () => {
		const w = await subscribe(['sale.created']);
		await new Promise((r) => setTimeout(r, 5));
		const r = await call(`/webhooks/${w.id}`, { method: 'PATCH', body: { events: ['sale.voided', 'customer.updated'], is_active: false } });
		expect(r.status).toBe(200);
		expect(r.body.data).toMatchObject({ id: w.id, endpoint_url: hookUrl, events: ['sale.voided', 'customer.updated'], is_active: false });
		expect(r.body.data.updated_at > w.updated_at).toBe(true);
		expect('secret' in r.body.data).toBe(false);
	});

	it.each([
		['an empty body', {}],
		['an unknown event', { events: ['nope'] }],
		['an unknown field', { url: 'https://x.example' }],
	])('PATCH /webhooks/:id with %s → 400 invalid_request', async (_label, body) => {
		const w = await subscribe(['sale.created']);
		expect((await call(`/webhooks/${w.id}`, { method: 'PATCH', body })).status).toBe(400);
	});

	it('DELETE /webhooks/:id → 204, then the subscription is gone (404)', async () => {
		const w = await subscribe(['sale.created']);
		const del = await call(`/webhooks/${w.id}`, { method: 'DELETE' });
		expect(del.status).toBe(204);
		expect(del.body).toBeUndefined();
		expect((await call(`/webhooks/${w.id}`)).status).toBe(404);
		expect((await call(`/webhooks/${w.id}`, { method: 'DELETE' })).status).toBe(404);
	});

	it('an application cannot see or change another application’s subscriptions', async () => {
		const w = await subscribe(['sale.created']);
		expect((await call(`/webhooks/${w.id}`, { app: MEEDEE_DEMO_NO_PII })).status).toBe(404);
		expect((await call(`/webhooks/${w.id}`, { app: MEEDEE_DEMO_NO_PII, method: 'DELETE' })).status).toBe(404);
		expect((await call('/webhooks', { app: MEEDEE_DEMO_NO_PII })).body.data).toEqual([]);
	});

	it('GET /webhooks pages with the cursor', async () => {
		for (let i = 0; i < 5; i++) await subscribe(['sale.created']);
		const { items, pages } = await all('/webhooks?limit=2');
		expect(items).toHaveLength(5);
		expect(pages).toBe(3);
	});
});

// =================================================================================================
describe('webhook deliveries', () => {
	it('the signature scheme is one exported constant plus one function', () => {
		expect(MEEDEE_SIGNATURE).toEqual({ signatureHeader: 'X-MeeDee-Signature', eventHeader: 'X-MeeDee-Event', deliveryHeader: 'X-MeeDee-Delivery', algorithm: 'sha256', prefix: 'sha256=' });
		expect(meedeeSignature('key', 'body')).toBe('sha256=' + require('node:crypto').createHmac('sha256', 'key').update('body').digest('hex'));
		expect(verifyMeeDeeSignature('key', 'body', meedeeSignature('key', 'body'))).toBe(true);
		expect(verifyMeeDeeSignature('key', 'body!', meedeeSignature('key', 'body'))).toBe(false);
		expect(verifyMeeDeeSignature('key', 'body', undefined)).toBe(false);
	});

	it('an event is POSTed signed over the raw body, with event and delivery headers', async () => {
		const w = await subscribe(['sale.created']);
		const emitted = await control({ action: 'emit', event: 'sale.created' });
		await sim.idle();
		expect(received).toHaveLength(1);
		const [got] = received;
		expect(got.headers['x-meedee-signature']).toBe(meedeeSignature(w.secret, got.raw));
		expect(verifyMeeDeeSignature(w.secret, got.raw, got.headers['x-meedee-signature'] as string)).toBe(true);
		expect(verifyMeeDeeSignature('whsec_wrong', got.raw, got.headers['x-meedee-signature'] as string)).toBe(false);
		expect(got.headers['x-meedee-event']).toBe('sale.created');
		expect(got.headers['x-meedee-delivery']).toBe(emitted.deliveries[0]);
		expect(got.headers['content-type']).toBe('application/json');
		expect(got.body).toEqual({ id: emitted.deliveries[0], event: 'sale.created', created_at: expect.stringMatching(ISO), data: emitted.data });
		expect(Object.keys(got.body.data)).toEqual(SALE_FIELDS);
	});

	it('GET /webhooks/:id/deliveries records status and attempts', async () => {
		const w = await subscribe(['customer.updated']);
		await control({ action: 'emit', event: 'customer.updated' });
		await sim.idle();
		const r = await call(`/webhooks/${w.id}/deliveries`);
		expect(r.body.pagination).toEqual({ next_cursor: null, has_more: false, limit: 50 });
		expect(r.body.data).toEqual([
			{ id: received[0].body.id, webhook_id: w.id, event: 'customer.updated', status: 'delivered', attempts: 1, response_status: 200, created_at: expect.stringMatching(ISO), last_attempt_at: expect.stringMatching(ISO) },
		]);
	});

	it('a failing receiver is retried until it answers 2xx', async () => {
		await control({ action: 'configure', webhookRetryDelayMs: 10 });
		const w = await subscribe(['sale.created']);
		plan = [500, 503];
		await control({ action: 'emit', event: 'sale.created' });
		await sim.idle();
		expect(received).toHaveLength(3);
		expect(new Set(received.map((r) => r.headers['x-meedee-delivery'])).size).toBe(1);
		const [d] = (await call(`/webhooks/${w.id}/deliveries`)).body.data;
		expect(d).toMatchObject({ status: 'delivered', attempts: 3, response_status: 200 });
	});

	it('after the retries (3 by default) a delivery is marked failed', async () => {
		await control({ action: 'configure', webhookRetryDelayMs: 10 });
		const w = await subscribe(['sale.created']);
		plan = [500, 500, 500, 500, 500];
		await control({ action: 'emit', event: 'sale.created' });
		await sim.idle();
		expect(received).toHaveLength(4);
		const [d] = (await call(`/webhooks/${w.id}/deliveries`)).body.data;
		expect(d).toMatchObject({ status: 'failed', attempts: 4, response_status: 500 });
	});

	it('the retry count is configurable', async () => {
		await control({ action: 'configure', webhookRetries: 0 });
		await subscribe(['sale.created']);
		plan = [500];
		await control({ action: 'emit', event: 'sale.created' });
		await sim.idle();
		expect(received).toHaveLength(1);
	});

	it('redeliver re-sends the same delivery: same id, same body, valid signature, attempts add up', async () => {
		const w = await subscribe(['sale.voided']);
		const emitted = await control({ action: 'emit', event: 'sale.voided' });
		await sim.idle();
		expect(emitted.data.status).toBe('voided');
		const again = await control({ action: 'redeliver', deliveryId: emitted.deliveries[0] });
		expect(again).toMatchObject({ delivery_id: emitted.deliveries[0], status: 'pending' });
		await sim.idle();
		expect(received).toHaveLength(2);
		expect(received[1].headers['x-meedee-delivery']).toBe(emitted.deliveries[0]);
		expect(received[1].raw).toBe(received[0].raw);
		expect(verifyMeeDeeSignature(w.secret, received[1].raw, received[1].headers['x-meedee-signature'] as string)).toBe(true);
		expect((await call(`/webhooks/${w.id}/deliveries`)).body.data[0]).toMatchObject({ attempts: 2, status: 'delivered' });
		expect((await control({ action: 'redeliver', deliveryId: 'nope' })).error).toBe('not_found');
	});

	it('POST /webhooks/:id/ping sends a signed ping and reports the answer', async () => {
		const w = await subscribe(['sale.created']);
		const r = await call(`/webhooks/${w.id}/ping`, { method: 'POST' });
		expect(r.status).toBe(200);
		expect(r.body).toEqual({ data: { webhook_id: w.id, delivered: true, response_status: 200, response_body: 'ok' } });
		expect(received).toHaveLength(1);
		expect(received[0].body).toMatchObject({ event: 'ping', data: { webhook_id: w.id } });
		expect(Object.keys(received[0].body)).toEqual(['id', 'event', 'created_at', 'data']);
		expect(verifyMeeDeeSignature(w.secret, received[0].raw, received[0].headers['x-meedee-signature'] as string)).toBe(true);
	});

	it('a ping the receiver refuses reports delivered false with its status and body', async () => {
		const w = await subscribe(['sale.created']);
		plan = [401];
		const r = await call(`/webhooks/${w.id}/ping`, { method: 'POST' });
		expect(r.body.data).toEqual({ webhook_id: w.id, delivered: false, response_status: 401, response_body: 'nope' });
	});

	it('a ping to an unreachable endpoint reports delivered false with nulls', async () => {
		const w = await subscribe(['sale.created'], MEEDEE_DEMO, { endpoint_url: 'http://127.0.0.1:9/closed' });
		const r = await call(`/webhooks/${w.id}/ping`, { method: 'POST' });
		expect(r.body.data).toEqual({ webhook_id: w.id, delivered: false, response_status: null, response_body: null });
	});

	it('inactive subscriptions and unsubscribed events get nothing', async () => {
		await subscribe(['sale.created'], MEEDEE_DEMO, { is_active: false });
		await subscribe(['customer.created']);
		const emitted = await control({ action: 'emit', event: 'sale.created' });
		await sim.idle();
		expect(emitted.deliveries).toEqual([]);
		expect(received).toEqual([]);
	});

	it('customer events carry PII only for applications holding read:customers:pii', async () => {
		await subscribe(['customer.created'], MEEDEE_DEMO);
		await subscribe(['customer.created'], MEEDEE_DEMO_NO_PII);
		await control({ action: 'emit', event: 'customer.created' });
		await sim.idle();
		expect(received).toHaveLength(2);
		const withPii = received.find((r) => 'phone' in r.body.data)!;
		const without = received.find((r) => !('phone' in r.body.data))!;
		expect(Object.keys(withPii.body.data)).toEqual(SEED_FIELDS);
		expect(Object.keys(without.body.data)).toEqual(SEED_FIELDS.filter((k) => !PII.includes(k)));
	});

	it('sale events of a branch an application may not see are not delivered to it', async () => {
		await subscribe(['sale.created'], MEEDEE_DEMO_ONE_BRANCH);
		expect((await control({ action: 'emit', event: 'sale.created', branch_id: BRANCH_B })).deliveries).toEqual([]);
		expect((await control({ action: 'emit', event: 'sale.created', branch_id: BRANCH_A })).deliveries).toHaveLength(1);
		await sim.idle();
		expect(received).toHaveLength(1);
	});

	it.each(MEEDEE_EVENTS.map((e) => [e]))('control emit %s changes state and delivers that event', async (event) => {
		await subscribe([event]);
		const emitted = await control({ action: 'emit', event });
		await sim.idle();
		expect(emitted.event).toBe(event);
		expect(received).toHaveLength(1);
		expect(received[0].headers['x-meedee-event']).toBe(event);
		expect(received[0].body.data.id).toBe(emitted.data.id);
		expect(received[0].body.data.updated_at ?? received[0].body.data.created_at).toMatch(ISO);
	});

	it('emit of an unknown event answers an error and delivers nothing', async () => {
		expect((await control({ action: 'emit', event: 'order.created' })).error).toBe('invalid_request');
	});
});

// =================================================================================================
describe('sandbox integration', () => {
	it('injected 429s use a flat MeeDee-style body with Retry-After', async () => {
		sim.setFaults({ next429: 1 });
		const res = await fetch(`${api}/customers`);
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('1');
		expect(((await res.json()) as AnyObj).error).toBe('rate_limit_exceeded');
	});

	it('the request log masks the bearer token and the client secret', async () => {
		const t = await token();
		await call('/products', { token: t });
		const log = server.requests('meedee');
		expect(JSON.stringify(log)).not.toContain(t);
		expect(JSON.stringify(log)).not.toContain(MEEDEE_DEMO.clientSecret);
	});

	it('state shows counts, settings and masked webhook secrets', async () => {
		const w = await subscribe(['sale.created']);
		const s = await state();
		expect(s.counts).toMatchObject({ customers: 120, webhooks: 1, products: 7, suppliers: 6, purchase_orders: 24 });
		expect(s.settings.salesMaxRangeDays).toBe(30);
		expect(JSON.stringify(s)).not.toContain(w.secret);
	});

	it('reset restores seeded data, settings and applications, and drops subscriptions', async () => {
		const firstSale = sim.sales[0].data.id;
		await subscribe(['sale.created']);
		await control({ action: 'configure', salesMaxRangeDays: 3 });
		await control({ action: 'emit', event: 'customer.created' });
		await addApp('meed_temp', ['read:products']);
		await fetch(`${root}/__sandbox/reset/meedee`, { method: 'POST' });
		expect(sim.webhooks).toEqual([]);
		expect(sim.customers).toHaveLength(120);
		expect(sim.settings.salesMaxRangeDays).toBe(30);
		expect(sim.applications.has('meed_temp')).toBe(false);
		expect(sim.sales[0].data.id).toBe(firstSale);
	});

	it('a control call naming no such vendor, or with broken JSON, is answered and the sandbox stays up', async () => {
		const unknown = await fetch(`${root}/__sandbox/faults/nope`, { method: 'POST', body: '{}' });
		expect(unknown.status).toBe(404);
		expect(await unknown.json()).toMatchObject({ error: 'bad_control_request', message: 'No simulator named nope' });
		expect((await fetch(`${root}/__sandbox/faults/meedee`, { method: 'POST', body: '{"latencyMs":' })).status).toBe(400);
		expect((await fetch(`${root}/__sandbox/state/meedee`)).status).toBe(200);
	});

	it('an unknown path answers 404 and a wrong method 405', async () => {
		expect((await call('/orders')).status).toBe(404);
		expect((await call('/customers', { method: 'POST', body: {} })).status).toBe(405);
	});
});
