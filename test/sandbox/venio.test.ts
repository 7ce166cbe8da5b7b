/**
 * Venio CRM (Gofive) simulator: one test per documented rule and per adjustable guess.
 * A real SandboxServer on 127.0.0.1 (port 0) with only Venio mounted; requests go through fetch
 * (and node:http for the one GET that carries a JSON body).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { SandboxServer } from '../../sandbox/core';
import { APIM_INVALID_KEY, APIM_MISSING_KEY, AUTH_REQUIRED, createVenio, VENIO_DEMO, VenioSim } from '../../sandbox/venio';

let server: SandboxServer;
let sim: VenioSim;
let root: string;
let token: string | undefined;

interface Reply {
	status: number;
	json: any;
	headers: Headers;
	bytes: Buffer;
}

const KEY = VENIO_DEMO.subscriptionKey;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const DEMO_FORM = { grant_type: 'client_credentials', client_id: VENIO_DEMO.clientId, client_secret: VENIO_DEMO.clientSecret };

async function send(method: string, url: string, headers: Record<string, string>, body?: string): Promise<Reply> {
	const res = await fetch(url, { method, headers, body });
	const bytes = Buffer.from(await res.arrayBuffer());
	let json: any;
	try {
		json = JSON.parse(bytes.toString('utf8'));
	} catch {
		json = undefined;
	}
	return { status: res.status, json, headers: res.headers, bytes };
}

async function tokenCall(fields: Record<string, string> = DEMO_FORM, headers: Record<string, string> = {}, path = '/authorization/connect/token'): Promise<Reply> {
	return send('POST', `${root}${path}`, { 'Content-Type': 'application/x-www-form-urlencoded', 'Ocp-Apim-Subscription-Key': KEY, ...headers }, form(fields));
}

async function bearerToken(): Promise<string> {
	token ??= (await tokenCall()).json.access_token as string;
	return token;
}

/** An API call with a valid token and subscription key unless `headers` overrides them (null removes). */
async function api(method: string, path: string, body?: unknown, headers: Record<string, string | null> = {}): Promise<Reply> {
	const all: Record<string, string | null> = {
		Authorization: `Bearer ${await bearerToken()}`,
		'Ocp-Apim-Subscription-Key': KEY,
		'Content-Type': 'application/json',
		...headers,
	};
	const clean = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== null)) as Record<string, string>;
	return send(method, `${root}${path}`, clean, body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
}

/** GET with a JSON body (fetch refuses one), for /v1/customerEvent/filter. */
async function getWithBody(path: string, body: unknown): Promise<Reply> {
	const auth = await bearerToken();
	const url = new URL(`${root}${path}`);
	const payload = JSON.stringify(body);
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: 'GET', headers: { Authorization: `Bearer ${auth}`, 'Ocp-Apim-Subscription-Key': KEY, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const bytes = Buffer.concat(chunks);
				resolve({ status: res.statusCode ?? 0, json: JSON.parse(bytes.toString('utf8')), headers: new Headers(), bytes });
			});
		});
		req.on('error', reject);
		req.end(payload);
	});
}

