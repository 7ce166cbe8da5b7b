/**
 * The bookkeeping every polling trigger shares: a watermark, an overlap and what was already seen.
 *
 * Each poll reads again from (watermark - overlap), so a record the vendor shows late (a till
 * syncing after being offline, a change saved late) is still caught; the memory of that margin
 * stops anything being emitted twice. The caller stores the returned state only after the whole
 * fetch succeeded, so a failed poll is simply repeated by the next one.
 *
 * The memory is bounded by time, never by count (a count cap re-emits records once a busy window
 * holds more than the cap): every record of the overlap window is remembered, however many. n8n
 * loads and saves static data as JSON on every poll, so it is kept small and plain: a short hash
 * of each key, the hashes of one minute written one after another under that minute's number.
 *
 * A record whose time cannot be read cannot be placed against the watermark. It is emitted once
 * (the trigger flags it) and remembered by key for as long as the vendor keeps returning it, plus
 * UNTIMED_RETENTION_MS, so the next polls do not emit it again.
 */
import { createHash } from 'node:crypto';

/** Hashes grouped by minute: minute number since 1970 (base 36) -> concatenated hashes. */
export type HashGroups = Record<string, string>;

export interface PollState {
	/** The newest record time taken into account so far, written by the vendor's `formatTime`. */
	watermark?: string;
	/** Records at or after (watermark - overlap), by the minute of their time. A list of plain keys in older versions. */
	seen?: HashGroups | string[];
	/** Records whose time could not be read, by the minute of the last poll that returned them. */
	untimed?: HashGroups;
}

export interface PollRules<T> {
	/** When the record was made or changed, in ms; NaN when unreadable (see the file comment). */
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
	/** Records not emitted before: those with a time oldest first, then those without, in fetch order. */
	fresh: T[];
	/** The records of `fresh` whose time could not be read (to flag in the output). */
	timeUnreadable: ReadonlySet<T>;
	/** The state to store once `fresh` has been emitted (plain JSON). */
	next: PollState;
}

/** The field a trigger adds to an emitted record whose time could not be read. */
export const TIME_UNREADABLE_FIELD = 'timeUnreadable';

/** 60 bits of SHA-256: a collision among a million remembered keys has odds below one in a million. */
const HASH_CHARS = 10;
const GROUP_MS = 60_000;
/** How long a record without a readable time is remembered after the last poll that returned it. */
export const UNTIMED_RETENTION_MS = 7 * 86_400_000;

const hashOf = (key: string) => createHash('sha256').update(key).digest('base64url').slice(0, HASH_CHARS);

/** hash -> start of its minute, in ms. Anything that is not a group of whole hashes is ignored. */
function readGroups(groups: unknown): Map<string, number> {
	const out = new Map<string, number>();
	if (!groups || typeof groups !== 'object' || Array.isArray(groups)) return out;
	for (const [minute, hashes] of Object.entries(groups as Record<string, unknown>)) {
		const at = parseInt(minute, 36) * GROUP_MS;
		if (!Number.isFinite(at) || typeof hashes !== 'string' || hashes.length % HASH_CHARS !== 0) continue;
		for (let i = 0; i < hashes.length; i += HASH_CHARS) {
			const hash = hashes.slice(i, i + HASH_CHARS);
			out.set(hash, Math.max(out.get(hash) ?? at, at));
		}
	}
	return out;
}

function writeGroups(hashes: Map<string, number>): HashGroups {
	const byMinute = new Map<number, string[]>();
	for (const [hash, at] of hashes) {
		const minute = Math.floor(at / GROUP_MS);
		const group = byMinute.get(minute);
		if (group) group.push(hash);
		else byMinute.set(minute, [hash]);
	}
	const minutes = [...byMinute.keys()].sort((a, b) => a - b);
	return Object.fromEntries(minutes.map((m) => [m.toString(36), byMinute.get(m)!.sort().join('')]));
}

/** Keeps the entries whose minute ends after `fromMs`. */
function keepFrom(hashes: Map<string, number>, fromMs: number): Map<string, number> {
	return new Map([...hashes].filter(([, at]) => at + GROUP_MS > fromMs));
}

/**
 * Picks the records not emitted before, and the state to store after emitting them. The first poll
 * after activation (no watermark yet) starts from now: what exists is remembered, not emitted.
 */
export function selectNew<T>(records: T[], state: PollState, rules: PollRules<T>): Selection<T> {
	const { timeOf, keyOf, overlapMs, nowMs, formatTime } = rules;
	const firstPoll = state.watermark === undefined;
	const stored = Date.parse(state.watermark ?? '');
	const watermark = Number.isFinite(stored) ? stored : nowMs;
	const seen = Array.isArray(state.seen) ? new Map(state.seen.map((key) => [hashOf(String(key)), watermark])) : readGroups(state.seen);
	const untimedSeen = readGroups(state.untimed);

	const read = records.map((record) => ({ record, t: timeOf(record), hash: hashOf(keyOf(record)) }));
	const timed = read.filter((x) => Number.isFinite(x.t));
	const untimed = read.filter((x) => !Number.isFinite(x.t));

	const fresh = new Map<string, (typeof read)[number]>();
	const isNew = (hash: string) => !seen.has(hash) && !untimedSeen.has(hash) && !fresh.has(hash);
	for (const x of [...timed].sort((a, b) => a.t - b.t)) if (x.t >= watermark - overlapMs && isNew(x.hash)) fresh.set(x.hash, x);
	for (const x of untimed) if (isNew(x.hash)) fresh.set(x.hash, x);

	// A record stamped in the future (clock skew) must not push the watermark past now.
	const newest = Math.min(nowMs, timed.reduce((max, x) => Math.max(max, x.t), watermark));
	const nextSeen = keepFrom(seen, newest - overlapMs);
	for (const x of timed) if (x.t >= newest - overlapMs) nextSeen.set(x.hash, Math.max(nextSeen.get(x.hash) ?? x.t, x.t));
	const nextUntimed = keepFrom(untimedSeen, nowMs - UNTIMED_RETENTION_MS);
	for (const x of untimed) nextUntimed.set(x.hash, nowMs);

	const emitted = firstPoll ? [] : [...fresh.values()];
	const next: PollState = { watermark: formatTime(newest), seen: writeGroups(nextSeen) };
	if (nextUntimed.size) next.untimed = writeGroups(nextUntimed);
	return {
		fresh: emitted.map((x) => x.record),
		timeUnreadable: new Set(emitted.filter((x) => !Number.isFinite(x.t)).map((x) => x.record)),
		next,
	};
}
