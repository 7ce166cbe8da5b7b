/**
 * Client-side pacing per credential: requests are given start slots at least 1/rate apart, so a
 * documented vendor limit (SHOPLINE: 20 requests/s) holds however many items run in parallel.
 * State lives in the n8n process, keyed by a hash of the credential, so every node and execution
 * using the same credential shares one budget.
 */
import { sleep } from 'n8n-workflow';

interface Lane {
	nextSlot: number;
}

const lanes = new Map<string, Lane>();

/** Waits for this request's slot. `perSecond` <= 0 means no pacing. */
export async function waitForSlot(key: string, perSecond: number): Promise<void> {
	if (!(perSecond > 0)) return;
	const interval = 1000 / perSecond;
	let lane = lanes.get(key);
	if (!lane) {
		lane = { nextSlot: 0 };
		lanes.set(key, lane);
	}
	const now = Date.now();
	const slot = Math.max(now, lane.nextSlot);
	lane.nextSlot = slot + interval;
	if (slot > now) await sleep(slot - now);
}

/** After a 429, nobody on this credential starts again before `until` (epoch ms). */
export function holdUntil(key: string, until: number): void {
	const lane = lanes.get(key) ?? { nextSlot: 0 };
	lane.nextSlot = Math.max(lane.nextSlot, until);
	lanes.set(key, lane);
}

/** For tests: forget all pacing state. */
export function resetLimiters(): void {
	lanes.clear();
}