async function control(body: Record<string, unknown>): Promise<any> {
	const res = await fetch(`${server.baseUrl}/__sandbox/control/venio`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	return res.json();
}

const expectOk = (r: Reply, status = 200) => {
	expect(r.json.status).toEqual({ code: '1000', description: 'Success' });
	expect(r.status).toBe(status);
};
const expectFail = (r: Reply, code: string, fragment: string | RegExp, status = 400) => {
	expect(r.status).toBe(status);
	expect(r.json.data).toBeNull();
	expect(r.json.status.code).toBe(code);
	if (typeof fragment === 'string') expect(r.json.status.description).toContain(fragment);
	else expect(r.json.status.description).toMatch(fragment);
};

// ----- webhook receiver -----------------------------------------------------------------------

const received: any[] = [];
let receiver: http.Server;
let hookUrl: string;

async function settled(): Promise<void> {
	await Promise.race([sim.flush(), new Promise((_, reject) => setTimeout(() => reject(new Error('deliveries did not finish')), 5000))]);
}

// ----- fixtures ---------------------------------------------------------------------------------

const CUSTOMER = { customerName: 'ร้านกาแฟ บ้านสวน', customerState: 3 };
const ORDER = { customerCode: 'C000001', salesOrderSubject: 'Test order', salesorderDetails: [{ productCode: 'P-PHO', qty: 3, price: 100, vatTaxValue: 7 }] };
const QUOTE = { customerCode: 'C000002', quotationSubject: 'Test quote', quotationDetails: [{ productCode: 'P-BOBA', qty: 2, price: 50, vatTaxValue: 7 }] };

async function createCustomer(extra: Record<string, unknown> = {}): Promise<any> {
	const r = await api('POST', '/v3/customers', { ...CUSTOMER, ...extra });
	expectOk(r, 201);
	return r.json.data;
}

async function createOrder(extra: Record<string, unknown> = {}): Promise<any> {
	const r = await api('POST', '/v2/salesorder', { ...ORDER, ...extra });
	expectOk(r, 201);
	return r.json.data;
}

beforeAll(async () => {
	sim = createVenio();
	server = new SandboxServer().mount(sim);
	await server.start();
	root = `${server.baseUrl}/venio`;
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
			res.writeHead(200).end('ok');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/venio-hook`;
});

afterAll(async () => {
	await server.stop();
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

beforeEach(() => {
	server.reset();
	token = undefined;
	received.length = 0;
});

// =================================================================================================

describe('token endpoint', () => {
	it('client_credentials form → 200 {access_token, expires_in 3600, token_type Bearer, scope}', async () => {
		const r = await tokenCall();
		expect(r.status).toBe(200);
		expect(Object.keys(r.json)).toEqual(['access_token', 'expires_in', 'token_type', 'scope']);
		expect(r.json).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
		expect(typeof r.json.access_token).toBe('string');
	});

	it('the legacy path /dev/authorization/Connect/Token issues tokens too', async () => {
		const r = await tokenCall(DEMO_FORM, {}, '/dev/authorization/Connect/Token');
		expect(r.status).toBe(200);
		expect((await api('GET', '/v3/customers/C000001', undefined, { Authorization: `Bearer ${r.json.access_token}` })).status).toBe(200);
	});

	it('the TTL is configurable', async () => {
		await control({ action: 'configure', tokenTtlSeconds: 120 });
		expect((await tokenCall()).json.expires_in).toBe(120);
	});

	it('a token past its TTL is refused with the V2 envelope', async () => {
		await control({ action: 'configure', tokenTtlSeconds: 0 });
		const r = await api('GET', '/v3/customers/C000001');
		expect(r.status).toBe(401);
		expect(r.json).toEqual({ status: { code: '401', description: AUTH_REQUIRED }, data: null });
	});

	it.each([
		['no subscription key', DEMO_FORM, { 'Ocp-Apim-Subscription-Key': '' }, 401, { statusCode: 401, message: APIM_MISSING_KEY }],
		['a wrong subscription key', DEMO_FORM, { 'Ocp-Apim-Subscription-Key': 'nope' }, 401, { statusCode: 401, message: APIM_INVALID_KEY }],
		['a wrong client secret', { ...DEMO_FORM, client_secret: 'x' }, {}, 400, { error: 'invalid_client' }],
		['an unknown client id', { ...DEMO_FORM, client_id: 'x' }, {}, 400, { error: 'invalid_client' }],
		['grant_type password', { ...DEMO_FORM, grant_type: 'password' }, {}, 400, { error: 'unsupported_grant_type' }],
		['no grant_type', { client_id: DEMO_FORM.client_id, client_secret: DEMO_FORM.client_secret }, {}, 400, { error: 'unsupported_grant_type' }],
		['a JSON body instead of a form', DEMO_FORM, { 'Content-Type': 'application/json' }, 400, { error: 'invalid_request' }],
	])('%s is refused', async (_label, fields, headers, status, body) => {
		const r = await tokenCall(fields, headers as Record<string, string>);
		expect(r.status).toBe(status);
		expect(r.json).toMatchObject(body);
		expect(sim.tokensIssued).toBe(0);
	});

	it('every token request is counted (public counter and /__sandbox/state)', async () => {
		await tokenCall();
		await tokenCall({ ...DEMO_FORM, client_secret: 'x' });
		expect(sim.tokenRequests).toBe(2);
		expect(sim.tokensIssued).toBe(1);
		const state = await (await fetch(`${server.baseUrl}/__sandbox/state/venio`)).json();
		expect(state).toMatchObject({ tokenRequests: 2, tokensIssued: 1 });
	});

	it('secrets are masked in the request log', async () => {
		await tokenCall();
		const [entry] = server.requests('venio');
		expect(entry.headers['ocp-apim-subscription-key']).toBe('0f****');
		expect(JSON.stringify(entry)).not.toContain(VENIO_DEMO.clientSecret);
	});
});

describe('every API call needs Bearer and the subscription key', () => {
	it.each([
		['no subscription key', { 'Ocp-Apim-Subscription-Key': null }, { statusCode: 401, message: APIM_MISSING_KEY }],
		['a wrong subscription key', { 'Ocp-Apim-Subscription-Key': 'nope' }, { statusCode: 401, message: APIM_INVALID_KEY }],
		['no Authorization header', { Authorization: null }, { status: { code: '401', description: AUTH_REQUIRED }, data: null }],
		['an unknown token', { Authorization: 'Bearer made-up' }, { status: { code: '401', description: AUTH_REQUIRED }, data: null }],
		['a Basic header', { Authorization: 'Basic dXNlcjpwYXNz' }, { status: { code: '401', description: AUTH_REQUIRED }, data: null }],
	])('%s → 401', async (_label, headers, body) => {
		for (const [method, path] of [['GET', '/v3/customers/C000001'], ['POST', '/v2/salesorder'], ['GET', '/dev/v1/SalesOrders/5001'], ['GET', '/v1/products/units']]) {
			const r = await api(method, path, method === 'POST' ? ORDER : undefined, headers);
			expect(r.status).toBe(401);
			expect(r.json).toEqual(body);
		}
		expect(sim.orders.size).toBe(3);
	});

	it('tokens expired by the vendor ("expire all tokens now") are refused; a new token works', async () => {
		expect((await api('GET', '/v3/customers/C000001')).status).toBe(200);
		await control({ action: 'expireTokens' });
		expect((await api('GET', '/v3/customers/C000001')).status).toBe(401);
		token = undefined;
		expect((await api('GET', '/v3/customers/C000001')).status).toBe(200);
	});

	it('APIM also takes the key as ?subscription-key=', async () => {
		const r = await api('GET', `/v3/customers/C000001?subscription-key=${KEY}`, undefined, { 'Ocp-Apim-Subscription-Key': null });
		expectOk(r);
	});

	it('[INF] the 401 envelope code is configurable', async () => {
		await control({ action: 'configure', authErrorCode: '4010' });
		expect((await api('GET', '/v3/customers/C000001', undefined, { Authorization: null })).json.status.code).toBe('4010');
	});

	it('[INF] a path outside the subscription answers 403 Forbidden', async () => {
		await control({ action: 'configure', forbiddenPaths: ['/v2/salesorder'] });
		expectFail(await api('GET', '/v2/salesorder/SO2601-0001'), '403', 'Forbidden', 403);
		expectFail(await api('GET', '/dev/v2/salesorder/SO2601-0001'), '403', 'Forbidden', 403);
		expectOk(await api('GET', '/v3/customers/C000001'));
	});
});

describe('envelope and errors', () => {
	it('success is {status:{code:"1000",description:"Success"}, data}', async () => {
		const r = await api('GET', '/v1/products/units');
		expect(Object.keys(r.json)).toEqual(['status', 'data']);
		expectOk(r);
	});

	it('one problem → 4001; several → 4002 with the descriptions joined by "; "', async () => {
		expectFail(await api('POST', '/v3/customers', { customerState: 1 }), '4001', /^customerName is required$/);
		const r = await api('POST', '/v3/customers', {});
		expectFail(r, '4002', 'customerName is required; customerState is required');
	});

	it('an internal failure → 500 E9905 (control failNext), then normal service', async () => {
		await control({ action: 'failNext', count: 1 });
		expectFail(await api('GET', '/v3/customers/C000001'), 'E9905', /.+/, 500);
		expectOk(await api('GET', '/v3/customers/C000001'));
	});

	it('a body that is not JSON → 400 4001', async () => {
		expectFail(await api('POST', '/v3/customers', '{"customerName":'), '4001', 'not valid JSON');
	});

	it('a JSON array body → 400 4001', async () => {
		expectFail(await api('POST', '/v3/customers', [CUSTOMER]), '4001', 'JSON object');
	});

	it('[INF] not found answers 400 4001; the status is configurable', async () => {
		expectFail(await api('GET', '/v3/customers/C999999'), '4001', 'C999999 not found');
		await control({ action: 'configure', notFoundStatus: 404 });
		expectFail(await api('GET', '/v3/customers/C999999'), '4001', 'not found', 404);
	});
});

describe('customers: POST /v3/customers (seed 000)', () => {
	const SEED_ORDER = [
		'customerId', 'customerName', 'customerCode', 'customerState', 'customerPicture', 'customer2ndName', 'customerAliases', 'branchCode',
		'customerPhone', 'customerMobile', 'customerEmail', 'customerSocialAccount', 'customerPosition', 'customerGender',
		'customerMaritalStatus', 'customerBirthdate', 'addresses', 'interestsName', 'classificationName', 'customFields',
		'customerType', 'customerNote', 'owners', 'customerStatus', 'leadStatus', 'customerIncome',
	];

	it('without customerCode → 201 with a generated code and the seed 201 shape (+ dateCreated/dateModified)', async () => {
		const r = await api('POST', '/v3/customers', { ...CUSTOMER, customerBirthdate: '2000-12-30', customerGender: 1, addresses: [{ locationAddress: '99 ถนนสุขุมวิท', locationName: 'Office', locationType: 1 }] });
		expectOk(r, 201);
		const d = r.json.data;
		expect(d.customerCode).toMatch(/^C\d{6}$/);
		expect(Object.keys(d).slice(0, SEED_ORDER.length)).toEqual(SEED_ORDER);
		expect(typeof d.customerId).toBe('string');
		expect(d.customerBirthdate).toBe('2000-12-30T00:00:00+0700');
		expect(d.addresses).toEqual([{ locationName: 'Office', locationAddress: '99 ถนนสุขุมวิท', locationType: 1, latitude: 0, longitude: 0 }]);
		expect(d.dateCreated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00$/);
		expect(d.dateModified).toBe(d.dateCreated);
		expect(sim.customers.at(-1)!.customerName).toBe(CUSTOMER.customerName);
	});

	it('the seed body with every field (valid values) is stored and read back', async () => {
		const full = {
			customerName: 'Gofive Demo Co., Ltd.', customerState: 1, customerStatus: 0, customerType: 1, customerPicture: 'https://example.com/p.png',
			customer2ndName: 'โกไฟว์', customerAliases: ['G5', 'Gofive'], customerTaxNo: '0105555555555', creditLimit: '50000', branchCode: '00000',
			customerPhone: '021234567', customerMobile: '0812345678', customerEmail: 'demo@gofive.example', customerPosition: 'CEO', customerGender: 2,
			customerMaritalStatus: 3, customerBirthdate: '1990-04-30', customerIncome: '100000',
			addresses: [{ locationAddress: '1 Rama IX', locationName: 'HQ', locationType: 1, latitude: 13.75, longitude: 100.5 }],
			sourceName: 'LINE', customerGroupName: 'Wholesale', leadStatus: 3, unqulifiedReasonName: 'Budget', unqulifiedReasonNote: 'Next year',
			interestsName: ['CRM'], customerTags: ['vip'], classificationName: 'A+', customFields: [{ customFieldName: 'Size', customFieldValue: ['L'] }],
			contacts: { contactName: 'Khun Anan', contactStatus: true, contactBirthdate: '1985-01-04' },
			customerSocialAccount: { facebook: 'gofive', line: '@gofive' }, customerNote: 'note', owners: ['E001'], primaryOwner: 'E002',
		};
		const created = (await api('POST', '/v3/customers', full)).json.data;
		const r = await api('GET', `/v3/customers/${created.customerCode}`);
		expectOk(r);
		const { customerBirthdate, owners, ...rest } = full;
		expect(r.json.data).toMatchObject({ ...rest, customerBirthdate: '1990-04-30T00:00:00+0700', owners: ['E001', 'E002'] });
		expect(customerBirthdate).toBe('1990-04-30');
		expect(owners).toEqual(['E001']);
	});

	it.each([
		[1, 1],
		[2, 4],
		[3, 4],
	])('without leadStatus a customerState %d customer gets leadStatus %d', async (state, lead) => {
		expect((await createCustomer({ customerState: state })).leadStatus).toBe(lead);
	});

	it('with customerCode → 200 update; unsent fields are kept, dateModified moves on', async () => {
		const c = await createCustomer({ customerEmail: 'a@b.example', customerStatus: 1, customerNote: 'moved away' });
		const r = await api('POST', '/v3/customers', { customerCode: c.customerCode, customerName: 'ร้านกาแฟ บ้านสวน 2', customerState: 2 });
		expectOk(r, 200);
		expect(r.json.data).toMatchObject({ customerCode: c.customerCode, customerName: 'ร้านกาแฟ บ้านสวน 2', customerState: 2, customerEmail: 'a@b.example' });
		expect(r.json.data.dateModified >= c.dateModified).toBe(true);
		expect(sim.customers.at(-1)!.dateModified).toBeGreaterThan(sim.customers.at(-1)!.dateCreated);
		expect(sim.customers).toHaveLength(13);
	});

	it('a renamed customer frees the old name and is found by the new one', async () => {
		const c = await createCustomer();
		await api('POST', '/v3/customers', { customerCode: c.customerCode, customerName: 'New name', customerState: 3 });
		expectOk(await api('GET', '/v3/customers/name/New%20name'));
		expectFail(await api('GET', `/v3/customers/name/${encodeURIComponent(CUSTOMER.customerName)}`), '4001', 'not found');
		await createCustomer();
	});

	it('updating a customer under its own name is not a conflict', async () => {
		const c = await createCustomer();
		expectOk(await api('POST', '/v3/customers', { ...CUSTOMER, customerCode: c.customerCode, customerPhone: '02' }));
	});

	it('an unknown customerCode → 400 4001 (nothing created)', async () => {
		expectFail(await api('POST', '/v3/customers', { ...CUSTOMER, customerCode: 'C999999' }), '4001', 'Customer C999999 not found');
		expect(sim.customers).toHaveLength(12);
	});

	const bad: [string, Record<string, unknown>, string][] = [
		['customerName missing', { customerName: undefined }, 'customerName is required'],
		['customerName blank', { customerName: '  ' }, 'customerName is required'],
		['customerName taken (any case)', { customerName: 'ร้านกาแฟ บ้านสวน'.toUpperCase() + '' }, 'already exists'],
		['customerState missing', { customerState: undefined }, 'customerState is required'],
		['customerState 0', { customerState: 0 }, 'customerState must be 1 (Lead), 2 (Prospect) or 3 (Customer)'],
		['customerState 4', { customerState: 4 }, 'customerState must be'],
		['customerState "3" (a string)', { customerState: '3' }, 'customerState must be a number'],
		['customerStatus 3', { customerStatus: 3 }, 'customerStatus must be 0 (active), 1 (ended) or 2 (closed)'],
		['customerStatus 1 (ended) without customerNote', { customerStatus: 1 }, 'customerNote is required when customerStatus is 1 (ended) or 2 (closed)'],
		['customerStatus 2 (closed) with a blank customerNote', { customerStatus: 2, customerNote: ' ' }, 'customerNote is required'],
		['customerType 3', { customerType: 3 }, 'customerType must be 1 (Business) or 2 (Individual)'],
		['customerGender 0', { customerGender: 0 }, 'customerGender must be 1 (Male) or 2 (Female)'],
		['customerMaritalStatus 7', { customerMaritalStatus: 7 }, 'customerMaritalStatus must be 1 (Single) to 6 (Widowed)'],
		['leadStatus 5', { leadStatus: 5 }, 'leadStatus must be 1 (New), 2 (Followup), 3 (Unqualified) or 4 (Interested)'],
		['Unqualified lead without unqulifiedReasonName', { customerState: 1, leadStatus: 3, unqulifiedReasonNote: 'n' }, 'unqulifiedReasonName is required when leadStatus is 3'],
		['Unqualified lead without unqulifiedReasonNote', { customerState: 1, leadStatus: 3, unqulifiedReasonName: 'n' }, 'unqulifiedReasonNote is required when leadStatus is 3'],
		['classificationName of 4 characters', { classificationName: 'ABCD' }, 'classificationName must be at most 3 characters'],
		['customerBirthdate 30/12/2000', { customerBirthdate: '30/12/2000' }, 'customerBirthdate must be a date in the format YYYY-MM-DD'],
		['customerBirthdate 2000-02-30 (no such day)', { customerBirthdate: '2000-02-30' }, 'customerBirthdate must be a date'],
		['customerBirthdate with a time', { customerBirthdate: '2000-12-30T00:00:00' }, 'customerBirthdate must be a date'],
		['an address without locationAddress', { addresses: [{ locationName: 'HQ', locationType: 1 }] }, 'addresses[0].locationAddress is required'],
		['an address without locationName', { addresses: [{ locationAddress: 'x', locationType: 2 }] }, 'addresses[0].locationName is required'],
		['an address with locationType 3', { addresses: [{ locationAddress: 'x', locationName: 'y', locationType: 3 }] }, 'addresses[0].locationType is required: 1 (billing) or 2 (shipping)'],
		['addresses not a list', { addresses: { locationAddress: 'x' } }, 'addresses must be an array'],
		['a custom field without customFieldName', { customFields: [{ customFieldValue: ['a'] }] }, 'customFields[0].customFieldName is required'],
		['a custom field whose value is not a list', { customFields: [{ customFieldName: 'Size', customFieldValue: 'L' }] }, 'customFields[0].customFieldValue is required'],
		['contacts without contactName', { contacts: { contactPhone: '02' } }, 'contacts.contactName is required'],
		['contacts.contactBirthdate 2000-00-04 (the seed sample)', { contacts: { contactName: 'A', contactBirthdate: '2000-00-04' } }, 'contacts.contactBirthdate must be a date in the format YYYY-MM-DD'],
		['[INF] an owner that is not an employee', { owners: ['E999'] }, 'owner E999 is not an employee code'],
		['[INF] a primaryOwner that is not an employee', { primaryOwner: 'E999' }, 'primaryOwner E999 is not an employee code'],
		['customerAliases not a list', { customerAliases: 'G5' }, 'customerAliases must be an array'],
		['customerSocialAccount not an object', { customerSocialAccount: 'gofive' }, 'customerSocialAccount must be an object'],
	];

	it.each(bad)('%s → 400 4001', async (_label, patch, message) => {
		if (message === 'already exists') await createCustomer();
		const before = sim.customers.length;
		const r = await api('POST', '/v3/customers', { ...CUSTOMER, ...patch });
		expectFail(r, '4001', message);
		expect(sim.customers).toHaveLength(before);
	});

	it.each([
		['an ended customer with a note', { customerStatus: 1, customerNote: 'left' }],
		['a closed customer with a note', { customerStatus: 2, customerNote: 'closed' }],
		['an Unqualified lead with both reasons', { customerState: 1, leadStatus: 3, unqulifiedReasonName: 'Budget', unqulifiedReasonNote: 'none' }],
		['leadStatus 3 on a Prospect (reasons only required for Leads)', { customerState: 2, leadStatus: 3 }],
		['classificationName of 3 characters', { classificationName: 'VIP' }],
		['customerBirthdate 2024-02-29', { customerBirthdate: '2024-02-29' }],
		['every customerMaritalStatus up to 6', { customerMaritalStatus: 6 }],
		['null for optional fields and lists', { customerPhone: null, owners: null, addresses: null, contacts: null, customerStatus: null }],
	])('%s is accepted', async (_label, patch) => {
		await createCustomer(patch);
	});

	it('several problems at once → 4002 listing each', async () => {
		const r = await api('POST', '/v3/customers', { ...CUSTOMER, customerState: 9, classificationName: 'ABCD', customerGender: 3 });
		expectFail(r, '4002', 'customerState must be 1 (Lead), 2 (Prospect) or 3 (Customer); customerGender must be 1 (Male) or 2 (Female); classificationName must be at most 3 characters');
	});

	it('cross-field rules look at the stored record: closing a customer that already has a note passes', async () => {
		const c = await createCustomer({ customerNote: 'has a note' });
		expectOk(await api('POST', '/v3/customers', { ...CUSTOMER, customerCode: c.customerCode, customerStatus: 2 }));
		const lead = await createCustomer({ customerName: 'Lead', customerState: 1, leadStatus: 2 });
		expectFail(await api('POST', '/v3/customers', { customerCode: lead.customerCode, customerName: 'Lead', customerState: 1, leadStatus: 3 }), '4002', 'unqulifiedReasonName');
	});

	it('[INF] name uniqueness can be made case-sensitive', async () => {
		await createCustomer({ customerName: 'Anan' });
		expectFail(await api('POST', '/v3/customers', { ...CUSTOMER, customerName: 'ANAN' }), '4001', 'already exists');
		await control({ action: 'configure', nameCaseInsensitive: false });
		await createCustomer({ customerName: 'Lamai' });
		await createCustomer({ customerName: 'LAMAI' });
	});

	it('[INF] owner codes are not checked when validateEmployees is off', async () => {
		await control({ action: 'configure', validateEmployees: false });
		expect((await createCustomer({ owners: ['X1'] })).owners).toEqual(['X1']);
	});
});

describe('customers: get by code and by name', () => {
	it('GET /v3/customers/{customerCode}', async () => {
		const r = await api('GET', '/v3/customers/C000002');
		expectOk(r);
		expect(r.json.data).toMatchObject({ customerCode: 'C000002', customerId: '2' });
	});

	it('GET /v3/customers/name/{customerName} ([INF] path, any case, Thai text)', async () => {
		const c = await createCustomer();
		const r = await api('GET', `/v3/customers/name/${encodeURIComponent(CUSTOMER.customerName)}`);
		expect(r.json.data.customerCode).toBe(c.customerCode);
		expectOk(await api('GET', `/v3/customers/name/${encodeURIComponent(sim.customers[0].customerName.toUpperCase())}`));
	});

	it('unknown code or name → 400 4001', async () => {
		expectFail(await api('GET', '/v3/customers/NOPE'), '4001', 'Customer NOPE not found');
		expectFail(await api('GET', '/v3/customers/name/nobody'), '4001', 'Customer nobody not found');
	});

	it('legacy GET /dev/v1/Customers/{code} → legacy envelope and field names', async () => {
		const r = await api('GET', '/dev/v1/Customers/C000003');
		expect(r.json).toMatchObject({ statusCode: 1000, httpStatusCode: 200, data: { formatters: [], statusCode: 200 } });
		expect(Object.keys(r.json.data.value)).toEqual(['customerId', 'companyId', 'customerCode', 'customerName', 'customerType', 'isActive', 'dateCreated', 'dateModified', 'leadStatus', 'customerStateId', 'email', 'addresses', 'customerInterests']);
		expect(r.json.data.value.customerType).toBe(11300);
		const missing = await api('GET', '/dev/v1/Customers/C999999');
		expect(missing.status).toBe(400);
		expect(missing.json).toMatchObject({ data: { value: null }, statusCode: 4001, httpStatusCode: 400 });
	});
});

describe('customers enquiry', () => {
	const enquiry = (body: Record<string, unknown>) => api('POST', '/v3/customers/enquiry', body);
	const codes = (r: Reply) => r.json.data.map((c: any) => c.customerCode);

	it('skip/pageLength pages through every customer; data is an array and no total is sent', async () => {
		const seen: string[] = [];
		for (let skip = 0; skip < 100; skip += 5) {
			const r = await enquiry({ pageLength: 5, skip });
			expectOk(r);
			expect(Object.keys(r.json)).toEqual(['status', 'data']);
			seen.push(...codes(r));
			if (r.json.data.length < 5) break;
		}
		expect(seen).toEqual(sim.customers.map((c) => c.customerCode));
	});

	it('[INF] a total beside data when enquiryIncludesTotal is on', async () => {
		await control({ action: 'configure', enquiryIncludesTotal: true });
		const r = await enquiry({ pageLength: 2 });
		expect(r.json.total).toBe(12);
		expect(r.json.data).toHaveLength(2);
	});

	it.each([
		['pageLength missing', {}, 'pageLength is required and must be from 1 to 100'],
		['pageLength 0', { pageLength: 0 }, 'pageLength is required'],
		['pageLength 101', { pageLength: 101 }, 'pageLength is required'],
		['pageLength "10"', { pageLength: '10' }, 'pageLength is required'],
		['skip -1', { pageLength: 5, skip: -1 }, 'skip must be a whole number'],
		['customerType 1 (only 11100/11200/11300)', { pageLength: 5, customerType: 1 }, 'customerType is required: 11100 (Lead), 11200 (Prospect) or 11300 (Customer)'],
		['states [4]', { pageLength: 5, states: [4] }, 'states must contain 1, 2 or 3'],
		['owners not a list', { pageLength: 5, owners: 'E001' }, 'owners must be an array'],
		['groups not a list', { pageLength: 5, groups: 'VIP' }, 'groups must be an array'],
		['statuses not a list', { pageLength: 5, statuses: 0 }, 'statuses must be an array'],
		['orderBy on an unknown field', { pageLength: 5, orderBy: 'salary desc' }, 'orderBy must be'],
		['modifiedSince not a date', { pageLength: 5, modifiedSince: 'yesterday' }, 'modifiedSince must be a date'],
		['modifiedSince on a day that does not exist', { pageLength: 5, modifiedSince: '2026-02-30T10:00:00+07:00' }, 'modifiedSince must be a date'],
	])('%s → 400 4001', async (_label, body, message) => {
		expectFail(await enquiry(body), '4001', message);
	});

	it('modifiedSince: an offset or Z is honoured; a value without one is Bangkok time [INF]', async () => {
		const count = async (modifiedSince: string) => (await enquiry({ pageLength: 100, modifiedSince })).json.data.length;
		const all = (await enquiry({ pageLength: 100, orderBy: 'dateModified asc' })).json.data;
		const mid = String(all[Math.floor(all.length / 2)].dateModified); // "YYYY-MM-DDTHH:mm:ss+07:00"
		const utc = new Date(Date.parse(mid)).toISOString().replace('.000', '');
		const taipei = `${new Date(Date.parse(mid) + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
		const counts = await Promise.all([mid, mid.slice(0, 19), mid.replace('+07:00', '+0700'), utc, taipei].map(count));
		expect(new Set(counts).size).toBe(1);
		expect(counts[0]).toBeGreaterThan(0);
	});

	it('[INF] pageLength upper bound is configurable', async () => {
		await control({ action: 'configure', maxPageLength: 500 });
		expectOk(await enquiry({ pageLength: 500 }));
	});

	it.each([
		['states [1]', { states: [1] }, (c: any) => c.customerState === 1],
		['customerType 11200 (Prospect)', { customerType: 11200 }, (c: any) => c.customerState === 2],
		['owners [E002]', { owners: ['E002'] }, (c: any) => c.owners.includes('E002')],
		['groups [VIP]', { groups: ['VIP'] }, (c: any) => c.customerGroupName === 'VIP'],
		['statuses [1, 2]', { statuses: [1, 2] }, (c: any) => c.customerStatus !== 0],
		['keyword (a mobile number)', { keyword: '' }, () => true],
	])('filter %s', async (_label, filter, want) => {
		const all = (await enquiry({ pageLength: 100 })).json.data;
		const r = await enquiry({ pageLength: 100, ...filter });
		expect(r.json.data.length).toBeGreaterThan(0);
		expect(codes(r)).toEqual(all.filter(want).map((c: any) => c.customerCode));
	});

	it('keyword matches name, code, phones and email (any case)', async () => {
		const c = await createCustomer({ customerEmail: 'Special.Person@Example.com', customerMobile: '0899999999' });
		for (const keyword of ['special.person', '0899999999', c.customerCode.toLowerCase(), 'บ้านสวน']) {
			expect(codes(await enquiry({ pageLength: 10, keyword }))).toEqual([c.customerCode]);
		}
	});

	it('orderBy "dateModified asc|desc" and "customerName desc"', async () => {
		const asc = (await enquiry({ pageLength: 100, orderBy: 'dateModified asc' })).json.data.map((c: any) => c.dateModified);
		expect(asc).toEqual([...asc].sort());
		const desc = (await enquiry({ pageLength: 100, orderBy: 'dateModified DESC' })).json.data.map((c: any) => c.dateModified);
		expect(desc).toEqual([...asc].reverse().sort().reverse());
		const names = (await enquiry({ pageLength: 100, orderBy: 'customerName desc' })).json.data.map((c: any) => c.customerName);
		expect(names).toEqual([...names].sort((a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0)));
	});

	it('[INF] modifiedSince returns customers modified at or after it (a poller watermark)', async () => {
		const all = (await enquiry({ pageLength: 100, orderBy: 'dateModified asc' })).json.data;
		const mark = all[6].dateModified;
		const r = await enquiry({ pageLength: 100, orderBy: 'dateModified asc', modifiedSince: mark });
		expect(codes(r)).toEqual(all.filter((c: any) => c.dateModified >= mark).map((c: any) => c.customerCode));
		const fresh = await createCustomer();
		const later = await enquiry({ pageLength: 100, modifiedSince: fresh.dateModified });
		expect(codes(later)).toContain(fresh.customerCode);
	});

	it('legacy POST /dev/v1/Customers/Enquiry needs customerType and answers the legacy envelope', async () => {
		expectFail(await api('POST', '/dev/v1/Customers/Enquiry', { pageLength: 5 }), '4001', 'customerType is required');
		const r = await api('POST', '/dev/v1/Customers/Enquiry', { customerType: 11100, pageLength: 50 });
		expect(r.json).toMatchObject({ statusCode: 1000, httpStatusCode: 200, data: { formatters: [], statusCode: 200 } });
		expect(r.json.data.value.length).toBe(4);
		expect(r.json.data.value.every((c: any) => c.customerType === 11100 && c.customerStateId === 1)).toBe(true);
	});

	it('seed(100000) builds a large book, and enquiry pages it', async () => {
		const answer = await control({ action: 'seed', customers: 100_000 });
		expect(answer).toMatchObject({ ok: true, customers: 100_000 });
		const r = await enquiry({ pageLength: 100, skip: 99_950, states: [3] });
		expect(r.json.data).toHaveLength(0);
		const last = await enquiry({ pageLength: 100, skip: 99_950 });
		expect(last.json.data).toHaveLength(50);
		expect(last.json.data.at(-1).customerCode).toBe('C100000');
		expect(new Set(sim.customers.map((c) => c.customerName.toLowerCase())).size).toBe(100_000);
		expect(sim.customers.filter((c) => c.customerState === 1).length).toBeGreaterThan(30_000);
	});

	it('seeded customers cover all three states, the ended/closed statuses with notes, and owners', () => {
		expect(new Set(sim.customers.map((c) => c.customerState))).toEqual(new Set([1, 2, 3]));
		const closed = sim.customers.filter((c) => c.customerStatus !== 0);
		expect(closed.length).toBeGreaterThan(0);
		expect(closed.every((c) => c.customerNote)).toBe(true);
		expect(sim.customers.every((c) => c.owners.length === 1)).toBe(true);
	});
});

describe('customer events, satisfaction, employees', () => {
	const EVENT = { eventName: 'Store visit', eventType: 3, eventDate: '2026-02-10', description: 'Demo', customerCode: 'C000001' };

	it('GET /v1/customerEvent/types lists the event types', async () => {
		const r = await api('GET', '/v1/customerEvent/types');
		expectOk(r);
		expect(r.json.data[0]).toEqual({ eventTypeId: 1, eventTypeName: 'Birthday' });
	});

	it('POST /v1/customerEvent → 201 with the stored event', async () => {
		const r = await api('POST', '/v1/customerEvent', EVENT);
		expectOk(r, 201);
		expect(r.json.data).toMatchObject({ ...EVENT, eventTypeName: 'Meeting', customerEventId: expect.any(Number) });
	});

	it.each([
		['eventName missing', { eventName: undefined }, 'eventName is required'],
		['eventType unknown', { eventType: 99 }, 'eventType is required and must be one of 1, 2, 3, 4'],
		['eventDate missing', { eventDate: undefined }, 'eventDate is required'],
		['eventDate 10/02/2026', { eventDate: '10/02/2026' }, 'eventDate is required (YYYY-MM-DD or a date-time)'],
		['customerCode missing', { customerCode: undefined }, 'customerCode is required'],
		['customerCode unknown', { customerCode: 'C999999' }, 'Customer C999999 not found'],
	])('%s → 400 4001', async (_label, patch, message) => {
		expectFail(await api('POST', '/v1/customerEvent', { ...EVENT, ...patch }), '4001', message);
		expect(sim.events).toHaveLength(2);
	});

	it('GET /v1/customerEvent/filter?customerCode=&eventTypeIds= filters by customer and types', async () => {
		await api('POST', '/v1/customerEvent', EVENT);
		await api('POST', '/v1/customerEvent', { ...EVENT, customerCode: 'C000002' });
		const all = await api('GET', '/v1/customerEvent/filter?customerCode=C000001');
		expect(all.json.data.map((e: any) => e.eventType)).toEqual([3, 1]);
		const meetings = await api('GET', '/v1/customerEvent/filter?customerCode=C000001&eventTypeIds=3,4');
		expect(meetings.json.data.map((e: any) => e.eventName)).toEqual(['Store visit']);
		const repeated = await api('GET', '/v1/customerEvent/filter?customerCode=C000001&eventTypeIds=1&eventTypeIds=3');
		expect(repeated.json.data).toHaveLength(2);
	});

	it('the filter takes DateFrom/DateTo in a JSON body on the GET (and works without it)', async () => {
		await api('POST', '/v1/customerEvent', EVENT);
		const inFeb = await getWithBody('/v1/customerEvent/filter?customerCode=C000001', { DateFrom: '2026-02-01', DateTo: '2026-02-28' });
		expect(inFeb.json.data.map((e: any) => e.eventDate)).toEqual(['2026-02-10']);
		const toFeb10 = await getWithBody('/v1/customerEvent/filter?customerCode=C000001', { DateTo: '2026-02-10' });
		expect(toFeb10.json.data).toHaveLength(1);
		const byQuery = await api('GET', '/v1/customerEvent/filter?customerCode=C000001&dateFrom=2026-03-01');
		expect(byQuery.json.data.map((e: any) => e.eventDate)).toEqual(['2026-03-15']);
	});

	it.each([
		['customerCode missing', '/v1/customerEvent/filter', 'customerCode is required'],
		['customerCode unknown', '/v1/customerEvent/filter?customerCode=C999999', 'not found'],
		['eventTypeIds not numbers', '/v1/customerEvent/filter?customerCode=C000001&eventTypeIds=a', 'eventTypeIds must be whole numbers'],
		['DateFrom not a date', '/v1/customerEvent/filter?customerCode=C000001&dateFrom=soon', 'DateFrom must be a date'],
	])('filter with %s → 400 4001', async (_label, path, message) => {
		expectFail(await api('GET', path), '4001', message);
	});

	it('PUT /v1/customerEvent/{id} edits sent fields and checks them', async () => {
		const id = (await api('POST', '/v1/customerEvent', EVENT)).json.data.customerEventId;
		const r = await api('PUT', `/v1/customerEvent/${id}`, { eventName: 'Lunch', eventType: 4 });
		expectOk(r);
		expect(r.json.data).toMatchObject({ eventName: 'Lunch', eventType: 4, eventTypeName: 'Follow-up call', eventDate: '2026-02-10' });
		expectFail(await api('PUT', `/v1/customerEvent/${id}`, { eventDate: 'x' }), '4001', 'eventDate');
		expectFail(await api('PUT', '/v1/customerEvent/999', { eventName: 'x' }), '4001', 'Customer event 999 not found');
	});

	it('DELETE /v1/customerEvent/{id} → data:true, then it is gone', async () => {
		const id = (await api('POST', '/v1/customerEvent', EVENT)).json.data.customerEventId;
		const r = await api('DELETE', `/v1/customerEvent/${id}`);
		expectOk(r);
		expect(r.json.data).toBe(true);
		expectFail(await api('DELETE', `/v1/customerEvent/${id}`), '4001', 'not found');
		expect(sim.events.some((e) => e.customerEventId === id)).toBe(false);
	});

	it('[INF] POST /v1/customers/satisfaction {customerCode, score 1–5, comment} → 201', async () => {
		const r = await api('POST', '/v1/customers/satisfaction', { customerCode: 'C000003', score: 5, comment: 'ดีมาก' });
		expectOk(r, 201);
		expect(r.json.data).toMatchObject({ customerCode: 'C000003', score: 5, comment: 'ดีมาก' });
		expect(sim.satisfactions).toHaveLength(1);
	});

	it.each([
		['score 0', { score: 0 }, 'score is required and must be from 1 to 5'],
		['score 6', { score: 6 }, 'score is required'],
		['score 4.5', { score: 4.5 }, 'score is required'],
		['score missing', { score: undefined }, 'score is required'],
		['customerCode missing', { customerCode: undefined }, 'customerCode is required'],
		['customerCode unknown', { customerCode: 'C999999' }, 'not found'],
		['comment not text', { comment: 5 }, 'comment must be a string'],
	])('satisfaction with %s → 400 4001', async (_label, patch, message) => {
		expectFail(await api('POST', '/v1/customers/satisfaction', { customerCode: 'C000003', score: 4, ...patch }), '4001', message);
	});

	it('[INF] GET /v1/employees → [{employeeCode, employeeName, email}]', async () => {
		const r = await api('GET', '/v1/employees');
		expectOk(r);
		expect(r.json.data).toHaveLength(4);
		expect(Object.keys(r.json.data[0])).toEqual(['employeeCode', 'employeeName', 'email']);
	});

	it('POST /v1/Employees/Enquiry filters by keyword and pages', async () => {
		expect((await api('POST', '/v1/Employees/Enquiry', { keyword: 'lan' })).json.data.map((e: any) => e.employeeCode)).toEqual(['E002']);
		expect((await api('POST', '/v1/Employees/Enquiry', { skip: 1, pageLength: 2 })).json.data.map((e: any) => e.employeeCode)).toEqual(['E002', 'E003']);
		expectFail(await api('POST', '/v1/Employees/Enquiry', { pageLength: 0 }), '4001', 'pageLength');
	});
});

describe('sales orders: /v2/salesorder', () => {
	const DOCUMENTED = [
		'salesOrderSubject', 'customerCode', 'customerId', 'salesOrderNo', 'salesOrderStatus', 'salesOrderDate', 'recipientName', 'recipientAddress',
		'headerTemplateId', 'warehouseCode', 'salesorderDetails', 'discountName', 'discountValue', 'discountType', 'paymentTerm', 'remark', 'staffCode',
		'salesOrderNote', 'vatCalculation', 'subTotal', 'subTotalWithDiscount', 'grandTotal', 'totalVat', 'privateNote', 'referenceNo', 'contactId',
		'customerAddressId', 'currencyCode', 'salesOrderId', 'payment', 'invoiceInfo', 'shippingDocumentUrl', 'trackingNo', 'discounts',
		'integrationPlatform', 'isIntegrationOrderPaid', 'recipient', 'salesOrderCustomerAddress',
	];
	const LINE = ['productCode', 'productName', 'productDescription', 'productUnitName', 'unitId', 'qty', 'price', 'discountValue', 'discountType', 'vatTaxValue', 'whtTaxValue', 'totalPrice', 'isShipping', 'warehouseCode'];

	it('without salesOrderNo → 201 "SO…" with exactly the documented fields and computed totals', async () => {
		const o = await createOrder({
			salesOrderDate: '2026-06-05', staffCode: 'E003', remark: 'r', referenceNo: 'PO-1', discountValue: 10, discountType: true,
			salesorderDetails: [
				{ productCode: 'P-PHO', qty: 3, price: 100, vatTaxValue: 7 },
				{ productCode: 'p-boba', qty: 2, price: 50, discountValue: 20, discountType: false, vatTaxValue: 0, whtTaxValue: 3 },
			],
		});
		expect(o.salesOrderNo).toMatch(/^SO\d{4}-\d{4}$/);
		expect(Object.keys(o)).toEqual(DOCUMENTED);
		expect(Object.keys(o.salesorderDetails[0])).toEqual(expect.arrayContaining(LINE));
		expect(o.salesorderDetails.map((l: any) => [l.productCode, l.totalPrice])).toEqual([['P-PHO', 300], ['P-BOBA', 80]]);
		// 380 − 10 % = 342; VAT 7 % of 300 scaled by 342/380 = 18.9
		expect(o).toMatchObject({ subTotal: 380, subTotalWithDiscount: 342, totalVat: 18.9, grandTotal: 360.9, salesOrderDate: '2026-06-05T00:00:00+0700', salesOrderStatus: 1, customerId: 1 });
		expect(o.salesOrderCustomerAddress).toMatchObject({ addressId: 1, locationName: 'Home' });
	});

	it('[INF] a line without price takes the product price; percent line discounts', async () => {
		const o = await createOrder({ salesorderDetails: [{ productCode: 'P-MANGO', qty: 2, discountValue: 50, discountType: true }] });
		expect(o.salesorderDetails[0]).toMatchObject({ price: 90, totalPrice: 90, vatTaxValue: 7, productUnitName: 'ชิ้น (piece)' });
		expect(o.grandTotal).toBe(96.3);
	});

	it.each([
		['customerCode missing', { customerCode: undefined }, 'customerCode is required'],
		['customerCode unknown', { customerCode: 'C999999' }, 'customerCode C999999 not found'],
		['salesorderDetails missing', { salesorderDetails: undefined }, 'salesorderDetails is required (at least one line)'],
		['salesorderDetails empty', { salesorderDetails: [] }, 'salesorderDetails is required'],
		['a line without productCode', { salesorderDetails: [{ qty: 1 }] }, 'salesorderDetails[0].productCode is required'],
		['[INF] an unknown productCode', { salesorderDetails: [{ productCode: 'NOPE', qty: 1 }] }, 'salesorderDetails[0].productCode NOPE not found'],
		['qty 0', { salesorderDetails: [{ productCode: 'P-PHO', qty: 0 }] }, 'salesorderDetails[0].qty must be greater than 0'],
		['qty missing', { salesorderDetails: [{ productCode: 'P-PHO' }] }, 'qty must be greater than 0'],
		['price -1', { salesorderDetails: [{ productCode: 'P-PHO', qty: 1, price: -1 }] }, 'salesorderDetails[0].price must be 0 or more'],
		['line discountValue -5', { salesorderDetails: [{ productCode: 'P-PHO', qty: 1, discountValue: -5 }] }, 'discountValue must be 0 or more'],
		['discountType "percent"', { salesorderDetails: [{ productCode: 'P-PHO', qty: 1, discountType: 'percent' }] }, 'discountType must be true (percent) or false (amount)'],
		['a percent discount over 100', { salesorderDetails: [{ productCode: 'P-PHO', qty: 1, discountType: true, discountValue: 120 }] }, 'at most 100'],
		['[INF] vatTaxValue 150', { salesorderDetails: [{ productCode: 'P-PHO', qty: 1, vatTaxValue: 150 }] }, 'vatTaxValue must be a VAT percentage'],
		['salesOrderDate 05/06/2026', { salesOrderDate: '05/06/2026' }, 'salesOrderDate must be YYYY-MM-DD or a date-time'],
		['[INF] staffCode not an employee', { staffCode: 'E999' }, 'staffCode E999 is not an employee code'],
		['header discountValue -1', { discountValue: -1 }, 'discountValue must be 0 or more'],
		['header discountType 1', { discountType: 1 }, 'discountType must be true (percent) or false (amount)'],
	])('%s → 400 4001 (nothing created)', async (_label, patch, message) => {
		expectFail(await api('POST', '/v2/salesorder', { ...ORDER, ...patch }), '4001', message);
		expect(sim.orders.size).toBe(3);
	});

	it('with salesOrderNo → 200 update: sent fields change, lines and customer are kept, totals recomputed', async () => {
		const o = await createOrder();
		const r = await api('POST', '/v2/salesorder', { salesOrderNo: o.salesOrderNo, salesOrderSubject: 'Renamed', discountValue: 30 });
		expectOk(r, 200);
		expect(r.json.data).toMatchObject({ salesOrderNo: o.salesOrderNo, salesOrderSubject: 'Renamed', customerCode: 'C000001', subTotal: 300, subTotalWithDiscount: 270, totalVat: 18.9 });
		expect(sim.orders.size).toBe(4);
	});

	it('an unknown salesOrderNo → 400 4001', async () => {
		expectFail(await api('POST', '/v2/salesorder', { ...ORDER, salesOrderNo: 'SO0000-0000' }), '4001', 'Sales order SO0000-0000 not found');
	});

	it('GET /v2/salesorder/{no} and [INF] GET /v2/salesorder/id/{id} (data is an array)', async () => {
		const o = await createOrder();
		const byNo = await api('GET', `/v2/salesorder/${o.salesOrderNo}`);
		expectOk(byNo);
		expect(byNo.json.data).toEqual(o);
		const byId = await api('GET', `/v2/salesorder/id/${o.salesOrderId}`);
		expect(byId.json.data).toEqual([o]);
		expectFail(await api('GET', '/v2/salesorder/SO9999-9999'), '4001', 'not found');
		expectFail(await api('GET', '/v2/salesorder/id/1'), '4001', 'Sales order id 1 not found');
	});

	it('approve: waiting → approved (data:true); a second approval and edits of an approved order → 4001', async () => {
		const o = await createOrder();
		const r = await api('PUT', `/v2/salesorder/${o.salesOrderNo}/approve`);
		expectOk(r);
		expect(r.json.data).toBe(true);
		expect(sim.order(o.salesOrderNo).doc.salesOrderStatus).toBe(2);
		expectFail(await api('PUT', `/v2/salesorder/${o.salesOrderNo}/approve`), '4001', 'is Approved, not waiting for approval');
		expectFail(await api('POST', '/v2/salesorder', { salesOrderNo: o.salesOrderNo, remark: 'x' }), '4001', 'approved and can no longer be changed');
		expectFail(await api('PUT', '/v2/salesorder/SO0000-0000/approve'), '4001', 'not found');
	});

	it('reject needs a reason; a rejected order edited goes back to waiting', async () => {
		const o = await createOrder();
		expectFail(await api('PUT', `/v2/salesorder/${o.salesOrderNo}/reject`, {}), '4001', 'reason is required');
		expectFail(await api('PUT', `/v2/salesorder/${o.salesOrderNo}/reject`, { reason: '  ' }), '4001', 'reason is required');
		expectOk(await api('PUT', `/v2/salesorder/${o.salesOrderNo}/reject`, { reason: 'Wrong price' }));
		expect(sim.order(o.salesOrderNo)).toMatchObject({ reason: 'Wrong price', doc: { salesOrderStatus: 3 } });
		expectFail(await api('PUT', `/v2/salesorder/${o.salesOrderNo}/reject`, { reason: 'again' }), '4001', 'is Rejected');
		await api('POST', '/v2/salesorder', { salesOrderNo: o.salesOrderNo, remark: 'fixed' });
		expect(sim.order(o.salesOrderNo).doc.salesOrderStatus).toBe(1);
	});

	it('PUT …/payment {payments:[{periodNo, status}]} → data:true; periods merge; InstallmentNumber is accepted', async () => {
		const o = await createOrder();
		const r = await api('PUT', `/v2/salesorder/${o.salesOrderNo}/payment`, { payments: [{ periodNo: 2, status: 2 }, { InstallmentNumber: 1, status: 1 }] });
		expectOk(r);
		expect(r.json.data).toBe(true);
		expect(sim.order(o.salesOrderNo).doc.payment).toEqual({ paymentStatus: 1, periods: [{ periodNo: 1, status: 1 }, { periodNo: 2, status: 2 }] });
		await api('PUT', `/v2/salesorder/${o.salesOrderNo}/payment`, { payments: [{ periodNo: 1, status: 2 }] });
		expect(sim.order(o.salesOrderNo).doc.payment.paymentStatus).toBe(2);
	});

	it.each([
		['no payments', {}, 'payments is required'],
		['an empty list', { payments: [] }, 'payments is required'],
		['periodNo 0', { payments: [{ periodNo: 0, status: 1 }] }, 'payments[0].periodNo is required'],
		['no period', { payments: [{ status: 1 }] }, 'payments[0].periodNo is required'],
		['status 3', { payments: [{ periodNo: 1, status: 3 }] }, 'payments[0].status must be 1 (unpaid) or 2 (paid)'],
	])('payment with %s → 400 4001', async (_label, body, message) => {
		expectFail(await api('PUT', '/v2/salesorder/SO2601-0001/payment', body), '4001', message);
	});

	it('[INF] PUT …/tracking {trackingNo} sets the tracking number', async () => {
		expectOk(await api('PUT', '/v2/salesorder/SO2601-0001/tracking', { trackingNo: 'TH1234567890' }));
		expect((await api('GET', '/v2/salesorder/SO2601-0001')).json.data.trackingNo).toBe('TH1234567890');
		expectFail(await api('PUT', '/v2/salesorder/SO2601-0001/tracking', {}), '4001', 'trackingNo is required');
		expectFail(await api('PUT', '/v2/salesorder/SO2601-0001/tracking', { trackingNo: 5 }), '4001', 'trackingNo is required');
	});

	it('[INF] GET …/attachment → PDF bytes with a content-disposition filename', async () => {
		const r = await api('GET', '/v2/salesorder/SO2601-0001/attachment');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/pdf');
		expect(r.headers.get('content-disposition')).toBe('attachment; filename="SO2601-0001.pdf"');
		expect(r.bytes.subarray(0, 8).toString()).toBe('%PDF-1.4');
		expect(r.bytes.toString()).toContain('grandTotal 158.90 THB');
		expectFail(await api('GET', '/v2/salesorder/SO0000-0000/attachment'), '4001', 'not found');
	});

	it('seeded orders: one waiting, one approved, one rejected', () => {
		expect([...sim.orders.values()].map((o) => o.doc.salesOrderStatus)).toEqual([1, 2, 3]);
	});
});

describe('legacy GET /dev/v1/SalesOrders/{id} (seed 003)', () => {
	const SEED_003_KEYS = [
		'orderId', 'attachments', 'customer', 'userInfo', 'statusName', 'isEdit', 'isDelete', 'isApprove', 'reason', 'total', 'buyer', 'seller',
		'customerIds', 'currency', 'comments', 'isExcludeVat', 'subTotal', 'saleOrderId', 'orderType', 'refNo', 'saleOrderNo', 'subject', 'status',
		'dateOrder', 'customerId', 'contactId', 'contactName', 'siteId', 'isActive', 'remarkTemplateId', 'remark', 'createdByUserId', 'dateCreated',
		'waitingApproveByUserId', 'waitingApproveByRoleId', 'approvedByUserId', 'modifiedByUserId', 'dateModified', 'dateApproved', 'activityId',
		'discount', 'discountPercentage', 'isDiscountPercentage', 'discountNote', 'grandTotal', 'privateNote', 'currencyCode', 'shipToId',
		'shipToAddress', 'shipToAddressName', 'shipToAddressType', 'creditTerm', 'paymentTermDescription', 'vatType', 'vat', 'totalVat', 'totalWht',
		'note', 'saleOrderHeaderTemplateId', 'dealId', 'isShowContact', 'refId', 'ownerUserId', 'saleOrderDetails', 'saleOrderStates',
	];
	const DETAIL_KEYS = ['name', 'unit', 'totalQty', 'saleOrderDetailId', 'saleOrderId', 'partId', 'qty', 'unitId', 'unitName', 'price', 'discount', 'discountPercentage', 'isDiscountPercentage', 'vatTaxId', 'vatTaxValue', 'whtTaxId', 'whtTaxValue', 'totalPrice', 'partCode', 'itemName', 'note', 'dateCreated', 'seq'];

	it('answers {data:{value, formatters:[], statusCode:200}, statusCode:1000, httpStatusCode:200} with seed 003 field names', async () => {
		const r = await api('GET', '/dev/v1/SalesOrders/5002');
		expect(r.status).toBe(200);
		expect(Object.keys(r.json)).toEqual(['data', 'statusCode', 'httpStatusCode']);
		expect(r.json).toMatchObject({ statusCode: 1000, httpStatusCode: 200, data: { formatters: [], statusCode: 200 } });
		const v = r.json.data.value;
		expect(Object.keys(v)).toEqual(SEED_003_KEYS);
		expect(Object.keys(v.saleOrderDetails[0])).toEqual(DETAIL_KEYS);
		expect(Object.keys(v.saleOrderStates[0])).toEqual(['saleOrderStatesId', 'saleOrderId', 'statusId', 'reason', 'createdByUserId', 'dateCreated', 'approveLevel', 'seq']);
		expect(Object.keys(v.buyer)).toEqual(['name', 'companyName', 'address', 'taxId', 'pictureLogo']);
		expect(v).toMatchObject({ saleOrderId: 5002, orderId: 5002, saleOrderNo: 'SO2601-0002', status: 2, statusName: 'Approved', isApprove: true, customerIds: [2] });
		expect(v.saleOrderStates.map((s: any) => s.statusId)).toEqual([1, 2]);
		expect(v.dateCreated).toMatch(/Z$/);
	});

	it('the legacy view follows the current one (same order, same totals)', async () => {
		const o = await createOrder({ discountValue: 5 });
		const v = (await api('GET', `/dev/v1/SalesOrders/${o.salesOrderId}`)).json.data.value;
		expect(v).toMatchObject({ subTotal: o.subTotal, grandTotal: o.grandTotal, totalVat: o.totalVat, discount: 5, subject: o.salesOrderSubject, status: 1 });
	});

	it.each([
		['a non-numeric id', 'abc', 'Invalid sale order id abc'],
		['an unknown id', '42', 'Sales order id 42 not found'],
	])('%s → 400 in the legacy envelope', async (_label, id, message) => {
		const r = await api('GET', `/dev/v1/SalesOrders/${id}`);
		expect(r.status).toBe(400);
		expect(r.json).toEqual({ data: { value: null, formatters: [], statusCode: 400 }, statusCode: 4001, httpStatusCode: 400, message });
	});
});

describe('outbound webhook {Data:{SaleOrderNo,…}}', () => {
	it('create, update, approve, reject and payment each POST the PascalCase payload', async () => {
		expect(await control({ action: 'setWebhook', url: hookUrl })).toMatchObject({ ok: true, webhookUrls: [hookUrl] });
		const a = await createOrder();
		await api('POST', '/v2/salesorder', { salesOrderNo: a.salesOrderNo, remark: 'x' });
		await api('PUT', `/v2/salesorder/${a.salesOrderNo}/payment`, { payments: [{ periodNo: 1, status: 2 }] });
		await api('PUT', `/v2/salesorder/${a.salesOrderNo}/approve`);
		const b = await createOrder();
		await api('PUT', `/v2/salesorder/${b.salesOrderNo}/reject`, { reason: 'no' });
		await api('PUT', `/v2/salesorder/${b.salesOrderNo}/tracking`, { trackingNo: 'T1' });
		await settled();
		expect(received.map((p) => [p.Data.SaleOrderNo, p.Data.Event])).toEqual([
			[a.salesOrderNo, 'created'], [a.salesOrderNo, 'updated'], [a.salesOrderNo, 'payment'], [a.salesOrderNo, 'approved'],
			[b.salesOrderNo, 'created'], [b.salesOrderNo, 'rejected'],
		]);
		expect(Object.keys(received[0])).toEqual(['Data']);
		expect(received[0].Data).toMatchObject({ DateModified: expect.stringMatching(/\+07:00$/), SaleOrderId: a.salesOrderId, CustomerCode: 'C000001', Status: 1 });
		expect(sim.deliveries.every((d) => d.status === 200 && d.attempts === 1)).toBe(true);
	});

	it('redeliver re-sends one delivery unchanged (a duplicate for the trigger to drop)', async () => {
		await control({ action: 'setWebhook', urls: [hookUrl] });
		await createOrder();
		await settled();
		expect(await control({ action: 'redeliver', index: 0 })).toMatchObject({ ok: true, delivery: { index: 1, redeliveryOf: 0 } });
		await settled();
		expect(received).toHaveLength(2);
		expect(received[1]).toEqual(received[0]);
		expect(await control({ action: 'redeliver', index: 9 })).toEqual({ ok: false, error: 'no such delivery' });
	});

	it('[INF] extra fields and the event list are configurable; no URL means no delivery', async () => {
		await createOrder();
		expect(sim.deliveries).toHaveLength(0);
		await control({ action: 'setWebhook', url: hookUrl });
		await control({ action: 'configure', webhookExtraFields: false, webhookEvents: ['approved'] });
		const o = await createOrder();
		await api('PUT', `/v2/salesorder/${o.salesOrderNo}/approve`);
		await settled();
		expect(received).toEqual([{ Data: { SaleOrderNo: o.salesOrderNo, Event: 'approved', DateModified: expect.any(String) } }]);
	});

	it('a receiver that is down is recorded as status 0', async () => {
		await control({ action: 'setWebhook', url: 'http://127.0.0.1:9/nowhere' });
		await createOrder();
		await settled();
		expect(sim.deliveries[0]).toMatchObject({ status: 0, attempts: 1 });
	});
});

describe('quotations: /v1/quotation', () => {
	async function createQuote(extra: Record<string, unknown> = {}): Promise<any> {
		const r = await api('POST', '/v1/quotation', { ...QUOTE, ...extra });
		expectOk(r, 201);
		return r.json.data;
	}

	it('without quotationNo → 201 "QT…" with computed totals; with it → 200 update', async () => {
		const q = await createQuote();
		expect(q).toMatchObject({ quotationNo: expect.stringMatching(/^QT\d{4}-\d{4}$/), quotationStatus: 1, quotationStatusName: 'Open', subTotal: 100, totalVat: 7, grandTotal: 107 });
		const r = await api('POST', '/v1/quotation', { quotationNo: q.quotationNo, quotationSubject: 'Changed' });
		expectOk(r);
		expect(r.json.data).toMatchObject({ quotationNo: q.quotationNo, quotationSubject: 'Changed', grandTotal: 107, customerCode: 'C000002' });
	});

	it.each([
		['customerCode missing', { customerCode: undefined }, 'customerCode is required'],
		['quotationDetails empty', { quotationDetails: [] }, 'quotationDetails is required'],
		['a line with qty 0', { quotationDetails: [{ productCode: 'P-PHO', qty: 0 }] }, 'quotationDetails[0].qty must be greater than 0'],
		['quotationDate not a date', { quotationDate: 'soon' }, 'quotationDate must be YYYY-MM-DD'],
	])('%s → 400 4001', async (_label, patch, message) => {
		expectFail(await api('POST', '/v1/quotation', { ...QUOTE, ...patch }), '4001', message);
	});

	it('GET /v1/quotation/{no}; unknown → 4001', async () => {
		const q = await createQuote();
		expect((await api('GET', `/v1/quotation/${q.quotationNo}`)).json.data).toEqual(q);
		expectFail(await api('GET', '/v1/quotation/QT0000-0000'), '4001', 'Quotation QT0000-0000 not found');
	});

	it('POST /v1/quotation/enquiry pages with skip/pageLength and filters', async () => {
		for (let i = 0; i < 3; i++) await createQuote();
		const nos = (r: Reply) => r.json.data.map((q: any) => q.quotationNo);
		const all = nos(await api('POST', '/v1/quotation/enquiry', { pageLength: 100 }));
		expect(all).toHaveLength(5);
		expect(nos(await api('POST', '/v1/quotation/enquiry', { skip: 1, pageLength: 2 }))).toEqual(all.slice(1, 3));
		expect(nos(await api('POST', '/v1/quotation/enquiry', { pageLength: 100, statuses: [3] }))).toEqual([all[1]]);
		expect(nos(await api('POST', '/v1/quotation/enquiry', { pageLength: 100, customerCode: 'C000002', keyword: 'test' }))).toEqual(all.slice(2));
		expectFail(await api('POST', '/v1/quotation/enquiry', { pageLength: 0 }), '4001', 'pageLength');
		expectFail(await api('POST', '/v1/quotation/enquiry', { skip: -2 }), '4001', 'skip');
	});

	it('convert-to-salesorder {QuotationNo} → 201 order; the quotation is marked; a second conversion → 4001', async () => {
		await control({ action: 'setWebhook', url: hookUrl });
		const q = await createQuote();
		const r = await api('POST', `/v1/quotation/${q.quotationNo}/convert-to-salesorder`, { QuotationNo: q.quotationNo });
		expectOk(r, 201);
		expect(r.json.data).toMatchObject({ customerCode: 'C000002', referenceNo: q.quotationNo, grandTotal: q.grandTotal, salesOrderStatus: 1 });
		expect(sim.quotation(q.quotationNo)).toMatchObject({ quotationStatus: 2, salesOrderNo: r.json.data.salesOrderNo });
		expect(sim.orders.size).toBe(4);
		const again = await api('POST', `/v1/quotation/${q.quotationNo}/convert-to-salesorder`, { QuotationNo: q.quotationNo });
		expectFail(again, '4001', `already converted to sales order ${r.json.data.salesOrderNo}`);
		expect(sim.orders.size).toBe(4);
		await settled();
		expect(received.map((p) => p.Data.Event)).toEqual(['created']);
		expectFail(await api('POST', '/v1/quotation', { quotationNo: q.quotationNo, remark: 'x' }), '4001', 'Converted and can no longer be changed');
	});

	it.each([
		['[INF] a QuotationNo that differs from the path', { QuotationNo: 'QT9999-9999' }, 'does not match the path'],
		['a cancelled quotation', { cancelFirst: true }, 'is cancelled'],
	])('convert with %s → 4001', async (_label, body, message) => {
		const q = await createQuote();
		if ('cancelFirst' in body) await api('PUT', `/v1/quotation/${q.quotationNo}/cancel`);
		expectFail(await api('POST', `/v1/quotation/${q.quotationNo}/convert-to-salesorder`, 'cancelFirst' in body ? {} : body), '4001', message);
	});

	it('cancel → data:true; cancelling twice or editing a cancelled quotation → 4001', async () => {
		const q = await createQuote();
		const r = await api('PUT', `/v1/quotation/${q.quotationNo}/cancel`);
		expectOk(r);
		expect(r.json.data).toBe(true);
		expect(sim.quotation(q.quotationNo).quotationStatus).toBe(3);
		expectFail(await api('PUT', `/v1/quotation/${q.quotationNo}/cancel`), '4001', 'is Cancelled and cannot be cancelled');
		expectFail(await api('POST', '/v1/quotation', { quotationNo: q.quotationNo }), '4001', 'can no longer be changed');
		expectFail(await api('PUT', '/v1/quotation/QT0000-0000/cancel'), '4001', 'not found');
	});
});

describe('products', () => {
	it('POST /v3/products creates by productCode (201), then updates (200)', async () => {
		const r = await api('POST', '/v3/products', { productCode: 'P-COFFEE', productName: 'Cà phê sữa đá', price: 40, unitName: 'แก้ว (cup)', productGroupName: 'Drinks' });
		expectOk(r, 201);
		expect(r.json.data).toMatchObject({ productCode: 'P-COFFEE', price: 40, unitId: 2, productGroupId: 1, status: 1, stockQty: 0 });
		const u = await api('POST', '/v3/products', { productCode: 'p-coffee', price: 45, status: 2 });
		expectOk(u);
		expect(u.json.data).toMatchObject({ productCode: 'P-COFFEE', productName: 'Cà phê sữa đá', price: 45, status: 2 });
	});

	it.each([
		['productCode missing', { productName: 'x' }, 'productCode is required'],
		['productName missing on create', { productCode: 'NEW' }, 'productName is required'],
		['price -1', { productCode: 'NEW', productName: 'x', price: -1 }, 'price must be 0 or more'],
		['status 3', { productCode: 'NEW', productName: 'x', status: 3 }, 'status must be 1 (active) or 2 (inactive)'],
		['an unknown unit', { productCode: 'NEW', productName: 'x', unitName: 'kg' }, 'unit kg not found'],
		['an unknown group', { productCode: 'NEW', productName: 'x', productGroupId: 9 }, 'product group 9 not found'],
	])('%s → 400 4001', async (_label, body, message) => {
		expectFail(await api('POST', '/v3/products', body), '4001', message);
	});

	it('GET /v3/products/{productCode}; unknown → 4001', async () => {
		expect((await api('GET', '/v3/products/P-PHO')).json.data).toMatchObject({ productCode: 'P-PHO', price: 65, stocks: [{ warehouseCode: 'WH-BKK', qty: 110 }] });
		expectFail(await api('GET', '/v3/products/NOPE'), '4001', 'Product NOPE not found');
	});

	it('GET /v3/products?take=&status=&skip= (+ [INF] keyword, groupId)', async () => {
		const codes = async (q: string) => (await api('GET', `/v3/products${q}`)).json.data.map((p: any) => p.productCode);
		expect(await codes('')).toHaveLength(6);
		expect(await codes('?take=2')).toEqual(['P-THAI-TEA', 'P-PHO']);
		expect(await codes('?take=2&skip=2')).toEqual(['P-BOBA', 'P-EGG-TART']);
		expect(await codes('?status=2')).toEqual(['P-BANH-MI']);
		expect(await codes('?status=1&take=100')).toHaveLength(5);
		expect(await codes('?groupId=1')).toEqual(['P-THAI-TEA', 'P-BOBA']);
		expect(await codes('?keyword=tea')).toEqual(['P-THAI-TEA', 'P-BOBA']);
	});

	it.each(['take=0', 'take=101', 'skip=-1', 'status=5', 'take=abc'])('GET /v3/products?%s → 400 4001', async (q) => {
		expectFail(await api('GET', `/v3/products?${q}`), '4001', /must be a whole number/);
	});

	it('[INF] PUT /v3/products/{code}/stock {qty, warehouseCode} sets that warehouse', async () => {
		const r = await api('PUT', '/v3/products/P-PHO/stock', { qty: 5, warehouseCode: 'WH-CNX' });
		expectOk(r);
		expect(r.json.data).toMatchObject({ stocks: [{ warehouseCode: 'WH-BKK', qty: 110 }, { warehouseCode: 'WH-CNX', qty: 5 }], stockQty: 115 });
		expect((await api('PUT', '/v3/products/P-PHO/stock', { qty: 0, warehouseCode: 'WH-BKK' })).json.data.stockQty).toBe(5);
	});

	it.each([
		['qty missing', { warehouseCode: 'WH-BKK' }, 'qty is required and must be 0 or more'],
		['qty -1', { qty: -1, warehouseCode: 'WH-BKK' }, 'qty is required'],
		['an unknown warehouse', { qty: 1, warehouseCode: 'WH-X' }, 'warehouseCode is required: one of WH-BKK, WH-CNX'],
	])('stock with %s → 400 4001', async (_label, body, message) => {
		expectFail(await api('PUT', '/v3/products/P-PHO/stock', body), '4001', message);
	});

	it('stock of an unknown product → 4001', async () => {
		expectFail(await api('PUT', '/v3/products/NOPE/stock', { qty: 1, warehouseCode: 'WH-BKK' }), '4001', 'not found');
	});

	it('GET /v1/products/units and /v1/products/groups', async () => {
		expect((await api('GET', '/v1/products/units')).json.data[0]).toEqual({ unitId: 1, unitName: 'ชิ้น (piece)' });
		expect((await api('GET', '/v1/products/groups')).json.data).toEqual([
			{ productGroupId: 1, productGroupName: 'Drinks' }, { productGroupId: 2, productGroupName: 'Food' }, { productGroupId: 3, productGroupName: 'Desserts' },
		]);
	});
});

describe('base URLs, paths and control', () => {
	it('[INF] every route also answers under the legacy /dev base, path segments in any case', async () => {
		expectOk(await api('GET', '/dev/v3/customers/C000001'));
		expectOk(await api('GET', '/DEV/V2/SalesOrder/SO2601-0001'));
		expect((await api('GET', '/v1/SalesOrders/5001')).json.statusCode).toBe(1000);
	});

	it('[INF] with mirrorUnderDev off, legacy routes live only under /dev and current ones only at the root', async () => {
		const strict = createVenio({ mirrorUnderDev: false, paths: { customerByName: '/v3/customers/by-name/:customerName' } });
		const other = new SandboxServer().mount(strict);
		await other.start();
		try {
			const base = `${other.baseUrl}/venio`;
			const tok = (await send('POST', `${base}/authorization/connect/token`, { 'Content-Type': 'application/x-www-form-urlencoded', 'Ocp-Apim-Subscription-Key': KEY }, form(DEMO_FORM))).json.access_token;
			expect((await send('POST', `${base}/dev/authorization/Connect/Token`, { 'Content-Type': 'application/x-www-form-urlencoded', 'Ocp-Apim-Subscription-Key': KEY }, form(DEMO_FORM))).status).toBe(200);
			const get = (path: string) => send('GET', `${base}${path}`, { Authorization: `Bearer ${tok}`, 'Ocp-Apim-Subscription-Key': KEY });
			expect((await get('/v3/customers/C000001')).status).toBe(200);
			expect((await get('/dev/v3/customers/C000001')).status).toBe(404);
			expect((await get('/v1/SalesOrders/5001')).status).toBe(404);
			expect((await get('/dev/v1/SalesOrders/5001')).status).toBe(200);
			const name = encodeURIComponent(strict.customers[0].customerName);
			expect((await get(`/v3/customers/by-name/${name}`)).status).toBe(200);
			expect((await get(`/v3/customers/name/${name}`)).status).toBe(404);
		} finally {
			await other.stop();
		}
	});

	it('/__sandbox/state shows stored records; reset restores the fixtures and options', async () => {
		await createCustomer();
		await control({ action: 'configure', tokenTtlSeconds: 5 });
		const state: any = await (await fetch(`${server.baseUrl}/__sandbox/state/venio`)).json();
		expect(state.customerCount).toBe(13);
		expect(state.orders).toHaveLength(3);
		expect(state.quotations).toHaveLength(2);
		await fetch(`${server.baseUrl}/__sandbox/reset/venio`, { method: 'POST' });
		expect(sim.customers).toHaveLength(12);
		expect(sim.options.tokenTtlSeconds).toBe(3600);
	});

	it('an unknown control action is refused', async () => {
		expect(await control({ action: 'explode' })).toEqual({ ok: false, error: 'unknown action explode' });
	});

	it('injected core faults apply (e.g. a 429 burst with the APIM body)', async () => {
		await fetch(`${server.baseUrl}/__sandbox/faults/venio`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ next429: 1, pathFilter: '/v3/' }) });
		const r = await api('GET', '/v3/customers/C000001');
		expect(r.status).toBe(429);
		expect(r.json).toEqual({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' });
		expectOk(await api('GET', '/v3/customers/C000001'));
	});
});

