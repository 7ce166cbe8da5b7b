/**
 * The queue-mode checks of issue 15, run against a started cluster (main + 2 workers) and the
 * sandbox in this process. Each returns results with the figures it measured.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { deliverWebhook } from '../../sandbox/core';
import type { Sandbox } from '../../sandbox/index';
import { waitFor } from '../demo-drivers';
import type { QueueCluster } from './cluster';
import { callWebhook, mostInAnySecond, ratePerSecond } from './traffic';

export interface CheckResult {
	name: string;
	ok: boolean;
	detail: string;
}

/** SHOPLINE's documented limit: 20 requests per second per token. */
export const SHOPLINE_LIMIT = 20;

const count = (statuses: Record<string, number>) => Object.values(statuses).reduce((a, b) => a + b, 0);
const describeStatuses = (statuses: Record<string, number>) =>
	Object.entries(statuses)
		.map(([s, n]) => `${n} ${s}`)
		.join(', ') || 'none';

/** Execution ids each worker started since `before` (a snapshot of executionsByWorker). */
function startedSince(cluster: QueueCluster, before: Map<number, Set<string>>): Map<number, number> {
	const out = new Map<number, number>();
	for (const [n, ids] of cluster.executionsByWorker()) out.set(n, [...ids].filter((id) => !before.get(n)?.has(id)).length);
	return out;
}
const describeWorkers = (perWorker: Map<number, number>) => [...perWorker].map(([n, c]) => `worker ${n}: ${c}`).join(', ');

/** Waits until a workflow's executions have all finished and their number held still for 3 s (at most 60 s). */
async function settledExecutions(cluster: QueueCluster, workflowId: string): Promise<Record<string, number>> {
	let last = '';
	let since = Date.now();
	return await waitFor(
		() => {
			const statuses = cluster.executionStatuses(workflowId);
			const key = JSON.stringify(statuses);
			if (key !== last) {
				last = key;
				since = Date.now();
			}
			const unfinished = (statuses.new ?? 0) + (statuses.running ?? 0) + (statuses.waiting ?? 0);
			return unfinished === 0 && Date.now() - since >= 3000 ? statuses : undefined;
		},
		60_000,
		`the executions of ${workflowId} to finish`,
	);
}

/**
 * N concurrent Return All executions (webhook-started, answered when done): none fails, each run
 * returns every record exactly once, runs spread over the workers, and SHOPLINE never sees more
 * than its limit in any second.
 */
