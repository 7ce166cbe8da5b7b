/**
 * The shared core inside real n8n-core: retries, Retry-After, budgets, paging, validation and the
 * item runner, against a real loopback server with injected faults.
 */
import { SandboxServer } from '../../sandbox/core';
import { createHarness, runNode, type Harness } from '../harness/n8n';
import { backoffMs, DEFAULT_RETRY, retryAfterMs } from '../../nodes/shared/transport';
import { resetLimiters } from '../../nodes/shared/limiter';
import { CoreProbe, ProbeApi, ProbeSim } from './probe';

let server: SandboxServer;
let sim: ProbeSim;
let h: Harness;
let credentials: Record<string, Record<string, string | number>>;

beforeAll(async () => {
	sim = new ProbeSim();
	server = new SandboxServer().mount(sim);
	const base = await server.start();
	credentials = { probeApi: { baseUrl: `${base}/probe`, token: 'probe-secret', requestTimeout: 1 } };
	h = createHarness({ 'n8n-nodes-asia-commerce.coreProbe': new CoreProbe() }, [new ProbeApi()]);
});
afterAll(async () => server.stop());
beforeEach(() => {
	server.reset();
	resetLimiters();
});

const probe = (parameters: Record<string, unknown>, continueOnFail = false) => ({
	type: 'coreProbe',
	parameters: { resource: 'probe', operation: 'request', ...parameters } as never,
	credentials,
	continueOnFail,
});

