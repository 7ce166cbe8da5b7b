/**
 * Secrets scan: representative node runs (success, vendor refusal, 401, continueOnFail error items,
 * validation errors, injected faults) while everything written to stdout/stderr, console and n8n's
 * loggers is captured; then no credential value may appear in any output item, any error (message,
 * description, stack, context, cause, errorResponse, the whole error serialised), any log line, or
 * the sandbox's request log. Results go to test-results/secrets.json.
 *
 * TO ADD A VENDOR: append one entry to VENDORS below (its simulator, its credential, its runs).
 * Secrets are every credential field marked `password` (plus hidden, expirable tokens the node
 * stored back during the run), the wrong values a run puts in the credential, and, for vendors that
 * issue tokens, every access token the simulator issued during the run (its token endpoint's
 * answers and its TokenIssuer), so nothing else needs to change.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { sandboxCredentials } from '../../sandbox';
import { SandboxServer, type SimRequest, type SimResponse, type TokenIssuer, type Vendor } from '../../sandbox/core';
import { createMeeDee, type MeeDeeSim } from '../../sandbox/meedee';
import { createSalekit, type SalekitSim } from '../../sandbox/salekit';
import { createShopline, type ShoplineSim } from '../../sandbox/shopline';
import { createVenio, type VenioSim } from '../../sandbox/venio';
import { createHarness, runNode, storeCredentials, type Harness, type NodeUnderTest, type RunResult } from '../harness/n8n';
// Vendor nodes run from dist/ and the core probe from TS: each has its own copy of the limiter.
import { resetLimiters as resetCompiledLimiters } from '../../dist/nodes/shared/limiter';
import { clearTokenCache as clearCompiledTokenCache } from '../../dist/nodes/shared/tokenCache';
import { resetLimiters } from '../../nodes/shared/limiter';
import { CoreProbe, ProbeApi, ProbeSim } from '../core/probe';
import { writeResult } from '../properties/support';
import { OutputCapture, show } from './capture';

// ---------------------------------------------------------------------------------------------
// The table: one entry per vendor

interface SecretRun {
	title: string;
	/** The node under test, without credentials (the vendor's credential is added); may read the simulator's state. */
	node: Omit<NodeUnderTest, 'credentials'> | ((sim: Vendor) => Omit<NodeUnderTest, 'credentials'>);
	input?: IDataObject[] | ((sim: Vendor) => IDataObject[]);
	/** Changes to the credential for this run only (e.g. a wrong token: also a secret). */
	credentialOverride?: ICredentialDataDecryptedObject;
	/** Prepares the simulator (faults, state, a wrapped route) before the run; may return an undo. */
	before?: (sim: Vendor) => void | (() => void);
	/** What the run must end with, so the scan covers what it claims to. */
	expect: 'success' | 'error' | 'errorItems';
	/** Each must match the error's message and description (or the error items' texts): proves the run failed for its reason. */
	because?: RegExp[];
	/** The vendor's tokens are made to expire during the run: a 401 and a second token must be seen. */
	expectRefresh?: boolean;
}

interface VendorSecrets {
	/** Sandbox vendor name (its request log is scanned). */
	vendor: string;
	simulator: () => Vendor;
	credentialType: string;
	credentials: (baseUrl: string) => ICredentialDataDecryptedObject;
	/** Test-only node or credential types the harness must know (the core probe). */
	extraNodes?: Record<string, INodeType>;
	extraCredentials?: ICredentialType[];
	/** Vendors that issue tokens: their token endpoint (whose answers are recorded) and their issuer. */
	tokens?: { endpoint: RegExp; issuer: (sim: Vendor) => TokenIssuer };
	/** Waits for the simulator's background work (outbound webhooks) before the next run. */
	settle?: (sim: Vendor) => Promise<void>;
	runs: SecretRun[];
}

type NodeSpec = Omit<NodeUnderTest, 'credentials'>;

const salekit = (parameters: IDataObject, continueOnFail = false): NodeSpec => ({ type: 'salekit', parameters: parameters as never, continueOnFail });
const audience = (extra: IDataObject = {}) => salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: 'Nguyễn Văn A', email: 'nva@example.vn', ...extra });
const probe = (parameters: IDataObject, continueOnFail = false): NodeSpec => ({
	type: 'coreProbe',
	parameters: { resource: 'probe', operation: 'request', ...parameters } as never,
	continueOnFail,
});

