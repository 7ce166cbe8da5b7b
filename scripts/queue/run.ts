/**
 * `npm run test:queue` (issue 15, point 5): the pack in n8n's queue mode as an operator runs it.
 * PostgreSQL and Redis from Debian packages (installed when missing) on 127.0.0.1, n8n main + 2
 * workers with the pack in every process's user folder, the sandbox in this process. Checks:
 * concurrent SHOPLINE Return All executions (none fails, no record missing or doubled, at most
 * 20 requests in any second with sharingProcesses 2), webhook repeats (one execution per event),
 * Venio token requests (at most one per worker), and Salekit order re-runs over the workers (one order
 * per key, through n8n's processed-data store; nothing in static data), and redirects (no credential
 * leaves the vendor's origin: worker actions, the main's credential test, token requests; same-origin
 * redirects followed). Stops everything it started, also on failure.
 * Prints "N passed, N failed"; exits 1 when a check failed or the set-up broke.
 *
 * Knobs: QUEUE_CUSTOMERS (1000 seeded SHOPLINE customers), QUEUE_PAGE_SIZE (50), QUEUE_RUNS (10),
 * QUEUE_BASE_PORT (5750: n8n 5750-5755), QUEUE_PG_PORT (55432), QUEUE_REDIS_PORT (56379).
 */
import path from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox/index';
import { ROOT } from '../n8n-server';
import { returnAllCheck, salekitRerunCheck, tokenCheck, webhookRepeatCheck, type CheckResult } from './checks';
import { killStartedGroups, startQueueCluster, type QueueCluster } from './cluster';
import { redirectCheck, redirectSetup, tokenRedirectCheck } from './redirects';
import { startServices, type Services } from './services';
import { salekitOrderByKey, shoplineReturnAll, shoplineTrigger, venioCustomers, type ImportedCredential } from './workflows';

