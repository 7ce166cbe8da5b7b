/**
 * n8n in queue mode as an operator runs it: one main (`n8n start`: editor, webhooks, triggers) and
 * N workers (`n8n worker --concurrency=C`: executions), all n8n 2.41.1 on Node 24, sharing
 * PostgreSQL and Redis (scripts/queue/services.ts). Every process gets the same environment
 * (scripts/n8n-server.ts: queue settings, encryption key) and its own user folder with the pack
 * installed in `<user folder>/.n8n/nodes/node_modules/n8n-nodes-asia-commerce`, where
 * `npm install` in `~/.n8n/nodes` (or the editor's install, on main) puts a community package.
 *
 * Ports from `basePort` (B): main B (broker B+1); worker i (1-based) health B+2i (broker B+2i+1).
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { importCredentials, importWorkflows, prepareFolder, publishWorkflow, setupOwner, startN8n, type N8nOptions, type RunningN8n } from '../n8n-server';
import type { Services } from './services';
import type { ImportedCredential, WorkflowJson } from './workflows';

export interface ClusterOptions {
	/** User folders and logs go below this folder (wiped first). */
	dir: string;
	services: Services;
	basePort: number;
	workers: number;
	/** Executions each worker runs at once (`--concurrency`). */
	concurrency: number;
	/** Workers started with the cluster; the rest later with `startWorker` (default: all). */
	startWorkers?: number;
	credentials: ImportedCredential[];
	workflows: WorkflowJson[];
	/** Ids of the workflows to publish (activate) before the processes start. */
	publish: string[];
	log: (line: string) => void;
}

export interface QueueCluster {
	/** The main's base URL: webhooks and the REST API. */
	url: string;
	main: RunningN8n;
	/** Started workers by number (1-based); undefined until started. */
	workers: Array<RunningN8n | undefined>;
	startWorker(n: number): Promise<RunningN8n>;
	/** Execution ids each worker logged as started ("Worker started execution N"), by worker number. */
	executionsByWorker(): Map<number, Set<string>>;
	/** Executions of a workflow in the database, by status. */
	executionStatuses(workflowId: string): Record<string, number>;
	/** The names (never the values) stored in a workflow's static data, per node: for failure reports. */
	staticDataKeys(workflowId: string): string;
	stop(): Promise<void>;
}

/** Process groups of the n8n processes this process started and has not stopped yet. */
const liveGroups = new Set<number>();

export function mainOptions(options: Pick<ClusterOptions, 'dir' | 'basePort' | 'services'>): N8nOptions {
	return {
		folder: path.join(options.dir, 'main'),
		port: options.basePort,
		brokerPort: options.basePort + 1,
		queue: options.services.settings,
		logFile: path.join(options.dir, 'main.log'),
	};
}

export function workerOptions(options: Pick<ClusterOptions, 'dir' | 'basePort' | 'services'>, n: number): N8nOptions {
	return {
		folder: path.join(options.dir, `worker-${n}`),
		// Workers serve no webhooks; the port only gives them the main's WEBHOOK_URL.
		port: options.basePort,
		brokerPort: options.basePort + 2 * n + 1,
		healthPort: options.basePort + 2 * n,
		queue: options.services.settings,
		// "Worker started execution N" is logged at info.
		logLevel: 'info',
		logFile: path.join(options.dir, `worker-${n}.log`),
	};
}

