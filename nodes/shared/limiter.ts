/**
 * Client-side pacing per credential, so a documented vendor limit (SHOPLINE: 20 requests/s) holds
 * however many items run in parallel. Two rules, both per credential:
 *   - start slots at least 1/rate apart (smooth, no burst at the start);
 *   - never more than `rate` starts within any second, counted on the times requests really left.
 * The second rule matters after a stall (a busy event loop, a long GC): slots that fell due during
 * the stall would otherwise all leave at once and break the vendor's limit.
 * State lives in the n8n process, keyed by a hash of the credential, so every node and execution
 * using the same credential shares one budget.
 */
import { sleep } from 'n8n-workflow';

const WINDOW_MS = 1000;

/**
 * The share of a vendor's documented rate the transport paces at. The rest absorbs the gap between
 * a start counted here and the request reaching the vendor (network jitter, a busy event loop).
 */
export const RATE_SHARE = 0.95;

interface Lane {
	nextSlot: number;
	/** When the requests of the last second really started, oldest first. */
	started: number[];
}

const lanes = new Map<string, Lane>();

function laneOf(key: string): Lane {
	let lane = lanes.get(key);
	if (!lane) {
		lane = { nextSlot: 0, started: [] };
		lanes.set(key, lane);
	}
	return lane;
}

/** Waits for this request's turn. `perSecond` <= 0 means no pacing; a hold after a 429 applies either way. */
export async function waitForSlot(key: string, perSecond: number): Promise<void> {
	const lane = laneOf(key);
	if (!(perSecond > 0)) {
		const held = lane.nextSlot - Date.now();
		if (held > 0) await sleep(held);
		return;
	}
	const now = Date.now();
	const slot = Math.max(now, lane.nextSlot);
	lane.nextSlot = slot + 1000 / perSecond;
	if (slot > now) await sleep(slot - now);

	const cap = Math.max(1, Math.floor(perSecond));
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

/** After a 429, nobody on this credential starts again before `until` (epoch ms). */
export function holdUntil(key: string, until: number): void {
	const lane = laneOf(key);
	lane.nextSlot = Math.max(lane.nextSlot, until);
}

/** For tests: forget all pacing state. */
export function resetLimiters(): void {
	lanes.clear();
}
