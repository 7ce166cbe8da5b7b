/**
 * Venio CRM credential, token handling and error mapping, inside n8n-core against the simulator.
 */
import { LoadOptionsContext } from 'n8n-core';
import { Workflow, type ICredentialType } from 'n8n-workflow';

import { VENIO_DEMO } from '../../sandbox/venio';
import { makeNode, storeCredentials } from '../harness/n8n';
import { intercept, useVenio } from './setup';

const env = useVenio();

const SECRETS = [VENIO_DEMO.clientSecret, VENIO_DEMO.subscriptionKey];
const leaks = (value: unknown) => SECRETS.some((s) => JSON.stringify(value ?? null).includes(s));

// Match Existing By "Customer Code Only": one request per item, so requests can be counted here.
const upsertByInput = { resource: 'customer', operation: 'createOrUpdate', customerName: '={{ $json.name }}', customerState: 3, matchBy: 'code' };
const hundred = Array.from({ length: 100 }, (_, i) => ({ name: `Bulk customer ${i + 1}` }));

describe('Credential', () => {
	it('gets a token with the form body and the subscription key, then sends Bearer and the key on every call', async () => {
		await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' });
		const [token, call] = env.server.requests('venio');
		expect(token).toMatchObject({ method: 'POST', path: '/authorization/connect/token', status: 200 });
		expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(token.headers['ocp-apim-subscription-key']).toBe('0f****');
		expect(token.body).toMatchObject({ grant_type: 'client_credentials', client_id: VENIO_DEMO.clientId, client_secret: 've****' });
		expect(call.headers.authorization).toMatch(/^Be\*\*\*\*$/);
		expect(call.headers['ocp-apim-subscription-key']).toBe('0f****');
		expect(call.status).toBe(200);
	});

	it('works with the legacy base URL (…/dev) too', async () => {
		const { items, error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001', simplify: false }, [{}], { credentials: { baseUrl: `${env.base}/dev/` } });
		expect(error).toBeUndefined();
		expect(items[0].json.customerCode).toBe('C000001');
		expect(env.server.requests('venio').map((r) => r.path)).toEqual(['/dev/authorization/connect/token', '/dev/v3/customers/C000001']);
	});

	it('its test request proves Client ID, Client Secret and Subscription Key together', async () => {
		const type = env.h.loaded.credentials.get('venioCrmApi') as ICredentialType;
		const request = type.test!.request;
		expect(request).toMatchObject({ method: 'GET', url: '/v1/products/units' });
		const attempt = async (extra: Record<string, string>) => {
			const node = makeNode(env.h, { type: 'venioCrm', parameters: {} }, storeCredentials(env.h, env.credentials(extra)));
			const workflow = new Workflow({ id: 'wf', nodes: [node], connections: {}, active: false, nodeTypes: env.h.nodeTypes });
			const ctx = new LoadOptionsContext(workflow, node, env.h.additionalData, 'parameters');
			return await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'venioCrmApi', { method: 'GET', url: `${env.base}${request.url}`, json: true });
		};
		await expect(attempt({})).resolves.toMatchObject({ status: { code: '1000' }, data: env.sim.units });
		for (const wrong of [{ clientSecret: 'nope' }, { subscriptionApiKey: 'nope' }, { clientId: 'nope' }] as Array<Record<string, string>>) {
			await expect(attempt(wrong)).rejects.toThrow();
		}
	});
});

