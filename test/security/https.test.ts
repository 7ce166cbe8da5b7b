/**
 * Issue 14: Base URLs must be https, except loopback hosts (the sandbox). Checked once
 * (nodes/shared/secureUrl.ts) by every vendor's base URL, the token requests and the credentials'
 * `authenticate` (so the credential test too), before anything is sent. The hosts used here
 * (*.invalid) cannot be resolved: reaching the network would fail with another error.
 */
import type { ICredentialDataDecryptedObject, IHttpRequestHelper } from 'n8n-workflow';

import type { Sandbox } from '../../sandbox';
import { runNode, type Harness, type NodeUnderTest } from '../harness/n8n';
import { insecureUrlProblem, isLoopbackHost } from '../../nodes/shared/secureUrl';
import { requestClientCredentialsToken } from '../../nodes/shared/oauth';
import { testCredential, useSecuritySandbox } from './credentialTest';

let sandbox: Sandbox;
let h: Harness;

useSecuritySandbox((ready, harness) => {
	sandbox = ready;
	h = harness;
});

describe('the rule', () => {
	it.each(['http://127.0.0.1:7780/venio', 'http://127.8.9.10/x', 'http://localhost:5678', 'http://[::1]:8080/api', 'https://api.gofive.co.th', 'https://open.shopline.io/v1', 'HTTPS://API.SALEKIT.IO/api/v1'])('accepts %s', (url) => {
		expect(insecureUrlProblem('Venio CRM', url)).toBeUndefined();
	});

	it.each([
		['http://api.gofive.co.th', 'http://api.gofive.co.th'],
		['http://127.0.0.1.nip.io/api', 'http://127.0.0.1.nip.io'],
		['http://localhost.example.com', 'http://localhost.example.com'],
		['http://10.0.0.5:8080/api', 'http://10.0.0.5:8080'],
		['http://user:pass@shop.example.com/api', 'http://shop.example.com'],
		['ftp://files.example.com/api', 'ftp://files.example.com'],
	])('refuses %s, showing only %s', (url, shown) => {
		const problem = insecureUrlProblem('Venio CRM', url);
		expect(problem).toBe(
			`The Venio CRM credential's Base URL must start with https:// (it is ${shown}): the credential's secrets are never sent unencrypted. Only addresses on this machine (localhost, 127.x.x.x, ::1) may use http://.`,
		);
		expect(problem).not.toContain('pass');
	});

	it('refuses what is not an address', () => {
		expect(insecureUrlProblem('SHOPLINE', 'open.shopline.io/v1')).toMatch(/^The SHOPLINE credential's Base URL is not a full web address/);
	});

	it('knows the loopback hosts as the URL parser writes them', () => {
		expect(['localhost', '127.0.0.1', '127.255.0.1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true]);
		expect(['128.0.0.1', '0.0.0.0', '[::]', 'example.com', '127.0.0.1.example.com'].map(isLoopbackHost)).toEqual([false, false, false, false, false]);
	});
});

const PLAIN_HTTP = 'http://shop.example.invalid';

const CASES: Array<{ vendor: string; type: string; node: () => NodeUnderTest; credentials: () => ICredentialDataDecryptedObject; base: string }> = [
	{ vendor: 'Salekit', type: 'salekitApi', node: () => ({ type: 'salekit', parameters: { resource: 'audience', operation: 'createOrUpdate', full_name: 'A', email: 'a@example.vn' } as never }), credentials: () => sandbox.credentials.salekitApi, base: `${PLAIN_HTTP}/api/v1` },
	{ vendor: 'SHOPLINE', type: 'shoplineApi', node: () => ({ type: 'shopline', parameters: { resource: 'customer', operation: 'get', customerId: '5f0000000000000000000001' } as never }), credentials: () => sandbox.credentials.shoplineApi, base: `${PLAIN_HTTP}/v1` },
	{ vendor: 'Venio CRM', type: 'venioCrmApi', node: () => ({ type: 'venioCrm', parameters: { resource: 'customer', operation: 'getByCode', customerCode: 'C000001' } as never }), credentials: () => sandbox.credentials.venioCrmApi, base: PLAIN_HTTP },
	{ vendor: 'MeeDee POS', type: 'meeDeePosApi', node: () => ({ type: 'meeDeePos', parameters: { resource: 'customer', operation: 'getMany', limit: 1 } as never }), credentials: () => sandbox.credentials.meeDeePosApi, base: PLAIN_HTTP },
];

const refusal = (vendor: string) => `The ${vendor} credential's Base URL must start with https:// (it is ${PLAIN_HTTP}): `;

describe.each(CASES)('$vendor', ({ vendor, type, node, credentials, base }) => {
	it('a node run with an http:// Base URL fails with a credential error before sending anything', async () => {
		const { error } = await runNode(h, { ...node(), credentials: { [type]: { ...credentials(), baseUrl: base } } });
		expect(error?.message).toMatch(new RegExp(`^${refusal(vendor).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
	});

	it('the credential test says the same, before sending anything', async () => {
		const result = await testCredential(h, type, { ...credentials(), baseUrl: base });
		expect(result.status).toBe('Error');
		expect(result.message).toContain(refusal(vendor));
		expect(sandbox.server.requests()).toEqual([]);
	});

	it('the sandbox (http on 127.0.0.1) is accepted', async () => {
		expect(await testCredential(h, type, credentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});

describe('token requests', () => {
	it('are refused for an http:// token URL without a request', async () => {
		const httpRequest = jest.fn();
		const helper = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
		await expect(requestClientCredentialsToken.call(helper, { vendor: 'MeeDee POS', url: `${PLAIN_HTTP}/api/partner/v1/oauth/token`, clientId: 'meed_x', clientSecret: 'secret-value' })).rejects.toMatchObject({
			name: 'TokenRequestError',
			transient: false,
			message: expect.stringContaining(refusal('MeeDee POS')),
		});
		expect(httpRequest).not.toHaveBeenCalled();
	});

	it('ask the HTTP helper not to follow redirects', async () => {
		const httpRequest = jest.fn().mockResolvedValue({ access_token: 'tok', expires_in: 60 });
		const helper = { helpers: { httpRequest } } as unknown as IHttpRequestHelper;
		await requestClientCredentialsToken.call(helper, { vendor: 'Venio CRM', url: 'https://api.gofive.co.th/authorization/connect/token', clientId: 'id', clientSecret: 'secret' });
		expect(httpRequest.mock.calls[0][0]).toMatchObject({ method: 'POST', disableFollowRedirect: true });
	});
});
