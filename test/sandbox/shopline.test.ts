/**
 * SHOPLINE Open API simulator: one test per documented rule and per adjustable guess.
 * A real SandboxServer on 127.0.0.1 (port 0) with only SHOPLINE mounted; requests go through fetch.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { REDIRECTED_MARK, SandboxServer } from '../../sandbox/core';
import {
	createShopline,
	CREATION_SOURCES,
	DELIVERY_OPTIONS,
	GENDERS,
	MEMBERSHIP_TIERS,
	ORDER_STATUSES,
	PAYMENT_METHODS,
	SHOPLINE_DEMO,
	SHOPLINE_RATE_LIMIT_BODY,
	SHOPLINE_TOPICS,
	ShoplineSim,
} from '../../sandbox/shopline';

let server: SandboxServer;
let sim: ShoplineSim;
let base: string;

interface Reply {
	status: number;
	json: any;
	headers: Headers;
}

interface CallOptions {
	body?: unknown;
	raw?: string;
	token?: string | null;
	userAgent?: string;
}

async function api(method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
	const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': opts.userAgent ?? SHOPLINE_DEMO.userAgent };
	if (opts.token !== null) headers.Authorization = `Bearer ${opts.token ?? SHOPLINE_DEMO.accessToken}`;
	let payload = opts.raw;
	if (opts.body !== undefined) payload = JSON.stringify(opts.body);
	if (payload !== undefined) headers['Content-Type'] = 'application/json';
	const res = await fetch(`${base}${path}`, { method, headers, body: payload });
	const text = await res.text();
	return { status: res.status, json: text ? JSON.parse(text) : undefined, headers: res.headers };
}

const get = (path: string, opts?: CallOptions) => api('GET', path, opts);
const post = (path: string, body: unknown, opts?: CallOptions) => api('POST', path, { ...opts, body });
const put = (path: string, body: unknown) => api('PUT', path, { body });
const patch = (path: string, body: unknown) => api('PATCH', path, { body });

async function control(body: Record<string, unknown>): Promise<any> {
	const res = await fetch(`${server.baseUrl}/__sandbox/control/shopline`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return res.json();
}

/** A request with no User-Agent at all (fetch always adds one). */
function requestWithoutUserAgent(path: string): Promise<{ status: number; json: any }> {
	return new Promise((resolve, reject) => {
		const url = new URL(`${base}${path}`);
		const req = http.request(
			{ host: url.hostname, port: url.port, path: url.pathname, method: 'GET', headers: { Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}` } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
			},
		);
		req.on('error', reject);
		req.end();
	});
}

// ----- a loopback webhook receiver --------------------------------------------------------------

interface Received {
	path: string;
	headers: http.IncomingHttpHeaders;
	body: any;
}

const received: Received[] = [];
/** Per path: answers to give, one per request (status, optional delay), then 200 at once. */
const scripted = new Map<string, { status: number; delayMs?: number }[]>();
let receiver: http.Server;
let hookBase: string;

async function startReceiver(): Promise<void> {
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = req.url ?? '/';
			received.push({ path, headers: req.headers, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
			const answer = scripted.get(path)?.shift() ?? { status: 200 };
			const send = () => {
				if (res.destroyed) return;
				res.writeHead(answer.status, { 'content-type': 'application/json' });
				res.end('{}');
			};
			if (answer.delayMs) setTimeout(send, answer.delayMs);
			else send();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

async function settled(): Promise<void> {
	await Promise.race([sim.idle(), new Promise((_, reject) => setTimeout(() => reject(new Error('deliveries did not finish')), 8000))]);
}

async function subscribe(topics: string[], path = '/hook'): Promise<any> {
	const res = await post('/webhooks', { address: `${hookBase}${path}`, topics });
	expect(res.status).toBe(200);
	return res.json;
}

// ----- fixtures ---------------------------------------------------------------------------------

const CUSTOMER = { name: '陳志明', email: 'chen.zhiming@example.tw' };
const MOBILE_CUSTOMER = { name: 'สมชาย ใจดี', mobile_phone: '0812345678', mobile_phone_country_calling_code: '66' };
const address = (n: number) => ({ city: '台北市', postcode: '100', address_1: `忠孝東路 ${n} 號`, recipient_name: '陳志明', recipient_phone: '0912345678', country: 'TW' });

async function createCustomer(body: Record<string, unknown> = CUSTOMER, query = ''): Promise<Reply> {
	return post(`/customers${query}`, body);
}

function product(sku: string): any {
	return [...sim.products.values()].find((p) => p.sku === sku)!;
}

function orderBody(extra: Record<string, unknown> = {}, itemExtra: Record<string, unknown> = {}) {
	const pho = product('P-PHO');
	const item = { item_type: 'Product', item_id: pho.id, item_price: 65, quantity: 2, total: 130, ...itemExtra };
	return {
		order: {
			delivery_option_id: DELIVERY_OPTIONS[0].id,
			payment_method_id: PAYMENT_METHODS[0].id,
			subtotal: 130,
			total: 190,
			items: [item],
			customer_email: 'guest.buyer@example.vn',
			delivery_address: { city: 'Hà Nội', address_1: '12 Cầu Giấy', recipient_name: 'Trần Thị Lan', recipient_phone: '0912345678', country: 'VN' },
			...extra,
		},
	};
}

function anyLiveOrder(): any {
	return [...sim.orders.values()].find((o) => !o.archived && o.status === 'pending' && o.customer_id)!;
}

function anyArchivedOrder(): any {
	return [...sim.orders.values()].find((o) => o.archived)!;
}

beforeAll(async () => {
	sim = createShopline({ webhookRetryDelayMs: 20, webhookTimeoutMs: 400 });
	server = new SandboxServer().mount(sim);
	await server.start();
	base = `${server.baseUrl}/shopline/v1`;
	await startReceiver();
});

afterAll(async () => {
	await sim.idle();
	await server.stop();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(() => {
	server.reset();
	received.length = 0;
	scripted.clear();
});

// =================================================================================================

describe('auth', () => {
	it('demo credentials: a static token and the merchant handle as User-Agent', async () => {
		expect(SHOPLINE_DEMO).toEqual({ accessToken: expect.any(String), userAgent: expect.any(String) });
		expect((await get('/customers')).status).toBe(200);
	});

	it('a request without User-Agent is refused with an error body [INF 400]', async () => {
		const res = await requestWithoutUserAgent('/customers');
		expect(res.status).toBe(400);
		expect(res.json).toEqual({ error: expect.stringContaining('User-Agent'), code: 'InvalidUserAgent' });
	});

	it('a User-Agent that is not the merchant handle is refused [INF]', async () => {
		const res = await get('/customers', { userAgent: 'node' });
		expect(res.status).toBe(400);
		expect(res.json.code).toBe('InvalidUserAgent');
	});

	it('userAgent: "present" accepts any non-empty User-Agent', async () => {
		await control({ action: 'settings', userAgent: 'present' });
		expect((await get('/customers', { userAgent: 'axios/1.7' })).status).toBe(200);
	});

	it('userAgentStatus switches the refusal to 401', async () => {
		await control({ action: 'settings', userAgentStatus: 401 });
		expect((await get('/customers', { userAgent: 'someone-else' })).status).toBe(401);
	});

	it('no Authorization header → 401 {message, code}', async () => {
		const res = await get('/customers', { token: null });
		expect(res.status).toBe(401);
		expect(res.json).toEqual({ message: expect.any(String), code: 'Unauthorized' });
	});

	it('a wrong token → 401 {message, code}', async () => {
		const res = await get('/customers', { token: 'not-a-token' });
		expect(res.status).toBe(401);
		expect(res.json.code).toBe('Unauthorized');
	});

	it('a token past its "Expired At" → 401 TokenExpired; a future expiry still works', async () => {
		const past = { token: 'expired-token', handle: SHOPLINE_DEMO.userAgent, expiresAt: '2020-01-01T00:00:00.000Z' };
		const future = { token: 'future-token', handle: SHOPLINE_DEMO.userAgent, expiresAt: '2999-01-01T00:00:00.000Z' };
		await control({ action: 'addToken', token: past });
		await control({ action: 'addToken', token: future });
		const expired = await get('/customers', { token: 'expired-token' });
		expect(expired.status).toBe(401);
		expect(expired.json.code).toBe('TokenExpired');
		expect((await get('/customers', { token: 'future-token' })).status).toBe(200);
	});

	it('expireTokens (control) makes every token fail with 401', async () => {
		await control({ action: 'expireTokens' });
		expect((await get('/token/info')).status).toBe(401);
	});

	it('a token without the resource scope → 403 [INF]', async () => {
		await control({ action: 'addToken', token: { token: 'orders-only', handle: SHOPLINE_DEMO.userAgent, scopes: ['orders'] } });
		expect((await get('/orders', { token: 'orders-only' })).status).toBe(200);
		const res = await get('/customers', { token: 'orders-only' });
		expect(res.status).toBe(403);
		expect(res.json.code).toBe('Forbidden');
	});

	it('GET /token/info returns staff, merchant (id, handle), scopes and expires_at null for a never-expiring token', async () => {
		const res = await get('/token/info');
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			staff: expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{24}$/) }),
			merchant: expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f]{24}$/), handle: SHOPLINE_DEMO.userAgent }),
			scopes: ['customers', 'orders', 'products', 'webhooks'],
			expires_at: null,
		});
	});

	it.each([
		['GET', '/token/info'],
		['GET', '/customers'],
		['POST', '/customers'],
		['GET', '/customers/search'],
		['GET', '/customers/000000000000000000000000'],
		['PUT', '/customers/000000000000000000000000'],
		['DELETE', '/customers/000000000000000000000000'],
		['GET', '/orders'],
		['GET', '/orders/search'],
		['POST', '/orders'],
		['GET', '/orders/000000000000000000000000'],
		['PATCH', '/orders/000000000000000000000000/status'],
		['PATCH', '/orders/000000000000000000000000/cancel'],
		['GET', '/products'],
		['GET', '/products/000000000000000000000000'],
		['GET', '/webhooks'],
		['POST', '/webhooks'],
		['GET', '/webhooks/000000000000000000000000'],
		['PUT', '/webhooks/000000000000000000000000'],
		['DELETE', '/webhooks/000000000000000000000000'],
	])('auth is checked on %s %s', async (method, path) => {
		const res = await api(method, path, { token: 'wrong', body: method === 'GET' || method === 'DELETE' ? undefined : {} });
		expect(res.status).toBe(401);
	});

	it('a body that is not JSON → 400', async () => {
		const res = await api('POST', '/customers', { raw: '{"name": ' });
		expect(res.status).toBe(400);
		expect(res.json.code).toBe('BadRequest');
	});
});

describe('rate limit: 20 requests per second per token', () => {
	it('the 21st request inside one second → 429 with the documented body and no Retry-After', async () => {
		const replies = await Promise.all(Array.from({ length: 21 }, () => get('/token/info')));
		const limited = replies.filter((r) => r.status === 429);
		expect(replies.filter((r) => r.status === 200)).toHaveLength(20);
		expect(limited).toHaveLength(1);
		expect(limited[0].json).toEqual({
			error: 'Rate limit exceeded for attempts to access Open API. please try again later',
			code: 'RateLimitExceeded',
		});
		expect(limited[0].headers.get('retry-after')).toBeNull();
		expect(sim.rateLimited).toBe(1);
	});

	it('the window slides: requests are allowed again once the window has passed', async () => {
		await control({ action: 'settings', rateLimit: 3, rateWindowMs: 200 });
		for (let i = 0; i < 3; i++) expect((await get('/token/info')).status).toBe(200);
		expect((await get('/token/info')).status).toBe(429);
		await new Promise((r) => setTimeout(r, 220));
		expect((await get('/token/info')).status).toBe(200);
	});

	it('the budget is per token', async () => {
		await control({ action: 'settings', rateLimit: 2 });
		await control({ action: 'addToken', token: { token: 'second-token', handle: SHOPLINE_DEMO.userAgent } });
		await get('/token/info');
		await get('/token/info');
		expect((await get('/token/info')).status).toBe(429);
		expect((await get('/token/info', { token: 'second-token' })).status).toBe(200);
	});

	it('counts every 429 it sends', async () => {
		await control({ action: 'settings', rateLimit: 1 });
		await get('/token/info');
		await get('/token/info');
		await get('/token/info');
		expect(sim.rateLimited).toBe(2);
		expect((server.vendor('shopline') as ShoplineSim).rateLimited).toBe(2);
	});

	it('redirectOnce: an injected redirect marks its Location, and a marked request is not redirected again', async () => {
		sim.setFaults({ nextRedirect: 5, redirectTo: '', redirectOnce: true, pathFilter: '/customers' });
		const from = server.requests('shopline').length;
		const headers = { Authorization: `Bearer ${SHOPLINE_DEMO.accessToken}`, 'User-Agent': SHOPLINE_DEMO.userAgent };
		const first = await fetch(`${base}/customers?page=1`, { headers, redirect: 'manual' });
		expect([first.status, first.headers.get('location')]).toEqual([307, `${new URL(base).pathname}/customers?page=1&${REDIRECTED_MARK}=1`]);
		const followed = await fetch(`${base}/customers?page=1`, { headers });
		expect(followed.status).toBe(200);
		expect(server.requests('shopline').slice(from).map((r) => r.status)).toEqual([307, 307, 200]);
		expect(sim.faults.nextRedirect).toBe(3);
	});

	it('rateLimitBody() and injected 429 bursts use the same body, without Retry-After', async () => {
		expect(sim.rateLimitBody()).toEqual({ status: 429, body: SHOPLINE_RATE_LIMIT_BODY });
		sim.setFaults({ next429: 1 });
		const res = await get('/customers');
		expect(res.status).toBe(429);
		expect(res.json).toEqual(SHOPLINE_RATE_LIMIT_BODY);
		expect(res.headers.get('retry-after')).toBeNull();
	});
});

// =================================================================================================

describe('POST /customers (seed 002)', () => {
	it('creates a customer and answers the customer object', async () => {
		const res = await createCustomer();
		expect(res.status).toBe(200);
		expect(res.json).toEqual(
			expect.objectContaining({
				id: expect.stringMatching(/^[0-9a-f]{24}$/),
				name: '陳志明',
				email: 'chen.zhiming@example.tw',
				mobile_phone: null,
				phones: [],
				gender: null,
				tags: [],
				membership_tier: null,
				delivery_addresses: [],
				created_by: 'openapi',
				created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
				updated_at: expect.stringMatching(/Z$/),
			}),
		);
		expect(sim.customers.get(res.json.id)?.name).toBe('陳志明');
	});

	it.each([
		['missing', { email: 'a@example.com' }],
		['blank', { name: '  ', email: 'a@example.com' }],
		['not a string', { name: 42, email: 'a@example.com' }],
	])('name is required (%s) → 422 naming the field', async (_label, body) => {
		const res = await createCustomer(body);
		expect(res.status).toBe(422);
		expect(res.json).toEqual({ message: expect.stringContaining('name'), code: 'UnprocessableEntity', extras: { field: 'name' } });
	});

	it('email or mobile_phone is required', async () => {
		const res = await createCustomer({ name: 'Lê Hoàng Phúc' });
		expect(res.status).toBe(422);
		expect(res.json.message).toMatch(/email or mobile_phone/);
	});

	it('a mobile phone alone (with its calling code) is enough', async () => {
		const res = await createCustomer(MOBILE_CUSTOMER);
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ mobile_phone: '0812345678', mobile_phone_country_calling_code: '66', email: null });
	});

	it('an invalid email → 422 [INF]', async () => {
		expect((await createCustomer({ name: 'x', email: 'not-an-email' })).status).toBe(422);
	});

	it('mobile_phone without mobile_phone_country_calling_code → 422', async () => {
		const res = await createCustomer({ name: 'Nguyễn Văn An', mobile_phone: '0912345678' });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('mobile_phone_country_calling_code');
	});

	it('mobile_phone_country_calling_code without mobile_phone → 422', async () => {
		const res = await createCustomer({ ...CUSTOMER, mobile_phone_country_calling_code: '886' });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('mobile_phone');
	});

	it('the calling code must be one of the shop\'s mobile sign-up countries', async () => {
		await control({ action: 'settings', mobileSignUpCountries: ['886'] });
		const res = await createCustomer(MOBILE_CUSTOMER);
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('mobile_phone_country_calling_code');
		expect((await createCustomer({ name: '林雅婷', mobile_phone: '0912345678', mobile_phone_country_calling_code: '886' })).status).toBe(200);
	});

	it('mobile_phone may list several numbers separated by commas', async () => {
		const res = await createCustomer({ ...MOBILE_CUSTOMER, mobile_phone: '0812345678,0898765432' });
		expect(res.status).toBe(200);
		const dup = await createCustomer({ name: 'other', mobile_phone: '0898765432', mobile_phone_country_calling_code: '66' });
		expect(dup.status).toBe(422);
	});

	it('at most 5 delivery addresses: 5 accepted, 6 → 422', async () => {
		const five = await createCustomer({ ...CUSTOMER, delivery_addresses: [1, 2, 3, 4, 5].map(address) });
		expect(five.status).toBe(200);
		expect(five.json.delivery_addresses).toHaveLength(5);
		const six = await createCustomer({ ...CUSTOMER, email: 'six@example.tw', delivery_addresses: [1, 2, 3, 4, 5, 6].map(address) });
		expect(six.status).toBe(422);
		expect(six.json.extras.field).toBe('delivery_addresses');
	});

	it('delivery_addresses must be objects', async () => {
		expect((await createCustomer({ ...CUSTOMER, delivery_addresses: ['Taipei'] })).status).toBe(422);
	});

	it.each(['birth_year', 'birth_month', 'birth_day'])('birthday cannot be sent together with %s', async (part) => {
		const res = await createCustomer({ ...CUSTOMER, birthday: '1990-04-30', [part]: part === 'birth_year' ? 1990 : 4 });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('birthday');
	});

	it('a birthday in the 1800s is invalid', async () => {
		const res = await createCustomer({ ...CUSTOMER, birthday: '1899-12-31' });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('birthday');
	});

	it('the birthday is checked against the admin age limit', async () => {
		await control({ action: 'settings', minimumAge: 18 });
		const young = new Date();
		young.setUTCFullYear(young.getUTCFullYear() - 10);
		const res = await createCustomer({ ...CUSTOMER, birthday: young.toISOString().slice(0, 10) });
		expect(res.status).toBe(422);
		expect(res.json.message).toMatch(/age limit/);
		expect((await createCustomer({ ...CUSTOMER, birthday: '1990-04-30' })).status).toBe(200);
	});

	it('a birthday in the future is invalid even without an age limit', async () => {
		expect((await createCustomer({ ...CUSTOMER, birthday: '2999-01-01' })).status).toBe(422);
	});

	it.each(['1990/04/30', '1990-02-30', 'yesterday'])('a birthday that is not a date (%s) → 422', async (birthday) => {
		expect((await createCustomer({ ...CUSTOMER, birthday })).status).toBe(422);
	});

	it('a valid birthday is stored and split into birth_year/month/day', async () => {
		const res = await createCustomer({ ...CUSTOMER, birthday: '1990-04-30' });
		expect(res.json).toMatchObject({ birthday: '1990-04-30', birth_year: 1990, birth_month: 4, birth_day: 30 });
	});

	it('birth_year/month/day alone are accepted; birthday fills missing parts with 1904/1/1', async () => {
		const res = await createCustomer({ ...CUSTOMER, birth_month: 7, birth_day: 15 });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ birth_year: null, birth_month: 7, birth_day: 15, birthday: '1904-07-15' });
	});

	it.each([
		['birth_month', 13],
		['birth_day', 0],
		['birth_year', 1850],
		['birth_year', 1990.5],
	])('%s = %p is out of range → 422 [INF]', async (field, value) => {
		expect((await createCustomer({ ...CUSTOMER, [field]: value })).status).toBe(422);
	});

	it.each([...GENDERS])('gender %p is accepted', async (gender) => {
		const res = await createCustomer({ ...CUSTOMER, gender });
		expect(res.status).toBe(200);
		expect(res.json.gender).toBe(gender);
	});

	it('any other gender → 422', async () => {
		const res = await createCustomer({ ...CUSTOMER, gender: 'M' });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('gender');
	});

	it('send_notification defaults to true: reset-password mail and welcome email', async () => {
		const res = await createCustomer();
		expect(sim.notifications.filter((n) => n.resource_id === res.json.id).map((n) => n.kind)).toEqual(['reset_password', 'welcome']);
	});

	it('send_notification: false sends nothing', async () => {
		const res = await createCustomer({ ...CUSTOMER, send_notification: false });
		expect(sim.notifications.filter((n) => n.resource_id === res.json.id)).toEqual([]);
	});

	it('SMS is sent only when the SMS feature is enabled', async () => {
		const off = await createCustomer(MOBILE_CUSTOMER);
		expect(sim.notifications.filter((n) => n.resource_id === off.json.id)).toEqual([]);
		await control({ action: 'settings', smsEnabled: true });
		const on = await createCustomer({ ...MOBILE_CUSTOMER, mobile_phone: '0899999999' });
		expect(sim.notifications.filter((n) => n.resource_id === on.json.id)).toEqual([
			{ to: '+66899999999', channel: 'sms', kind: 'welcome', resource_id: on.json.id },
		]);
	});

	it('notification_types limits the welcome channels', async () => {
		await control({ action: 'settings', smsEnabled: true });
		const res = await createCustomer({ ...CUSTOMER, ...MOBILE_CUSTOMER, name: 'x', notification_types: ['sms'] });
		const kinds = sim.notifications.filter((n) => n.resource_id === res.json.id).map((n) => `${n.channel}:${n.kind}`);
		expect(kinds).toEqual(['email:reset_password', 'sms:welcome']);
	});

	it('notification_types only allows email and sms', async () => {
		const res = await createCustomer({ ...CUSTOMER, notification_types: ['line'] });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('notification_types');
	});

	it.each(['is_send_welcome_credit', 'is_allow_welcome_credit'])('%s: true grants the welcome credit', async (flag) => {
		const res = await createCustomer({ ...CUSTOMER, [flag]: true });
		expect(res.json.credit_balance).toBe(50);
	});

	it('welcome credit defaults to false, and nothing is granted when the admin has it disabled', async () => {
		expect((await createCustomer()).json.credit_balance).toBe(0);
		await control({ action: 'settings', welcomeCredit: 0 });
		expect((await createCustomer({ ...CUSTOMER, email: 'b@example.tw', is_send_welcome_credit: true })).json.credit_balance).toBe(0);
	});

	it.each([
		'send_notification',
		'is_member',
		'is_accept_marketing',
		'is_subscribed_marketing_email',
		'is_subscribed_marketing_sms',
		'is_send_welcome_credit',
		'is_allow_welcome_credit',
	])('%s must be a boolean', async (flag) => {
		const res = await createCustomer({ ...CUSTOMER, [flag]: 'yes' });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe(flag);
	});

	it('marketing flags and is_member are stored', async () => {
		const res = await createCustomer({ ...CUSTOMER, is_member: true, is_accept_marketing: true, is_subscribed_marketing_email: true, is_subscribed_marketing_sms: false });
		expect(res.json).toMatchObject({ is_member: true, is_accept_marketing: true, is_subscribed_marketing_email: true, is_subscribed_marketing_sms: false, registered_by: 'openapi' });
	});

	it.each(CREATION_SOURCES)('created_by / registered_by accept %p [INF values]', async (source) => {
		const res = await createCustomer({ ...CUSTOMER, created_by: source, registered_by: source, created_by_channel_id: 'ch-1', registered_by_channel_id: 'ch-2' });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ created_by: source, registered_by: source, created_by_channel_id: 'ch-1', registered_by_channel_id: 'ch-2' });
	});

	it.each(['created_by', 'registered_by'])('%s outside the enum → 422', async (field) => {
		expect((await createCustomer({ ...CUSTOMER, [field]: 'zapier' })).status).toBe(422);
	});

	it('tags are stored; a non-string tag → 422', async () => {
		expect((await createCustomer({ ...CUSTOMER, tags: ['vip', '台北'] })).json.tags).toEqual(['vip', '台北']);
		expect((await createCustomer({ ...CUSTOMER, email: 'c@example.tw', tags: [1] })).status).toBe(422);
	});

	it('membership_tier_id sets membership_tier with translated names; an unknown tier → 422 [INF]', async () => {
		const tier = MEMBERSHIP_TIERS[1];
		const res = await createCustomer({ ...CUSTOMER, membership_tier_id: tier.id });
		expect(res.json.membership_tier).toEqual({ id: tier.id, level: 2, name_translations: { en: 'Gold', 'zh-hant': '金卡會員' }, status: 'active' });
		const bad = await createCustomer({ ...CUSTOMER, email: 'd@example.tw', membership_tier_id: 'ffffffffffffffffffffffff' });
		expect(bad.status).toBe(422);
	});

	it('memo is stored; a non-string memo → 422', async () => {
		expect((await createCustomer({ ...CUSTOMER, memo: '常客 regular' })).json.memo).toBe('常客 regular');
		expect((await createCustomer({ ...CUSTOMER, email: 'e@example.tw', memo: 5 })).status).toBe(422);
	});

	it('phones (comma-separated, unverified) become a list; phone is its last entry', async () => {
		const res = await createCustomer({ ...CUSTOMER, phones: '02-2345-6789, 02-8765-4321', phone: '0911000111', phone_country_code: '886' });
		expect(res.json).toMatchObject({ phones: ['02-2345-6789', '02-8765-4321', '0911000111'], phone: '0911000111', phone_country_code: '886' });
	});

	it('fields[] keeps only the listed keys of the response', async () => {
		const res = await createCustomer(CUSTOMER, '?fields[]=id&fields[]=name');
		expect(Object.keys(res.json).sort()).toEqual(['id', 'name']);
	});

	it('excludes[] removes the listed keys from the response', async () => {
		const res = await createCustomer(CUSTOMER, '?excludes[]=delivery_addresses&excludes[]=memo');
		expect(res.json).not.toHaveProperty('delivery_addresses');
		expect(res.json).not.toHaveProperty('memo');
		expect(res.json).toHaveProperty('email');
	});

	it('a duplicate email → 422 [INF]', async () => {
		await createCustomer();
		const res = await createCustomer({ name: 'someone', email: 'CHEN.zhiming@example.tw' });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('email');
	});

	it('a duplicate mobile phone (same calling code) → 422 [INF]; another country is fine', async () => {
		await createCustomer(MOBILE_CUSTOMER);
		const dup = await createCustomer({ ...MOBILE_CUSTOMER, name: 'other', mobile_phone: '081-234-5678' });
		expect(dup.status).toBe(422);
		expect(dup.json.extras.field).toBe('mobile_phone');
		expect((await createCustomer({ ...MOBILE_CUSTOMER, mobile_phone_country_calling_code: '84' })).status).toBe(200);
	});

	it('duplicateStatus adjusts the duplicate answer', async () => {
		await control({ action: 'settings', duplicateStatus: 409 });
		await createCustomer();
		expect((await createCustomer()).status).toBe(409);
	});
});

// =================================================================================================

describe('GET /customers', () => {
	it('defaults: per_page 24, page 1, newest created first, with the pagination object', async () => {
		const res = await get('/customers');
		expect(res.status).toBe(200);
		expect(res.json.items).toHaveLength(24);
		expect(res.json.pagination).toEqual({ current_page: 1, per_page: 24, total_count: 60, total_pages: 3 });
		const created = res.json.items.map((c: any) => c.created_at);
		expect(created).toEqual([...created].sort().reverse());
	});

	it('sort_by=asc returns oldest first; anything else → 422', async () => {
		const asc = await get('/customers?sort_by=asc&per_page=5');
		const created = asc.json.items.map((c: any) => c.created_at);
		expect(created).toEqual([...created].sort());
		expect((await get('/customers?sort_by=newest')).status).toBe(422);
	});

	it('page walks through the list', async () => {
		const last = await get('/customers?page=3');
		expect(last.json.items).toHaveLength(12);
		expect(last.json.pagination.current_page).toBe(3);
	});

	it('per_page allows up to 999 [INF]; 0 or 1000 → 422', async () => {
		expect((await get('/customers?per_page=999')).json.items).toHaveLength(60);
		expect((await get('/customers?per_page=1000')).status).toBe(422);
		expect((await get('/customers?per_page=0')).status).toBe(422);
	});

	it('updated_after / updated_before filter by updated time (UTC, inclusive)', async () => {
		const all = [...sim.customers.values()].map((c) => c.updated_at).sort();
		const from = all[10];
		const to = all[20];
		const res = await get(`/customers?per_page=999&updated_after=${from}&updated_before=${to}`);
		const expected = all.filter((t) => t >= from && t <= to).length;
		expect(res.json.pagination.total_count).toBe(expected);
		expect(res.json.items.every((c: any) => c.updated_at >= from && c.updated_at <= to)).toBe(true);
	});

	it.each(['last-week', '12Z', '2026-02-30T10:00:00Z', '2026-13-01', '1767607200'])('a time that cannot be read (%s) → 422', async (value) => {
		expect((await get(`/customers?updated_after=${encodeURIComponent(value)}`)).status).toBe(422);
	});

	it('times are UTC as documented: no zone means UTC, an offset is honoured, the same instant filters the same', async () => {
		const t = [...sim.customers.values()].map((c) => c.updated_at).sort()[15];
		const utc = new Date(Date.parse(t));
		const bare = utc.toISOString().slice(0, 23);
		const bangkok = `${new Date(utc.getTime() + 7 * 3_600_000).toISOString().slice(0, 23)}+07:00`;
		const counts = await Promise.all([t, bare, bangkok].map(async (v) => (await get(`/customers?per_page=999&updated_after=${encodeURIComponent(v)}`)).json.pagination.total_count));
		expect(new Set(counts).size).toBe(1);
	});

	it('previous_id returns the records after that id in the sort order (desc)', async () => {
		const firstPage = await get('/customers?per_page=10');
		const lastId = firstPage.json.items[9].id;
		const next = await get(`/customers?per_page=10&previous_id=${lastId}`);
		const all = await get('/customers?per_page=20');
		expect(next.json.items.map((c: any) => c.id)).toEqual(all.json.items.slice(10).map((c: any) => c.id));
	});

	it('previous_id follows sort_by=asc as well', async () => {
		const all = await get('/customers?per_page=30&sort_by=asc');
		const next = await get(`/customers?per_page=5&sort_by=asc&previous_id=${all.json.items[4].id}`);
		expect(next.json.items.map((c: any) => c.id)).toEqual(all.json.items.slice(5, 10).map((c: any) => c.id));
	});

	it('page and previous_id together → 422 [INF]', async () => {
		const id = [...sim.customers.keys()][0];
		const res = await get(`/customers?page=2&previous_id=${id}`);
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('previous_id');
	});

	it('an unknown previous_id → 422 [INF]', async () => {
		expect((await get('/customers?previous_id=ffffffffffffffffffffffff')).status).toBe(422);
	});

	it('walking with previous_id visits every customer exactly once', async () => {
		const seen: string[] = [];
		let previous = '';
		for (let i = 0; i < 10; i++) {
			const res = await get(`/customers?per_page=25${previous ? `&previous_id=${previous}` : ''}`);
			if (!res.json.items.length) break;
			seen.push(...res.json.items.map((c: any) => c.id));
			previous = seen[seen.length - 1];
		}
		expect(seen).toHaveLength(60);
		expect(new Set(seen).size).toBe(60);
	});

	it('seeded customers have Chinese, Thai and Vietnamese names and 24-hex ids', async () => {
		const names = (await get('/customers?per_page=60')).json.items.map((c: any) => c.name).join(' ');
		expect(names).toMatch(/[\u4e00-\u9fff]/);
		expect(names).toMatch(/[\u0e00-\u0e7f]/);
		expect(names).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
		expect([...sim.customers.keys()].every((id) => /^[0-9a-f]{24}$/.test(id))).toBe(true);
	});
});

describe('GET /customers/search', () => {
	it('finds by email (case-insensitive)', async () => {
		await createCustomer();
		const res = await get('/customers/search?email=Chen.Zhiming@example.tw');
		expect(res.json.items.map((c: any) => c.name)).toEqual(['陳志明']);
		expect(res.json.pagination.total_count).toBe(1);
	});

	it.each(['0812345678', '812345678', '+66812345678', '66812345678'])('finds by mobile_phone written as %s [INF matching]', async (phone) => {
		const created = await createCustomer(MOBILE_CUSTOMER);
		const res = await get(`/customers/search?mobile_phone=${encodeURIComponent(phone)}`);
		expect(res.json.items.map((c: any) => c.id)).toEqual([created.json.id]);
	});

	it('finds by phone among the unverified phones', async () => {
		const created = await createCustomer({ ...CUSTOMER, phones: '02-2345-6789', phone_country_code: '886' });
		const res = await get('/customers/search?phone=0223456789');
		expect(res.json.items.map((c: any) => c.id)).toEqual([created.json.id]);
	});

	it('finds by exact name and by free text query', async () => {
		const created = await createCustomer({ name: 'Đặng Ngọc Thảo', email: 'thao@example.vn' });
		expect((await get(`/customers/search?name=${encodeURIComponent('Đặng Ngọc Thảo')}`)).json.items[0].id).toBe(created.json.id);
		expect((await get('/customers/search?query=thao@example')).json.items.map((c: any) => c.id)).toEqual([created.json.id]);
	});

	it('search_fields[] limits which fields the query looks at', async () => {
		await createCustomer({ name: 'Ka Ho Chan', email: 'kaho@example.hk' });
		expect((await get('/customers/search?query=kaho&search_fields[]=name')).json.items).toHaveLength(0);
		expect((await get('/customers/search?query=kaho&search_fields[]=email')).json.items).toHaveLength(1);
	});

	it('no match → empty items with total_count 0', async () => {
		const res = await get('/customers/search?email=nobody@example.com');
		expect(res.json).toEqual({ items: [], pagination: { current_page: 1, per_page: 24, total_count: 0, total_pages: 0 } });
	});

	it('search results are paginated', async () => {
		const res = await get('/customers/search?tags=tw&per_page=5');
		expect(res.json.items).toHaveLength(5);
		expect(res.json.pagination.total_count).toBe(15);
	});
});

describe('GET / PUT / DELETE /customers/{id}', () => {
	it('GET returns the customer; unknown id → 404', async () => {
		const created = await createCustomer();
		expect((await get(`/customers/${created.json.id}`)).json.email).toBe('chen.zhiming@example.tw');
		const missing = await get('/customers/ffffffffffffffffffffffff');
		expect(missing.status).toBe(404);
		expect(missing.json).toEqual({ message: 'Customer not found', code: 'NotFound' });
	});

	it('GET honours fields[]', async () => {
		const created = await createCustomer();
		expect((await get(`/customers/${created.json.id}?fields[]=email`)).json).toEqual({ email: 'chen.zhiming@example.tw' });
	});

	it('PUT updates the given fields and updated_at', async () => {
		const created = await createCustomer();
		await new Promise((r) => setTimeout(r, 5));
		const res = await put(`/customers/${created.json.id}`, { memo: 'VIP 客戶', tags: ['vip'], gender: 'female' });
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({ memo: 'VIP 客戶', tags: ['vip'], gender: 'female', name: '陳志明' });
		expect(res.json.updated_at > created.json.updated_at).toBe(true);
	});

	it.each([
		['mobile phone without its calling code', { mobile_phone: '0912345678' }],
		['more than 5 addresses', { delivery_addresses: [1, 2, 3, 4, 5, 6].map(address) }],
		['birthday with birth_year', { birthday: '1990-01-01', birth_year: 1990 }],
		['a blank name', { name: '' }],
		['an unknown gender', { gender: 'x' }],
		['phone without phone_country_code', { phone: '0911000111' }],
		['tier_expires_at in the past', { tier_expires_at: '2020-01-01' }],
		['removing the only contact', { email: null }],
	])('PUT rejects %s with 422', async (_label, body) => {
		const created = await createCustomer();
		expect((await put(`/customers/${created.json.id}`, body)).status).toBe(422);
	});

	it('PUT may keep the customer\'s own email but not take another customer\'s', async () => {
		const a = await createCustomer();
		await createCustomer({ name: 'B', email: 'b@example.tw' });
		expect((await put(`/customers/${a.json.id}`, { email: 'chen.zhiming@example.tw' })).status).toBe(200);
		expect((await put(`/customers/${a.json.id}`, { email: 'b@example.tw' })).status).toBe(422);
	});

	it('PUT birthday replaces birth parts', async () => {
		const created = await createCustomer({ ...CUSTOMER, birth_year: 1980 });
		const res = await put(`/customers/${created.json.id}`, { birthday: '1991-02-03' });
		expect(res.json).toMatchObject({ birthday: '1991-02-03', birth_year: 1991, birth_month: 2, birth_day: 3 });
	});

	it('PUT on an unknown id → 404', async () => {
		expect((await put('/customers/ffffffffffffffffffffffff', { memo: 'x' })).status).toBe(404);
	});

	it('DELETE removes the customer and answers {message}', async () => {
		const created = await createCustomer();
		const res = await api('DELETE', `/customers/${created.json.id}`);
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ message: expect.any(String) });
		expect((await get(`/customers/${created.json.id}`)).status).toBe(404);
		expect((await api('DELETE', `/customers/${created.json.id}`)).status).toBe(404);
	});
});

// =================================================================================================

describe('GET /orders', () => {
	it('lists newest first with the pagination object, money objects and translated item titles', async () => {
		const res = await get('/orders');
		expect(res.status).toBe(200);
		expect(res.json.pagination).toEqual({ current_page: 1, per_page: 24, total_count: 240, total_pages: 10 });
		const o = res.json.items[0];
		expect(o).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{24}$/),
			order_number: expect.any(String),
			status: expect.stringMatching(/^(pending|confirmed|completed|cancelled)$/),
			customer_id: expect.any(String),
			customer_name: expect.any(String),
			customer_email: expect.any(String),
			customer_phone: expect.any(String),
			archived: false,
			subtotal: { cents: expect.any(Number), currency_symbol: 'NT$', currency_iso: 'TWD', label: expect.stringMatching(/^NT\$/), dollars: expect.any(Number) },
			total: { cents: expect.any(Number), currency_iso: 'TWD', dollars: expect.any(Number), label: expect.any(String), currency_symbol: 'NT$' },
			delivery_address: expect.objectContaining({ recipient_name: expect.any(String) }),
		});
		expect(o.subtotal_items[0]).toMatchObject({
			item_type: 'Product',
			title_translations: expect.objectContaining({ en: expect.any(String), 'zh-hant': expect.any(String) }),
			item_price: expect.objectContaining({ cents: expect.any(Number) }),
			quantity: expect.any(Number),
		});
		expect(o.total.cents).toBe(o.total.dollars * 100);
		expect(res.json.items[0].created_at > res.json.items[1].created_at).toBe(true);
	});

	it('created_after / created_before filter by creation time', async () => {
		const res = await get('/orders?created_after=2023-01-01T01:00:00Z&created_before=2023-01-01T02:00:00Z&per_page=999');
		expect(res.json.pagination.total_count).toBe(31);
		expect(res.json.items.every((o: any) => o.created_at >= '2023-01-01T01:00:00' && o.created_at <= '2023-01-01T02:00:00.000Z')).toBe(true);
	});

	it('updated_after / updated_before filter by update time', async () => {
		const times = [...sim.orders.values()].map((o) => o.updated_at).sort();
		const res = await get(`/orders?per_page=999&updated_after=${times[100]}&updated_before=${times[120]}`);
		expect(res.json.items.every((o: any) => o.updated_at >= times[100] && o.updated_at <= times[120])).toBe(true);
		expect(res.json.pagination.total_count).toBe(times.filter((t) => t >= times[100] && t <= times[120]).length);
	});

	it('order_ids[] selects orders', async () => {
		const ids = [...sim.orders.keys()].slice(20, 23);
		const res = await get(`/orders?${ids.map((id) => `order_ids[]=${id}`).join('&')}`);
		expect(res.json.items.map((o: any) => o.id).sort()).toEqual([...ids].sort());
	});

	it.each(ORDER_STATUSES)('status=%s filters by status', async (status) => {
		const res = await get(`/orders?status=${status}&per_page=999`);
		expect(res.json.items.length).toBeGreaterThan(0);
		expect(res.json.items.every((o: any) => o.status === status)).toBe(true);
	});

	it('statuses[] takes several statuses; an unknown status → 422', async () => {
		const res = await get('/orders?statuses[]=pending&statuses[]=completed&per_page=999');
		expect(new Set(res.json.items.map((o: any) => o.status))).toEqual(new Set(['pending', 'completed']));
		expect((await get('/orders?status=shipped')).status).toBe(422);
	});

	it('customer_id filters by customer', async () => {
		const customerId = [...sim.customers.keys()][3];
		const res = await get(`/orders?customer_id=${customerId}`);
		expect(res.json.pagination.total_count).toBe(4);
		expect(res.json.items.every((o: any) => o.customer_id === customerId)).toBe(true);
	});

	it('previous_id keyset and sort_by=asc', async () => {
		const page1 = await get('/orders?per_page=50&sort_by=asc');
		const page2 = await get(`/orders?per_page=50&sort_by=asc&previous_id=${page1.json.items[49].id}`);
		const both = await get('/orders?per_page=100&sort_by=asc');
		expect([...page1.json.items, ...page2.json.items].map((o: any) => o.id)).toEqual(both.json.items.map((o: any) => o.id));
	});

	it('page and previous_id together → 422', async () => {
		expect((await get(`/orders?page=1&previous_id=${[...sim.orders.keys()][0]}`)).status).toBe(422);
	});

	it('archived orders are listed and marked archived: true', async () => {
		const res = await get('/orders?sort_by=asc&per_page=20');
		expect(res.json.items.filter((o: any) => o.archived)).toHaveLength(12);
	});
});

describe('GET /orders/search', () => {
	it('sort_by is not supported → 422', async () => {
		const res = await get('/orders/search?sort_by=asc');
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('sort_by');
	});

	it('finds by order_number', async () => {
		const o = anyLiveOrder();
		const res = await get(`/orders/search?order_number=${o.order_number}`);
		expect(res.json.items.map((x: any) => x.id)).toEqual([o.id]);
	});

	it('finds by customer_email, customer_id and phone_number', async () => {
		const o = anyLiveOrder();
		expect((await get(`/orders/search?customer_email=${o.customer_email}`)).json.items.every((x: any) => x.customer_email === o.customer_email)).toBe(true);
		expect((await get(`/orders/search?customer_id=${o.customer_id}`)).json.pagination.total_count).toBe(4);
		expect((await get(`/orders/search?phone_number=${o.customer_phone}`)).json.items.some((x: any) => x.id === o.id)).toBe(true);
	});

	it('query searches order number, customer fields and product titles', async () => {
		const res = await get(`/orders/search?query=${encodeURIComponent('珍珠奶茶')}&per_page=999`);
		expect(res.json.items.length).toBeGreaterThan(0);
		expect(res.json.items.every((o: any) => o.subtotal_items.some((i: any) => i.title_translations['zh-hant'] === '珍珠奶茶'))).toBe(true);
	});

	it('status filters search results; pagination object included', async () => {
		const res = await get('/orders/search?status=cancelled&per_page=5');
		expect(res.json.items.every((o: any) => o.status === 'cancelled')).toBe(true);
		expect(res.json.pagination).toEqual(expect.objectContaining({ per_page: 5, current_page: 1 }));
	});
});

describe('GET /orders/{id}', () => {
	it('returns the order', async () => {
		const o = anyLiveOrder();
		const res = await get(`/orders/${o.id}`);
		expect(res.status).toBe(200);
		expect(res.json.id).toBe(o.id);
	});

	it('an unknown id → 404', async () => {
		expect((await get('/orders/ffffffffffffffffffffffff')).status).toBe(404);
	});

	it('an archived order → 410 with a body saying it is archived [INF wording]', async () => {
		const res = await get(`/orders/${anyArchivedOrder().id}`);
		expect(res.status).toBe(410);
		expect(res.json).toEqual({ message: expect.stringMatching(/archived/), code: 'OrderArchived' });
		expect(res.json.message).toMatch(/Get Archived Orders/);
	});

	it('control archive archives any order', async () => {
		const o = anyLiveOrder();
		await control({ action: 'archive', id: o.id });
		expect((await get(`/orders/${o.id}`)).status).toBe(410);
	});
});

describe('POST /orders', () => {
	it('creates an order from {order:{…}} and answers the order with money objects', async () => {
		const res = await post('/orders', orderBody());
		expect(res.status).toBe(200);
		expect(res.json).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{24}$/),
			status: 'pending',
			customer_email: 'guest.buyer@example.vn',
			subtotal: { cents: 13000, dollars: 130, currency_iso: 'TWD', label: 'NT$130', currency_symbol: 'NT$' },
			total: { cents: 19000, dollars: 190 },
			created_by: 'openapi',
			archived: false,
		});
		expect(res.json.subtotal_items[0]).toMatchObject({
			item_id: product('P-PHO').id,
			title_translations: { en: 'Beef pho', 'zh-hant': '越南牛肉河粉', vi: 'Phở bò' },
			item_price: { cents: 6500 },
			quantity: 2,
			total: { cents: 13000 },
		});
		expect(sim.orders.has(res.json.id)).toBe(true);
	});

	it('a body without the order wrapper → 422', async () => {
		const res = await post('/orders', orderBody().order);
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('order');
	});

	it.each(['delivery_option_id', 'payment_method_id', 'subtotal', 'total', 'items', 'delivery_address'])(
		'missing %s → 422 naming the field',
		async (field) => {
			const body = orderBody();
			delete (body.order as Record<string, unknown>)[field];
			const res = await post('/orders', body);
			expect(res.status).toBe(422);
			expect(res.json.extras.field).toBe(field);
			expect(res.json.message).toContain(field);
		},
	);

	it('customer_id or customer_email is required', async () => {
		const res = await post('/orders', orderBody({ customer_email: undefined }));
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('customer_id');
	});

	it('customer_id must be a known customer; it fills the customer fields', async () => {
		expect((await post('/orders', orderBody({ customer_email: undefined, customer_id: 'ffffffffffffffffffffffff' }))).status).toBe(422);
		const c = await createCustomer(MOBILE_CUSTOMER);
		const res = await post('/orders', orderBody({ customer_email: undefined, customer_id: c.json.id }));
		expect(res.json).toMatchObject({ customer_id: c.json.id, customer_name: 'สมชาย ใจดี', customer_phone: '0812345678' });
	});

	it('customer_email of an existing customer links the order; an unknown email makes a guest order [INF]', async () => {
		const c = await createCustomer();
		expect((await post('/orders', orderBody({ customer_email: CUSTOMER.email }))).json.customer_id).toBe(c.json.id);
		const guest = await post('/orders', orderBody());
		expect(guest.json).toMatchObject({ customer_id: null, is_guest_checkout: true });
	});

	it.each(['item_type', 'item_id', 'item_price', 'quantity', 'total'])('an item without %s → 422 naming it', async (field) => {
		const body = orderBody();
		delete (body.order.items[0] as Record<string, unknown>)[field];
		const res = await post('/orders', body);
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe(`items[0].${field}`);
	});

	it('item_type must be "Product"', async () => {
		expect((await post('/orders', orderBody({}, { item_type: 'Gift' }))).status).toBe(422);
	});

	it('item_id must be a known product', async () => {
		expect((await post('/orders', orderBody({}, { item_id: 'ffffffffffffffffffffffff' }))).json.extras.field).toBe('items[0].item_id');
	});

	it('item_price must equal the product\'s current price', async () => {
		const res = await post('/orders', orderBody({}, { item_price: 60, total: 120 }));
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('items[0].item_price');
	});

	it('the current price of a product on sale is its sale price', async () => {
		const tart = product('P-EGG-TART');
		const item = { item_type: 'Product', item_id: tart.id, item_price: 20, quantity: 1, total: 20 };
		expect((await post('/orders', orderBody({ items: [item], subtotal: 20, total: 20 }))).status).toBe(200);
		const full = { ...item, item_price: 25, total: 25 };
		expect((await post('/orders', orderBody({ items: [full], subtotal: 25, total: 25 }))).status).toBe(422);
	});

	it('variation_id: required for products with variations [INF], must belong to the product, priced per variation', async () => {
		const boba = product('P-BOBA');
		const item = { item_type: 'Product', item_id: boba.id, item_price: 65, quantity: 1, total: 65 };
		expect((await post('/orders', orderBody({ items: [item], subtotal: 65, total: 65 }))).json.extras.field).toBe('items[0].variation_id');
		const wrong = { ...item, variation_id: 'ffffffffffffffffffffffff' };
		expect((await post('/orders', orderBody({ items: [wrong], subtotal: 65, total: 65 }))).status).toBe(422);
		const large = { ...item, variation_id: boba.variations[1].id };
		const res = await post('/orders', orderBody({ items: [large], subtotal: 65, total: 65 }));
		expect(res.status).toBe(200);
		expect(res.json.subtotal_items[0]).toMatchObject({ item_variation_id: boba.variations[1].id, fields_translations: { en: ['Large'], 'zh-hant': ['大杯'] } });
	});

	it.each([0, -1, 1.5])('quantity %p → 422', async (quantity) => {
		expect((await post('/orders', orderBody({}, { quantity }))).json.extras.field).toBe('items[0].quantity');
	});

	it('an item total other than price × quantity → 422 [INF]', async () => {
		expect((await post('/orders', orderBody({}, { total: 100 }))).json.extras.field).toBe('items[0].total');
	});

	it('a subtotal other than the sum of item totals → 422 [INF]; total is taken as given (fees not calculated)', async () => {
		expect((await post('/orders', orderBody({ subtotal: 100 }))).json.extras.field).toBe('subtotal');
		expect((await post('/orders', orderBody({ total: 130 }))).json.total.dollars).toBe(130);
	});

	it('third-party logistics are refused', async () => {
		const res = await post('/orders', orderBody({ delivery_option_id: DELIVERY_OPTIONS[2].id }));
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('delivery_option_id');
	});

	it.each([PAYMENT_METHODS[2], PAYMENT_METHODS[3]])('payment method $type is refused (no third-party payments, no SHOPLINE Payments)', async (method) => {
		const res = await post('/orders', orderBody({ payment_method_id: method.id }));
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('payment_method_id');
	});

	it('unknown delivery option or payment method → 422', async () => {
		expect((await post('/orders', orderBody({ delivery_option_id: 'x' }))).status).toBe(422);
		expect((await post('/orders', orderBody({ payment_method_id: 'x' }))).status).toBe(422);
	});

	it('delivery_address must be an object', async () => {
		expect((await post('/orders', orderBody({ delivery_address: 'Hà Nội' }))).json.extras.field).toBe('delivery_address');
	});
});

describe('PATCH /orders/{id}/status', () => {
	it.each(ORDER_STATUSES)('sets status %s', async (status) => {
		const o = [...sim.orders.values()].find((x) => !x.archived && x.status !== status)!;
		const res = await patch(`/orders/${o.id}/status`, { status });
		expect(res.status).toBe(200);
		expect(res.json.status).toBe(status);
		expect(sim.orders.get(o.id)!.status).toBe(status);
	});

	it('any other status → 422', async () => {
		const res = await patch(`/orders/${anyLiveOrder().id}/status`, { status: 'shipped' });
		expect(res.status).toBe(422);
		expect(res.json.extras.field).toBe('status');
	});

	it('mail_notify defaults to false; true mails the customer', async () => {
		const o = anyLiveOrder();
		await patch(`/orders/${o.id}/status`, { status: 'confirmed' });
		expect(sim.notifications.filter((n) => n.resource_id === o.id)).toHaveLength(0);
		await patch(`/orders/${o.id}/status`, { status: 'completed', mail_notify: true });
		expect(sim.notifications.filter((n) => n.resource_id === o.id).map((n) => n.kind)).toEqual(['order_completed']);
	});

	it('archived order → 410; unknown order → 404', async () => {
		expect((await patch(`/orders/${anyArchivedOrder().id}/status`, { status: 'confirmed' })).status).toBe(410);
		expect((await patch('/orders/ffffffffffffffffffffffff/status', { status: 'confirmed' })).status).toBe(404);
	});
});

describe('PATCH /orders/{id}/cancel', () => {
	it('cancels the order and answers {order_items_stock_tag}', async () => {
		const o = anyLiveOrder();
		const res = await patch(`/orders/${o.id}/cancel`, { cancelled_reason: { key: 'other', message: '客戶取消' } });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({ order_items_stock_tag: [] });
		const after = (await get(`/orders/${o.id}`)).json;
		expect(after).toMatchObject({ status: 'cancelled', cancelled_reason: { key: 'other', message: '客戶取消' }, cancelled_at: expect.any(String) });
	});

	it('revert_credits and revert_member_points {strategy: "revert"} give the customer back credit and points', async () => {
		const o = [...sim.orders.values()].find((x) => !x.archived && x.status !== 'cancelled' && x.userCreditCents > 0 && x.order_points > 0)!;
		const before = (await get(`/customers/${o.customer_id}`)).json;
		await patch(`/orders/${o.id}/cancel`, { revert_credits: { strategy: 'revert' }, revert_member_points: { strategy: 'revert' } });
		const after = (await get(`/customers/${o.customer_id}`)).json;
		expect(after.credit_balance - before.credit_balance).toBe(o.userCreditCents / 100);
		expect(after.member_point_balance - before.member_point_balance).toBe(o.order_points);
		expect((await get(`/orders/${o.id}`)).json).toMatchObject({ revert_credits: true, revert_member_points: true });
	});

	it('by default nothing is reverted', async () => {
		const o = [...sim.orders.values()].find((x) => !x.archived && x.status !== 'cancelled' && x.userCreditCents > 0)!;
		const before = (await get(`/customers/${o.customer_id}`)).json;
		await patch(`/orders/${o.id}/cancel`, {});
		expect((await get(`/customers/${o.customer_id}`)).json.credit_balance).toBe(before.credit_balance);
	});

	it('mail_notify defaults to true', async () => {
		const o = anyLiveOrder();
		await patch(`/orders/${o.id}/cancel`, {});
		expect(sim.notifications.filter((n) => n.resource_id === o.id).map((n) => n.kind)).toEqual(['order_cancelled']);
	});

	it.each([
		['revert_credits', { revert_credits: { strategy: 'all' } }],
		['operated_by', { operated_by: 'robot' }],
		['refund_order', { refund_order: 'yes' }],
		['cancelled_reason', { cancelled_reason: 'changed mind' }],
	])('an invalid %s → 422', async (_field, body) => {
		expect((await patch(`/orders/${anyLiveOrder().id}/cancel`, body)).status).toBe(422);
	});

	it('cancelling a cancelled order → 422 [INF]; archived → 410', async () => {
		const o = anyLiveOrder();
		await patch(`/orders/${o.id}/cancel`, {});
		expect((await patch(`/orders/${o.id}/cancel`, {})).status).toBe(422);
		expect((await patch(`/orders/${anyArchivedOrder().id}/cancel`, {})).status).toBe(410);
	});
});

// =================================================================================================

describe('products', () => {
	it('GET /products lists products with translated titles, money prices and variations', async () => {
		const res = await get('/products');
		expect(res.status).toBe(200);
		expect(res.json.pagination).toEqual({ current_page: 1, per_page: 24, total_count: 6, total_pages: 1 });
		const boba = res.json.items.find((p: any) => p.sku === 'P-BOBA');
		expect(boba).toMatchObject({
			id: expect.stringMatching(/^[0-9a-f]{24}$/),
			title_translations: { en: 'Bubble tea', 'zh-hant': '珍珠奶茶' },
			price: { cents: 5500, dollars: 55, currency_iso: 'TWD', label: 'NT$55' },
			variations: [
				expect.objectContaining({ sku: 'P-BOBA-M', price: expect.objectContaining({ dollars: 55 }) }),
				expect.objectContaining({ sku: 'P-BOBA-L', price: expect.objectContaining({ dollars: 65 }) }),
			],
		});
	});

	it('GET /products pages with per_page', async () => {
		const res = await get('/products?per_page=4&page=2');
		expect(res.json.items).toHaveLength(2);
	});

	it('GET /products/{id} returns the product; unknown → 404', async () => {
		const p = product('P-MANGO');
		expect((await get(`/products/${p.id}`)).json.title_translations).toEqual({ en: 'Mango sticky rice', 'zh-hant': '芒果糯米飯', th: 'ข้าวเหนียวมะม่วง' });
		expect((await get('/products/ffffffffffffffffffffffff')).status).toBe(404);
	});
});

// =================================================================================================

describe('webhooks API', () => {
	it('POST /webhooks answers {id, format:"json", address, status:"active", merchant_id, created_at, updated_at, topics}', async () => {
		const res = await post('/webhooks', { address: `${hookBase}/hook`, topics: ['order/create', 'user/create'] });
		expect(res.status).toBe(200);
		expect(res.json).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{24}$/),
			format: 'json',
			address: `${hookBase}/hook`,
			status: 'active',
			merchant_id: expect.stringMatching(/^[0-9a-f]{24}$/),
			topics: ['order/create', 'user/create'],
			webhook_version: null,
			created_at: expect.any(String),
			updated_at: expect.any(String),
		});
	});

	it('every documented topic is accepted', async () => {
		expect(SHOPLINE_TOPICS).toHaveLength(45);
		const res = await post('/webhooks', { address: `${hookBase}/all`, topics: [...SHOPLINE_TOPICS] });
		expect(res.status).toBe(200);
		expect(res.json.topics).toEqual([...SHOPLINE_TOPICS]);
	});

	it('an unknown topic → 422 naming it', async () => {
		const res = await post('/webhooks', { address: `${hookBase}/hook`, topics: ['order/create', 'orders/created'] });
		expect(res.status).toBe(422);
		expect(res.json.message).toContain('orders/created');
	});

	it('extraTopics widens the accepted list', async () => {
		await control({ action: 'settings', extraTopics: ['order/remove'] });
		expect((await post('/webhooks', { address: `${hookBase}/hook`, topics: ['order/remove'] })).status).toBe(200);
	});

	it.each([
		['no address', { topics: ['order/create'] }],
		['a non-URL address', { address: 'not a url', topics: ['order/create'] }],
		['no topics', { address: 'https://example.com/hook' }],
		['empty topics', { address: 'https://example.com/hook', topics: [] }],
	])('%s → 422', async (_label, body) => {
		expect((await post('/webhooks', body)).status).toBe(422);
	});

	it('GET /webhooks lists subscriptions with pagination; GET /webhooks/{id} returns one', async () => {
		const a = await subscribe(['order/create']);
		await subscribe(['user/create'], '/other');
		const list = await get('/webhooks');
		expect(list.json.items).toHaveLength(2);
		expect(list.json.pagination.total_count).toBe(2);
		expect((await get(`/webhooks/${a.id}`)).json).toEqual(a);
		expect((await get('/webhooks/ffffffffffffffffffffffff')).status).toBe(404);
	});

	it('PUT /webhooks/{id} changes address and topics; unknown topics are refused', async () => {
		const w = await subscribe(['order/create']);
		const res = await put(`/webhooks/${w.id}`, { address: `${hookBase}/moved`, topics: ['order/update'] });
		expect(res.json).toMatchObject({ address: `${hookBase}/moved`, topics: ['order/update'] });
		expect((await put(`/webhooks/${w.id}`, { topics: ['nope'] })).status).toBe(422);
		expect((await put('/webhooks/ffffffffffffffffffffffff', { topics: ['order/update'] })).status).toBe(404);
	});

	it('DELETE /webhooks/{id} removes the subscription [INF: answers it with status "removed"]', async () => {
		const w = await subscribe(['order/create']);
		const res = await api('DELETE', `/webhooks/${w.id}`);
		expect(res.json).toMatchObject({ id: w.id, status: 'removed' });
		expect((await get(`/webhooks/${w.id}`)).status).toBe(404);
		expect((await get('/webhooks')).json.items).toHaveLength(0);
	});
});

describe('webhook deliveries', () => {
	it('a created customer is delivered to user/create subscribers with topic and event-id headers', async () => {
		const w = await subscribe(['user/create']);
		const c = await createCustomer();
		await settled();
		expect(received).toHaveLength(1);
		const [hit] = received;
		expect(hit.headers['x-shopline-topic']).toBe('user/create');
		expect(hit.headers['x-shopline-event-id']).toMatch(/^[0-9a-f]{24}$/);
		expect(hit.headers['x-shopline-webhook-id']).toBe(w.id);
		expect(hit.headers['content-type']).toBe('application/json');
		expect(hit.body).toEqual({
			id: hit.headers['x-shopline-event-id'],
			topic: 'user/create',
			merchant_id: w.merchant_id,
			resource_id: c.json.id,
			resource: expect.objectContaining({ id: c.json.id, name: '陳志明' }),
			created_at: expect.any(String),
		});
		expect(sim.deliveries[0]).toMatchObject({ topic: 'user/create', delivered: true, attempts: [expect.objectContaining({ status: 200 })] });
	});

	it.each([
		['user/update', async (id: string) => put(`/customers/${id}`, { memo: 'x' })],
		['user/remove', async (id: string) => api('DELETE', `/customers/${id}`)],
	])('%s fires on the customer change', async (topic, change) => {
		await subscribe([topic as string]);
		const c = await createCustomer();
		await (change as (id: string) => Promise<Reply>)(c.json.id);
		await settled();
		expect(received.map((r) => r.body.topic)).toEqual([topic]);
		expect(received[0].body.resource_id).toBe(c.json.id);
	});

	it('order/create, order/update and order/cancel fire on order changes', async () => {
		await subscribe(['order/create', 'order/update', 'order/cancel']);
		const created = await post('/orders', orderBody());
		await patch(`/orders/${created.json.id}/status`, { status: 'confirmed' });
		await patch(`/orders/${created.json.id}/cancel`, {});
		await settled();
		expect(received.map((r) => r.body.topic)).toEqual(['order/create', 'order/update', 'order/cancel', 'order/update']);
		expect(received.every((r) => r.body.resource_id === created.json.id)).toBe(true);
	});

	it('cancelling through the status endpoint also fires order/cancel', async () => {
		await subscribe(['order/cancel']);
		await patch(`/orders/${anyLiveOrder().id}/status`, { status: 'cancelled' });
		await settled();
		expect(received.map((r) => r.body.topic)).toEqual(['order/cancel']);
	});

	it('only active subscriptions with the topic receive the event', async () => {
		await subscribe(['order/create'], '/orders-only');
		const removed = await subscribe(['user/create'], '/removed');
		await api('DELETE', `/webhooks/${removed.id}`);
		await subscribe(['user/create'], '/customers');
		await createCustomer();
		await settled();
		expect(received.map((r) => r.path)).toEqual(['/customers']);
	});

	it('a non-200 answer is retried with the same event id, then succeeds', async () => {
		await subscribe(['user/create'], '/flaky');
		scripted.set('/flaky', [{ status: 500 }, { status: 503 }]);
		await createCustomer();
		await settled();
		expect(received).toHaveLength(3);
		expect(new Set(received.map((r) => r.headers['x-shopline-event-id'])).size).toBe(1);
		expect(sim.deliveries[0].attempts.map((a) => a.status)).toEqual([500, 503, 200]);
		expect(sim.deliveries[0].delivered).toBe(true);
	});

	it('gives up after 3 retries (4 attempts)', async () => {
		await subscribe(['user/create'], '/down');
		scripted.set('/down', Array.from({ length: 10 }, () => ({ status: 500 })));
		await createCustomer();
		await settled();
		expect(received).toHaveLength(4);
		expect(sim.deliveries[0]).toMatchObject({ delivered: false });
	});

	it('only exactly 200 counts: a 201 or 204 is retried', async () => {
		await subscribe(['user/create'], '/created');
		scripted.set('/created', [{ status: 201 }, { status: 204 }]);
		await createCustomer();
		await settled();
		expect(sim.deliveries[0].attempts.map((a) => a.status)).toEqual([201, 204, 200]);
	});

	it('an answer slower than the timeout (15 s, shortened here) is retried', async () => {
		await subscribe(['user/create'], '/slow');
		scripted.set('/slow', [{ status: 200, delayMs: 700 }]);
		await createCustomer();
		await settled();
		expect(sim.deliveries[0].attempts.map((a) => a.status)).toEqual([0, 200]);
		expect(received).toHaveLength(2);
	});

	it('the default timeout is 15 s and retries 3', () => {
		const fresh = createShopline();
		expect(fresh.config).toMatchObject({ webhookTimeoutMs: 15_000, webhookRetries: 3 });
	});

	it('control emit fires any documented topic with the given data', async () => {
		await subscribe(['merchant/update', 'product/update']);
		const res = await control({ action: 'emit', topic: 'merchant/update', data: { id: 'm1', name: 'Demo shop' } });
		expect(res.subscriptions).toBe(1);
		const p = product('P-PHO');
		await control({ action: 'emit', topic: 'product/update', id: p.id });
		await settled();
		expect(received[0].body).toMatchObject({ topic: 'merchant/update', resource: { id: 'm1', name: 'Demo shop' } });
		expect(received[1].body).toMatchObject({ topic: 'product/update', resource_id: p.id, resource: expect.objectContaining({ sku: 'P-PHO' }) });
	});

	it('control emit refuses an unknown topic', async () => {
		expect(await control({ action: 'emit', topic: 'nope/x' })).toEqual({ error: 'unknown topic nope/x' });
	});
});

// =================================================================================================

describe('seeded data, state and control', () => {
	it('seed(n) makes 20,000 orders and Return All over previous_id sees each once', async () => {
		const res = await control({ action: 'seed', orders: 20_000 });
		expect(res).toEqual({ customers: 5000, orders: 20_000 });
		await control({ action: 'settings', rateLimit: 10_000 });
		const seen = new Set<string>();
		let previous = '';
		for (let i = 0; i < 30; i++) {
			const page = await get(`/orders?per_page=999${previous ? `&previous_id=${previous}` : ''}`);
			if (!page.json.items.length) break;
			for (const o of page.json.items) seen.add(o.id);
			previous = page.json.items[page.json.items.length - 1].id;
		}
		expect(seen.size).toBe(20_000);
		expect([...sim.orders.values()].filter((o) => o.archived)).toHaveLength(1000);
	});

	it('seeding is deterministic', () => {
		const a = createShopline();
		const b = createShopline();
		expect([...a.orders.keys()]).toEqual([...b.orders.keys()]);
		expect([...a.customers.values()].map((c) => c.name)).toEqual([...b.customers.values()].map((c) => c.name));
	});

	it('archivedShare adjusts how many seeded orders are archived', async () => {
		await control({ action: 'settings', archivedShare: 0.5 });
		await control({ action: 'seed', orders: 100 });
		expect([...sim.orders.values()].filter((o) => o.archived)).toHaveLength(50);
	});

	it('currency setting changes money objects', async () => {
		await control({ action: 'settings', currency: 'THB' });
		const res = await get('/products?per_page=1');
		expect(res.json.items[0].price).toMatchObject({ currency_iso: 'THB', currency_symbol: '฿' });
	});

	it('the state endpoint shows what was written, deliveries and notifications', async () => {
		const c = await createCustomer();
		const res = await fetch(`${server.baseUrl}/__sandbox/state/shopline`);
		const state = (await res.json()) as any;
		expect(state.counts).toMatchObject({ customers: 61, orders: 240, products: 6 });
		expect(state.customers.map((x: any) => x.id)).toEqual([c.json.id]);
		expect(state.notifications.length).toBeGreaterThan(0);
	});

	it('reset restores seeded data, tokens and settings', async () => {
		await createCustomer();
		await control({ action: 'settings', rateLimit: 1 });
		server.reset();
		expect(sim.customers.size).toBe(60);
		expect(sim.config.rateLimit).toBe(20);
		expect((await get('/customers')).status).toBe(200);
	});
});
