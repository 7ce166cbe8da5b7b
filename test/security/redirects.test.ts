/**
 * Issue 14: no request carrying a credential follows a redirect to another origin. The sandbox
 * answers 3xx (its `nextRedirect` fault) pointing at a second loopback server on another port,
 * which records everything it receives. For every vendor (Salekit Token, SHOPLINE bearer, Venio
 * subscription key + bearer, MeeDee bearer), their token endpoints, and each credential test run
 * as n8n runs it: the other origin receives nothing and the run fails naming it. Same-origin
 * redirects are still followed (307/308 keep the method and body); token requests follow none.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { startElsewhere, type Elsewhere } from '../../scripts/elsewhere';
import { REDIRECT_TARGETS, type RedirectTarget } from '../../scripts/redirect-targets';
import { startSandbox, type Sandbox } from '../../sandbox';
import type { TokenIssuer, Vendor } from '../../sandbox/core';
import { createHarness, runNode, type Harness, type NodeUnderTest } from '../harness/n8n';
// The nodes run from dist/: their pacing and token cache are dist's.
import { resetLimiters } from '../../dist/nodes/shared/limiter';
import { clearTokenCache } from '../../dist/nodes/shared/tokenCache';
import { MAX_REDIRECTS } from '../../nodes/shared/redirects';
import { testCredential } from './credentialTest';

let sandbox: Sandbox;
let elsewhere: Elsewhere;
let h: Harness;
let home: string;
const issuedTokens = new Set<string>();

/** Every token the sandbox hands out is a secret too. */
function recordIssued(issuer: TokenIssuer): void {
	const issue = issuer.issue.bind(issuer);
	issuer.issue = (...args) => {
		const issued = issue(...args);
		issuedTokens.add(issued.token);
		return issued;
	};
}

beforeAll(async () => {
	sandbox = await startSandbox();
	elsewhere = await startElsewhere();
	home = new URL(sandbox.server.baseUrl).origin;
	h = createHarness();
	recordIssued(sandbox.venio.tokens);
	recordIssued(sandbox.meedee.issuer);
});
afterAll(async () => {
	await sandbox.venio.flush();
	await sandbox.stop();
	await elsewhere.stop();
});
beforeEach(() => {
	sandbox.server.reset();
	elsewhere.received.length = 0;
	resetLimiters();
	clearTokenCache();
});

/** Every credential value and issued token, to look for in whatever the other origin received. */
function secrets(): string[] {
	const c = sandbox.credentials;
	return [c.salekitApi.token, c.shoplineApi.accessToken, c.venioCrmApi.clientSecret, c.venioCrmApi.subscriptionApiKey, c.meeDeePosApi.clientSecret, ...issuedTokens];
}

function expectNothingElsewhere(): void {
	const leaked = elsewhere.received.filter((r) => secrets().some((s) => JSON.stringify(r.headers).includes(s) || r.body.includes(s) || r.url.includes(s)));
	expect(leaked).toEqual([]);
	expect(elsewhere.received).toEqual([]);
}

interface VendorCase {
	vendor: string;
	sim: () => Vendor;
	/** Part of the API path the redirect is injected on (not the token endpoint), for the read and for the write. */
	apiPath: string;
	writePath: string;
	read: () => NodeUnderTest;
	write: () => NodeUnderTest;
	/** The credential test's request path. */
	testPath: string;
	tokenPath?: string;
	credentialType: string;
	credentials: () => ICredentialDataDecryptedObject;
}