/** Runs `act` just before the simulator answers the `nth` request to one route (e.g. expire every token before page 2). */
function beforeCall(sim: Vendor, method: string, path: string, nth: number, act: () => void): () => void {
	const route = sim.routes.find((r) => r.method === method && `/${r.parts.join('/')}`.toLowerCase() === path.toLowerCase());
	if (!route) throw new Error(`No ${sim.name} route ${method} ${path}`);
	const original = route.handler;
	let calls = 0;
	route.handler = (req: SimRequest) => {
		if (++calls === nth) act();
		return original(req);
	};
	return () => {
		route.handler = original;
	};
}
const expireTokensBefore = (method: string, path: string, nth: number) => (sim: Vendor) =>
	beforeCall(sim, method, path, nth, () => (sim as VenioSim | MeeDeeSim).control({ action: 'expireTokens' }));

const venio = (parameters: IDataObject, continueOnFail = false): NodeSpec => ({ type: 'venioCrm', parameters: parameters as never, continueOnFail });
const venioCustomer = (extra: IDataObject = {}) => venio({ resource: 'customer', operation: 'createOrUpdate', customerName: 'ร้านกาแฟ ทดสอบ', customerState: 3, ...extra });
const meedee = (parameters: IDataObject, continueOnFail = false): NodeSpec => ({ type: 'meeDeePos', parameters: parameters as never, continueOnFail });
const meedeeWebhook = (extra: IDataObject = {}) => meedee({ resource: 'webhook', operation: 'create', endpoint_url: 'https://example.com/hook', events: ['sale.created'], ...extra });
const shopline = (parameters: IDataObject, continueOnFail = false): NodeSpec => ({ type: 'shopline', parameters: parameters as never, continueOnFail });
const shoplineCustomer = (extra: IDataObject = {}) => shopline({ resource: 'customer', operation: 'create', name: '王小明', email: 'ming.wang@example.tw', ...extra });
const firstShoplineCustomer = (sim: Vendor) => [...(sim as ShoplineSim).customers.values()].sort((a, b) => a.seq - b.seq)[0];
/** A MeeDee ID no sale has. */
const NO_SUCH_SALE = '00000000-0000-4000-a000-000000000000';

