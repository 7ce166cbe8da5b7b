/**
 * PostgreSQL and Redis for queue mode, from Debian packages, each on its own port on 127.0.0.1 with
 * its data under build/queue-mode/. Installed with apt-get when missing (CI runs as root on a fresh
 * Debian machine). PostgreSQL refuses to run as root, so as root it runs as the `postgres` user the
 * package creates. Both are stopped by what started them: pg_ctl for PostgreSQL, the pid for Redis.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import type { QueueSettings } from '../n8n-server';

const POSTGRES_ROOT = '/usr/lib/postgresql';
/** Stops apt from starting the packages' own system-wide services while it installs them. */
const POLICY_RC = '/usr/sbin/policy-rc.d';

const isRoot = () => process.getuid?.() === 0;

function onPath(command: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** The newest installed PostgreSQL's bin folder (Debian keeps them under /usr/lib/postgresql/<major>/bin). */
export function postgresBin(): string | undefined {
	if (!existsSync(POSTGRES_ROOT)) return undefined;
	const majors = readdirSync(POSTGRES_ROOT)
		.filter((v) => /^\d+$/.test(v) && existsSync(path.join(POSTGRES_ROOT, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return majors.length ? path.join(POSTGRES_ROOT, majors[0], 'bin') : undefined;
}

/** Installs the Debian packages `postgresql` and `redis-server` when their programs are missing. */
export function ensureServicePackages(log: (line: string) => void): void {
	const missing = [...(postgresBin() ? [] : ['postgresql']), ...(onPath('redis-server') ? [] : ['redis-server'])];
	if (!missing.length) return;
	if (!isRoot()) throw new Error(`Queue mode needs ${missing.join(' and ')}; install as root: apt-get update && apt-get install -y ${missing.join(' ')}`);
	log(`Installing ${missing.join(', ')} from Debian packages (apt-get)...`);
	const ownPolicy = !existsSync(POLICY_RC);
	if (ownPolicy) writeFileSync(POLICY_RC, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
	try {
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
	} finally {
		if (ownPolicy) unlinkSync(POLICY_RC);
	}
	if (!postgresBin() || !onPath('redis-server')) throw new Error(`apt-get installed ${missing.join(', ')} but initdb or redis-server is still missing`);
}

export interface Services {
	settings: QueueSettings;
	/** Runs one SQL statement on n8n's database (psql over 127.0.0.1); rows of tab-separated columns. */
	sql(statement: string): string[][];
	stop(): Promise<void>;
	/** Synchronous last resort when this process is exiting: PostgreSQL stopped immediately, Redis killed. */
	stopNow(): void;
}

interface Stoppable {
	stop(): Promise<void>;
	stopNow(): void;
}

export interface ServicesOptions {
	/** Data and logs go here (wiped first). */
	dir: string;
	postgresPort: number;
	redisPort: number;
	log: (line: string) => void;
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function runPg(bin: string, program: string, args: string[]): string {
	const file = path.join(bin, program);
	const [command, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
	return execFileSync(command, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** PID of a leftover process from an earlier run that died before stopping it, if it is still alive. */
function livePid(pidFile: string): number | undefined {
	if (!existsSync(pidFile)) return undefined;
	const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
	if (!Number.isInteger(pid) || pid <= 0) return undefined;
	try {
		process.kill(pid, 0);
		return pid;
	} catch {
		return undefined;
	}
}

async function waitForPort(port: number, what: string, timeoutMs: number, ready: (socket: net.Socket) => Promise<boolean> = async () => true): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const ok = await new Promise<boolean>((resolve) => {
			const socket = net.connect(port, '127.0.0.1');
			socket.setTimeout(1000);
			socket.once('connect', () => void ready(socket).then((r) => (socket.destroy(), resolve(r))));
			socket.once('error', () => resolve(false));
			socket.once('timeout', () => (socket.destroy(), resolve(false)));
		});
		if (ok) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${what} did not accept connections on 127.0.0.1:${port} within ${timeoutMs / 1000} s`);
}

/** Redis answers PING with +PONG once it has loaded. */
const redisPong = (socket: net.Socket) =>
	new Promise<boolean>((resolve) => {
		socket.once('data', (d) => resolve(d.toString().startsWith('+PONG')));
		socket.write('PING\r\n');
	});

const PG_USER = 'n8n';
const PG_DATABASE = 'n8n';
/** Local test database on 127.0.0.1, wiped every run. */
const PG_PASSWORD = 'n8n-queue-mode-local';

async function startPostgres(options: ServicesOptions): Promise<Stoppable> {
	const bin = postgresBin()!;
	const dataDir = path.join(options.dir, 'postgres');
	const logFile = path.join(options.dir, 'postgres.log');
	if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
		// An earlier run was killed before it could stop its server: stop it now (it is ours, in our folder).
		try {
			runPg(bin, 'pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
		} catch {
			// not running any more
		}
	}
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true, mode: 0o700 });
	const pwFile = path.join(options.dir, 'postgres.pw');
	writeFileSync(pwFile, `${PG_PASSWORD}\n`, { mode: 0o600 });
	closeSync(openSync(logFile, 'w'));
	if (isRoot()) {
		const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
		const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
		for (const p of [dataDir, pwFile, logFile]) chownSync(p, uid, gid);
	}
	options.log(`PostgreSQL ${path.basename(path.dirname(bin))}: initdb in ${path.relative(process.cwd(), dataDir)}`);
	runPg(bin, 'initdb', ['-D', dataDir, '-U', PG_USER, `--pwfile=${pwFile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-instructions']);
	rmSync(pwFile);
	const serverOptions = `-c listen_addresses=127.0.0.1 -c port=${options.postgresPort} -c unix_socket_directories=${dataDir} -c max_connections=200`;
	runPg(bin, 'pg_ctl', ['-D', dataDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
	const stopWith = (mode: 'fast' | 'immediate') => {
		if (!existsSync(path.join(dataDir, 'postmaster.pid'))) return;
		try {
			runPg(bin, 'pg_ctl', ['-D', dataDir, '-m', mode, '-w', '-t', '30', 'stop']);
		} catch (error) {
			options.log(`pg_ctl stop: ${(error as Error).message.split('\n')[0]}`);
		}
	};
	const stoppable = { stop: async () => stopWith('fast'), stopNow: () => stopWith('immediate') };
	try {
		runPg(bin, 'createdb', ['-h', dataDir, '-p', String(options.postgresPort), '-U', PG_USER, PG_DATABASE]);
	} catch (error) {
		await stoppable.stop();
		throw error;
	}
	return stoppable;
}

async function startRedis(options: ServicesOptions): Promise<Stoppable> {
	const dataDir = path.join(options.dir, 'redis');
	const pidFile = path.join(options.dir, 'redis.pid');
	const leftover = livePid(pidFile);
	// An earlier run killed before it stopped its Redis: stop that one (by the pid it recorded).
	if (leftover && existsSync(`/proc/${leftover}/cmdline`) && readFileSync(`/proc/${leftover}/cmdline`, 'utf8').includes('redis-server')) process.kill(leftover, 'SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
	mkdirSync(dataDir, { recursive: true });
	const logFd = openSync(path.join(options.dir, 'redis.log'), 'w');
	const child: ChildProcess = spawn(
		'redis-server',
		['--port', String(options.redisPort), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--save', '', '--appendonly', 'no', '--dir', dataDir, '--daemonize', 'no'],
		{ stdio: ['ignore', logFd, logFd], detached: true },
	);
	closeSync(logFd);
	writeFileSync(pidFile, String(child.pid));
	const running = () => child.exitCode === null && child.signalCode === null;
	const stoppable: Stoppable = {
		stop: async () => {
			if (running()) {
				const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			}
			rmSync(pidFile, { force: true });
		},
		stopNow: () => {
			if (running()) child.kill('SIGKILL');
			rmSync(pidFile, { force: true });
		},
	};
	try {
		await waitForPort(options.redisPort, 'Redis', 20_000, redisPong);
	} catch (error) {
		await stoppable.stop();
		throw error;
	}
	return stoppable;
}

/** Starts PostgreSQL and Redis (installing them first when missing); `stop()` stops both. */
export async function startServices(options: ServicesOptions): Promise<Services> {
	ensureServicePackages(options.log);
	mkdirSync(options.dir, { recursive: true });
	if (isRoot() && statSync(options.dir).uid === 0) {
		// The postgres user must reach its data folder below ours.
		execFileSync('chmod', ['o+x', options.dir]);
	}
	const redis = await startRedis(options);
	let postgres: Stoppable;
	try {
		postgres = await startPostgres(options);
	} catch (error) {
		await redis.stop();
		throw error;
	}
	options.log(`PostgreSQL on 127.0.0.1:${options.postgresPort}, Redis on 127.0.0.1:${options.redisPort}`);
	const psql = path.join(postgresBin()!, 'psql');
	return {
		settings: { postgres: { port: options.postgresPort, database: PG_DATABASE, user: PG_USER, password: PG_PASSWORD }, redisPort: options.redisPort },
		sql: (statement) =>
			execFileSync(psql, ['-h', '127.0.0.1', '-p', String(options.postgresPort), '-U', PG_USER, '-d', PG_DATABASE, '-At', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', statement], {
				encoding: 'utf8',
				env: { ...process.env, PGPASSWORD: PG_PASSWORD },
				stdio: ['ignore', 'pipe', 'pipe'],
			})
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t')),
		stop: async () => {
			await postgres.stop();
			await redis.stop();
		},
		stopNow: () => {
			postgres.stopNow();
			redis.stopNow();
		},
	};
}