describe('requests', () => {
	it('sends the credential through n8n authenticate', async () => {
		const { items, error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error).toBeUndefined();
		expect(items[0].json).toEqual({ ok: true, token: true });
	});

	it('waits for Retry-After in seconds after a 429, then succeeds', async () => {
		sim.setFaults({ next429: 1, retryAfter: '1' });
		const started = Date.now();
		const { items, error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error).toBeUndefined();
		expect(items[0].json.ok).toBe(true);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(server.requests('probe').map((r) => r.status)).toEqual([429, 200]);
	});

	it('reads Retry-After given as an HTTP date', () => {
		const now = Date.parse('2026-11-22T10:00:00Z');
		expect(retryAfterMs({ 'retry-after': 'Sun, 22 Nov 2026 10:00:03 GMT' }, now)).toBe(3000);
		expect(retryAfterMs({ 'retry-after': '2' }, now)).toBe(2000);
		expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped', () => {
		const low = () => 0;
		const high = () => 0.999;
		expect(backoffMs(1, DEFAULT_RETRY, low)).toBe(200);
		expect(backoffMs(2, DEFAULT_RETRY, low)).toBe(400);
		expect(backoffMs(3, DEFAULT_RETRY, high)).toBeLessThanOrEqual(1600);
		expect(backoffMs(20, DEFAULT_RETRY, high)).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
	});

	it('says the vendor is rate-limiting, and when to retry, once the budget is spent', async () => {
		sim.setFaults({ next429: 100, retryAfter: '' });
		const { error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error?.message).toMatch(/Probe is rate-limiting requests \(429\)/);
		expect(error?.description).toMatch(/Try again after \d{4}-\d{2}-\d{2}T/);
		expect(server.requests('probe').length).toBeLessThanOrEqual(DEFAULT_RETRY.maxRateLimitAttempts);
	});

	it('retries 429s within a time budget, not a count of attempts', async () => {
		// More 429s than the attempts allowed for 5xx: still absorbed, as the waits fit the time budget.
		sim.setFaults({ next429: DEFAULT_RETRY.maxAttempts + 4, retryAfter: '' });
		const { items, error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(server.requests('probe').map((r) => r.status).filter((s) => s === 429)).toHaveLength(DEFAULT_RETRY.maxAttempts + 4);
	});

	it('retries a 503 for an idempotent request', async () => {
		sim.setFaults({ next5xx: 2, status5xx: 503 });
		const { items, error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error).toBeUndefined();
		expect(items[0].json.ok).toBe(true);
		expect(server.requests('probe')).toHaveLength(3);
	});

	it('does not repeat a plain create after a 503, and says it may have been applied', async () => {
		sim.setFaults({ next5xx: 1, status5xx: 503 });
		const { error } = await runNode(h, probe({ method: 'POST', path: '/create' }));
		expect(error?.message).toMatch(/Probe answered with HTTP 503/);
		expect(error?.description).toMatch(/not repeated automatically/);
		expect(server.requests('probe')).toHaveLength(1);
	});

	it('keeps the vendor’s code and words when a create fails with 5xx (not just "HTTP 500")', async () => {
		sim.setFaults({ next5xx: 1, status5xx: 500 });
		const { error } = await runNode(h, probe({ method: 'POST', path: '/create' }));
		expect(error?.message).toBe('Probe answered with HTTP 500 [upstream_unavailable]: Injected fault');
		expect(error?.description).toMatch(/^This request creates data, so it was not repeated automatically/);
		expect(sim.created).toEqual([]);
	});

	it('repeats a create marked idempotent (an upsert keyed by code)', async () => {
		sim.setFaults({ next5xx: 1 });
		const { error } = await runNode(h, probe({ method: 'POST', path: '/create', idempotent: true }), [{ code: 'C1' }]);
		expect(error).toBeUndefined();
		expect(sim.created).toEqual([{ code: 'C1' }]);
	});

	it('retries a dropped connection for a read', async () => {
		sim.setFaults({ nextReset: 1 });
		const { items, error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error).toBeUndefined();
		expect(items[0].json.ok).toBe(true);
	});

	it('times out a hanging read and retries it', async () => {
		sim.setFaults({ nextHang: 1 });
		const { items, error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error).toBeUndefined();
		expect(items[0].json.ok).toBe(true);
	});

	it('turns an HTML error page into readable words', async () => {
		const { error } = await runNode(h, probe({ method: 'GET', path: '/html' }));
		expect(error?.message).toMatch(/Internal Server Error/);
		expect(error?.message).not.toMatch(/<html>/);
	});

	it('retries malformed JSON for a read', async () => {
		sim.setFaults({ nextMalformedJson: 1 });
		const { items, error } = await runNode(h, probe({ method: 'GET', path: '/thing' }));
		expect(error).toBeUndefined();
		expect(items[0].json.ok).toBe(true);
	});

	it('turns a 2xx envelope flagged as failure into an error with the vendor words', async () => {
		const { error } = await runNode(h, probe({ method: 'GET', path: '/flagged' }));
		expect(error?.message).toBe('Probe refused the request: Token không hợp lệ');
	});
});

describe('paging', () => {
	it('walks three cursor pages', async () => {
		sim.pages.three = [
			{ items: [1, 2, 3], next: 'c1' },
			{ items: [4, 5, 6], next: 'c2' },
			{ items: [7], next: null },
		];
		const { items } = await runNode(h, probe({ operation: 'list', path: '/pages/three' }));
		expect(items.map((i) => i.json.n)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('stops at the limit without fetching more pages', async () => {
		sim.pages.three = [
			{ items: [1, 2, 3], next: 'c1' },
			{ items: [4, 5, 6], next: 'c2' },
			{ items: [7], next: null },
		];
		const { items } = await runNode(h, probe({ operation: 'list', path: '/pages/three', returnAll: false, limit: 4 }));
		expect(items.map((i) => i.json.n)).toEqual([1, 2, 3, 4]);
		expect(server.requests('probe')).toHaveLength(2);
	});

	it('stops on an empty page even when the vendor says there is more', async () => {
		sim.pages.empty = [
			{ items: [1], next: 'c1' },
			{ items: [], next: 'c2' },
		];
		const { items } = await runNode(h, probe({ operation: 'list', path: '/pages/empty' }));
		expect(items.map((i) => i.json.n)).toEqual([1]);
	});

	it('refuses to loop on a repeating cursor', async () => {
		sim.pages.loop = [
			{ items: [1], next: 'c1' },
			{ items: [2], next: 'c1' },
		];
		const { error } = await runNode(h, probe({ operation: 'list', path: '/pages/loop' }));
		expect(error?.message).toMatch(/same page position twice/);
	});
});

describe('items', () => {
	it('names the item and the field when input is invalid, before any request', async () => {
		const { error } = await runNode(h, probe({ operation: 'validate' }), [{ customerName: 'A' }, { customerName: 'B', addresses: [{}] }]);
		expect(error?.message).toBe('Item 2: "Addresses › 1 › Location Name" is required');
		expect(server.requests('probe')).toHaveLength(0);
	});

	it('keeps order and pairing with concurrency, even when later items finish first', async () => {
		const input = [{ delay: 300 }, { delay: 10 }, { delay: 150 }, { delay: 0 }];
		const { items } = await runNode(h, probe({ method: 'POST', path: '/echo-slow', options: { concurrency: 4 } }), input);
		expect(items.map((i) => i.json.delay)).toEqual([300, 10, 150, 0]);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
	});

	it('continueOnFail yields an error item paired to its input', async () => {
		const { items, error } = await runNode(
			h,
			probe({ method: 'GET', path: '={{ $json.path }}' }, true),
			[{ path: '/thing' }, { path: '/nowhere' }, { path: '/thing' }],
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		expect(items[1].json.error).toMatch(/Probe Not found \(404\)/);
		expect(items[1].pairedItem).toEqual({ item: 1 });
		expect(items[2].json.ok).toBe(true);
	});
});