describe('finding records again (the searches Match Existing By uses)', () => {
	it('GET /v3/customers/taxid/{taxId} → every customer with that tax ID (branches share one); unknown → 4001', async () => {
		const head = await createCustomer({ customerName: 'Tax HQ', customerTaxNo: '0105561234567', branchCode: '00000' });
		const branch = await createCustomer({ customerName: 'Tax Branch', customerTaxNo: '0105561234567', branchCode: '00001' });
		const r = await api('GET', '/v3/customers/taxid/0105561234567');
		expectOk(r);
		expect(r.json.data.map((c: any) => c.customerCode)).toEqual([head.customerCode, branch.customerCode]);
		expectFail(await api('GET', '/v3/customers/taxid/0000000000000'), '4001', 'not found');
	});

	it('POST /v2/salesorder/enquiry: referenceNo matches exactly (any case), with customerCode, take/skip paging', async () => {
		const a = await createOrder({ referenceNo: 'POS-0001' });
		await createOrder({ referenceNo: 'POS-00010' });
		const other = await createOrder({ referenceNo: 'POS-0001', customerCode: 'C000002' });
		const nos = (r: Reply) => r.json.data.map((o: any) => o.salesOrderNo);
		expect(nos(await api('POST', '/v2/salesorder/enquiry', { referenceNo: 'pos-0001', take: 100 }))).toEqual([a.salesOrderNo, other.salesOrderNo]);
		expect(nos(await api('POST', '/v2/salesorder/enquiry', { referenceNo: 'POS-0001', customerCode: 'C000001', take: 100 }))).toEqual([a.salesOrderNo]);
		expect(nos(await api('POST', '/v2/salesorder/enquiry', { referenceNo: 'POS-0001', skip: 1, take: 1 }))).toEqual([other.salesOrderNo]);
		expectFail(await api('POST', '/v2/salesorder/enquiry', { take: 101 }), '4001', 'take');
	});

	it('POST /v1/quotation/enquiry takes the documented take and quotationNo, and referenceNo', async () => {
		const q = await api('POST', '/v1/quotation', { ...QUOTE, referenceNo: 'WEB-77' });
		expectOk(q, 201);
		const nos = (r: Reply) => r.json.data.map((x: any) => x.quotationNo);
		expect(nos(await api('POST', '/v1/quotation/enquiry', { referenceNo: 'WEB-77', take: 10 }))).toEqual([q.json.data.quotationNo]);
		expect(nos(await api('POST', '/v1/quotation/enquiry', { quotationNo: q.json.data.quotationNo, take: 10 }))).toEqual([q.json.data.quotationNo]);
	});
});
