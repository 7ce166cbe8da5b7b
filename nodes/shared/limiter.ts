/**
 * Client-side pacing per credential, so a documented vendor limit (SHOPLINE: 20 requests/s) holds
 * however many items run in parallel. Three rules, all per credential and per n8n process:
 *   - start slots at least 1/rate apart (smooth, no burst at the start);
 *   - never more than the process's share of the rate within any second, counted on the times
 *     requests really left (after an event-loop stall, overdue slots must not leave together);
 *   - after a 429 the process slows down (to 70% of its pace, recovering over RECOVERY_MS), since a
 *     429 means someone else shares the vendor's budget: another n8n process, another app on the token.
 * State lives in one process's memory. Several n8n processes (queue-mode workers) on one credential
 * each get `rate / processes`, where `processes` is what the operator set on the credential
 * ("n8n Processes Sharing This Credential"); without it, the slow-down after a 429 adapts.
 */
import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;

/**
 * The share of a vendor's documented rate the transport paces at. The rest absorbs the gap between
 * a start counted here and the request reaching the vendor (network jitter, a busy event loop).
 */
export const RATE_SHARE = 0.95;

/**
 * The share several processes on one credential pace at together. A request leaves its process a
 * varying time after its slot (a busy worker), so each process's arrivals at the vendor can bunch by
 * a slot or two; measured with 2 workers at 9/s each, the vendor saw 21 in one second.
 */
export const SHARED_RATE_SHARE = 0.85;

/** After a 429 the pace drops to this share of what it was (once per burst of 429s)... */
const SLOW_DOWN = 0.7;
/** ...down to this share of the budget at most. */
const SLOWEST = 1 / 8;
/** Time to climb back from the slowest pace to the full share; linear. */
const RECOVERY_MS = 10_000;
/** 429s within this time of the last slow-down belong to the same burst and halve the rate once. */
const SAME_BURST_MS = 1000;

interface Lane {
	nextSlot: number;
	/** When the requests of the last second really started, oldest first. */
	started: number[];
	/** The pace factor set at the last slow-down, and when. */
	slowFactor: number;
	slowedAt: number;
}

const lanes = new Map<string, Lane>();

function laneOf(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = { nextSlot: 0, started: [], slowFactor: 1, slowedAt: 0 };
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
 * This process's pace (per second) and its most starts in any second, for a budget. One process
 * paces at RATE_SHARE of the rate. Several processes each take a whole number of starts per second
 * and pace at exactly that: a request leaves its process some time after its slot (the worker reads
 * the credential from the database first), so a fractional pace could land one start more in a
 * second at the vendor, and together they would exceed the limit.
 */
export function processShare(budget: RateBudget, factor = 1): { pace: number; cap: number } {
	const processes = Math.max(1, Math.floor(Number(budget.processes) || 1));
	const share = (budget.perSecond * (processes === 1 ? RATE_SHARE : SHARED_RATE_SHARE) * factor) / processes;
	const cap = Math.max(1, Math.floor(share));
	return { pace: processes === 1 ? share : Math.min(share, cap), cap };
}

/** Waits for this request's turn. Without a documented rate only a hold after a 429 applies. */
export async function waitForSlot(key: string, budget: RateBudget): Promise<void> {
	const lane = laneOf(key);
	if (!(budget.perSecond > 0)) {
		const held = lane.nextSlot - Date.now();
		if (held > 0) await sleep(held);
		return;
	}
	const now = Date.now();
	const { pace, cap } = processShare(budget, paceFactor(lane, now));
	const slot = Math.max(now, lane.nextSlot);
	lane.nextSlot = slot + 1000 / pace;
	if (slot > now) await sleep(slot - now);

	// Bounded: each pass either starts the request or waits for the oldest start to leave the window.
	for (let pass = 0; pass < 1000; pass++) {
		const at = Date.now();
		while (lane.started.length && lane.started[0] <= at - WINDOW_MS) lane.started.shift();
		if (lane.started.length < cap) {
			lane.started.push(at);
			return;
		}
		await sleep(lane.started[0] + WINDOW_MS - at + 1);
	}
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
