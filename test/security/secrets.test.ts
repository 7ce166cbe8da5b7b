/**
 * Secrets scan: representative node runs (success, vendor refusal, 401, continueOnFail error items,
 * validation errors, injected faults) while everything written to stdout/stderr, console and n8n's
 * loggers is captured; then no credential value may appear in any output item, any error (message,
 * description, stack, context, cause, errorResponse, the whole error serialised), any log line, or
 * the sandbox's request log. Results go to test-results/secrets.json.
 *
 * TO ADD A VENDOR: append one entry to VENDORS below (its simulator, its credential, its runs).
 * Secrets are every credential field marked `password` (plus hidden, expirable tokens the node
 * stored back during the run), so nothing else needs to change.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { SandboxServer, type Vendor } from '../../sandbox/core';
import { createSalekit, SALEKIT_DEMO, type SalekitSim } from '../../sandbox/salekit';
import { createHarness, runNode, type Harness, type NodeUnderTest, type RunResult } from '../harness/n8n';
// Vendor nodes run from dist/ and the core probe from TS: each has its own copy of the limiter.
import { resetLimiters as resetCompiledLimiters } from '../../dist/nodes/shared/limiter';
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
	input?: IDataObject[];
	/** Changes to the credential for this run only (e.g. a wrong token: also a secret). */
	credentialOverride?: ICredentialDataDecryptedObject;
	/** Prepares the simulator (faults, state) before the run. */
	before?: (sim: Vendor) => void;
	/** What the run must end with, so the scan covers what it claims to. */
	expect: 'success' | 'error' | 'errorItems';
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

const VENDORS: VendorSecrets[] = [
	{
		vendor: 'salekit',
		simulator: () => createSalekit(),
		credentialType: 'salekitApi',
		credentials: (base) => ({ baseUrl: `${base}/salekit/api/v1`, token: SALEKIT_DEMO.token }),
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

interface Scanned {
	runs: number;
	/** Lines caught from stdout/stderr, console and n8n's loggers (proves the capture works). */
	linesCaptured: number;
	valuesChecked: number;
	findings: Finding[];
	outcomes: Array<{ vendor: string; run: string; expected: SecretRun['expect']; got: SecretRun['expect']; error?: string }>;
}

async function scanVendor(entry: VendorSecrets, capture: OutputCapture, into: Scanned): Promise<void> {
	const sim = entry.simulator();
	const server = new SandboxServer().mount(sim);
	const base = await server.start();
	const h: Harness = createHarness(entry.extraNodes ?? {}, entry.extraCredentials ?? []);
	const type = h.loaded.credentials.get(entry.credentialType) ?? entry.extraCredentials?.find((c) => c.name === entry.credentialType);
	try {
		for (const run of entry.runs) {
			server.reset();
			resetLimiters();
			resetCompiledLimiters();
			run.before?.(sim);
			const credential = { ...entry.credentials(base), ...(run.credentialOverride ?? {}) };
			const secrets = new Set([...secretValues(type, entry.credentials(base)), ...secretValues(type, credential)]);
			const linesBefore = capture.lines.length;
			const spec = typeof run.node === 'function' ? run.node(sim) : run.node;
			const result = await runNode(h, { ...spec, credentials: { [entry.credentialType]: credential } }, run.input ?? [{}]);
			// Tokens the node fetched and stored back into the credential are secrets too.
			for (const stored of h.credentialsHelper.store.values()) for (const v of secretValues(type, stored)) secrets.add(v);

			const places: Record<string, string> = {
				'output items': JSON.stringify(result.items),
				'run data': JSON.stringify(result.run.data),
				...errorTexts(result.error),
				'log lines': capture.lines.slice(linesBefore).join('\n'),
				'sandbox request log': JSON.stringify(server.requests(entry.vendor)),
			};
			for (const [place, text] of Object.entries(places)) {
				for (const secret of secrets) {
					into.valuesChecked++;
					if (text.includes(secret)) into.findings.push({ vendor: entry.vendor, run: run.title, place, secret: `${secret.slice(0, 2)}…` });
				}
			}
			const got: SecretRun['expect'] = result.error ? 'error' : result.items.some((i) => i.json.error) ? 'errorItems' : 'success';
			into.outcomes.push({ vendor: entry.vendor, run: run.title, expected: run.expect, got, ...(got !== run.expect ? { error: result.error?.message } : {}) });
			into.runs++;
		}
	} finally {
		await server.stop();
	}
}

// ---------------------------------------------------------------------------------------------

const scanned: Scanned = { runs: 0, linesCaptured: 0, valuesChecked: 0, findings: [], outcomes: [] };

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
		secretsFound: scanned.findings.length,
		secretsFoundByPlace: scanned.findings.reduce<Record<string, number>>((acc, f) => ({ ...acc, [`${f.vendor}: ${f.place}`]: (acc[`${f.vendor}: ${f.place}`] ?? 0) + 1 }), {}),
		linesCaptured: scanned.linesCaptured,
		vendors: VENDORS.map((v) => v.vendor),
		findings: scanned.findings,
		knownBugs: [],
		updatedAt: new Date().toISOString(),
	});
}, 60_000);

describe('secrets scan', () => {
	it('ran every run of the table, each ending as designed', () => {
		expect(scanned.runs).toBe(VENDORS.reduce((n, v) => n + v.runs.length, 0));
		expect(scanned.outcomes.filter((o) => o.expected !== o.got)).toEqual([]);
		expect(scanned.valuesChecked).toBeGreaterThan(scanned.runs);
		// n8n-core logs every node start and finish through LoggerProxy, so the capture must hold lines.
		expect(scanned.linesCaptured).toBeGreaterThan(scanned.runs);
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