export async function returnAllCheck(
	cluster: QueueCluster,
	sandbox: Sandbox,
	options: {
		workflowId: string;
		path: string;
		runs: number;
		sharing: number;
		/** Where to keep the request times for a closer look. */
		requestsFile: string;
		/** The first N page requests are answered 307 back to SHOPLINE's own origin, each once: every redirect is one more request. */
		redirects?: number;
	},
): Promise<CheckResult[]> {
	const expected = new Set(sandbox.shopline.customers.keys());
	const logFrom = sandbox.server.log.length;
	const workersBefore = cluster.executionsByWorker();
	const redirects = options.redirects ?? 0;
	if (redirects) sandbox.shopline.setFaults({ nextRedirect: redirects, redirectTo: '', redirectStatus: 307, redirectOnce: true, pathFilter: '/customers' });
	const started = Date.now();
	const answers = await Promise.all(Array.from({ length: options.runs }, (_, run) => callWebhook(`${cluster.url}/webhook/${options.path}`, { run }))).finally(() =>
		sandbox.shopline.setFaults({ nextRedirect: 0, redirectOnce: false, pathFilter: '' }),
	);
	const wallMs = Date.now() - started;
	const statuses = await settledExecutions(cluster, options.workflowId);
	const perWorker = startedSince(cluster, workersBefore);
	const requests = sandbox.server.log.slice(logFrom).filter((e) => e.vendor === 'shopline');
	const times = requests.map((e) => e.at);
	const most = mostInAnySecond(times);
	writeFileSync(options.requestsFile, JSON.stringify(requests.map((e) => ({ at: e.at, status: e.status, page: e.query.page }))));
	const status429 = requests.filter((e) => e.status === 429).length;
	const status307 = requests.filter((e) => e.status === 307).length;
	const withRedirects = redirects ? ` (${redirects} requests redirected within SHOPLINE's origin)` : '';

	const failedAnswers = answers.filter((a) => a.status !== 200 || !Array.isArray(a.body?.id));
	const recordProblems: string[] = [];
	answers.forEach((a, run) => {
		if (!Array.isArray(a.body?.id)) return;
		const ids = (a.body.id as unknown[]).map(String);
		const unique = new Set(ids);
		const missing = [...expected].filter((id) => !unique.has(id)).length;
		const doubled = ids.length - unique.size;
		const unknown = [...unique].filter((id) => !expected.has(id)).length;
		if (missing || doubled || unknown) recordProblems.push(`run ${run + 1}: ${missing} missing, ${doubled} doubled, ${unknown} unknown of ${expected.size}`);
	});
	const firstFailure = failedAnswers[0] ? `; first failure: HTTP ${failedAnswers[0].status} ${failedAnswers[0].error ?? JSON.stringify(failedAnswers[0].body).slice(0, 300)}` : '';
	const spanS = times.length ? (Math.max(...times) - Math.min(...times)) / 1000 : 0;
	return [
		{
			name: `${options.runs} concurrent SHOPLINE Return All executions${withRedirects}: 0 failed`,
			ok: failedAnswers.length === 0 && (statuses.success ?? 0) === options.runs && count(statuses) === options.runs,
			detail: `${options.runs - failedAnswers.length}/${options.runs} answered with records; executions in the database: ${describeStatuses(statuses)}; wall ${(wallMs / 1000).toFixed(1)} s${firstFailure}`,
		},
		{
			name: `every run returns every record exactly once${withRedirects}`,
			ok: failedAnswers.length === 0 && recordProblems.length === 0,
			detail: recordProblems.length ? recordProblems.slice(0, 5).join('; ') : `${answers.length - failedAnswers.length} runs × ${expected.size} customers, none missing or doubled`,
		},
		{
			name: `the executions ran on both workers${withRedirects}`,
			ok: [...perWorker.values()].filter((c) => c > 0).length === perWorker.size,
			detail: describeWorkers(perWorker),
		},
		{
			name: `at most ${SHOPLINE_LIMIT} requests in any second at SHOPLINE (sharingProcesses ${options.sharing})${redirects ? ', each redirect counted as one more request' : ''}`,
			ok: most <= SHOPLINE_LIMIT && requests.length > 0 && status429 === 0 && status307 === redirects,
			detail: `most in any 1 s: ${most}; ${requests.length} requests over ${spanS.toFixed(1)} s (${ratePerSecond(times).toFixed(1)}/s); ${status429} answered 429${redirects ? `, ${status307} answered 307` : ''}; times in ${path.relative(process.cwd(), options.requestsFile)}`,
		},
	];
}

/**
 * Webhook repeats: one SHOPLINE event delivered again one at a time, and another delivered 5 times
 * at once, each start exactly one execution (counted in n8n's database).
 */
export async function webhookRepeatCheck(cluster: QueueCluster, sandbox: Sandbox, options: { workflowId: string; repeats: number }): Promise<CheckResult[]> {
	await waitFor(
		() => [...sandbox.shopline.webhooks.values()].some((w) => w.status === 'active' && w.topics.includes('order/create') && w.address.startsWith(`${cluster.url}/webhook/`)),
		60_000,
		'the SHOPLINE Trigger to subscribe',
	);
	const orders = [...sandbox.shopline.orders.values()].filter((o) => !o.archived).slice(0, 2);
	const emit = (id: string) => {
		const from = sandbox.shopline.deliveries.length;
		sandbox.shopline.control({ action: 'emit', topic: 'order/create', id });
		const delivery = sandbox.shopline.deliveries[from];
		if (!delivery) throw new Error('SHOPLINE sent no delivery: no active subscription for order/create');
		return delivery;
	};
	// The same delivery again, as SHOPLINE retries it: same address, headers and body (same event id).
	const repeat = (d: ReturnType<typeof emit>) => deliverWebhook(d.address, d.payload, { headers: d.headers });

	const one = emit(orders[0].id);
	await sandbox.shopline.idle();
	const sequential: number[] = [];
	for (let i = 0; i < options.repeats; i++) sequential.push((await repeat(one)).status);
	const afterFirst = await settledExecutions(cluster, options.workflowId);

	const two = emit(orders[1].id);
	const atOnce = await Promise.all(Array.from({ length: options.repeats }, () => repeat(two)));
	await sandbox.shopline.idle();
	const afterSecond = await settledExecutions(cluster, options.workflowId);
	const secondCount = count(afterSecond) - count(afterFirst);
	const notOk = (statuses: number[]) => statuses.filter((s) => s !== 200).length;
	const stored = `; the trigger's static data now holds ${cluster.staticDataKeys(options.workflowId)}`;
	return [
		{
			name: `one SHOPLINE event delivered ${options.repeats + 1} times, one at a time, starts one execution`,
			ok: count(afterFirst) === 1 && (afterFirst.success ?? 0) === 1 && notOk(sequential) === 0 && one.delivered,
			detail: `${count(afterFirst)} execution(s) (${describeStatuses(afterFirst)}); repeats answered ${sequential.join(', ')}${stored}`,
		},
		{
			name: `one SHOPLINE event delivered ${options.repeats + 1} times at once starts one execution`,
			ok: secondCount === 1 && (afterSecond.success ?? 0) === 2 && notOk(atOnce.map((a) => a.status)) === 0 && two.delivered,
			detail: `${secondCount} execution(s); all executions of the workflow: ${describeStatuses(afterSecond)}; repeats answered ${atOnce.map((a) => a.status).join(', ')}`,
		},
	];
}