const VENDORS: VendorSecrets[] = [
	{
		vendor: 'salekit',
		simulator: () => createSalekit(),
		credentialType: 'salekitApi',
		credentials: (base) => sandboxCredentials(base).salekitApi,
		runs: [
			{ title: 'audience created', node: audience({ additionalFields: { phone: '0989123456', tag: 'Đã mua, VIP' } }), expect: 'success' },
			{
				title: 'order created',
				node: (sim) => salekit({ resource: 'order', operation: 'create', full_name: 'Trần B', phone: '0989123456', total_price: 1000, total_pay: 1000, status: 0, products: { values: [{ product_id: (sim as SalekitSim).products[0].id, quantity: 1 }] } }),
				expect: 'success',
			},
			{ title: 'vendor refusal (error: true in HTTP 200)', node: audience({ additionalFields: { custom_field: { pairs: [{ name: 'unknown_key', value: '1' }] } } }), expect: 'error' },
			{ title: '401 with a wrong token', node: audience(), credentialOverride: { token: 'wrong-salekit-token-7f3a9c' }, expect: 'error' },
			{
				title: 'continueOnFail: error items for bad input and a refusal',
				node: salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: '={{ $json.name }}', email: '={{ $json.email }}', additionalFields: { custom_field: '={{ $json.custom }}' } }, true),
				input: [
					{ name: 'Ok', email: 'ok@example.vn', custom: {} },
					{ name: 'Bad', email: 'not-an-email', custom: {} },
					{ name: 'Unknown field', email: 'uf@example.vn', custom: { pairs: [{ name: 'nope', value: 'x' }] } },
				],
				expect: 'errorItems',
			},
			{ title: 'validation error before any request', node: audience({ email: 'no-mail' }), expect: 'error' },
			{ title: '503 on an order create (not repeated)', node: salekit({ resource: 'order', operation: 'create', full_name: 'C', phone: '0989123456', total_price: 1, total_pay: 1, status: 0, products: { values: [{ product_id: 1, quantity: 1 }] } }), before: (sim) => sim.setFaults({ next5xx: 1 }), expect: 'error' },
			{ title: 'HTML error page on an idempotent upsert, retried', node: audience(), before: (sim) => sim.setFaults({ nextHtmlError: 1 }), expect: 'success' },
		],
	},
	{
		vendor: 'venio',
		simulator: () => createVenio(),
		credentialType: 'venioCrmApi',
		credentials: (base) => sandboxCredentials(base).venioCrmApi,
		tokens: { endpoint: /connect\/token$/i, issuer: (sim) => (sim as VenioSim).tokens },
		settle: async (sim) => await (sim as VenioSim).flush(),
		runs: [
			{ title: 'customer read by code', node: venio({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' }), expect: 'success' },
			{ title: 'customer created', node: venioCustomer({ additionalFields: { customerMobile: '0891112222', customerEmail: 'cafe@example.co.th' } }), expect: 'success' },
			{ title: 'vendor refusal (400 [4001] not found)', node: venio({ resource: 'salesOrder', operation: 'getByNumber', salesOrderNo: 'SO9999-9999' }), because: [/\[4001\]/], expect: 'error' },
			{ title: '401 from the token endpoint: wrong subscription key', node: venio({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' }), credentialOverride: { subscriptionApiKey: 'wrong-venio-subscription-key-3b7e' }, because: [/Venio CRM refused the token request \(401\)/], expect: 'error' },
			{ title: 'token refused: wrong client secret', node: venio({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' }), credentialOverride: { clientSecret: 'wrong-venio-client-secret-91ac' }, because: [/Venio CRM refused the token request \(400\).*invalid_client/], expect: 'error' },
			{ title: '401 for a stale stored token, then a fresh token', node: venio({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' }), credentialOverride: { accessToken: 'vens.stale-venio-access-token-4d1f' }, expect: 'success', expectRefresh: true },
			{
				// A duplicate name is no refusal any more: it updates the customer that has it (Match Existing By).
				title: 'continueOnFail: error items for bad input',
				node: venio({ resource: 'customer', operation: 'createOrUpdate', customerName: '={{ $json.name }}', customerState: 3, additionalFields: { customerEmail: '={{ $json.email }}' } }, true),
				input: [
					{ name: 'ร้านหนึ่ง', email: 'one@example.co.th' },
					{ name: 'ร้านสอง', email: 'not-an-email' },
					{ name: 'ร้านสาม', email: 'three@example.co.th' },
				],
				because: [/\"Email\" must be an email address/], expect: 'errorItems',
			},
			{ title: 'validation error before any request', node: venioCustomer({ additionalFields: { customerEmail: 'not-an-email' } }), because: [/\"Email\" must be an email address/], expect: 'error' },
			{ title: '503 on a customer create (not repeated)', node: venioCustomer({ customerName: 'Once Only', matchBy: 'code' }), before: (sim) => sim.setFaults({ next5xx: 1, pathFilter: '/v3/customers' }), because: [/not repeated automatically/], expect: 'error' },
			{
				title: 'tokens expire between items; the token is renewed',
				node: venio({ resource: 'customer', operation: 'createOrUpdate', customerName: '={{ $json.name }}', customerState: 3 }),
				input: [{ name: 'Bulk 1' }, { name: 'Bulk 2' }, { name: 'Bulk 3' }, { name: 'Bulk 4' }],
				before: expireTokensBefore('POST', '/v3/customers', 3),
				expect: 'success',
				expectRefresh: true,
			},
		],
	},
	{
		vendor: 'meedee',
		simulator: () => createMeeDee(),
		credentialType: 'meeDeePosApi',
		credentials: (base) => sandboxCredentials(base).meeDeePosApi,
		tokens: { endpoint: /oauth\/token$/i, issuer: (sim) => (sim as MeeDeeSim).issuer },
		settle: async (sim) => await (sim as MeeDeeSim).idle(),
		runs: [
			{ title: 'customers listed', node: meedee({ resource: 'customer', operation: 'getMany', limit: 5 }), expect: 'success' },
			{ title: 'webhook subscription created', node: meedeeWebhook({ additionalFields: { description: 'CRM sync' } }), expect: 'success' },
			{ title: 'vendor refusal (404 not_found)', node: meedee({ resource: 'sale', operation: 'getItems', saleId: NO_SUCH_SALE }), because: [/MeeDee POS Not found \(404\) \[not_found\]/], expect: 'error' },
			{ title: '401 from the token endpoint: wrong client secret', node: meedee({ resource: 'customer', operation: 'getMany', limit: 1 }), credentialOverride: { clientSecret: 'msk_wrong_secret_value_5d2e' }, because: [/MeeDee POS refused the token request \(401\) \[invalid_client\]/], expect: 'error' },
			{ title: '401 for a stale stored token, then a fresh token', node: meedee({ resource: 'customer', operation: 'getMany', limit: 1 }), credentialOverride: { accessToken: 'eyJstale.meedee-access-token.c9e1f0' }, expect: 'success', expectRefresh: true },
			{
				title: 'continueOnFail: error items for bad input and a 404',
				node: meedee({ resource: 'sale', operation: 'getItems', saleId: '={{ $json.saleId }}' }, true),
				input: (sim) => [{ saleId: (sim as MeeDeeSim).sales[0].data.id }, { saleId: 'SIAM-20260101-00001' }, { saleId: NO_SUCH_SALE }],
				because: [/\"Sale ID\" must be a MeeDee ID/, /Not found \(404\)/], expect: 'errorItems',
			},
			{ title: 'validation error before any request', node: meedeeWebhook({ endpoint_url: 'example.com/hook' }), because: [/\"Endpoint URL\" must be a full address/], expect: 'error' },
			{ title: '503 on a webhook create (not repeated)', node: meedeeWebhook(), before: (sim) => sim.setFaults({ next5xx: 1, pathFilter: '/webhooks' }), because: [/not repeated automatically/], expect: 'error' },
			{
				title: 'tokens expire before page 2 of a Return All; the token is renewed',
				node: meedee({ resource: 'customer', operation: 'getMany', returnAll: true, options: { pageSize: 25 } }),
				before: expireTokensBefore('GET', '/api/partner/v1/customers', 2),
				expect: 'success',
				expectRefresh: true,
			},
		],
	},
	{
		vendor: 'shopline',
		simulator: () => createShopline({ seedCustomers: 10, seedOrders: 20 }),
		credentialType: 'shoplineApi',
		credentials: (base) => sandboxCredentials(base).shoplineApi,
		settle: async (sim) => await (sim as ShoplineSim).idle(),
		runs: [
			{ title: 'customer created', node: shoplineCustomer({ additionalFields: { phone: '+852 2345 6789' } }), expect: 'success' },
			{ title: 'customer read', node: (sim) => shopline({ resource: 'customer', operation: 'get', customerId: firstShoplineCustomer(sim).id }), expect: 'success' },
			{ title: 'vendor refusal (422 email taken)', node: (sim) => shoplineCustomer({ email: firstShoplineCustomer(sim).email }), because: [/SHOPLINE Unprocessable data \(422\)/], expect: 'error' },
			{ title: 'vendor refusal (400 wrong User-Agent)', node: (sim) => shopline({ resource: 'customer', operation: 'get', customerId: firstShoplineCustomer(sim).id }), credentialOverride: { userAgent: 'someoneelse' }, because: [/\[InvalidUserAgent\]/], expect: 'error' },
			{ title: '401 with a wrong access token', node: (sim) => shopline({ resource: 'customer', operation: 'get', customerId: firstShoplineCustomer(sim).id }), credentialOverride: { accessToken: 'wrong-shopline-token-6a2d8e' }, because: [/SHOPLINE Authorization failed \(401\)/], expect: 'error' },
			{ title: '401 for an expired (real) access token', node: (sim) => shopline({ resource: 'customer', operation: 'get', customerId: firstShoplineCustomer(sim).id }), before: (sim) => void (sim as ShoplineSim).control({ action: 'expireTokens' }), because: [/\(401\) \[TokenExpired\]/], expect: 'error' },
			{
				title: 'continueOnFail: error items for bad input and a refusal',
				node: shopline({ resource: 'customer', operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}' }, true),
				input: [
					{ name: 'One', email: 'one@example.com' },
					{ name: 'Two', email: 'broken' },
					{ name: 'Three', email: 'one@example.com' },
				],
				because: [/\"Email\" must be an email address/, /\(422\)/], expect: 'errorItems',
			},
			{ title: 'validation error before any request', node: shoplineCustomer({ email: 'not-an-email' }), because: [/\"Email\" must be an email address/], expect: 'error' },
			{ title: '503 on a customer create (not repeated)', node: shoplineCustomer({ email: 'once.only@example.tw' }), before: (sim) => sim.setFaults({ next5xx: 1 }), because: [/not repeated automatically/], expect: 'error' },
		],
	},
	{
		vendor: 'probe',
		simulator: () => new ProbeSim(),
		credentialType: 'probeApi',
		credentials: (base) => ({ baseUrl: `${base}/probe`, token: 'probe-secret-value-42', requestTimeout: 1 }),
		extraNodes: { 'n8n-nodes-asia-commerce.coreProbe': new CoreProbe() },
		extraCredentials: [new ProbeApi()],
		runs: [
			{ title: 'read succeeds', node: probe({ method: 'GET', path: '/thing' }), expect: 'success' },
			{ title: '429 then success', node: probe({ method: 'GET', path: '/thing' }), before: (sim) => sim.setFaults({ next429: 1, retryAfter: '0' }), expect: 'success' },
			{ title: '429 storm: rate-limit error', node: probe({ method: 'GET', path: '/thing' }), before: (sim) => sim.setFaults({ next429: 100, retryAfter: '' }), expect: 'error' },
			{ title: 'create after 503: unknown outcome', node: probe({ method: 'POST', path: '/create' }), before: (sim) => sim.setFaults({ next5xx: 1 }), expect: 'error' },
			{ title: 'connection reset, then malformed JSON, then success', node: probe({ method: 'GET', path: '/thing' }), before: (sim) => sim.setFaults({ nextReset: 1, nextMalformedJson: 1 }), expect: 'success' },
			{ title: 'malformed JSON on a write', node: probe({ method: 'POST', path: '/create' }), before: (sim) => sim.setFaults({ nextMalformedJson: 1 }), expect: 'error' },
			{ title: 'HTML error page', node: probe({ method: 'GET', path: '/html' }), expect: 'error' },
			{ title: 'envelope failure in HTTP 200', node: probe({ method: 'GET', path: '/flagged' }), expect: 'error' },
			{ title: 'continueOnFail: 404 error item', node: probe({ method: 'GET', path: '={{ $json.path }}' }, true), input: [{ path: '/thing' }, { path: '/nowhere' }], expect: 'errorItems' },
			{ title: 'validation error', node: probe({ operation: 'validate' }), input: [{ customerName: 'A', addresses: [{}] }], expect: 'error' },
			{ title: 'wrong token', node: probe({ method: 'GET', path: '/thing' }), credentialOverride: { token: 'wrong-probe-token-x9' }, expect: 'success' },
		],
	},
];

// ---------------------------------------------------------------------------------------------
// The scan

/** Values shorter than this are not treated as secrets (they would match ordinary text). */
const MIN_SECRET_LENGTH = 6;

interface Finding {
	vendor: string;
	run: string;
	place: string;
	/** The secret, masked: only its first two characters. */
	secret: string;
}

/** The values of every credential field marked password, and of hidden expirable tokens. */
function secretValues(type: ICredentialType | undefined, data: ICredentialDataDecryptedObject | undefined): string[] {
	if (!type || !data) return [];
	return type.properties
		.filter((p) => p.typeOptions?.password === true || (p.type === 'hidden' && p.typeOptions?.expirable === true))
		.map((p) => data[p.name])
		.filter((v): v is string | number => (typeof v === 'string' || typeof v === 'number') && String(v).length >= MIN_SECRET_LENGTH)
		.map(String);
}

/** Every text an error carries, the serialised whole included. */
function errorTexts(error: RunResult['error']): Record<string, string> {
	if (!error) return {};
	const e = error as unknown as Record<string, unknown>;
	return {
		'error.message': String(e.message ?? ''),
		'error.description': String(e.description ?? ''),
		'error.stack': String(e.stack ?? ''),
		'error.context': show(e.context),
		'error.cause': show(e.cause),
		'error.errorResponse': show(e.errorResponse),
		'error (JSON)': JSON.stringify(error),
		'error (inspected)': show(error),
	};
}

/**
 * An issued token and its random parts on their own: a JWT's signature, the part after a token's
 * prefix (Venio `veni.<random>`). A JWT's header and payload (base64 JSON, `eyJ…`) are not secret.
 */
function tokenSecrets(token: string): string[] {
	const parts = token.split('.').filter((p) => p.length >= 20 && !p.startsWith('eyJ'));
	return [...new Set([token, ...parts])].filter((t) => t.length >= MIN_SECRET_LENGTH);
}

/**
 * Records every token a vendor simulator issues: the `access_token` of each answer of its token
 * endpoint (what the node received) and each token its TokenIssuer hands out (MeeDee: the JWT's id).
 * The issuer's own map is emptied by expireTokens, so it is read as tokens are issued, not after.
 */
function recordIssuedTokens(sim: Vendor, tokens: NonNullable<VendorSecrets['tokens']>, into: { answered: Set<string>; issuer: Set<string> }): () => void {
	const undo: Array<() => void> = [];
	for (const route of sim.routes.filter((r) => r.method === 'POST' && tokens.endpoint.test(`/${r.parts.join('/')}`))) {
		const original = route.handler;
		route.handler = async (req: SimRequest): Promise<SimResponse> => {
			const answer = await original(req);
			const issued = (answer.body as IDataObject | undefined)?.access_token;
			if (typeof issued === 'string') into.answered.add(issued);
			return answer;
		};
		undo.push(() => (route.handler = original));
	}
	const issuer = tokens.issuer(sim);
	const issue = issuer.issue;
	issuer.issue = (...args: Parameters<TokenIssuer['issue']>) => {
		const issued = issue.apply(issuer, args);
		into.issuer.add(issued.token);
		return issued;
	};
	undo.push(() => (issuer.issue = issue));
	if (undo.length < 2) throw new Error(`${sim.name}: no token endpoint matches ${String(tokens.endpoint)}`);
	return () => undo.reverse().forEach((u) => u());
}

interface Scanned {
	runs: number;
	/** Lines caught from stdout/stderr, console and n8n's loggers (proves the capture works). */
	linesCaptured: number;
	valuesChecked: number;
	/** Distinct secret values looked for; values looked for that came from issued tokens (a MeeDee JWT gives three: itself, its signature, its id). */
	secretsLookedFor: number;
	issuedTokensLookedFor: number;
	findings: Finding[];
	outcomes: Array<{
		vendor: string;
		run: string;
		expected: SecretRun['expect'];
		got: SecretRun['expect'];
		error?: string;
		/** `because` patterns the run's errors did not match. */
		unexplained?: string[];
		/** Token vendors: tokens issued in this run, and whether the run saw a 401 and then a new token. */
		tokensIssued?: number;
		refreshed?: boolean;
		expectRefresh?: boolean;
		/** The token the harness stored back into the credential is one the vendor issued. */
		storedTokenIssued?: boolean;
	}>;
	/** Per vendor; `issuedTokens` counts the access tokens its token endpoint gave out. */
	byVendor: Record<string, { runs: number; secretsLookedFor: number; issuedTokens: number; valuesChecked: number }>;
}

async function scanVendor(entry: VendorSecrets, capture: OutputCapture, into: Scanned): Promise<void> {
	const sim = entry.simulator();
	const server = new SandboxServer().mount(sim);
	const base = await server.start();
	const h: Harness = createHarness(entry.extraNodes ?? {}, entry.extraCredentials ?? []);
	const type = h.loaded.credentials.get(entry.credentialType) ?? entry.extraCredentials?.find((c) => c.name === entry.credentialType);
	const issued = { answered: new Set<string>(), issuer: new Set<string>() };
	const stopRecording = entry.tokens ? recordIssuedTokens(sim, entry.tokens, issued) : () => undefined;
	const totals = (into.byVendor[entry.vendor] = { runs: 0, secretsLookedFor: 0, issuedTokens: 0, valuesChecked: 0 });
	const allSecrets = new Set<string>();
	try {
		for (const run of entry.runs) {
			await entry.settle?.(sim);
			server.reset();
			resetLimiters();
			resetCompiledLimiters();
			clearCompiledTokenCache();
			issued.answered.clear();
			issued.issuer.clear();
			const undo = run.before?.(sim);
			const credential = { ...entry.credentials(base), ...(run.credentialOverride ?? {}) };
			const secrets = new Set([...secretValues(type, entry.credentials(base)), ...secretValues(type, credential)]);
			const linesBefore = capture.lines.length;
			const updatesBefore = h.credentialsHelper.tokenUpdates;
			const spec = typeof run.node === 'function' ? run.node(sim) : run.node;
			const input = typeof run.input === 'function' ? run.input(sim) : run.input;
			const stored = storeCredentials(h, { [entry.credentialType]: credential })!;
			const credentialId = stored[entry.credentialType].id!;
			let result: RunResult;
			try {
				result = await runNode(h, spec, input ?? [{}], stored);
				await entry.settle?.(sim);
			} finally {
				if (typeof undo === 'function') undo();
			}
			// Tokens the node fetched and stored back into the credential are secrets too.
			for (const data of h.credentialsHelper.store.values()) for (const v of secretValues(type, data)) secrets.add(v);
			// …and every token the vendor issued during the run.
			const tokensIssued = issued.answered.size;
			const issuedValues = new Set([...issued.answered, ...issued.issuer].flatMap(tokenSecrets));
			for (const t of issuedValues) secrets.add(t);
			for (const t of secrets) allSecrets.add(t);
			into.issuedTokensLookedFor += issuedValues.size;
			totals.issuedTokens += tokensIssued;

			const log = server.requests(entry.vendor);
			const places: Record<string, string> = {
				'output items': JSON.stringify(result.items),
				'run data': JSON.stringify(result.run.data),
				...errorTexts(result.error),
				'log lines': capture.lines.slice(linesBefore).join('\n'),
				'sandbox request log': JSON.stringify(log),
			};
			for (const [place, text] of Object.entries(places)) {
				for (const secret of secrets) {
					into.valuesChecked++;
					totals.valuesChecked++;
					if (text.includes(secret)) into.findings.push({ vendor: entry.vendor, run: run.title, place, secret: `${secret.slice(0, 2)}…` });
				}
			}
			const got: SecretRun['expect'] = result.error ? 'error' : result.items.some((i) => i.json.error) ? 'errorItems' : 'success';
			const errorText = [result.error?.message, result.error?.description, ...result.items.filter((i) => i.json.error).flatMap((i) => [show(i.json.error), show(i.json.description ?? '')])].join('\n');
			const unexplained = (run.because ?? []).filter((re) => !re.test(errorText)).map((re) => `${String(re)} not in: ${errorText}`);
			const tokenInfo: Partial<Scanned['outcomes'][number]> = unexplained.length ? { unexplained } : {};
			if (entry.tokens) {
				const apiLog = log.filter((r) => !entry.tokens!.endpoint.test(r.path));
				const storedToken = h.credentialsHelper.store.get(credentialId)?.accessToken;
				// A stale token given in the credential needs one fetch to renew; otherwise the first token is fetched too.
				const needed = run.credentialOverride?.accessToken ? 1 : 2;
				tokenInfo.tokensIssued = tokensIssued;
				tokenInfo.refreshed = apiLog.some((r) => r.status === 401) && tokensIssued >= needed && h.credentialsHelper.tokenUpdates - updatesBefore >= needed;
				if (typeof storedToken === 'string' && storedToken !== '' && storedToken !== run.credentialOverride?.accessToken) tokenInfo.storedTokenIssued = issued.answered.has(storedToken);
				if (run.expectRefresh) tokenInfo.expectRefresh = true;
			}
			into.outcomes.push({ vendor: entry.vendor, run: run.title, expected: run.expect, got, ...(got !== run.expect ? { error: result.error?.message } : {}), ...tokenInfo });
			into.runs++;
			totals.runs++;
		}
	} finally {
		stopRecording();
		await entry.settle?.(sim);
		await server.stop();
	}
	totals.secretsLookedFor = allSecrets.size;
	into.secretsLookedFor += allSecrets.size;
}

// ---------------------------------------------------------------------------------------------

const scanned: Scanned = { runs: 0, linesCaptured: 0, valuesChecked: 0, secretsLookedFor: 0, issuedTokensLookedFor: 0, findings: [], outcomes: [], byVendor: {} };

beforeAll(async () => {
	const capture = new OutputCapture();
	capture.start();
	try {
		for (const entry of VENDORS) await scanVendor(entry, capture, scanned);
	} finally {
		capture.stop();
	}
	scanned.linesCaptured = capture.lines.length;
	writeResult('secrets.json', {
		runs: scanned.runs,
		valuesChecked: scanned.valuesChecked,
		secretsLookedFor: scanned.secretsLookedFor,
		issuedTokensLookedFor: scanned.issuedTokensLookedFor,
		tokenRefreshRuns: scanned.outcomes.filter((o) => o.expectRefresh && o.refreshed).length,
		secretsFound: scanned.findings.length,
		secretsFoundByPlace: scanned.findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [`${f.vendor}: ${f.place}`]: (acc[`${f.vendor}: ${f.place}`] ?? 0) + 1 }), {}),
		linesCaptured: scanned.linesCaptured,
		vendors: VENDORS.map((v) => v.vendor),
		byVendor: scanned.byVendor,
		findings: scanned.findings,
		knownBugs: [],
		updatedAt: new Date().toISOString(),
	});
}, 60_000);

describe('secrets scan', () => {
	it('ran every run of the table, each ending as designed', () => {
		expect(scanned.runs).toBe(VENDORS.reduce((n, v) => n + v.runs.length, 0));
		expect(scanned.outcomes.filter((o) => o.expected !== o.got || o.unexplained)).toEqual([]);
		expect(scanned.valuesChecked).toBeGreaterThan(scanned.runs);
		// n8n-core logs every node start and finish through LoggerProxy, so the capture must hold lines.
		expect(scanned.linesCaptured).toBeGreaterThan(scanned.runs);
	});

	it('covers every vendor of the pack with each kind of run', () => {
		for (const vendor of ['salekit', 'venio', 'meedee', 'shopline']) {
			const runs = scanned.outcomes.filter((o) => o.vendor === vendor);
			expect([vendor, [...new Set(runs.map((o) => o.got))].sort()]).toEqual([vendor, ['error', 'errorItems', 'success']]);
		}
	});

	it('token vendors: tokens expiring mid-run are renewed, and issued tokens are among the secrets looked for', () => {
		const refreshRuns = scanned.outcomes.filter((o) => o.expectRefresh);
		expect(new Set(refreshRuns.map((o) => o.vendor))).toEqual(new Set(['venio', 'meedee']));
		expect(refreshRuns.filter((o) => !o.refreshed)).toEqual([]);
		// What the harness stored back into the hidden accessToken field is a token the vendor issued.
		const stored = scanned.outcomes.filter((o) => o.storedTokenIssued !== undefined);
		expect(stored.length).toBeGreaterThan(0);
		expect(stored.filter((o) => !o.storedTokenIssued)).toEqual([]);
		expect(scanned.issuedTokensLookedFor).toBeGreaterThanOrEqual(stored.length + refreshRuns.length);
	});

	it('finds no credential value in output items, errors, run data or any log line', () => {
		expect(scanned.findings.filter((f) => f.place !== 'sandbox request log')).toEqual([]);
	});

	it('finds no credential value in the sandbox request logs of the vendor simulators (headers are masked by name pattern, X-Probe-Token included)', () => {
		expect(scanned.findings.filter((f) => f.place === 'sandbox request log')).toEqual([]);
	});

	it('finds no credential value anywhere: the scan reports 0', () => {
		expect(scanned.findings).toEqual([]);
	});

	it('the scan itself finds a planted secret (so a silent scanner cannot pass)', () => {
		const planted = 'planted-secret-123456';
		const type = { name: 't', displayName: 't', properties: [{ displayName: 'Key', name: 'key', type: 'string', typeOptions: { password: true }, default: '' }] } as ICredentialType;
		expect(secretValues(type, { key: planted })).toEqual([planted]);
		expect(errorTexts(Object.assign(new Error('x'), { context: { header: planted } }))['error (JSON)']).toContain(planted);
	});
});
