/**
 * The four cases of issue 9. Each returns rows: our node, and n8n's HTTP Request node configured
 * as a user would (where the case has an HTTP Request equivalent), measured the same way.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ICredentialDataDecryptedObject, IDataObject, INodeCredentialsDetails, INodeExecutionData } from 'n8n-workflow';

import type { BenchSandbox, BenchVendor } from './sandbox';
import { HTTP_REQUEST_TYPE, HTTP_REQUEST_VERSION, ROOT, resetPackState, runChain, type ChainNode, type Harness } from './harness';
import { jsonBytes, measure, measureLive, sleepMs, traffic, type Traffic } from './measure';
import type * as HarnessModule from '../test/harness/n8n';

export interface BenchConfig {
	/** Multiplies every size; 1 = the sizes of issue 9. */
	scale: number;
	latencyMs: number;
	jitterMs: number;
	/** Cold-load samples (each a fresh Node process). */
	coldLoadRuns: number;
}

export const SIZES = { shoplineOrders: 20_000, meedeeCustomers: 50_000, venioUpserts: 2_000 };

export function sized(full: number, scale: number, min: number): number {
	return Math.max(min, Math.round(full * scale));
}

export interface Row {
	case: 1 | 2 | 3 | 4 | 5;
	/** What ran, e.g. "SHOPLINE node" or "HTTP Request (careful)". */
	runner: string;
	kind: 'pack' | 'httpRequest';
	wallMs: number | null;
	requests: number | null;
	status429: number | null;
	failedItems: number | null;
	/** Workflow runs the row counts (case 5: failedItems counts failed runs among them). */
	runs?: number;
	tokenRequests: number | null;
	peakRssMb: number | null;
	peakHeapMb: number | null;
	/** CPU time of the bench process during the run (nodes and n8n-core; the sandbox too when it runs in process). */
	cpuMs: number | null;
	/** CPU time of the sandbox's own process during the run (when it has one). */
	sandboxCpuMs?: number;
	/** Records returned (lists) or items written (case 3). */
	records: number | null;
	expectedRecords: number | null;
	/** Serialised size of the output items (case 2). */
	outputMb?: number;
	/** Peak heap rise ÷ output size (case 2). */
	heapPerOutput?: number;
	/** Highest live heap (after a full GC) over the level before, in a separate run (case 2). */
	liveHeapMb?: number;
	/** Live heap peak ÷ output size (case 2). */
	livePerOutput?: number;
	/** Heap the finished run still holds (its output), after a GC (case 2). */
	retainedHeapMb?: number;
	/** The case's floor for wall time, with how it is computed. */
	floorMs?: number;
	floorBasis?: string;
	/** Wall time ÷ floor. */
	vsFloor?: number;
	/** Wall time ÷ the HTTP Request row it is compared with. */
	vsHttp?: number;
	vsHttpRunner?: string;
	/** Case 4: bytes of the packed tarball. */
	tarballBytes?: number;
	/** Case 5: requests per second the vendor answered with success, first to last request. */
	vendorRate?: number;
	/** Case 5: vendorRate ÷ the vendor's documented limit. */
	limitShare?: number;
	error?: string;
	notes: string[];
}

export interface Context {
	harness: typeof HarnessModule;
	h: Harness;
	sandbox: BenchSandbox;
	config: BenchConfig;
	/** Whether n8n's HTTP Request node could be loaded (it is registered in `h` when it could). */
	httpRequest: { available: boolean; reason?: string };
	/** Node types present in dist/ and package.json (colleagues' nodes may still be missing). */
	nodeTypes: Set<string>;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 100) / 100;
const meanLatencyMs = (c: BenchConfig) => c.latencyMs + c.jitterMs / 2;

/** Items n8n marked as failed (continue-on-fail output) plus all inputs when the node itself failed. */
function failedCount(items: INodeExecutionData[], error: Error | undefined, inputs: number): number {
	return items.filter((i) => i.json?.error !== undefined).length + (error ? inputs : 0);
}

function errorText(error: Error | undefined): string | undefined {
	if (!error) return undefined;
	const description = (error as Error & { description?: string }).description;
	return `${error.message}${description ? ` (${description})` : ''}`.slice(0, 300);
}