describe('Token reuse and renewal', () => {
	it('100 items through Create or Update use exactly one token request', async () => {
		const { items, error } = await env.run({ ...upsertByInput, options: { concurrency: 5 } }, hundred);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(100);
		expect(items.every((item) => typeof item.json.customerCode === 'string')).toBe(true);
		expect(env.sim.tokenRequests).toBe(1);
		expect(env.calls()).toHaveLength(100);
	});

	it('a token that expires between items is renewed once; no item fails or is sent twice', async () => {
		const restore = intercept(env.sim, 'POST', '/v3/customers', async (req, original, call) => {
			const answer = await original(req);
			if (call === 40) env.sim.control({ action: 'expireTokens' });
			return answer;
		});
		try {
			const before = env.sim.customers.length;
			const { items, error } = await env.run(upsertByInput, hundred);
			expect(error).toBeUndefined();
			expect(items.filter((item) => item.json.error)).toHaveLength(0);
			expect(items).toHaveLength(100);
			expect(env.sim.tokenRequests).toBe(2);
			expect(env.calls().filter((c) => c.status === 401)).toHaveLength(1);
			expect(env.sim.customers.length).toBe(before + 100);
		} finally {
			restore();
		}
	});

	it('a token that expires in the middle of Return All is renewed and paging goes on', async () => {
		env.sim.control({ action: 'seed', customers: 250 });
		const restore = intercept(env.sim, 'POST', '/v3/customers/enquiry', async (req, original, call) => {
			const answer = await original(req);
			if (call === 1) env.sim.control({ action: 'expireTokens' });
			return answer;
		});
		try {
			const { items, error } = await env.run({ resource: 'customer', operation: 'getMany', returnAll: true });
			expect(error).toBeUndefined();
			expect(new Set(items.map((i) => i.json.code)).size).toBe(250);
			expect(env.sim.tokenRequests).toBe(2);
		} finally {
			restore();
		}
	});
});

