/**
 * A real n8n server for `npm start`, `npm run demo` and the end-to-end tests: n8n 2.41.1 from
 * .n8n-server/ (installed once by scripts/ensure-n8n.sh), SQLite in its own user folder, our
 * pack copied where n8n installs community packages, credentials and workflows imported with
 * n8n's own CLI. Everything listens on 127.0.0.1.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, createWriteStream, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PACKAGE_NAME, ROOT } from './root';

export { PACKAGE_NAME, ROOT };
const N8N_BIN = path.join(ROOT, '.n8n-server', 'node_modules', 'n8n', 'bin', 'n8n');
/** n8n 2.41 needs Node 24, installed as a devDependency (the machine's own Node may be older). */
const NODE24 = path.join(ROOT, 'node_modules', '.bin', 'node');

export const OWNER = { email: 'owner@asia-commerce.test', firstName: 'Demo', lastName: 'Owner', password: 'Sandbox-Demo-2026' };

export interface N8nOptions {
	/** The user folder (database, settings, installed packages). */
	folder: string;
	port?: number;
	/** Task-runner broker port; differs per server so tests and the demo can run side by side. */
	brokerPort?: number;
	/** Start from an empty database. */
	fresh?: boolean;
	/** n8n's log level; `n8n execute` prints its result only at info. */
	logLevel?: string;
	/** Queue mode (scripts/queue/): Postgres and Redis shared by a main and its workers. */
	queue?: QueueSettings;
	/** A worker's health server port (queue mode); its readiness is awaited there. */
	healthPort?: number;
	/** Also append everything the process prints to this file. */
	logFile?: string;
	/** Told the process id as soon as the process exists (queue mode: its process group, for an emergency stop). */
	onSpawn?: (pid: number) => void;
	/** GENERIC_TIMEZONE, the zone of workflows without their own; n8n's default (America/New_York) when not given. */
	timezone?: string;
}

/** What every queue-mode process (main and workers) gets: the same database and Redis, on 127.0.0.1. */
export interface QueueSettings {
	postgres: { port: number; database: string; user: string; password: string };
	redisPort: number;
}

function queueEnv(options: N8nOptions): NodeJS.ProcessEnv {
	const q = options.queue;
	if (!q) return { DB_TYPE: 'sqlite' };
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(q.redisPort),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(q.postgres.port),
		DB_POSTGRESDB_DATABASE: q.postgres.database,
		DB_POSTGRESDB_USER: q.postgres.user,
		DB_POSTGRESDB_PASSWORD: q.postgres.password,
		// Workers: the health server (readiness) on its own port, and on 127.0.0.1 (it binds all interfaces otherwise).
		...(options.healthPort ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(options.healthPort), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' } : {}),
	};
}

export function ensureN8nInstalled(): void {
	execFileSync('bash', [path.join(ROOT, 'scripts', 'ensure-n8n.sh')], { stdio: 'inherit' });
}

function env(options: N8nOptions): NodeJS.ProcessEnv {
	const port = options.port ?? 5678;
	return {
		...process.env,
		// Under jest NODE_ENV is "test", which makes n8n exit at start without a word.
		NODE_ENV: 'production',
		N8N_USER_FOLDER: options.folder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		...queueEnv(options),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort ?? port + 1),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_LOG_LEVEL: options.logLevel ?? process.env.N8N_LOG_LEVEL ?? 'warn',
		// A fixed key for this local folder only, so imported credentials stay readable across runs.
		N8N_ENCRYPTION_KEY: 'asia-commerce-local-sandbox-key',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_BLOCK_ENV_ACCESS_IN_NODE: 'false',
		...(options.timezone ? { GENERIC_TIMEZONE: options.timezone } : {}),
	};
}

/**
 * Installs the pack as n8n installs a community package: `npm pack` gives the tarball users get
 * from the registry, unpacked into the folder n8n loads community packages from.
 */
export function installPack(folder: string): string {
	const nodesDir = path.join(folder, '.n8n', 'nodes');
	const target = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const packDir = mkdtempSync(path.join(tmpdir(), 'asia-commerce-pack-'));
	try {
		execFileSync('npm', ['pack', '--pack-destination', packDir, '--silent'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
		const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
		if (!tarball) throw new Error('npm pack made no tarball');
		execFileSync('tar', ['-xzf', path.join(packDir, tarball), '-C', target, '--strip-components=1']);
	} finally {
		rmSync(packDir, { recursive: true, force: true });
	}
	writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: 'file:local' } }, null, 2));
	return target;
}

export function prepareFolder(options: N8nOptions): void {
	if (options.fresh) rmSync(options.folder, { recursive: true, force: true });
	mkdirSync(options.folder, { recursive: true });
	installPack(options.folder);
}