function baseRow(c: Row['case'], runner: string, kind: Row['kind']): Row {
	return {
		case: c,
		runner,
		kind,
		wallMs: null,
		requests: null,
		status429: null,
		failedItems: null,
		tokenRequests: null,
		peakRssMb: null,
		peakHeapMb: null,
		cpuMs: null,
		records: null,
		expectedRecords: null,
		notes: [],
	};
}

function missingRow(c: Row['case'], runner: string, kind: Row['kind'], why: string): Row {
	return { ...baseRow(c, runner, kind), notes: [why] };
}

/** Runs a job against one vendor and fills the common measurements of a row. */
async function measuredRow<T extends { items: INodeExecutionData[]; error?: Error }>(
	row: Row,
	ctx: Context,
	vendor: BenchVendor,
	isTokenPath: (p: string) => boolean,
	inputs: number,
	job: () => Promise<T>,
): Promise<{ row: Row; result: T; traffic: Traffic }> {
	resetPackState();
	const from = await ctx.sandbox.requestCount(vendor);
	const sandboxCpuBefore = await ctx.sandbox.cpuMs();
	const m = await measure(job);
	const t = traffic(await ctx.sandbox.requestsSince(vendor, from), isTokenPath);
	if (ctx.sandbox.where === 'own process') row.sandboxCpuMs = Math.round((await ctx.sandbox.cpuMs()) - sandboxCpuBefore);
	row.wallMs = Math.round(m.wallMs);
	row.requests = t.requests;
	row.status429 = t.status429;
	row.tokenRequests = t.tokenRequests;
	row.peakRssMb = mb(m.peakRssDelta);
	row.peakHeapMb = mb(m.peakHeapDelta);
	row.cpuMs = Math.round(m.cpuMs);
	row.retainedHeapMb = mb(m.retainedHeapDelta);
	row.failedItems = failedCount(m.result.items, m.result.error, inputs);
	row.error = errorText(m.result.error);
	return { row, result: m.result, traffic: t };
}

// ---------------------------------------------------------------------------------------------
// Case 1: SHOPLINE orders, Return All, 20 requests/s

const SHOPLINE_RATE = 20;
/** Windows of the by-window variant: about a day of orders each at full size. */
const SHOPLINE_WINDOWS = 28;

type ShoplineCredentials = BenchSandbox['credentials']['shoplineApi'];

/** n8n's HTTP Request node reading SHOPLINE orders page by page, as a user sets it up. */
function shoplineHttpNode(credentials: ShoplineCredentials, options: { intervalMs: number; windowed: boolean; batching?: IDataObject }): ChainNode {
	const window = options.windowed
		? [
				{ name: 'created_after', value: '={{ $json.from }}' },
				{ name: 'created_before', value: '={{ $json.to }}' },
			]
		: [];
	return {
		name: 'HTTP Request',
		type: HTTP_REQUEST_TYPE,
		typeVersion: HTTP_REQUEST_VERSION,
		parameters: {
			method: 'GET',
			url: `${credentials.baseUrl}/orders`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpBearerAuth',
			sendQuery: true,
			queryParameters: { parameters: [{ name: 'per_page', value: '999' }, ...window] },
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'User-Agent', value: credentials.userAgent }] },
			options: {
				pagination: {
					pagination: {
						paginationMode: 'updateAParameterInEachRequest',
						parameters: { parameters: [{ type: 'qs', name: 'page', value: '={{ $pageCount + 1 }}' }] },
						paginationCompleteWhen: 'other',
						completeExpression: '={{ $response.body.pagination.current_page >= $response.body.pagination.total_pages }}',
						...(options.intervalMs ? { requestInterval: options.intervalMs } : {}),
					},
				},
				...(options.batching ? { batching: options.batching } : {}),
			},
		},
		credentials: { httpBearerAuth: { token: credentials.accessToken } },
	};
}

/** Orders inside the HTTP Request node's output: one item per page (a user adds Split Out after it). */
const ordersInPages = (items: INodeExecutionData[]) => items.reduce((n, i) => n + (Array.isArray(i.json.items) ? i.json.items.length : 0), 0);

