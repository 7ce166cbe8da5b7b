/**
 * The webhook triggers in a real n8n 2.41.1 server (issue 15, point 4): a delivery repeated one at
 * a time, the same delivery arriving 5 times at once, and a repeat after n8n restarts each start
 * exactly the executions they should, counted through n8n's own REST API. One server holds the
 * four active workflows; it is started once and restarted once on the same database.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox/index';
import { CREDENTIAL_IDS } from '../../scripts/demo-setup';
import {
	ensureN8nInstalled,
	importCredentials,
	importWorkflows,
	prepareFolder,
	publishWorkflow,
	ROOT,
	setupOwner,
	startN8n,
	type N8nOptions,
	type RunningN8n,
} from '../../scripts/n8n-server';
import { N8nRest, settledExecutions, type ExecutionSummary } from './n8n-rest';
import { recordSandboxSecrets, serverLogFile } from './secrets';
import { send, TRIGGER_CASES, type Answer, type Delivery, type TriggerCase } from './trigger-cases';

jest.setTimeout(120_000);

const EVENTS = 5;
const AT_ONCE = 5;
/** The server's whole log (debug level) is searched by the suite's secrets reporter. */
const options: N8nOptions = { folder: path.join(ROOT, 'build', 'n8n-e2e-triggers'), port: 5730, fresh: true, logFile: serverLogFile('e2e-triggers'), logLevel: 'debug' };

let sandbox: Sandbox | undefined;
let n8n: RunningN8n | undefined;
let rest: N8nRest;
/** Per workflow: deliveries n8n answered before the restart, to repeat after it. */
const deliveredBefore = new Map<string, Delivery[]>();
/** Per workflow: how many events were emitted so far (each new event gets a new number). */
const emitted = new Map<string, number>();

function importTriggerWorkflows(sb: Sandbox): void {
	const credentialsFile = path.join(options.folder, 'trigger-credentials.json');
	const types = ['shoplineApi', 'meeDeePosApi', 'venioCrmApi'] as const;
	writeFileSync(credentialsFile, JSON.stringify(types.map((type) => ({ ...CREDENTIAL_IDS[type], type, data: sb.credentials[type] }))));
	importCredentials(options, credentialsFile);
	const workflowsFile = path.join(options.folder, 'trigger-workflows.json');
	writeFileSync(workflowsFile, JSON.stringify(TRIGGER_CASES.map((c) => c.workflow)));
	importWorkflows(options, workflowsFile);
	for (const c of TRIGGER_CASES) publishWorkflow(options, c.workflowId);
}

async function startServer(): Promise<void> {
	n8n = await startN8n(options);
	await setupOwner(n8n.url);
	rest = await N8nRest.login(n8n.url);
	for (const c of TRIGGER_CASES) await c.live(sandbox!, n8n.url);
}

beforeAll(async () => {
	ensureN8nInstalled();
	sandbox = await startSandbox();
	recordSandboxSecrets(sandbox);
	prepareFolder(options);
	importTriggerWorkflows(sandbox);
	await startServer();
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.stop();
});

function nextEvent(c: TriggerCase): number {
	const n = emitted.get(c.workflowId) ?? 0;
	emitted.set(c.workflowId, n + 1);
	return n;
}

function remember(c: TriggerCase, delivery: Delivery): void {
	deliveredBefore.set(c.workflowId, [...(deliveredBefore.get(c.workflowId) ?? []), delivery]);
}

/** Server lines worth showing with a failure (offline look-ups of n8n's own services left out; URL tokens masked). */
function serverErrors(): string[] {
	return n8n!.output
		.join('')
		.split('\n')
		.filter((l) => /error|warn/i.test(l) && !/ENOTFOUND|api\.n8n\.io|^\s+at /.test(l))
		.slice(-8)
		.map((l) => l.replace(/token=[^&\s"]+/g, 'token=***'));
}

/**
 * Checks the new executions since `before`: exactly `expected`, all successful. A failure shows the
 * count, the statuses, n8n's answers to each delivery, what the trigger keeps in static data
 * (keys and sizes only: it holds secrets) and the server's error lines.
 */
async function expectExecutions(c: TriggerCase, before: ExecutionSummary[], expected: number, answers: Answer[]): Promise<void> {
	const after = await settledExecutions(rest, c.workflowId, before.length + expected);
	const known = new Set(before.map((e) => e.id));
	const fresh = after.filter((e) => !known.has(e.id));
	const statuses = fresh.map((e) => e.status);
	const answered = answers.map((a) => `${a.status} ${a.body}`);
	const ok = fresh.length === expected && statuses.every((s) => s === 'success') && answers.every((a) => a.status === 200);
	if (ok) {
		expect(fresh).toHaveLength(expected);
		return;
	}
	const seen = {
		newExecutions: fresh.length,
		expected,
		statuses: Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((t) => t === s).length])),
		answers: answered,
		staticData: outline(await rest.staticData(c.workflowId).catch((e: Error) => e.message)),
		serverErrors: serverErrors(),
	};
	throw new Error(`${c.name}: ${fresh.length} new execution(s), expected ${expected}\n${JSON.stringify(seen, null, 2)}`);
}

/** Keys, types and array lengths of static data, without its values. */
function outline(value: unknown): unknown {
	if (Array.isArray(value)) return `array(${value.length})`;
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, outline(v)]));
	return typeof value;
}

describe.each(TRIGGER_CASES.map((c) => [c.name, c] as const))('%s in a real n8n server', (_name, trigger) => {
	it(`starts one execution per event when each of ${EVENTS} events is delivered twice, one at a time`, async () => {
		const before = await rest.executions(trigger.workflowId);
		const answers: Answer[] = [];
		for (let i = 0; i < EVENTS; i++) {
			const { delivery, sent } = trigger.emit(sandbox!, n8n!.url, nextEvent(trigger));
			answers.push(await sent);
			answers.push(await send(delivery));
			remember(trigger, delivery);
		}
		await expectExecutions(trigger, before, EVENTS, answers);
	});

	it(`starts one execution when the same delivery arrives ${AT_ONCE} times at once`, async () => {
		const before = await rest.executions(trigger.workflowId);
		// The vendor's own delivery and the copies leave together.
		const { delivery, sent } = trigger.emit(sandbox!, n8n!.url, nextEvent(trigger));
		const answers = await Promise.all([sent, ...Array.from({ length: AT_ONCE - 1 }, () => send(delivery))]);
		remember(trigger, delivery);
		await expectExecutions(trigger, before, 1, answers);
	});
});

describe('after n8n restarts on the same database', () => {
	beforeAll(async () => {
		await n8n?.stop();
		await startServer();
	}, 180_000);

	it.each(TRIGGER_CASES.map((c) => [c.name, c] as const))('%s: repeats of the events delivered before start no execution; a new event starts one', async (_name, trigger) => {
		const earlier = deliveredBefore.get(trigger.workflowId) ?? [];
		expect(earlier.length).toBeGreaterThan(0);
		const before = await rest.executions(trigger.workflowId);
		const answers: Answer[] = [];
		// Every event delivered before the restart, once more: each must be remembered, none lost to a concurrent save.
		for (const delivery of earlier) answers.push(await send(delivery));
		// A new event shows the trigger is live, so "no execution" is a refusal, not a dead webhook.
		const { sent } = trigger.emit(sandbox!, n8n!.url, nextEvent(trigger));
		answers.push(await sent);
		await expectExecutions(trigger, before, 1, answers);
	});
});
