/**
 * Issue 14: credential tests only read. Each credential's test is run as n8n runs it (RoutingNode,
 * the credential's own preAuthentication and authenticate) against the sandbox: it passes with the
 * demo credential, fails with a wrong secret, sends nothing but GETs to the vendor's API (plus the
 * token request where the vendor trades one) and leaves the vendor's records as they were.
 * Salekit documents no read endpoint: its test is a GET on audience/create that Salekit can only
 * refuse ([INF], docs/vendors/salekit.md).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import type { Vendor } from '../../sandbox/core';
import type { Harness } from '../harness/n8n';
import { testCredential, useSecuritySandbox } from './credentialTest';

let sandbox: Sandbox;
let h: Harness;

useSecuritySandbox((ready, harness) => {
	sandbox = ready;
	h = harness;
});

/** Token counters: a token request is how the Venio and MeeDee credentials log in, not a change. */
const TOKEN_COUNTERS = ['tokenRequests', 'tokensIssued', 'token_requests', 'tokens_issued'];

/** The vendor's records as its simulator reports them. */
function records(sim: Vendor): unknown {
	const snapshot = (sim as Vendor & { snapshot(): Record<string, unknown> }).snapshot();
	return Object.fromEntries(Object.entries(snapshot).filter(([key]) => !TOKEN_COUNTERS.includes(key)));
}

const CASES: Array<{ vendor: string; type: string; sim: () => Vendor; credentials: () => ICredentialDataDecryptedObject; wrong: ICredentialDataDecryptedObject; tokenPath?: RegExp }> = [
	{ vendor: 'salekit', type: 'salekitApi', sim: () => sandbox.salekit, credentials: () => sandbox.credentials.salekitApi, wrong: { token: 'wrong-salekit-token-1234' } },
	{ vendor: 'shopline', type: 'shoplineApi', sim: () => sandbox.shopline, credentials: () => sandbox.credentials.shoplineApi, wrong: { accessToken: 'wrong-shopline-token-1234' } },
	{ vendor: 'venio', type: 'venioCrmApi', sim: () => sandbox.venio, credentials: () => sandbox.credentials.venioCrmApi, wrong: { clientSecret: 'wrong-venio-secret-1234' }, tokenPath: /\/authorization\/connect\/token$/ },
	{ vendor: 'meedee', type: 'meeDeePosApi', sim: () => sandbox.meedee, credentials: () => sandbox.credentials.meeDeePosApi, wrong: { clientSecret: 'wrong-meedee-secret-1234' }, tokenPath: /\/oauth\/token$/ },
];

describe.each(CASES)('$vendor', ({ type, sim, credentials, wrong, tokenPath }) => {
	it('declares a GET', () => {
		expect(h.loaded.credentials.get(type)?.test?.request.method).toBe('GET');
	});

	it('passes with the demo credential, reading only', async () => {
		const before = records(sim());
		expect(await testCredential(h, type, credentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
		const sent = sandbox.server.requests(sim().name);
		const api = sent.filter((r) => !tokenPath?.test(r.path));
		expect(api.length).toBe(1);
		expect(api.map((r) => r.method)).toEqual(['GET']);
		expect(sent.filter((r) => tokenPath?.test(r.path)).map((r) => r.method)).toEqual(tokenPath ? ['POST'] : []);
		expect(records(sim())).toEqual(before);
	});

	it('fails with a wrong secret, changing nothing', async () => {
		const before = records(sim());
		const result = await testCredential(h, type, { ...credentials(), ...wrong });
		expect(result.status).toBe('Error');
		expect(records(sim())).toEqual(before);
	});
});

describe('Salekit', () => {
	it('[INF] its test is refused by Salekit as a create without fields, and counts as a pass: the token was accepted', async () => {
		await testCredential(h, 'salekitApi', sandbox.credentials.salekitApi);
		const [sent] = sandbox.server.requests('salekit');
		expect([sent.method, sent.path, sent.body, sent.status]).toEqual(['GET', '/api/v1/audience/create', undefined, 200]);
	});

	it('creates nothing even where Salekit would require no field', async () => {
		sandbox.salekit.control({ action: 'configure', audienceRequired: [] });
		const before = sandbox.salekit.audiences.length;
		expect((await testCredential(h, 'salekitApi', sandbox.credentials.salekitApi)).status).toBe('OK');
		expect(sandbox.salekit.audiences.length).toBe(before);
	});

	it('a wrong token is reported by its HTTP status', async () => {
		expect(await testCredential(h, 'salekitApi', { ...sandbox.credentials.salekitApi, token: 'wrong-salekit-token-1234' })).toEqual({ status: 'Error', message: 'Unauthorized' });
		// n8n sends a request refused with 401 once more after renewing what it can (nothing, for a static token).
		expect(new Set(sandbox.server.requests('salekit').map((r) => `${r.method} ${r.status}`))).toEqual(new Set(['GET 401']));
	});
});
