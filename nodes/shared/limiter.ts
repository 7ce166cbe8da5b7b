/**
 * Client-side pacing per credential, so a documented vendor limit (SHOPLINE: 20 requests/s) holds
 * however many items run in parallel. All per credential and per n8n process:
 *   - a request counts against the limit from when it leaves until its answer is read: whenever the
 *     vendor counts it (on arrival, or while handling it), that moment lies in between. So a request
 *     that leaves late (a busy worker, a slow network) can never make more than the limit meet in
 *     one second at the vendor. Counting from the start alone did: a busy machine bunched requests
 *     up on their way, and 19/s paced requests reached the vendor 21 in one second;
 *   - at most the process's share of the limit counts at any time within any second, and starts are
 *     at least half of 1/share seconds apart (smooth, no burst at the start);
 *   - after a 429 the process slows down (to 70% of its share, recovering over RECOVERY_MS), since a
 *     429 means someone else shares the vendor's budget: another n8n process, another app on the token.
 * State lives in one process's memory. Several n8n processes (queue-mode workers) on one credential
 * each get `rate / processes`, where `processes` is what the operator set on the credential
 * ("n8n Processes Sharing This Credential"); without it, the slow-down after a 429 adapts.
 */
import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;
/** A request that left this long ago may reach the vendor's window only now: one ms of margin at the edge. */
const EDGE_MS = 1;

/** After a 429 the pace drops to this share of what it was (once per burst of 429s)... */
const SLOW_DOWN = 0.7;
/** ...down to this share of the budget at most. */
const SLOWEST = 1 / 8;
/** Time to climb back from the slowest pace to the full share; linear. */
const RECOVERY_MS = 10_000;
/** 429s within this time of the last slow-down belong to the same burst and slow the pace once. */
const SAME_BURST_MS = 1000;

/** One request as the window sees it: `until` is when its answer was read (Infinity while in flight). */
interface Counted {
	until: number;
}

interface Lane {
	nextSlot: number;
	/** Requests in flight (`until` Infinity) or answered within the last second. */
	counted: Counted[];
	/** The pace factor set at the last slow-down, and when. */
	slowFactor: number;
	slowedAt: number;
}

const lanes = new Map<string, Lane>();

function laneOf(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = { nextSlot: 0, counted: [], slowFactor: 1, slowedAt: 0 };
		lanes.set(key, lane);
	}
	return lane;
}

function paceFactor(lane: Lane, now: number): number {
	return Math.min(1, lane.slowFactor + ((now - lane.slowedAt) / RECOVERY_MS) * (1 - SLOWEST));
}

/** A vendor's documented rate and how many n8n processes share the credential. */
export interface RateBudget {
	/** Requests per second the vendor allows per credential; 0 or less when it documents none. */
	perSecond: number;
	/** n8n processes using the credential at once (the operator's setting); 1 when unset. */
	processes?: number;
}

/**
 * Starts may follow each other at up to this many times the share's pace for a moment. The window
 * alone keeps the limit; spacing starts a full 1/share apart made requests wait although the window
 * had room (2% of the throughput in a simulation of 2 workers); half of it keeps the start smooth.
 */
const BURST_PACE = 2;

/**
 * This process's share of a budget: the most requests that may count at once within a second
 * (a whole number: a fraction of a request cannot be in flight), and the fastest pace of starts.
 */
export function processShare(budget: RateBudget, factor = 1): { pace: number; cap: number } {
	const processes = Math.max(1, Math.floor(Number(budget.processes) || 1));
	const cap = Math.max(1, Math.floor((budget.perSecond * factor) / processes));
	return { pace: cap * BURST_PACE, cap };
}

/** A request's place in its lane: `done()` when its answer (or failure) has been read. */
export interface Slot {
	done(): void;
}

const NO_SLOT: Slot = { done: () => undefined };

/**
 * Waits for this request's turn. Without a documented rate only a hold after a 429 applies.
 * Call `done()` on the returned slot once the request is over, whatever its outcome.
 */
export async function waitForSlot(key: string, budget: RateBudget): Promise<Slot> {
	const lane = laneOf(key);
	if (!(budget.perSecond > 0)) {
		const held = lane.nextSlot - Date.now();
		if (held > 0) await sleep(held);
		return NO_SLOT;
	}
	const now = Date.now();
	const { pace, cap } = processShare(budget, paceFactor(lane, now));
	const slot = Math.max(now, lane.nextSlot);
	lane.nextSlot = slot + 1000 / pace;
	if (slot > now) await sleep(slot - now);

	// Bounded: each pass either starts the request or waits for the earliest answered request to
	// leave the window (or for an answer: requests in flight are looked at again every window).
	for (let pass = 0; pass < 1000; pass++) {
		const at = Date.now();
		lane.counted = lane.counted.filter((c) => c.until + WINDOW_MS + EDGE_MS > at);
		if (lane.counted.length < cap) return takePlace(lane);
		const leaves = Math.min(...lane.counted.map((c) => c.until), at) + WINDOW_MS + EDGE_MS;
		await sleep(Math.max(1, leaves - at));
	}
	// Only after 1000 windows of waiting: the request goes, and still counts.
	return takePlace(lane);
}

function takePlace(lane: Lane): Slot {
	const counted: Counted = { until: Infinity };
	lane.counted.push(counted);
	return { done: () => void (counted.until = Math.min(counted.until, Date.now())) };
}

/**
 * After a 429: nobody on this credential in this process starts before `until` (epoch ms), and the
 * pace slows down (once per burst of 429s), recovering over RECOVERY_MS.
 */
export function holdAfterRateLimit(key: string, until: number, now = Date.now()): void {
	const lane = laneOf(key);
	lane.nextSlot = Math.max(lane.nextSlot, until);
	if (now - lane.slowedAt < SAME_BURST_MS) return;
	lane.slowFactor = Math.max(SLOWEST, paceFactor(lane, now) * SLOW_DOWN);
	lane.slowedAt = now;
}

/** For tests: forget all pacing state. */
export function resetLimiters(): void {
	lanes.clear();
}