/** A write per vendor, beside the shared read (scripts/redirect-targets.ts), and where it goes. */
const WRITES: Record<RedirectTarget['sim'], { path: string; parameters: () => Record<string, unknown> }> = {
	salekit: { path: '/audience/create', parameters: () => ({ resource: 'audience', operation: 'createOrUpdate', full_name: 'Trần Thị B', email: 'ttb@example.vn', additionalFields: { tag: 'VIP' } }) },
	shopline: { path: '/customers', parameters: () => ({ resource: 'customer', operation: 'create', name: '王小明', email: `ming.${Date.now()}@example.tw` }) },
	venio: { path: '/v1/customers/satisfaction', parameters: () => ({ resource: 'customer', operation: 'createSatisfaction', customerCode: 'C000002', score: 4 }) },
	meedee: { path: '/api/partner/v1/webhooks', parameters: () => ({ resource: 'webhook', operation: 'create', endpoint_url: 'https://example.com/hook', events: ['sale.created'] }) },
};

const CASES: VendorCase[] = REDIRECT_TARGETS.map((t) => {
	const run = (parameters: Record<string, unknown>): NodeUnderTest => ({ type: t.node, parameters: parameters as never, credentials: { [t.credentialType]: sandbox.credentials[t.credentialType] } });
	return {
		vendor: t.vendor,
		sim: () => sandbox[t.sim],
		apiPath: t.apiPath,
		writePath: WRITES[t.sim].path,
		read: () => run(t.read(sandbox)),
		write: () => run(WRITES[t.sim].parameters()),
		testPath: t.testPath,
		tokenPath: t.tokenPath,
		credentialType: t.credentialType,
		credentials: () => sandbox.credentials[t.credentialType],
	};
});

const log = (c: VendorCase, path: string) => sandbox.server.requests(c.sim().name).filter((r) => r.path.includes(path));

describe.each(CASES)('$vendor', (c) => {
	it.each(['read', 'write'] as const)('a %s redirected to another origin fails naming it; the other origin receives nothing', async (kind) => {
		const path = kind === 'read' ? c.apiPath : c.writePath;
		c.sim().setFaults({ nextRedirect: 1, redirectTo: elsewhere.origin, pathFilter: path });
		const { error, items } = await runNode(h, c[kind]());
		expect(items).toEqual([]);
		expect(error?.message).toBe(`${c.vendor} redirected the request to ${elsewhere.origin} — requests carrying your credential are only sent to ${home}; check the Base URL`);
		expect(error?.description).toMatch(/did not leave/);
		expect(log(c, path).map((r) => r.status)).toEqual([307]);
		expectNothingElsewhere();
	});

	it('a redirect within the vendor’s origin is followed (relative Location), with the credential', async () => {
		c.sim().setFaults({ nextRedirect: 1, redirectTo: '', pathFilter: c.apiPath });
		const { error, items } = await runNode(h, c.read());
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(log(c, c.apiPath).map((r) => r.status)).toEqual([307, 200]);
	});

	it('a 308 within the origin keeps the method and the body of a write', async () => {
		c.sim().setFaults({ nextRedirect: 1, redirectTo: home, redirectStatus: 308, pathFilter: c.writePath });
		const { error } = await runNode(h, c.write());
		expect(error).toBeUndefined();
		const [redirected, followed] = log(c, c.writePath);
		expect(redirected.status).toBe(308);
		expect(followed.method).toBe(redirected.method);
		expect(followed.body).toEqual(redirected.body);
		expect(followed.status).toBeGreaterThanOrEqual(200);
		expect(followed.status).toBeLessThan(300);
	});

	it('the credential test (run as n8n runs it) does not follow a redirect to another origin', async () => {
		c.sim().setFaults({ nextRedirect: 1, redirectTo: elsewhere.origin, pathFilter: c.testPath });
		const result = await testCredential(h, c.credentialType, c.credentials());
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(new RegExp(`^${c.vendor} answered the test with a redirect \\(HTTP 307\\)\\. It was not followed`)) });
		expectNothingElsewhere();
	});

	it('the credential test passes against the sandbox', async () => {
		expect(await testCredential(h, c.credentialType, c.credentials())).toEqual({ status: 'OK', message: 'Connection successful!' });
	});
});

