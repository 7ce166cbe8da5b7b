/**
 * Case 5 (issue 15): SHOPLINE Return All in n8n's queue mode — the set-up of `npm run test:queue`
 * (scripts/queue/: PostgreSQL, Redis, n8n main + workers with the pack in each user folder).
 * 10 webhook-started Return All runs at once, first on one worker (credential "n8n Processes
 * Sharing This Credential" 1), then on two workers (setting 2): the aggregate rate SHOPLINE
 * served, as a share of its 20 requests/s. Runs are real n8n executions in other processes, so
 * CPU and memory columns stay empty; the sandbox counts the traffic.
 */
import path from 'node:path';

import type { Context, Row } from './cases';
import { sized } from './cases';
import { ROOT } from './harness';
import { sleepMs, traffic } from './measure';
import { killStartedGroups, startQueueCluster, type QueueCluster } from '../scripts/queue/cluster';
import { startServices, type Services } from '../scripts/queue/services';
import { callWebhook, ratePerSecond } from '../scripts/queue/traffic';
import { shoplineReturnAll, type CredentialRef, type ImportedCredential } from '../scripts/queue/workflows';

const SHOPLINE_RATE = 20;
/** Orders in the shop at scale 1: 10 runs × 40 pages of 50 = 400 requests, about 20 s at 20/s. */
export const QUEUE_ORDERS = 2000;
const RUNS = 10;
const PAGE_SIZE = 50;
const WORKERS = 2;
const CONCURRENCY = 5;
const DIR = path.join(ROOT, 'build', 'queue-bench');

interface Variant {
	runner: string;
	workers: number;
	credential: CredentialRef;
	workflowId: string;
	path: string;
}

const VARIANTS: Variant[] = [
	{ runner: 'SHOPLINE node, queue mode, 1 worker', workers: 1, credential: { id: 'benchShopline001', name: 'SHOPLINE (1 process)' }, workflowId: 'benchQueueOne001', path: 'bench-queue-one' },
	{ runner: 'SHOPLINE node, queue mode, 2 workers', workers: 2, credential: { id: 'benchShopline002', name: 'SHOPLINE (2 processes)' }, workflowId: 'benchQueueTwo001', path: 'bench-queue-two' },
];

function emptyRow(runner: string): Row {
	return { case: 5, runner, kind: 'pack', wallMs: null, requests: null, status429: null, failedItems: null, tokenRequests: null, peakRssMb: null, peakHeapMb: null, cpuMs: null, records: null, expectedRecords: null, notes: [] };
}

async function measureVariant(ctx: Context, cluster: QueueCluster, v: Variant, orders: number): Promise<Row> {
	const row = emptyRow(v.runner);
	// SHOPLINE's limiter is a sliding 1 s window per token: let it empty first.
	await sleepMs(1100);
	const from = await ctx.sandbox.requestCount('shopline');
	const before = cluster.executionsByWorker();
	const started = performance.now();
	const answers = await Promise.all(Array.from({ length: RUNS }, (_, run) => callWebhook(`${cluster.url}/webhook/${v.path}`, { run })));
	row.wallMs = Math.round(performance.now() - started);
	const seen = await ctx.sandbox.requestsSince('shopline', from);
	const t = traffic(seen);
	row.requests = t.requests;
	row.status429 = t.status429;
	row.tokenRequests = 0;
	const ids = answers.map((a) => (Array.isArray(a.body?.id) ? (a.body.id as unknown[]).map(String) : undefined));
	// A run fails when n8n answers an error, or when its records are short or doubled.
	row.failedItems = ids.filter((list) => !list || list.length !== orders || new Set(list).size !== orders).length;
	row.records = ids.reduce((n, list) => n + (list?.length ?? 0), 0);
	row.expectedRecords = RUNS * orders;
	const served = seen.filter((e) => e.status >= 200 && e.status < 300).map((e) => e.at);
	row.vendorRate = ratePerSecond(served);
	row.limitShare = row.vendorRate / SHOPLINE_RATE;
	row.floorMs = (t.requests / SHOPLINE_RATE) * 1000;
	row.floorBasis = `${t.requests} requests ÷ ${SHOPLINE_RATE}/s`;
	row.vsFloor = row.wallMs / row.floorMs;
	const perWorker = [...cluster.executionsByWorker()].map(([n, set]) => `worker ${n}: ${[...set].filter((id) => !before.get(n)?.has(id)).length}`);
	const failure = answers.find((a) => a.status !== 200);
	row.notes.push(
		`${RUNS} webhook-started runs at once, Return All in pages of ${PAGE_SIZE}; "n8n Processes Sharing This Credential" ${v.workers}`,
		`SHOPLINE served ${row.vendorRate.toFixed(1)} requests/s between the first and last request = ${row.limitShare.toFixed(3)}× its 20/s; over the wall time ${((served.length * 1000) / row.wallMs).toFixed(1)}/s`,
		`executions: ${perWorker.join(', ')} (worker --concurrency=${CONCURRENCY})`,
	);
	if (failure) row.error = `HTTP ${failure.status}: ${failure.error ?? JSON.stringify(failure.body).slice(0, 250)}`;
	return row;
}

export async function queueThroughput(ctx: Context): Promise<Row[]> {
	const { sandbox, config } = ctx;
	const orders = await sandbox.seed('shopline', sized(QUEUE_ORDERS, config.scale, 30));
	await sandbox.setFaults('shopline', { latencyMs: config.latencyMs, jitterMs: config.jitterMs });
	const log = (line: string) => console.log(`  [case 5] ${line}`);
	let services: Services | undefined;
	let cluster: QueueCluster | undefined;
	try {
		services = await startServices({ dir: path.join(DIR, 'services'), postgresPort: 55442, redisPort: 56389, log });
		const credentials: ImportedCredential[] = VARIANTS.map((v) => ({ ...v.credential, type: 'shoplineApi', data: { ...sandbox.credentials.shoplineApi, sharingProcesses: v.workers } }));
		const workflows = VARIANTS.map((v) => shoplineReturnAll(v.workflowId, v.path, v.credential, 'order', PAGE_SIZE));
		cluster = await startQueueCluster({
			dir: path.join(DIR, 'n8n'),
			services,
			basePort: 5770,
			workers: WORKERS,
			concurrency: CONCURRENCY,
			startWorkers: 1,
			credentials,
			workflows,
			publish: workflows.map((w) => w.id),
			log,
		});
		const rows: Row[] = [];
		for (const v of VARIANTS) {
			for (let n = 1; n <= v.workers; n++) await cluster.startWorker(n);
			rows.push(await measureVariant(ctx, cluster, v, orders));
		}
		const [one, two] = rows;
		if (one.wallMs && two.wallMs) two.notes.push(`wall ${(two.wallMs / one.wallMs).toFixed(2)}× the 1-worker row`);
		return rows;
	} catch (error) {
		return VARIANTS.map((v) => ({ ...emptyRow(v.runner), notes: [`not run: ${(error as Error).message.split('\n')[0]}`] }));
	} finally {
		await cluster?.stop().catch(() => undefined);
		killStartedGroups();
		await services?.stop().catch(() => undefined);
		await sandbox.setFaults('shopline', { latencyMs: 0, jitterMs: 0 });
	}
}