export async function shoplineOrders(ctx: Context): Promise<Row[]> {
	const { sandbox, config } = ctx;
	const orders = sized(SIZES.shoplineOrders, config.scale, 30);
	// The order list includes archived orders (only reading one by id answers 410).
	const expected = await sandbox.seed('shopline', orders);
	await sandbox.setFaults('shopline', { latencyMs: config.latencyMs, jitterMs: config.jitterMs });
	const credentials = sandbox.credentials.shoplineApi;
	// SHOPLINE's limiter is a sliding 1 s window per token: let it empty before each run.
	const settle = () => sleepMs(1100);
	const floor = (row: Row) => {
		if (row.requests === null || row.wallMs === null) return;
		row.floorMs = (row.requests / SHOPLINE_RATE) * 1000;
		row.floorBasis = `${row.requests} requests ÷ ${SHOPLINE_RATE}/s`;
		row.vsFloor = row.wallMs / row.floorMs;
	};
	const run = async (runner: string, kind: Row['kind'], inputs: IDataObject[], job: () => Promise<{ items: INodeExecutionData[]; error?: Error }>, count: (items: INodeExecutionData[]) => number) => {
		// A warm-up run first, unmeasured: n8n is a long-running process, so JIT and module loading are not
		// what a user waits for. Every runner gets one, the HTTP Request node as well.
		await settle();
		resetPackState();
		const warmStart = performance.now();
		await job();
		const warmMs = performance.now() - warmStart;
		await settle();
		const { row, result } = await measuredRow(baseRow(1, runner, kind), ctx, 'shopline', () => false, inputs.length, job);
		row.notes.push(`after one unmeasured warm-up run (${(warmMs / 1000).toFixed(2)} s)`);
		row.records = count(result.items);
		row.expectedRecords = expected;
		if (!result.error && row.failedItems) {
			row.notes.push(`the node reported success: ${row.failedItems} output items are SHOPLINE's 429 body instead of orders; ${expected - row.records} orders missing`);
		}
		floor(row);
		return row;
	};
	const ourRecords = (items: INodeExecutionData[]) => items.filter((i) => i.json.error === undefined).length;

	// One Return All over the whole book.
	const returnAll: Row[] = [];
	if (ctx.nodeTypes.has('shopline')) {
		returnAll.push(
			await run('SHOPLINE node', 'pack', [{}], () =>
				ctx.harness.runNode(ctx.h, { type: 'shopline', parameters: { resource: 'order', operation: 'getMany', returnAll: true, simplify: false }, credentials: { shoplineApi: credentials } }),
			ourRecords,
			),
		);
		// The same read with the page size the HTTP Request rows use: fewer, larger pages.
		const bigPages = await run('SHOPLINE node, Page Size 999', 'pack', [{}], () =>
			ctx.harness.runNode(ctx.h, { type: 'shopline', parameters: { resource: 'order', operation: 'getMany', returnAll: true, simplify: false, options: { pageSize: 999 } }, credentials: { shoplineApi: credentials } }),
		ourRecords,
		);
		bigPages.notes.push('Options → Page Size 999, as the HTTP Request rows ask');
		returnAll.push(bigPages);
	} else returnAll.push(missingRow(1, 'SHOPLINE node', 'pack', 'SHOPLINE node not in dist/package.json yet: not measured'));
	if (ctx.httpRequest.available) {
		for (const v of [
			{ runner: 'HTTP Request (naive)', intervalMs: 0, note: 'per_page 999, page += 1 until page >= total_pages, no interval' },
			{ runner: 'HTTP Request (careful)', intervalMs: 1000 / SHOPLINE_RATE, note: `per_page 999, page += 1 until page >= total_pages, ${1000 / SHOPLINE_RATE} ms between requests (20/s)` },
		]) {
			let pages = 0;
			const row = await run(v.runner, 'httpRequest', [{}], async () => {
				const result = await runChain(ctx.harness, ctx.h, [{ name: 'Start', type: 'test.items', parameters: { items: '[{}]' } }, shoplineHttpNode(credentials, { intervalMs: v.intervalMs, windowed: false })]);
				pages = result.items.length;
				return result;
			}, ordersInPages);
			row.notes.push(v.note, `${pages} output items (one per page)`);
			returnAll.push(row);
		}
	} else returnAll.push(missingRow(1, 'HTTP Request', 'httpRequest', `not run: ${ctx.httpRequest.reason}`));
	compareWithHttp(returnAll, 'HTTP Request (careful)');

	// The same book read as many items at once (a user splitting by day): pressure on the 20/s limit.
	const windows = createdWindows(await sandbox.shoplineCreatedTimes(), SHOPLINE_WINDOWS);
	const label = `${windows.length} created-at windows`;
	const windowed: Row[] = [];
	if (ctx.nodeTypes.has('shopline')) {
		const row = await run(`SHOPLINE node, ${label}`, 'pack', windows, () =>
			ctx.harness.runNode(
				ctx.h,
				{
					type: 'shopline',
					parameters: { resource: 'order', operation: 'getMany', returnAll: true, simplify: false, filters: { created_after: '={{ $json.from }}', created_before: '={{ $json.to }}' } },
					credentials: { shoplineApi: credentials },
				},
				windows,
			),
		ourRecords,
		);
		row.notes.push('one input item per window, Return All each');
		windowed.push(row);
		const tuned = await run(`SHOPLINE node, ${label}, Concurrency 5 + Page Size 999`, 'pack', windows, () =>
			ctx.harness.runNode(
				ctx.h,
				{
					type: 'shopline',
					parameters: {
						resource: 'order',
						operation: 'getMany',
						returnAll: true,
						simplify: false,
						filters: { created_after: '={{ $json.from }}', created_before: '={{ $json.to }}' },
						options: { concurrency: 5, pageSize: 999 },
					},
					credentials: { shoplineApi: credentials },
				},
				windows,
			),
		ourRecords,
		);
		tuned.notes.push('5 windows read at once under one 20/s budget, pages of 999 as the HTTP Request rows ask');
		windowed.push(tuned);
	}
	if (ctx.httpRequest.available) {
		for (const v of [
			{ runner: `HTTP Request (naive), ${label}`, batching: undefined, note: 'no batching: n8n starts every item at once' },
			{ runner: `HTTP Request (careful), ${label}`, batching: { batch: { batchSize: 1, batchInterval: 1000 / SHOPLINE_RATE } }, note: `batching 1 item every ${1000 / SHOPLINE_RATE} ms and ${1000 / SHOPLINE_RATE} ms between pages` },
		]) {
			const row = await run(v.runner, 'httpRequest', windows, () =>
				runChain(ctx.harness, ctx.h, [
					{ name: 'Windows', type: 'test.items', parameters: { items: JSON.stringify(windows) } },
					shoplineHttpNode(credentials, { intervalMs: v.batching ? 1000 / SHOPLINE_RATE : 0, windowed: true, batching: v.batching }),
				]),
			ordersInPages,
			);
			row.notes.push(v.note);
			windowed.push(row);
		}
	}
	compareWithHttp(windowed, `HTTP Request (careful), ${label}`);

	await sandbox.setFaults('shopline', { latencyMs: 0, jitterMs: 0 });
	return [...returnAll, ...windowed];
}