describe('Vendor errors in plain words, with Venio’s code', () => {
	it('4001: one problem (an unknown customer code)', async () => {
		const { error } = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerCode: 'C999999', customerName: 'Nobody', customerState: 3 });
		expect(error?.message).toBe('Venio CRM Bad request (400) [4001]: Customer C999999 not found');
		expect(error?.description).toMatch(/could not find this record/);
	});

	it('4002: several problems, all listed', async () => {
		const { error } = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerName: 'Owner Check', customerState: 3, additionalFields: { owners: ['E998'], primaryOwner: 'E999' } });
		expect(error?.message).toBe('Venio CRM Bad request (400) [4002]: owner E998 is not an employee code; primaryOwner E999 is not an employee code');
		expect(error?.description).toMatch(/several problems/);
	});

	it('E9905 on a read is retried; when it persists the user sees E9905', async () => {
		env.sim.control({ action: 'failNext', count: 1 });
		const retried = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' });
		expect(retried.error).toBeUndefined();
		expect(env.calls().map((c) => c.status)).toEqual([500, 200]);

		env.sim.control({ action: 'failNext', count: 3 });
		const failed = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' });
		expect(failed.error?.message).toBe('Venio CRM Vendor error (500) [E9905]: An unexpected error occurred, please try again later');
		expect(failed.error?.description).toMatch(/internal error \(E9905\)/);
	});

	it('E9905 on a create is not repeated (no duplicate customer); an update by code is', async () => {
		const before = env.sim.customers.length;
		env.sim.control({ action: 'failNext', count: 1 });
		const create = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerName: 'Once Only', customerState: 3, matchBy: 'code' });
		expect(create.error?.description).toMatch(/not repeated automatically/);
		// The create went out once; the node then looked for the name (an unclear outcome), found nothing.
		expect(env.calls().map((c) => c.method)).toEqual(['POST', 'GET']);
		expect(env.sim.customers.length).toBe(before);

		env.sim.control({ action: 'failNext', count: 1 });
		const update = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerCode: 'C000001', customerName: 'Renamed Once', customerState: 3 });
		expect(update.error).toBeUndefined();
		expect(env.calls().slice(2).map((c) => c.status)).toEqual([500, 200]);
	});

	it('a dropped connection on the token request: the create still goes out, once (nothing had reached Venio)', async () => {
		const before = env.sim.customers.length;
		env.sim.setFaults({ nextReset: 1, pathFilter: '/connect/token' });
		const { items, error } = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerName: 'After A Reset', customerState: 3, matchBy: 'code' });
		expect(error).toBeUndefined();
		expect(items[0].json.customerCode).toEqual(expect.any(String));
		expect(env.sim.customers.length).toBe(before + 1);
		expect(env.server.requests('venio').map((r) => [r.path, r.status])).toEqual([
			['/authorization/connect/token', -1],
			['/authorization/connect/token', 200],
			['/v3/customers', 201],
		]);
	});

	it('a 429 on one item holds every item on the credential until its Retry-After has passed', async () => {
		const restore = intercept(env.sim, 'POST', '/v3/customers', async (req, original, call) =>
			call === 1 ? { status: 429, headers: { 'retry-after': '1' }, body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' } } : await original(req),
		);
		try {
			const { items, error } = await env.run({ ...upsertByInput, options: { concurrency: 4 } }, hundred.slice(0, 8));
			expect(error).toBeUndefined();
			expect(items.filter((item) => item.json.error)).toHaveLength(0);
			const calls = env.calls();
			const limited = calls.findIndex((c) => c.status === 429);
			// Up to three others were already on their way (concurrency 4); every request after them waited out the Retry-After.
			const after = calls.slice(limited + 4);
			expect(after.length).toBeGreaterThan(0);
			for (const call of after) expect(call.at).toBeGreaterThanOrEqual(calls[limited].at + 1000);
		} finally {
			restore();
		}
	});

	it.each([
		['a wrong Subscription Key (APIM 401)', { subscriptionApiKey: 'wrong-key' }, /^Venio CRM refused the token request \(401\).*Access denied due to invalid subscription key/],
		['a wrong Client Secret (400 invalid_client)', { clientSecret: 'wrong-secret' }, /^Venio CRM refused the token request \(400\).*invalid_client/],
	])('401/400 from the token endpoint: %s', async (_t, credentials, message) => {
		const { error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' }, [{}], { credentials });
		expect(error?.message).toMatch(message);
		expect(leaks(error)).toBe(false);
		expect(JSON.stringify(error)).not.toContain('wrong-secret');
	});

	it('401 "User authentication required V2." that survives a fresh token', async () => {
		const restore = intercept(env.sim, 'GET', '/v3/customers/:customerCode', () => ({ status: 401, body: { status: { code: '401', description: 'User authentication required V2.' }, data: null } }));
		try {
			const { error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' });
			expect(error?.message).toBe('Venio CRM Authorization failed (401) [401]: User authentication required V2.');
			expect(error?.description).toMatch(/Client ID and Client Secret/);
			expect(env.sim.tokenRequests).toBe(2);
		} finally {
			restore();
		}
	});

	it('403 when the subscription does not cover the API', async () => {
		env.sim.control({ action: 'configure', forbiddenPaths: ['/v2/salesorder'] });
		const { error } = await env.run({ resource: 'salesOrder', operation: 'getByNumber', salesOrderNo: 'SO2601-0001' });
		expect(error?.message).toBe('Venio CRM Forbidden (403) [403]: Forbidden');
		expect(error?.description).toMatch(/subscription is not allowed/);
	});

	it('400 in the legacy envelope (Get by ID of an unknown order)', async () => {
		const { error } = await env.run({ resource: 'salesOrder', operation: 'getById', salesOrderId: '999999' });
		expect(error?.message).toBe('Venio CRM Bad request (400) [4001]: Sales order id 999999 not found');
	});

	it.each([
		['string', '4001'],
		['number', 4001],
	])('a 2xx whose status code (as a %s) is not 1000 is a refusal; 1000 as a number is success', async (_t, code) => {
		const restore = intercept(env.sim, 'GET', '/v3/customers/:customerCode', (req, original, call) =>
			call === 1 ? { status: 200, body: { status: { code, description: 'Customer is locked' }, data: null } } : original(req),
		);
		try {
			const { error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' });
			expect(error?.message).toBe('Venio CRM refused the request [4001]: Customer is locked');
		} finally {
			restore();
		}
		const restoreOk = intercept(env.sim, 'GET', '/v3/customers/:customerCode', () => ({ status: 200, body: { status: { code: 1000, description: 'Success' }, data: { customerId: 1, customerCode: 'C1' } } }));
		try {
			const { items, error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C1', simplify: false });
			expect(error).toBeUndefined();
			expect(items[0].json).toEqual({ customerId: 1, customerCode: 'C1' });
		} finally {
			restoreOk();
		}
	});

	it('continueOnFail: error items stay paired with their inputs, next to the successes', async () => {
		const { items, error } = await env.run({ ...upsertByInput, customerCode: '={{ $json.code ?? "" }}' }, [{ name: 'Fine One' }, { name: ' ' }, { name: 'Gone', code: 'C999999' }, { name: 'Fine Two' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items[0].json.customerName).toBe('Fine One');
		expect(items[1].json.error).toBe('Item 2: "Customer Name" is required');
		expect(items[2].json).toMatchObject({ error: 'Venio CRM Bad request (400) [4001]: Customer C999999 not found', httpCode: '400' });
		expect(items[3].json.customerName).toBe('Fine Two');
		expect(leaks(items)).toBe(false);
	});
});