describe('other redirect statuses and loops', () => {
	const shopline = CASES.find((c) => c.vendor === 'SHOPLINE')!;

	it.each([301, 302, 303, 308])('%i to another origin is refused too', async (status) => {
		shopline.sim().setFaults({ nextRedirect: 1, redirectTo: elsewhere.origin, redirectStatus: status, pathFilter: '/customers' });
		const { error } = await runNode(h, shopline.read());
		expect(error?.message).toMatch(new RegExp(`^SHOPLINE redirected the request to ${elsewhere.origin} `));
		expect(error?.httpCode).toBe(String(status));
		expectNothingElsewhere();
	});

	it('another scheme on the same host and port is another origin', async () => {
		shopline.sim().setFaults({ nextRedirect: 1, redirectTo: home.replace('http://', 'https://'), pathFilter: '/customers' });
		const { error } = await runNode(h, shopline.read());
		expect(error?.message).toMatch(/^SHOPLINE redirected the request to https:\/\/127\.0\.0\.1:\d+ /);
	});

	it(`a redirect loop within the origin stops after ${MAX_REDIRECTS} redirects`, async () => {
		shopline.sim().setFaults({ nextRedirect: 50, redirectTo: '', pathFilter: '/customers' });
		const { error } = await runNode(h, shopline.read());
		expect(error?.message).toBe(`SHOPLINE redirected the request more than ${MAX_REDIRECTS} times within ${home}`);
		expect(log(shopline, '/customers')).toHaveLength(MAX_REDIRECTS + 1);
	});

	it('a 303 after a create becomes a GET without the body (as HTTP clients do)', async () => {
		const salekit = CASES.find((c) => c.vendor === 'Salekit')!;
		salekit.sim().setFaults({ nextRedirect: 1, redirectTo: '', redirectStatus: 303, pathFilter: '/audience/create' });
		const before = sandbox.salekit.audiences.length;
		await runNode(h, salekit.write());
		const [redirected, followed] = log(salekit, '/audience/create');
		expect([redirected.method, redirected.status, followed.method, followed.body]).toEqual(['POST', 303, 'GET', undefined]);
		expect(sandbox.salekit.audiences.length).toBe(before);
	});
});

describe.each(CASES.filter((c) => c.tokenPath))('$vendor token endpoint', (tokenCase) => {
	const { vendor } = tokenCase;
	const tokenPath = tokenCase.tokenPath!;
	const c = () => tokenCase;

	it('a redirect to another origin is not followed: the client secret stays home, the error names the origin', async () => {
		c().sim().setFaults({ nextRedirect: 1, redirectTo: elsewhere.origin, pathFilter: tokenPath });
		const { error } = await runNode(h, c().read());
		expect(error?.message).toBe(
			`${vendor}'s token endpoint answered with a redirect (HTTP 307) to ${elsewhere.origin}. It was not followed: the client secret is only sent to ${home}. Check the Base URL in the credential.`,
		);
		expect(log(c(), tokenPath).map((r) => r.status)).toEqual([307]);
		expect(log(c(), c().apiPath)).toEqual([]);
		expectNothingElsewhere();
	});

	it('a redirect within the origin is not followed either', async () => {
		c().sim().setFaults({ nextRedirect: 1, redirectTo: '', pathFilter: tokenPath });
		const { error } = await runNode(h, c().read());
		expect(error?.message).toMatch(new RegExp(`^${vendor}'s token endpoint answered with a redirect \\(HTTP 307\\) to ${home}\\. It was not followed`));
		expect(log(c(), tokenPath).map((r) => r.status)).toEqual([307]);
	});

	it('the credential test reports the redirect and sends nothing to the other origin', async () => {
		c().sim().setFaults({ nextRedirect: 1, redirectTo: elsewhere.origin, pathFilter: tokenPath });
		const result = await testCredential(h, c().credentialType, c().credentials());
		expect(result.status).toBe('Error');
		expect(result.message).toContain(`${vendor}'s token endpoint answered with a redirect (HTTP 307) to ${elsewhere.origin}`);
		expectNothingElsewhere();
	});
});