const env = (name: string, fallback: number) => {
	const n = Number(process.env[name] ?? fallback);
	if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a whole number above 0`);
	return n;
};

const DIR = path.join(ROOT, 'build', 'queue-mode');
const WORKERS = 2;
/** n8n's recommended minimum; 10 executions at once then split 5 and 5 over the two workers. */
const CONCURRENCY = 5;
const SHARING = 2;
/** Page requests answered 307 within SHOPLINE's origin in the second Return All round: each is one more request. */
const REDIRECTED_REQUESTS = 50;

const CREDENTIALS = {
	shopline: { id: 'queueShopline001', name: `SHOPLINE (${SHARING} processes)` },
	venio: { id: 'queueVenio000001', name: 'Venio CRM (queue mode)' },
	salekit: { id: 'queueSalekit0001', name: 'Salekit (queue mode)' },
};
const WORKFLOWS = {
	returnAll: { id: 'queueReturnAll01', path: 'queue-return-all' },
	/** The same Return All, run while SHOPLINE redirects requests within its origin. */
	returnAllRedirected: { id: 'queueReturnAllR1', path: 'queue-return-all-redirected' },
	trigger: { id: 'queueTrigger0001', webhookId: '6d0c2f7a-3b1e-4c5d-9e8f-0a1b2c3d4e51' },
	venio: { id: 'queueVenioToken1', path: 'queue-venio-token' },
	salekit: { id: 'queueSalekitKey1', path: 'queue-salekit-order' },
};

const log = (line: string) => console.log(`[queue] ${line}`);

async function main(): Promise<number> {
	const customers = env('QUEUE_CUSTOMERS', 1000);
	const pageSize = env('QUEUE_PAGE_SIZE', 50);
	const runs = env('QUEUE_RUNS', 10);
	const started = Date.now();
	let sandbox: Sandbox | undefined;
	let services: Services | undefined;
	let cluster: QueueCluster | undefined;
	const emergencyStop = () => {
		killStartedGroups();
		services?.stopNow();
	};
	process.once('exit', emergencyStop);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.once(signal, () => {
			log(`${signal}: stopping everything`);
			emergencyStop();
			process.exit(130);
		});
	}
	const results: CheckResult[] = [];
	try {
		sandbox = await startSandbox();
		// Enough customers that each Return All reads many pages and spans several seconds at 20/s shared by 10 runs.
		sandbox.shopline.seed(40, customers);
		log(`Sandbox at ${sandbox.server.baseUrl}: ${customers} SHOPLINE customers, read in pages of ${pageSize} (${Math.ceil(customers / pageSize)} requests per run)`);
		const redirects = redirectSetup(sandbox);
		services = await startServices({ dir: path.join(DIR, 'services'), postgresPort: env('QUEUE_PG_PORT', 55432), redisPort: env('QUEUE_REDIS_PORT', 56379), log });
		const credentials: ImportedCredential[] = [
			// The operator's setting: how many n8n processes run executions on this credential (the workers).
			{ ...CREDENTIALS.shopline, type: 'shoplineApi', data: { ...sandbox.credentials.shoplineApi, sharingProcesses: SHARING } },
			{ ...CREDENTIALS.venio, type: 'venioCrmApi', data: { ...sandbox.credentials.venioCrmApi } },
			{ ...CREDENTIALS.salekit, type: 'salekitApi', data: { ...sandbox.credentials.salekitApi } },
			...redirects.credentials,
		];
		const workflows = [
			shoplineReturnAll(WORKFLOWS.returnAll.id, WORKFLOWS.returnAll.path, CREDENTIALS.shopline, 'customer', pageSize),
			shoplineReturnAll(WORKFLOWS.returnAllRedirected.id, WORKFLOWS.returnAllRedirected.path, CREDENTIALS.shopline, 'customer', pageSize),
			shoplineTrigger(WORKFLOWS.trigger.id, WORKFLOWS.trigger.webhookId, CREDENTIALS.shopline),
			venioCustomers(WORKFLOWS.venio.id, WORKFLOWS.venio.path, CREDENTIALS.venio),
			salekitOrderByKey(WORKFLOWS.salekit.id, WORKFLOWS.salekit.path, CREDENTIALS.salekit, sandbox.salekit.products[0].sku!),
			...redirects.workflows,
		];
		cluster = await startQueueCluster({
			dir: path.join(DIR, 'n8n'),
			services,
			basePort: env('QUEUE_BASE_PORT', 5750),
			workers: WORKERS,
			concurrency: CONCURRENCY,
			credentials,
			workflows,
			publish: workflows.map((w) => w.id),
			log,
		});
		log(`Set-up done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
		const steps: Array<[string, () => Promise<CheckResult[]>]> = [
			['Return All', () => returnAllCheck(cluster!, sandbox!, { workflowId: WORKFLOWS.returnAll.id, path: WORKFLOWS.returnAll.path, runs, sharing: SHARING, requestsFile: path.join(DIR, 'return-all-requests.json') })],
			[
				'Return All with redirects',
				() =>
					returnAllCheck(cluster!, sandbox!, {
						workflowId: WORKFLOWS.returnAllRedirected.id,
						path: WORKFLOWS.returnAllRedirected.path,
						runs,
						sharing: SHARING,
						requestsFile: path.join(DIR, 'return-all-redirected-requests.json'),
						redirects: REDIRECTED_REQUESTS,
					}),
			],
			['webhook repeats', () => webhookRepeatCheck(cluster!, sandbox!, { workflowId: WORKFLOWS.trigger.id, repeats: 4 })],
			// Before anything asks Venio or MeeDee for a token in the workers (they keep one per client).
			['token redirects', () => tokenRedirectCheck(cluster!, sandbox!)],
			['token requests', () => tokenCheck(cluster!, sandbox!, { workflowId: WORKFLOWS.venio.id, path: WORKFLOWS.venio.path, runs, rounds: 2 })],
			['Salekit re-runs', () => salekitRerunCheck(cluster!, sandbox!, { workflowId: WORKFLOWS.salekit.id, path: WORKFLOWS.salekit.path, runs: 6 })],
			['redirects', () => redirectCheck(cluster!, sandbox!)],
		];
		for (const [name, step] of steps) {
			const stepStart = Date.now();
			log(`Checking ${name}...`);
			try {
				const stepResults = await step();
				results.push(...stepResults);
				for (const r of stepResults) console.log(`${r.ok ? 'PASS' : 'FAIL'} ${r.name}: ${r.detail}`);
			} catch (error) {
				const r = { name, ok: false, detail: `could not run: ${(error as Error).message}` };
				results.push(r);
				console.log(`FAIL ${r.name}: ${r.detail}`);
			}
			log(`(${name}: ${((Date.now() - stepStart) / 1000).toFixed(1)} s)`);
		}
	} catch (error) {
		results.push({ name: 'set-up', ok: false, detail: (error as Error).stack ?? String(error) });
		console.log(`FAIL set-up: ${(error as Error).stack ?? String(error)}`);
		if (cluster === undefined) log(`n8n logs: ${path.relative(process.cwd(), path.join(DIR, 'n8n'))}/*.log`);
	} finally {
		log('Stopping n8n, the sandbox, PostgreSQL and Redis...');
		await cluster?.stop().catch((e: Error) => log(`stopping n8n: ${e.message}`));
		killStartedGroups();
		await sandbox?.stop().catch((e: Error) => log(`stopping the sandbox: ${e.message}`));
		await services?.stop().catch((e: Error) => log(`stopping the services: ${e.message}`));
		process.removeListener('exit', emergencyStop);
	}
	const failed = results.filter((r) => !r.ok).length;
	log(`Queue mode, n8n main + ${WORKERS} workers: ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
	console.log(`${results.length - failed} passed, ${failed} failed`);
	return failed ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(error) => {
		console.error(error);
		process.exit(1);
	},
);
