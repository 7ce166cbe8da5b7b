/**
 * `npm run bench`: the cases of issue 9 against the sandbox with added latency, our nodes and
 * n8n's HTTP Request node side by side. Prints a markdown table and writes bench/results/latest.{md,json}.
 *
 * Knobs (environment):
 *   BENCH_SCALE=0.01      multiply every size (default 1 = the sizes of issue 9)
 *   BENCH_LATENCY_MS=50   added latency per request; BENCH_JITTER_MS=50 adds 0..50 ms more
 *   BENCH_CASES=1,2,3,4,5 which cases to run (5 = queue mode, issue 15; BENCH_CASES=5 runs it alone)
 *   BENCH_COLD_RUNS=7     fresh processes for the cold-load median
 *   BENCH_OUT=dir         where to write latest.md / latest.json (default bench/results)
 *   BENCH_SANDBOX=inline  run the sandbox in this process (default: its own process)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { coldLoad, meedeeCustomers, shoplineOrders, SIZES, sized, venioUpserts, type BenchConfig, type Context, type Row } from './cases';
import { HTTP_REQUEST_TYPE, loadHarness, loadHttpRequestNode, ROOT } from './harness';
import { QUEUE_ORDERS, queueThroughput } from './queue';
import { markdown, targetsOf, type BenchReport } from './report';
import { startBenchSandbox } from './sandbox';

export interface BenchOptions extends BenchConfig {
	cases: number[];
	/** Called after each case with its rows (progress output). */
	onCase?: (rows: Row[]) => void;
}

export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): BenchOptions {
	const number = (name: string, fallback: number) => {
		const v = env[name];
		if (v === undefined || v === '') return fallback;
		const n = Number(v);
		if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number >= 0, got "${v}"`);
		return n;
	};
	const cases = (env.BENCH_CASES ?? '1,2,3,4,5')
		.split(',')
		.map((s) => Number(s.trim()))
		.filter((n) => [1, 2, 3, 4, 5].includes(n));
	return {
		scale: number('BENCH_SCALE', 1),
		latencyMs: number('BENCH_LATENCY_MS', 50),
		jitterMs: number('BENCH_JITTER_MS', 50),
		coldLoadRuns: Math.max(1, Math.round(number('BENCH_COLD_RUNS', 7))),
		cases,
	};
}

/** Node types (description.name) registered in package.json and built in dist/. */
function registeredNodeTypes(loaded: { nodes: Map<string, unknown> }): Set<string> {
	return new Set([...loaded.nodes.keys()].map((k) => k.split('.').pop()!));
}

export async function runBench(options: BenchOptions): Promise<BenchReport> {
	const startedAt = new Date().toISOString();
	const loadAtStart = os.loadavg()[0];
	const harness = loadHarness();
	const http = loadHttpRequestNode();
	const h = harness.createHarness(http.node ? { [HTTP_REQUEST_TYPE]: http.node } : {}, http.credentials);
	const sandbox = await startBenchSandbox();
	const ctx: Context = {
		harness,
		h,
		sandbox,
		config: options,
		httpRequest: { available: http.available, reason: http.reason },
		nodeTypes: registeredNodeTypes(h.loaded),
	};
	const rows: Row[] = [];
	const leftOut: string[] = [];
	const jobs: Record<number, (c: Context) => Promise<Row[]>> = { 1: shoplineOrders, 2: meedeeCustomers, 3: venioUpserts, 4: coldLoad, 5: queueThroughput };
	try {
		for (const c of options.cases) {
			const caseRows = await jobs[c](ctx);
			rows.push(...caseRows);
			options.onCase?.(caseRows);
		}
	} finally {
		await sandbox.stop();
	}
	for (const r of rows) if (r.wallMs === null) leftOut.push(`Case ${r.case}, ${r.runner}: ${r.notes.join('; ')}`);
	for (const c of [1, 2, 3, 4, 5]) if (!options.cases.includes(c)) leftOut.push(`Case ${c}: not selected (BENCH_CASES)`);
	return {
		startedAt,
		node: process.version,
		load: { cpus: os.cpus().length, start: loadAtStart, end: os.loadavg()[0] },
		sandbox: sandbox.where,
		config: {
			scale: options.scale,
			latencyMs: options.latencyMs,
			jitterMs: options.jitterMs,
			coldLoadRuns: options.coldLoadRuns,
			sizes: {
				shoplineOrders: sized(SIZES.shoplineOrders, options.scale, 30),
				meedeeCustomers: sized(SIZES.meedeeCustomers, options.scale, 30),
				venioUpserts: sized(SIZES.venioUpserts, options.scale, 4),
				queueOrders: sized(QUEUE_ORDERS, options.scale, 30),
			},
		},
		rows,
		targets: targetsOf(rows),
		leftOut,
	};
}

export function writeResults(report: BenchReport, dir: string): { md: string; json: string } {
	mkdirSync(dir, { recursive: true });
	const md = path.join(dir, 'latest.md');
	const json = path.join(dir, 'latest.json');
	writeFileSync(md, markdown(report));
	writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
	return { md, json };
}

async function main(): Promise<void> {
	const options = optionsFromEnv();
	const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version;
	console.log(`n8n-nodes-asia-commerce ${version} bench: cases ${options.cases.join(',')}, scale ${options.scale}, latency ${options.latencyMs}+0..${options.jitterMs} ms`);
	const report = await runBench({
		...options,
		onCase: (rows) => {
			for (const r of rows) console.log(`  case ${r.case} ${r.runner}: ${r.wallMs === null ? 'not run' : `${r.wallMs} ms`}${r.error ? ` (error: ${r.error})` : ''}`);
		},
	});
	const out = writeResults(report, process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : path.join(ROOT, 'bench', 'results'));
	console.log(`\n${markdown(report)}`);
	console.log(`Written: ${path.relative(process.cwd(), out.md)}, ${path.relative(process.cwd(), out.json)}`);
}

if (require.main === module) {
	// n8n-core keeps a handle open after a run (jest needs --forceExit for the same reason): exit explicitly.
	main().then(
		() => process.exit(0),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