/**
 * Venio's token: rounds of concurrent Venio executions over both workers ask Venio for at most
 * one token per worker that ran them (n8n stores the token in the credential; workers share it).
 */
export async function tokenCheck(cluster: QueueCluster, sandbox: Sandbox, options: { workflowId: string; path: string; runs: number; rounds: number }): Promise<CheckResult[]> {
	const logFrom = sandbox.server.log.length;
	const workersBefore = cluster.executionsByWorker();
	const answers = [];
	for (let round = 0; round < options.rounds; round++) {
		answers.push(...(await Promise.all(Array.from({ length: options.runs }, (_, run) => callWebhook(`${cluster.url}/webhook/${options.path}`, { round, run })))));
	}
	const statuses = await settledExecutions(cluster, options.workflowId);
	const perWorker = startedSince(cluster, workersBefore);
	const ran = [...perWorker.values()].filter((c) => c > 0).length;
	const venio = sandbox.server.log.slice(logFrom).filter((e) => e.vendor === 'venio');
	const tokens = venio.filter((e) => /connect\/token$/i.test(e.path)).length;
	const total = options.runs * options.rounds;
	const failed = answers.filter((a) => a.status !== 200);
	return [
		{
			name: `Venio token requests: at most one per worker (${total} executions in ${options.rounds} rounds)`,
			ok: failed.length === 0 && (statuses.success ?? 0) === total && ran === perWorker.size && tokens >= 1 && tokens <= ran,
			detail: `${tokens} token request(s); executions ${describeWorkers(perWorker)}; ${describeStatuses(statuses)}${failed[0] ? `; first failure: HTTP ${failed[0].status} ${failed[0].error ?? JSON.stringify(failed[0].body).slice(0, 300)}` : ''}`,
		},
	];
}

/**
 * Salekit order Create matched by key, run again on whichever worker takes it: one order per
 * receipt (n8n's processed-data store is shared through the database), and the workflow's static
 * data stays empty (a worker saving its own would erase other nodes' state).
 */
export async function salekitRerunCheck(cluster: QueueCluster, sandbox: Sandbox, options: { workflowId: string; path: string; runs: number }): Promise<CheckResult[]> {
	const workersBefore = cluster.executionsByWorker();
	const receipt = `QUEUE-${Date.now()}`;
	const before = sandbox.salekit.orders.length;
	const actions: string[] = [];
	// One after another, as a re-run or a schedule repeats it; n8n hands each to a free worker.
	for (let run = 0; run < options.runs; run++) {
		const answer = await callWebhook(`${cluster.url}/webhook/${options.path}`, { receipt, name: 'Nguyễn Văn Queue' });
		actions.push(answer.status === 200 ? String(answer.body?.action) : `HTTP ${answer.status} ${answer.error ?? JSON.stringify(answer.body).slice(0, 200)}`);
	}
	const statuses = await settledExecutions(cluster, options.workflowId);
	const placed = sandbox.salekit.orders.length - before;
	const perWorker = startedSince(cluster, workersBefore);
	const stored = cluster.staticDataKeys(options.workflowId);
	const expected = ['created', ...Array.from({ length: options.runs - 1 }, () => 'unchanged')];
	return [
		{
			name: `Salekit order matched by key, run ${options.runs} times over the workers: one order`,
			ok: placed === 1 && JSON.stringify(actions) === JSON.stringify(expected) && (statuses.success ?? 0) === options.runs && [...perWorker.values()].filter((c) => c > 0).length > 1,
			detail: `${placed} order(s) placed; answers ${actions.join(', ')}; executions ${describeWorkers(perWorker)}; ${describeStatuses(statuses)}`,
		},
		{
			name: 'the Salekit workflow keeps nothing in static data',
			ok: stored.split('; ').every((entry) => entry === 'empty' || entry.endsWith(': nothing')),
			detail: `static data: ${stored}`,
		},
	];
}
