/**
 * The delivery ledger: a webhook delivery repeated by the vendor (one at a time, several at once, or
 * after n8n restarted) starts one execution.
 *
 * Why two places. n8n 2.41 loads the workflow's static data from the database for every webhook
 * request and saves it after the response only when it saw a change; but when the request starts an
 * execution, WorkflowRunner first builds a second Workflow over the same static-data object, which
 * resets its change flag, so what `webhook()` wrote is never saved (and concurrent requests each load
 * their own copy anyway). What n8n does save is static data changed by a node that runs inside the
 * execution. So:
 *   - `claimDelivery` (in `webhook()`) checks and records the key in this process's memory, in one
 *     synchronous step: repeats and simultaneous arrivals at this process are refused at once. Every
 *     webhook reaches n8n's main process (regular and queue mode), so one memory sees them all.
 *   - the trigger's `execute()` runs as the execution's first node and `recordDeliveries` writes the
 *     keys into the node's static data, which n8n saves when the execution ends. `claimDelivery`
 *     reads them back, so a repeat after a restart is refused too. In queue mode a worker runs the
 *     execution without the workflow's static data (n8n does not load it for a new execution), and
 *     whatever the execution changed replaces it all when saved: there the step writes nothing (it
 *     would wipe the subscription's id and secret), and the ledger reaches the database only when a
 *     repeat is refused (a request that starts no execution, whose static data n8n does save).
 * What is remembered is bounded by time (RETENTION_MS), not by count. Keys are stored as short
 * digests, so static data holds no delivery content.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

/**
 * [INF] How long a delivery is remembered. No vendor documents how late a re-send can come
 * (SHOPLINE: up to 3 retries; MeeDee: 3 retries; Venio, Salekit: nothing said); a day covers retries
 * and a vendor's manual "resend" on the same day. MeeDee deliveries older than this are refused.
 */
export const RETENTION_MS = 24 * 3_600_000;

/** Where the ledger lives in the node's static data: digest -> expiry (epoch seconds). */
const STORE = 'deliveries';
/** The list earlier versions kept (by count); dropped when the ledger is written. */
const LEGACY_STORE = 'seenEvents';

type Ledger = Map<string, number>;

/** Per workflow and trigger node, in this process: digest -> expiry (epoch ms). */
const memory = new Map<string, Ledger>();

type LedgerContext = Pick<IWebhookFunctions, 'getWorkflow' | 'getNode' | 'getWorkflowStaticData' | 'getMode'>;

/** Test events (the editor's "listen for test event") are remembered apart from live ones. */
function scopeOf(ctx: LedgerContext): string {
	return `${ctx.getWorkflow().id ?? ''}\u0000${ctx.getNode().name}\u0000${ctx.getMode() === 'manual' ? 'test' : 'live'}`;
}

function memoryOf(ctx: LedgerContext, now: number): Ledger {
	const scope = scopeOf(ctx);
	let ledger = memory.get(scope);
	if (!ledger) memory.set(scope, (ledger = new Map()));
	for (const [digest, expires] of ledger) if (expires <= now) ledger.delete(digest);
	return ledger;
}

export function deliveryDigest(key: string): string {
	return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

function storedLedger(staticData: IDataObject): Record<string, number> {
	const stored = staticData[STORE];
	return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as Record<string, number>) : {};
}

/**
 * In `webhook()`: true when this delivery is new (and is now claimed), false for a repeat. Check and
 * record happen with no await between them, so of simultaneous arrivals exactly one is new.
 */
export function claimDelivery(ctx: LedgerContext, key: string, now = Date.now()): boolean {
	const digest = deliveryDigest(key);
	const ledger = memoryOf(ctx, now);
	const staticData = ctx.getWorkflowStaticData('node');
	const storedExpiry = Number(storedLedger(staticData)[digest]) * 1000;
	if ((ledger.get(digest) ?? 0) > now || storedExpiry > now) {
		if (storedExpiry > now) ledger.set(digest, Math.max(ledger.get(digest) ?? 0, storedExpiry));
		// A refused repeat starts no execution, so n8n saves this request's static data: the place to
		// bring the stored ledger up to this process's memory (the only way it is saved in queue mode).
		writeLedger(staticData, ledger, now);
		return false;
	}
	ledger.set(digest, now + RETENTION_MS);
	return true;
}

/** The stored ledger, unexpired, merged with this process's memory and `extra` digests. */
function writeLedger(staticData: IDataObject, ledger: Ledger, now: number, extra: string[] = []): void {
	const nowSeconds = Math.floor(now / 1000);
	const next: Record<string, number> = {};
	for (const [digest, expires] of Object.entries(storedLedger(staticData))) if (Number(expires) > nowSeconds) next[digest] = Number(expires);
	for (const [digest, expires] of ledger) next[digest] = Math.max(next[digest] ?? 0, Math.ceil(expires / 1000));
	for (const digest of extra) next[digest] = Math.max(next[digest] ?? 0, Math.ceil((now + RETENTION_MS) / 1000));
	const before = storedLedger(staticData);
	const same = Object.keys(before).length === Object.keys(next).length && Object.entries(next).every(([d, e]) => before[d] === e);
	if (!same) staticData[STORE] = next;
	if (staticData[LEGACY_STORE] !== undefined) delete staticData[LEGACY_STORE];
}

/** After a claimed delivery failed before an execution started: the vendor's re-send is processed. */
export function releaseDelivery(ctx: LedgerContext, key: string): void {
	memory.get(scopeOf(ctx))?.delete(deliveryDigest(key));
}

/**
 * In the trigger's `execute()`: records the items' delivery keys (and, in the process that received
 * them, everything its memory holds) in the node's static data for n8n to save with the execution,
 * and passes the items on unchanged. Only where the static data was loaded: it then holds what the
 * trigger's activation stored (an id, a secret, the activation time); an execution in a queue-mode
 * worker gets none of it, and writing there would replace it all.
 */
export function recordDeliveries(ctx: IExecuteFunctions, keyOf: (json: IDataObject) => string | undefined, now = Date.now()): INodeExecutionData[][] {
	const items = ctx.getInputData();
	const staticData = ctx.getWorkflowStaticData('node');
	const loaded = Object.keys(staticData).some((key) => key !== STORE && key !== LEGACY_STORE);
	if (loaded) {
		const digests = items.map((item) => keyOf(item.json)).filter((key): key is string => !!key).map(deliveryDigest);
		writeLedger(staticData, memoryOf(ctx, now), now, digests);
	}
	return [items.map((item, index) => ({ ...item, pairedItem: { item: index } }))];
}

/** For tests: forget this process's memory (as a restart does). */
export function forgetDeliveriesInMemory(): void {
	memory.clear();
}
