/**
 * The bookkeeping every polling trigger shares: a watermark, an overlap and the keys already seen.
 *
 * Each poll reads again from (watermark - overlap), so a record the vendor shows late (a till
 * syncing after being offline, a change saved late) is still caught; the keys of that margin stop
 * anything being emitted twice. The caller stores the returned state only after the whole fetch
 * succeeded, so a failed poll is simply repeated by the next one.
 */

export interface PollState {
	/** The newest record time taken into account so far, written by the vendor's `formatTime`. */
	watermark?: string;
	/** Keys of records at or after (watermark - overlap) already handled. */
	seen?: string[];
}

export interface PollRules<T> {
	/** When the record was made or changed, in ms; NaN when unreadable (such records are skipped: they cannot be placed against the watermark). */
	timeOf(record: T): number;
	/** Same record, same version (include the change time or a digest when records change). */
	keyOf(record: T): string;
	overlapMs: number;
	/** Now. Also the starting watermark when the state has none (first activation). */
	nowMs: number;
	/** How the watermark is stored (UTC ISO, or the vendor's own zone). */
	formatTime(ms: number): string;
}

export interface Selection<T> {
	/** Records not emitted before, oldest first. */
	fresh: T[];
	/** The state to store once `fresh` has been emitted. */
	next: PollState;
}

/** Static data stays small; a margin with more records than this is unusual for one shop. */
const MAX_SEEN = 5000;

/**
 * Picks the records not emitted before, and the state to store after emitting them. The first poll
 * after activation (no watermark yet) starts from now: what exists is remembered, not emitted.
 */
export function selectNew<T>(records: T[], state: PollState, rules: PollRules<T>): Selection<T> {
	const { timeOf, keyOf, overlapMs, nowMs, formatTime } = rules;
	const firstPoll = state.watermark === undefined;
	const stored = Date.parse(state.watermark ?? '');
	const watermark = Number.isFinite(stored) ? stored : nowMs;
	const seen = new Set(state.seen ?? []);
	const timed = records.map((record) => ({ record, t: timeOf(record), key: keyOf(record) })).filter((x) => Number.isFinite(x.t));

	const fresh = new Map<string, (typeof timed)[number]>();
	for (const x of timed) if (x.t >= watermark - overlapMs && !seen.has(x.key) && !fresh.has(x.key)) fresh.set(x.key, x);

	// A record stamped in the future (clock skew) must not push the watermark past now.
	const newest = Math.min(nowMs, timed.reduce((max, x) => Math.max(max, x.t), watermark));
	const keep = timed
		.filter((x) => x.t >= newest - overlapMs)
		.sort((a, b) => b.t - a.t)
		.map((x) => x.key);
	return {
		fresh: firstPoll ? [] : [...fresh.values()].sort((a, b) => a.t - b.t).map((x) => x.record),
		next: { watermark: formatTime(newest), seen: [...new Set(keep)].slice(0, MAX_SEEN) },
	};
}