/** Splits the seeded orders into `count` created-at ranges (inclusive bounds, as SHOPLINE filters). */
function createdWindows(times: number[], count: number): Array<{ from: string; to: string }> {
	const size = Math.ceil(times.length / count);
	const out: Array<{ from: string; to: string }> = [];
	for (let i = 0; i < times.length; i += size) {
		out.push({ from: new Date(times[i]).toISOString(), to: new Date(times[Math.min(times.length, i + size) - 1]).toISOString() });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Case 2: MeeDee POS customers, Return All, cursor paging

const MEEDEE_TOKEN_PATH = (p: string) => p.endsWith('/oauth/token');

export async function meedeeCustomers(ctx: Context): Promise<Row[]> {
	const { sandbox, config } = ctx;
	const count = sized(SIZES.meedeeCustomers, config.scale, 30);
	await sandbox.seed('meedee', count);
	const credentials = sandbox.credentials.meeDeePosApi;
	const rows: Row[] = [];
	const pageSize = 200; // MeeDee's largest page

	const latency = { latencyMs: config.latencyMs, jitterMs: config.jitterMs };
	await sandbox.setFaults('meedee', latency);

	/** The timed run, then a second run without added latency for the live heap (full GCs slow it down). */
	const measureBoth = async (runner: string, kind: Row['kind'], job: () => Promise<{ items: INodeExecutionData[]; error?: Error }>, recordsOf: (items: INodeExecutionData[]) => IDataObject[]) => {
		const { row, result } = await measuredRow(baseRow(2, runner, kind), ctx, 'meedee', MEEDEE_TOKEN_PATH, 1, job);
		const records = recordsOf(result.items);
		row.records = records.length;
		row.expectedRecords = count;
		const bytes = jsonBytes(records);
		row.outputMb = mb(bytes);
		// Cursor pages depend on each other: the floor is one round trip per page, one after another.
		const pages = Math.ceil(count / pageSize) + (count % pageSize === 0 ? 1 : 0);
		row.floorMs = pages * meanLatencyMs(config);
		row.floorBasis = `${pages} sequential pages × ${meanLatencyMs(config)} ms mean latency`;
		if (row.wallMs !== null) row.vsFloor = row.wallMs / row.floorMs;

		await sandbox.setFaults('meedee', { latencyMs: 0, jitterMs: 0 });
		resetPackState();
		const live = await measureLive(job, 50);
		await sandbox.setFaults('meedee', latency);
		if (live) row.liveHeapMb = mb(live.peakLiveDelta);
		if (bytes > 0) {
			if (row.liveHeapMb !== undefined) {
				row.livePerOutput = (row.liveHeapMb * MB) / bytes;
				row.notes.push(`live heap peak ${row.liveHeapMb} MB = ${row.livePerOutput.toFixed(2)}× output JSON (full GC every 50 ms, separate run)`);
			} else row.notes.push('live heap not measured (needs node --expose-gc)');
			row.heapPerOutput = (row.peakHeapMb! * MB) / bytes;
			row.notes.push(`sampled heap peak = ${row.heapPerOutput.toFixed(2)}× output JSON (includes garbage not yet collected)`);
		}
		if (row.retainedHeapMb && row.retainedHeapMb > 0) row.notes.push(`output held in heap after the run ${row.retainedHeapMb} MB`);
		return row;
	};

	if (ctx.nodeTypes.has('meeDeePos')) {
		rows.push(
			await measureBoth(
				'MeeDee POS node',
				'pack',
				() =>
					ctx.harness.runNode(ctx.h, {
						type: 'meeDeePos',
						parameters: { resource: 'customer', operation: 'getMany', returnAll: true, simplify: false },
						credentials: { meeDeePosApi: credentials },
					}),
				(items) => items.filter((i) => i.json.error === undefined).map((i) => i.json),
			),
		);
	} else rows.push(missingRow(2, 'MeeDee POS node', 'pack', 'MeeDee POS node not in dist/package.json yet: not measured'));

	if (ctx.httpRequest.available) {
		// The harness stores no OAuth2 token data; n8n's server does, so keep what n8n-core hands back.
		const helper = ctx.h.credentialsHelper;
		const oauth = helper as unknown as { updateCredentialsOauthTokenData: (c: INodeCredentialsDetails, t: string, d: ICredentialDataDecryptedObject) => Promise<void> };
		const original = oauth.updateCredentialsOauthTokenData;
		oauth.updateCredentialsOauthTokenData = async (nodeCredentials, _type, data) => {
			helper.store.set(nodeCredentials.id ?? '', data);
		};
		try {
			let pagesOut = 0;
			const row = await measureBoth(
				'HTTP Request (careful)',
				'httpRequest',
				() =>
					runChain(ctx.harness, ctx.h, [
						{ name: 'Start', type: 'test.items', parameters: { items: '[{}]' } },
						{
							name: 'HTTP Request',
							type: HTTP_REQUEST_TYPE,
							typeVersion: HTTP_REQUEST_VERSION,
							parameters: {
								method: 'GET',
								url: `${credentials.baseUrl}/api/partner/v1/customers`,
								authentication: 'genericCredentialType',
								genericAuthType: 'oAuth2Api',
								sendQuery: true,
								queryParameters: { parameters: [{ name: 'limit', value: String(pageSize) }] },
								options: {
									pagination: {
										pagination: {
											paginationMode: 'updateAParameterInEachRequest',
											parameters: { parameters: [{ type: 'qs', name: 'cursor', value: '={{ $response.body?.pagination?.next_cursor ?? undefined }}' }] },
											paginationCompleteWhen: 'other',
											completeExpression: '={{ !$response.body.pagination.has_more }}',
										},
									},
								},
							},
							credentials: {
								oAuth2Api: {
									grantType: 'clientCredentials',
									accessTokenUrl: `${credentials.baseUrl}/api/partner/v1/oauth/token`,
									clientId: credentials.clientId,
									clientSecret: credentials.clientSecret,
									authentication: 'body',
									scope: '',
								},
							},
						},
					]),
				(items) => {
					pagesOut = items.length;
					return items.flatMap((i) => (Array.isArray(i.json.data) ? (i.json.data as IDataObject[]) : []));
				},
			);
			row.notes.unshift('OAuth2 client credentials (body), limit 200, cursor from the last response until has_more is false', `${pagesOut} output items (one per page)`);
			rows.push(row);
		} finally {
			oauth.updateCredentialsOauthTokenData = original;
		}
	} else rows.push(missingRow(2, 'HTTP Request', 'httpRequest', `not run: ${ctx.httpRequest.reason}`));

	await sandbox.setFaults('meedee', { latencyMs: 0, jitterMs: 0 });
	compareWithHttp(rows, 'HTTP Request (careful)');
	return rows;
}

// ---------------------------------------------------------------------------------------------
// Case 3: Venio customer Create or Update, sequential vs concurrency 10

const VENIO_TOKEN_PATH = (p: string) => /\/connect\/token$/i.test(p);

export async function venioUpserts(ctx: Context): Promise<Row[]> {
	const { sandbox, config } = ctx;
	const count = sized(SIZES.venioUpserts, config.scale, 4);
	await sandbox.setFaults('venio', { latencyMs: config.latencyMs, jitterMs: config.jitterMs });
	const credentials = sandbox.credentials.venioCrmApi;
	const rows: Row[] = [];
	const inputs = (prefix: string) => Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${String(i + 1).padStart(5, '0')}` }));
	const floorFor = (row: Row, concurrency: number) => {
		// One token round trip, then the items `concurrency` at a time.
		row.floorMs = (1 + Math.ceil(count / concurrency)) * meanLatencyMs(config);
		row.floorBasis = `(1 token + ${count} items ÷ ${concurrency} at a time) × ${meanLatencyMs(config)} ms mean latency`;
		if (row.wallMs !== null) row.vsFloor = row.wallMs / row.floorMs;
	};

	if (ctx.nodeTypes.has('venioCrm')) {
		for (const concurrency of [1, 10]) {
			const runner = concurrency === 1 ? 'Venio node, sequential' : `Venio node, concurrency ${concurrency}`;
			const items = inputs(`Bench c${concurrency} ${Date.now()}`);
			const { row, result } = await measuredRow(baseRow(3, runner, 'pack'), ctx, 'venio', VENIO_TOKEN_PATH, count, () =>
				ctx.harness.runNode(
					ctx.h,
					{
						type: 'venioCrm',
						parameters: {
							resource: 'customer',
							operation: 'createOrUpdate',
							customerCode: '',
							customerName: '={{ $json.name }}',
							customerState: 3,
							options: concurrency > 1 ? { concurrency } : {},
						},
						credentials: { venioCrmApi: credentials },
					},
					items,
				),
			);
			row.records = result.items.filter((i) => i.json.error === undefined).length;
			row.expectedRecords = count;
			floorFor(row, concurrency);
			rows.push(row);
		}
		const [sequential, parallel] = rows;
		if (sequential.wallMs && parallel.wallMs) parallel.notes.push(`${(sequential.wallMs / parallel.wallMs).toFixed(2)}× faster than sequential`);
	} else rows.push(missingRow(3, 'Venio node', 'pack', 'Venio node not in dist/package.json yet: not measured'));

	if (ctx.httpRequest.available) {
		const variants = [
			{ runner: 'HTTP Request (naive)', batching: undefined, note: 'no batching: n8n sends every item at once' },
			{ runner: 'HTTP Request (careful)', batching: { batch: { batchSize: 10, batchInterval: meanLatencyMs(config) } }, note: `batches of 10 every ${meanLatencyMs(config)} ms` },
		];
		for (const v of variants) {
			const items = inputs(`Bench http ${v.batching ? 'careful' : 'naive'} ${Date.now()}`);
			const chain: ChainNode[] = [
				{ name: 'Start', type: 'test.items', parameters: { items: '[{}]' } },
				{
					name: 'Token',
					type: HTTP_REQUEST_TYPE,
					typeVersion: HTTP_REQUEST_VERSION,
					parameters: {
						method: 'POST',
						url: `${credentials.baseUrl}/authorization/connect/token`,
						sendHeaders: true,
						headerParameters: { parameters: [{ name: 'Ocp-Apim-Subscription-Key', value: credentials.subscriptionApiKey }] },
						sendBody: true,
						contentType: 'form-urlencoded',
						bodyParameters: {
							parameters: [
								{ name: 'grant_type', value: 'client_credentials' },
								{ name: 'client_id', value: credentials.clientId },
								{ name: 'client_secret', value: credentials.clientSecret },
							],
						},
						options: {},
					},
				},
				{ name: 'Customers', type: 'test.items', parameters: { items: JSON.stringify(items) } },
				{
					name: 'HTTP Request',
					type: HTTP_REQUEST_TYPE,
					typeVersion: HTTP_REQUEST_VERSION,
					parameters: {
						method: 'POST',
						url: `${credentials.baseUrl}/v3/customers`,
						sendHeaders: true,
						headerParameters: {
							parameters: [
								{ name: 'Authorization', value: "=Bearer {{ $('Token').first().json.access_token }}" },
								{ name: 'Ocp-Apim-Subscription-Key', value: credentials.subscriptionApiKey },
							],
						},
						sendBody: true,
						specifyBody: 'json',
						jsonBody: '={{ JSON.stringify({ customerName: $json.name, customerState: 3 }) }}',
						options: v.batching ? { batching: v.batching } : {},
					},
				},
			];
			const { row, result } = await measuredRow(baseRow(3, v.runner, 'httpRequest'), ctx, 'venio', VENIO_TOKEN_PATH, count, () => runChain(ctx.harness, ctx.h, chain));
			row.records = result.items.filter((i) => i.json.error === undefined).length;
			row.expectedRecords = count;
			row.notes.push(`token from an HTTP Request node before the items; ${v.note}`);
			floorFor(row, v.batching ? 10 : count);
			rows.push(row);
		}
	} else rows.push(missingRow(3, 'HTTP Request', 'httpRequest', `not run: ${ctx.httpRequest.reason}`));

	await sandbox.setFaults('venio', { latencyMs: 0, jitterMs: 0 });
	const concurrent = rows.find((r) => r.runner === 'Venio node, concurrency 10');
	const careful = rows.find((r) => r.runner === 'HTTP Request (careful)');
	if (concurrent?.wallMs && careful?.wallMs) {
		concurrent.vsHttp = concurrent.wallMs / careful.wallMs;
		concurrent.vsHttpRunner = careful.runner;
		concurrent.notes.push(`vs ${careful.runner}: ${otherRatios(concurrent, careful)}`);
	}
	return rows;
}

// ---------------------------------------------------------------------------------------------
// Case 4: cold load and package size

/**
 * Loads every class listed in package.json's `n8n` section in a fresh Node process and times it.
 * argv: root, then the modules to load first (the host has them loaded before any community package).
 */
const COLD_LOAD_SCRIPT = `
const path = require('node:path');
const [root, ...preload] = process.argv.slice(1);
for (const m of preload) require(m);
const pkg = require(path.join(root, 'package.json'));
const started = process.hrtime.bigint();
let classes = 0;
for (const file of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
	for (const C of Object.values(require(path.join(root, file)))) { new C(); classes++; }
}
process.stdout.write(JSON.stringify({ ms: Number(process.hrtime.bigint() - started) / 1e6, classes }));
`;

/** Median, min and max of `runs` cold loads with the given modules preloaded. */
function coldLoadSamples(runs: number, preload: string[]): { median: number; min: number; max: number; classes: number } {
	const samples: number[] = [];
	let classes = 0;
	for (let i = 0; i < Math.max(1, runs); i++) {
		const out = execFileSync(process.execPath, ['-e', COLD_LOAD_SCRIPT, ROOT, ...preload], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		const parsed = JSON.parse(out) as { ms: number; classes: number };
		samples.push(parsed.ms);
		classes = parsed.classes;
	}
	samples.sort((a, b) => a - b);
	return { median: samples[Math.floor(samples.length / 2)], min: samples[0], max: samples[samples.length - 1], classes };
}

export async function coldLoad(ctx: Context): Promise<Row[]> {
	const runs = ctx.config.coldLoadRuns;
	const registered = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).n8n;
	const describe = (s: ReturnType<typeof coldLoadSamples>) => `median of ${runs} fresh Node processes (min ${s.min.toFixed(1)} ms, max ${s.max.toFixed(1)} ms)`;
	const row = (runner: string, s: ReturnType<typeof coldLoadSamples>, note: string): Row => ({
		...baseRow(4, runner, 'pack'),
		wallMs: Math.round(s.median * 10) / 10,
		records: s.classes,
		failedItems: 0,
		requests: 0,
		status429: 0,
		tokenRequests: 0,
		notes: [describe(s), note],
	});
	// n8n loads community packages after its own modules: n8n-workflow and zod (the pack uses the host's zod) are loaded by then.
	const attempt = (runner: string, preload: string[], note: string): Row => {
		try {
			return row(runner, coldLoadSamples(runs, preload), note);
		} catch (error) {
			return { ...baseRow(4, runner, 'pack'), error: `loading the package failed: ${(error as Error).message.split('\n').find((l) => /Error/.test(l)) ?? (error as Error).message}`.slice(0, 300), notes: [note] };
		}
	};
	const hostLike = attempt('cold load, as in n8n (n8n-workflow and zod already loaded)', ['n8n-workflow', 'zod'], `${registered.nodes.length} nodes + ${registered.credentials.length} credentials from package.json`);
	const alone = attempt('cold load, zod loaded by the pack', ['n8n-workflow'], 'n8n-workflow preloaded only: the pack pays for loading zod itself');
	try {
		const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{
			size: number;
			unpackedSize: number;
			entryCount: number;
		}>;
		hostLike.tarballBytes = packed[0].size;
		hostLike.notes.push(`tarball ${(packed[0].size / 1024).toFixed(1)} KiB packed, ${(packed[0].unpackedSize / 1024).toFixed(1)} KiB unpacked, ${packed[0].entryCount} files (npm pack --dry-run)`);
	} catch (error) {
		hostLike.notes.push(`npm pack --dry-run failed: ${(error as Error).message.slice(0, 200)}`);
	}
	return [hostLike, alone];
}

/** Sets each pack row's time ratio to the named HTTP Request row of the same case. */
function compareWithHttp(rows: Row[], httpRunner: string): void {
	const http = rows.find((r) => r.runner === httpRunner && r.wallMs);
	if (!http) return;
	for (const r of rows) {
		if (r.kind === 'pack' && r.wallMs !== null) {
			r.vsHttp = r.wallMs / http.wallMs!;
			r.vsHttpRunner = http.runner;
			r.notes.push(`vs ${http.runner}: ${otherRatios(r, http)}`);
		}
	}
}

/** The other measurements as ratios to an HTTP Request row ("–" where one side is 0 or missing). */
function otherRatios(r: Row, http: Row): string {
	const pairs: Array<[string, number | null, number | null]> = [
		['requests', r.requests, http.requests],
		['CPU', r.cpuMs, http.cpuMs],
		['peak heap', r.peakHeapMb, http.peakHeapMb],
		['peak RSS', r.peakRssMb, http.peakRssMb],
	];
	return pairs.map(([name, a, b]) => `${name} ${a !== null && b ? `${(a / b).toFixed(2)}×` : '–'}`).join(', ');
}
