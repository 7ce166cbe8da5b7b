/**
 * The sandbox as the bench uses it. By default it runs in its own Node process, so the bench
 * process's wall time, CPU and memory belong to the nodes and n8n-core alone (the simulators
 * serialise 20,000 orders and hold 50,000 customers; in one process that would count against the
 * node). Under jest, or with BENCH_SANDBOX=inline, it runs in process. Both go through the same
 * operations table, so the two modes cannot drift apart.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox';
import type { Faults } from '../sandbox/core';

export type BenchVendor = 'venio' | 'meedee' | 'shopline';

/** What the bench needs of a request the vendor received. */
export interface SeenRequest {
	path: string;
	status: number;
	/** When it arrived (epoch ms), before the simulated latency. */
	at: number;
}

/** Everything the bench asks of the sandbox; each call crosses the process boundary once. */
function operations(sandbox: Sandbox) {
	return {
		/** Replaces the vendor's records with `count` seeded ones; answers how many the list holds. */
		seed: (vendor: BenchVendor, count: number): number => {
			if (vendor === 'shopline') {
				sandbox.shopline.seed(count);
				return sandbox.shopline.orders.size;
			}
			if (vendor === 'meedee') {
				sandbox.meedee.seed(count);
				return count;
			}
			throw new Error(`seed: no bench seeding for ${vendor}`);
		},
		setFaults: (vendor: BenchVendor, faults: Partial<Faults>): void => sandbox[vendor].setFaults(faults),
		requestCount: (vendor: BenchVendor): number => sandbox.server.requests(vendor).length,
		requestsSince: (vendor: BenchVendor, from: number): SeenRequest[] =>
			sandbox.server
				.requests(vendor)
				.slice(from)
				.map((e) => ({ path: e.path, status: e.status, at: e.at })),
		/** Creation times (epoch ms) of every SHOPLINE order, oldest first. */
		shoplineCreatedTimes: (): number[] => [...sandbox.shopline.orders.values()].map((o) => Date.parse(o.created_at)).sort((a, b) => a - b),
		/** CPU time the sandbox's process has used so far, in ms (the whole process when inline). */
		cpuMs: (): number => {
			const c = process.cpuUsage();
			return (c.user + c.system) / 1000;
		},
	};
}

type Operations = ReturnType<typeof operations>;
type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

export interface BenchSandbox extends Promised<Operations> {
	credentials: Sandbox['credentials'];
	/** 'own process' or 'in process'. */
	where: 'own process' | 'in process';
	stop(): Promise<void>;
}

interface Call {
	id: number;
	op: keyof Operations;
	args: unknown[];
}
type Reply = { id: number; value?: unknown; error?: string } | { ready: Sandbox['credentials'] };

/** The compiled host: this very file when running compiled (build/bench), else what `npm run build:tools` made. */
export const HOST_FILE = __filename.endsWith('.js') ? __filename : path.join(__dirname, '..', 'build', 'bench', 'sandbox.js');
const START_TIMEOUT_MS = 30_000;
const CALL_TIMEOUT_MS = 120_000;

/** Starts the sandbox for a bench run: its own process when the compiled host exists, unless told otherwise. */
export async function startBenchSandbox(mode: 'process' | 'inline' = defaultMode()): Promise<BenchSandbox> {
	return mode === 'process' ? await inOwnProcess() : await inProcess();
}

function defaultMode(): 'process' | 'inline' {
	if (process.env.BENCH_SANDBOX === 'inline' || process.env.JEST_WORKER_ID) return 'inline';
	return existsSync(HOST_FILE) ? 'process' : 'inline';
}

async function inProcess(): Promise<BenchSandbox> {
	const sandbox = await startSandbox();
	const ops = operations(sandbox);
	const promised = Object.fromEntries(Object.entries(ops).map(([name, fn]) => [name, async (...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args)])) as Promised<Operations>;
	return { ...promised, credentials: sandbox.credentials, where: 'in process', stop: () => sandbox.stop() };
}

async function inOwnProcess(): Promise<BenchSandbox> {
	const child: ChildProcess = fork(HOST_FILE, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], execArgv: [] });
	const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
	let nextId = 1;
	const credentials = await new Promise<Sandbox['credentials']>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`bench sandbox did not start within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
		child.once('exit', (code) => reject(new Error(`bench sandbox exited with code ${code} before it was ready`)));
		child.on('message', (message: Reply) => {
			if ('ready' in message) {
				clearTimeout(timer);
				resolve(message.ready);
				return;
			}
			const call = pending.get(message.id);
			if (!call) return;
			pending.delete(message.id);
			clearTimeout(call.timer);
			if (message.error !== undefined) call.reject(new Error(`bench sandbox: ${message.error}`));
			else call.resolve(message.value);
		});
	});
	child.on('exit', () => {
		for (const call of pending.values()) {
			clearTimeout(call.timer);
			call.reject(new Error('bench sandbox process exited'));
		}
		pending.clear();
	});
	const remote = (op: keyof Operations) => (...args: unknown[]) =>
		new Promise<unknown>((resolve, reject) => {
			const id = nextId++;
			const timer = setTimeout(() => {
				pending.delete(id);
				reject(new Error(`bench sandbox: ${op} did not answer within ${CALL_TIMEOUT_MS} ms`));
			}, CALL_TIMEOUT_MS);
			pending.set(id, { resolve, reject, timer });
			child.send({ id, op, args } satisfies Call);
		});
	const names = Object.keys(operations({} as Sandbox)) as Array<keyof Operations>;
	const promised = Object.fromEntries(names.map((name) => [name, remote(name)])) as unknown as Promised<Operations>;
	return {
		...promised,
		credentials,
		where: 'own process',
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

/** The child's side: start the simulators on 127.0.0.1, then answer calls until told to stop. */
async function host(): Promise<void> {
	const sandbox = await startSandbox();
	const ops = operations(sandbox);
	process.on('message', (call: Call) => {
		try {
			const fn = ops[call.op] as ((...a: unknown[]) => unknown) | undefined;
			if (!fn) throw new Error(`unknown operation ${String(call.op)}`);
			process.send!({ id: call.id, value: fn(...call.args) });
		} catch (error) {
			process.send!({ id: call.id, error: (error as Error).message });
		}
	});
	const stop = () => void sandbox.stop().then(() => process.exit(0));
	process.on('SIGTERM', stop);
	process.on('disconnect', stop);
	process.send!({ ready: sandbox.credentials });
}

if (require.main === module && process.send) void host();
