/**
 * One measured run: wall time and peak memory of a job, and what the sandbox saw meanwhile
 * (requests, 429s, token requests). Memory is sampled every few milliseconds; peaks are deltas
 * over the level just before the job (after a GC when the process runs with --expose-gc). These
 * peaks include garbage V8 has not collected yet; `measureLive` measures what is really held.
 */
import type { SeenRequest } from './sandbox';

export interface Measured<T> {
	result: T;
	wallMs: number;
	/** Highest RSS minus RSS before the job, in bytes. */
	peakRssDelta: number;
	/** Highest V8 heap used minus heap used before the job, in bytes. */
	peakHeapDelta: number;
	/** Heap still used after the job with its result alive (after a GC when available), minus the level before. */
	retainedHeapDelta: number;
	/** CPU time (user + system) this process spent meanwhile, in ms: the nodes and n8n-core (and the sandbox when it runs in process). */
	cpuMs: number;
}

const collect = () => (globalThis as { gc?: () => void }).gc?.();

export async function measure<T>(job: () => Promise<T>, sampleEveryMs = 5): Promise<Measured<T>> {
	collect();
	const before = process.memoryUsage();
	let peakRss = before.rss;
	let peakHeap = before.heapUsed;
	const sample = () => {
		const m = process.memoryUsage();
		if (m.rss > peakRss) peakRss = m.rss;
		if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
	};
	const timer = setInterval(sample, sampleEveryMs);
	const started = performance.now();
	const cpuBefore = process.cpuUsage();
	try {
		const result = await job();
		const wallMs = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		sample();
		collect();
		const retained = process.memoryUsage().heapUsed - before.heapUsed;
		return { result, wallMs, peakRssDelta: peakRss - before.rss, peakHeapDelta: peakHeap - before.heapUsed, retainedHeapDelta: retained, cpuMs: (cpu.user + cpu.system) / 1000 };
	} finally {
		clearInterval(timer);
	}
}

/**
 * Live heap of a job: every `everyMs` a full GC, then the heap used, so garbage V8 has not yet
 * collected does not count. Run separately from the timed run (the GCs slow the job down).
 * Undefined without --expose-gc.
 */
export async function measureLive<T>(job: () => Promise<T>, everyMs = 100): Promise<{ result: T; peakLiveDelta: number } | undefined> {
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) return undefined;
	gc();
	const before = process.memoryUsage().heapUsed;
	let peak = before;
	const sample = () => {
		gc();
		peak = Math.max(peak, process.memoryUsage().heapUsed);
	};
	const timer = setInterval(sample, everyMs);
	try {
		const result = await job();
		// The output at its fullest: the job's result is still referenced here.
		sample();
		return { result, peakLiveDelta: peak - before };
	} finally {
		clearInterval(timer);
	}
}

export interface Traffic {
	requests: number;
	/** Requests the vendor answered 429 (its own limiter or an injected fault). */
	status429: number;
	/** Requests to the vendor's token endpoint. */
	tokenRequests: number;
}

/** Counts what one vendor received during a run. */
export function traffic(entries: SeenRequest[], isTokenPath: (path: string) => boolean = () => false): Traffic {
	return {
		requests: entries.length,
		status429: entries.filter((e) => e.status === 429).length,
		tokenRequests: entries.filter((e) => isTokenPath(e.path)).length,
	};
}

/** UTF-8 size of the items' JSON, i.e. what the output would weigh serialised. */
export function jsonBytes(values: unknown[]): number {
	let total = 0;
	for (const v of values) total += Buffer.byteLength(JSON.stringify(v));
	return total;
}

export const sleepMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
