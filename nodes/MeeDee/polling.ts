/**
 * Watermark + recent-key bookkeeping for the polling trigger. A record is new when its time is at
 * or after (watermark - overlap) and its key was not emitted before. The overlap re-reads a margin
 * so a record that shows up late (a till syncing after being offline) is still caught; the key set
 * keeps that margin from emitting anything twice. The caller saves the returned state only after
 * the whole fetch succeeded.
 */
import type { IDataObject } from 'n8n-workflow';

export interface PollState {
	/** ISO 8601: the newest record time taken into account so far. */
	watermark?: string;
	/** Keys of records at or after (watermark - overlap) already handled. */
	seen?: string[];
}

/** Static data stays small; a margin with more records than this is unusual for one shop. */
const MAX_SEEN = 5000;

export interface Selection {
	fresh: IDataObject[];
	next: PollState;
}

export function selectNew(
	records: IDataObject[],
	timeOf: (r: IDataObject) => number,
	keyOf: (r: IDataObject) => string,
	state: PollState,
	overlapMs: number,
	nowMs: number,
): Selection {
	const watermark = state.watermark ? Date.parse(state.watermark) : nowMs;
	const cutoff = watermark - overlapMs;
	const seen = new Set(state.seen ?? []);
	const timed = records.map((r) => ({ r, t: timeOf(r) })).filter((x) => Number.isFinite(x.t));
	const fresh = timed.filter((x) => x.t >= cutoff && !seen.has(keyOf(x.r))).sort((a, b) => a.t - b.t);
	// A record stamped in the future (clock skew) must not push the watermark past now.
	const newest = Math.min(nowMs, timed.reduce((max, x) => Math.max(max, x.t), watermark));
	const keep = timed
		.filter((x) => x.t >= newest - overlapMs)
		.sort((a, b) => b.t - a.t)
		.slice(0, MAX_SEEN)
		.map((x) => keyOf(x.r));
	return { fresh: fresh.map((x) => x.r), next: { watermark: new Date(newest).toISOString(), seen: keep } };
}