/** Runs an n8n CLI command (import:workflow, publish:workflow, ...) against the folder's database. */
export function n8nCli(options: N8nOptions, args: string[]): string {
	return execFileSync(NODE24, [N8N_BIN, ...args], { env: env(options), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function importCredentials(options: N8nOptions, file: string): void {
	n8nCli(options, ['import:credentials', `--input=${file}`]);
}

export function importWorkflows(options: N8nOptions, file: string): void {
	n8nCli(options, ['import:workflow', `--input=${file}`]);
}

export function publishWorkflow(options: N8nOptions, id: string): void {
	n8nCli(options, ['publish:workflow', `--id=${id}`]);
}

export interface RunningN8n {
	url: string;
	process: ChildProcess;
	/** The last lines n8n printed, for error reports. */
	output: string[];
	stop(): Promise<void>;
}

async function waitForReady(url: string, child: ChildProcess, output: string[], timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode}:\n${output.join('')}`);
		try {
			const res = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			if (res.status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`n8n was not ready within ${timeoutMs / 1000} s:\n${output.slice(-40).join('')}`);
}

/**
 * Starts `n8n start` (or, in queue mode, `n8n worker --concurrency=N` with `command` 'worker') and
 * waits until it is ready. Queue-mode processes run in their own process group and are stopped as
 * a group, so n8n's task runner goes with them.
 */
export async function startN8n(options: N8nOptions, timeoutMs = 120_000, command: 'start' | 'worker' = 'start', args: string[] = []): Promise<RunningN8n> {
	const port = options.port ?? 5678;
	const url = command === 'worker' ? `http://127.0.0.1:${options.healthPort}` : `http://127.0.0.1:${port}`;
	const group = !!options.queue;
	const child = spawn(NODE24, [N8N_BIN, command, ...args], { env: env(options), stdio: ['ignore', 'pipe', 'pipe'], detached: group });
	if (child.pid) options.onSpawn?.(child.pid);
	const output: string[] = [];
	const file = options.logFile ? createWriteStream(options.logFile, { flags: 'a' }) : undefined;
	const keep = (chunk: Buffer) => {
		output.push(chunk.toString());
		if (output.length > 400) output.splice(0, output.length - 400);
		file?.write(chunk);
	};
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	const signal = (name: NodeJS.Signals) => {
		try {
			if (group && child.pid) process.kill(-child.pid, name);
			else child.kill(name);
		} catch {
			// already gone
		}
	};
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			signal('SIGTERM');
			const timer = setTimeout(() => signal('SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
		// The group's other members (the task runner) when n8n itself left first.
		if (group) signal('SIGKILL');
		file?.end();
	};
	try {
		await waitForReady(url, child, output, timeoutMs);
	} catch (error) {
		await stop();
		throw error;
	}
	return { url, process: child, output, stop };
}

/** Creates the owner account on a fresh database; harmless when it exists already. */
export async function setupOwner(url: string): Promise<void> {
	const res = await fetch(`${url}/rest/owner/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(OWNER) });
	if (res.status !== 200 && res.status !== 400) throw new Error(`Owner setup failed: ${res.status} ${await res.text()}`);
}

/** Logs in over REST and returns the cookie header for further REST calls. */
export async function login(url: string, browserId = 'asia-commerce-tests'): Promise<{ cookie: string; browserId: string }> {
	const res = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': browserId },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (res.status !== 200) throw new Error(`Login failed: ${res.status} ${await res.text()}`);
	const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	return { cookie, browserId };
}

/** Runs an n8n CLI command without blocking this process (the sandbox may live in it). */
export function n8nCliAsync(options: N8nOptions, args: string[], timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(NODE24, [N8N_BIN, ...args], { env: env(options), stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
		child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', (code) => {
			clearTimeout(timer);
			// The CLI's whole output joins the server's log (the end-to-end secrets scan reads it).
			if (options.logFile) appendFileSync(options.logFile, `${stdout}${stderr}`);
			resolve({ code, stdout, stderr });
		});
	});
}

export interface CliRun {
	data: { resultData: { runData: Record<string, Array<{ data?: { main?: Array<Array<{ json: Record<string, unknown> }>> }; error?: { message: string } }>>; error?: { message: string } } };
}

/**
 * Runs a workflow once with `n8n execute` (it needs a Manual Trigger) beside a running server:
 * its own task-broker port keeps the two apart. Returns n8n's run data.
 */
export async function executeWorkflow(options: N8nOptions, id: string): Promise<CliRun> {
	const cli = { ...options, brokerPort: (options.port ?? 5678) + 7, logLevel: 'info' };
	const { code, stdout, stderr } = await n8nCliAsync(cli, ['execute', `--id=${id}`, '--rawOutput']);
	const start = stdout.search(/^\{$/m);
	if (code !== 0 || start < 0) throw new Error(`Workflow ${id} failed (exit ${code}):\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
	// The pretty-printed run data starts and ends with a brace alone on a line; logs may surround it.
	const end = stdout.indexOf('\n}', start);
	return JSON.parse(stdout.slice(start, end + 2)) as CliRun;
}