/** Imports, publishes, then starts the main and the workers; stops whatever started if a later step fails. */
export async function startQueueCluster(options: ClusterOptions): Promise<QueueCluster> {
	rmSync(options.dir, { recursive: true, force: true });
	mkdirSync(options.dir, { recursive: true });
	const main = mainOptions(options);
	prepareFolder({ ...main, fresh: true });
	const installed = path.join(main.folder, '.n8n', 'nodes');
	for (let n = 1; n <= options.workers; n++) {
		// The same unpacked tarball in every process's user folder.
		cpSync(installed, path.join(workerOptions(options, n).folder, '.n8n', 'nodes'), { recursive: true });
	}
	const credentialsFile = path.join(options.dir, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(options.credentials, null, 2));
	const workflowsFile = path.join(options.dir, 'workflows.json');
	writeFileSync(workflowsFile, JSON.stringify(options.workflows, null, 2));
	options.log('Importing credentials and workflows with the n8n CLI (runs the database migrations)...');
	importCredentials(main, credentialsFile);
	importWorkflows(main, workflowsFile);
	for (const id of options.publish) publishWorkflow(main, id);

	const running: RunningN8n[] = [];
	const workers: Array<RunningN8n | undefined> = [];
	const stopOne = async (r: RunningN8n) => {
		await r.stop();
		liveGroups.delete(r.process.pid!);
	};
	const onSpawn = (pid: number) => liveGroups.add(pid);
	const stopAll = async () => {
		// Workers first (they finish or hand back their jobs), then the main.
		for (const w of [...workers].reverse()) if (w) await stopOne(w);
		for (const r of running.filter((r) => !workers.includes(r))) await stopOne(r);
	};
	const track = (r: RunningN8n) => running.push(r);
	const startWorker = async (n: number) => {
		if (workers[n]) return workers[n]!;
		const worker = await startN8n({ ...workerOptions(options, n), onSpawn }, 120_000, 'worker', [`--concurrency=${options.concurrency}`]);
		workers[n] = worker;
		track(worker);
		options.log(`n8n worker ${n} ready (pid ${worker.process.pid}, concurrency ${options.concurrency})`);
		return worker;
	};
	try {
		const started = Date.now();
		const mainProcess = await startN8n({ ...main, onSpawn }, 180_000);
		track(mainProcess);
		options.log(`n8n main ready at ${mainProcess.url} (pid ${mainProcess.process.pid}) after ${((Date.now() - started) / 1000).toFixed(1)} s`);
		await setupOwner(mainProcess.url);
		await Promise.all(Array.from({ length: options.startWorkers ?? options.workers }, (_, i) => startWorker(i + 1)));
		return {
			url: mainProcess.url,
			main: mainProcess,
			workers,
			startWorker,
			executionsByWorker: () => {
				const out = new Map<number, Set<string>>();
				for (let n = 1; n <= options.workers; n++) {
					const file = workerOptions(options, n).logFile!;
					const ids = existsSync(file) ? [...readFileSync(file, 'utf8').matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]) : [];
					out.set(n, new Set(ids));
				}
				return out;
			},
			executionStatuses: (workflowId) => {
				const rows = options.services.sql(`SELECT status, count(*) FROM execution_entity WHERE "workflowId" = '${checkedId(workflowId)}' GROUP BY status`);
				return Object.fromEntries(rows.map(([status, count]) => [status, Number(count)]));
			},
			staticDataKeys: (workflowId) => {
				const [[json] = ['']] = options.services.sql(`SELECT "staticData" FROM workflow_entity WHERE id = '${checkedId(workflowId)}'`);
				const data = json ? (JSON.parse(json) as Record<string, unknown>) : {};
				const keys = Object.entries(data).map(([scope, value]) => `${scope}: ${value && typeof value === 'object' ? Object.keys(value).join(', ') || 'nothing' : typeof value}`);
				return keys.join('; ') || 'empty';
			},
			stop: stopAll,
		};
	} catch (error) {
		await stopAll();
		throw error;
	}
}

/** Workflow ids go into SQL text: only n8n's id characters are accepted. */
function checkedId(id: string): string {
	if (!/^[A-Za-z0-9]+$/.test(id)) throw new Error(`Unexpected workflow id ${id}`);
	return id;
}

/** Last resort when this process is exiting: SIGKILL the n8n process groups it started and did not stop. */
export function killStartedGroups(): void {
	for (const pid of liveGroups) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	liveGroups.clear();
}
