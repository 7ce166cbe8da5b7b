/**
 * The shared polling bookkeeping (`selectNew`): what is emitted, and what state is stored, across
 * polls with an overlap, late records, repeats, clock skew and unreadable times.
 */
import { instantMs } from '../../nodes/shared/dates';
import { selectNew, UNTIMED_RETENTION_MS, type PollRules, type PollState } from '../../nodes/shared/polling';

interface Rec {
	id: string;
	at: string;
}

const MIN = 60_000;
const NOW = Date.parse('2026-01-05T10:00:00Z');
const rec = (id: string, minutesAgo: number): Rec => ({ id, at: new Date(NOW - minutesAgo * MIN).toISOString() });
const rules = (overrides: Partial<PollRules<Rec>> = {}): PollRules<Rec> => ({
	timeOf: (r) => Date.parse(r.at),
	keyOf: (r) => r.id,
	overlapMs: 10 * MIN,
	nowMs: NOW,
	formatTime: (ms) => new Date(ms).toISOString(),
	...overrides,
});
const ids = (records: Rec[]) => records.map((r) => r.id);

/** n8n saves static data as JSON and reloads it for the next poll: only JSON survives. */
const reload = (state: PollState): PollState => JSON.parse(JSON.stringify(state)) as PollState;
const hashCount = (groups: PollState['seen']) => Object.values(groups ?? {}).reduce((n, hashes) => n + String(hashes).length / 10, 0);

describe('selectNew', () => {
	it('first poll (no state): the watermark starts at now; what exists is remembered within the overlap', () => {
		const first = selectNew([rec('old', 60), rec('recent', 5)], {}, rules());
		expect(ids(first.fresh)).toEqual([]); // first activation starts from now: nothing that exists is emitted
		expect(first.next.watermark).toBe(new Date(NOW).toISOString());
		expect(hashCount(first.next.seen)).toBe(1); // 'recent' only: 'old' is before the overlap
		expect(selectNew([rec('recent', 5)], reload(first.next), rules()).fresh).toEqual([]);
	});

	it('emits records not seen, oldest first, once; a late record inside the overlap is still caught', () => {
		const seenA = selectNew([rec('a', 21)], { watermark: new Date(NOW - 21 * MIN).toISOString() }, rules()).next;
		const state: PollState = { ...seenA, watermark: new Date(NOW - 20 * MIN).toISOString() };
		const records = [rec('c', 1), rec('a', 21), rec('late', 25), rec('b', 15), rec('tooOld', 31)];
		const first = selectNew(records, reload(state), rules());
		expect(ids(first.fresh)).toEqual(['late', 'b', 'c']);
		expect(first.next.watermark).toBe(records[0].at);
		expect(hashCount(first.next.seen)).toBe(1); // only records within the overlap of the new watermark

		const again = selectNew(records, reload(first.next), rules());
		expect(again.fresh).toEqual([]);
		expect(again.next).toEqual(first.next);
	});

	it('emits a record once even when a fetch returns it twice (keyset pages overlap)', () => {
		const { fresh, next } = selectNew([rec('a', 2), rec('a', 2), rec('b', 1)], { watermark: new Date(NOW - 5 * MIN).toISOString() }, rules());
		expect(ids(fresh)).toEqual(['a', 'b']);
		expect(hashCount(next.seen)).toBe(2);
	});

	it('a record stamped in the future does not push the watermark past now, and is remembered', () => {
		const { fresh, next } = selectNew([rec('future', -30)], { watermark: new Date(NOW - 5 * MIN).toISOString() }, rules());
		expect(ids(fresh)).toEqual(['future']);
		expect(next.watermark).toBe(new Date(NOW).toISOString());
		expect(selectNew([rec('future', -30)], reload(next), rules()).fresh).toEqual([]);
	});

	it('with nothing new, keeps the watermark (written by formatTime) and an empty margin', () => {
		const state = { watermark: '2026-01-05T16:50:00+07:00', seen: {} };
		const { fresh, next } = selectNew([], state, rules({ formatTime: (ms) => `at ${ms}` }));
		expect(fresh).toEqual([]);
		expect(next).toEqual({ watermark: `at ${Date.parse('2026-01-05T09:50:00Z')}`, seen: {} });
	});

	it('a record is new again when its key changes (an update), not when it is only re-read', () => {
		const keyOf = (r: Rec) => `${r.id}@${r.at}`;
		const state = reload(selectNew([rec('c1', 3)], { watermark: new Date(NOW - 5 * MIN).toISOString() }, rules({ keyOf })).next);
		expect(selectNew([rec('c1', 3)], state, rules({ keyOf })).fresh).toEqual([]);
		expect(ids(selectNew([rec('c1', 1)], state, rules({ keyOf })).fresh)).toEqual(['c1']);
	});

	it('remembers a record of the window that a later fetch did not return, until the window passes it', () => {
		const w = { watermark: new Date(NOW - 5 * MIN).toISOString() };
		const first = selectNew([rec('a', 4), rec('b', 3)], w, rules()).next;
		const without = selectNew([rec('b', 3)], reload(first), rules()).next; // 'a' missing from this page
		expect(selectNew([rec('a', 4), rec('b', 3)], reload(without), rules()).fresh).toEqual([]);
	});

	it('state older versions wrote (a list of keys) is still honoured', () => {
		const legacy: PollState = { watermark: new Date(NOW - 5 * MIN).toISOString(), seen: ['a'] };
		expect(ids(selectNew([rec('a', 6), rec('b', 1)], legacy, rules()).fresh)).toEqual(['b']);
	});

	it('static data is plain JSON: hashes grouped by minute, nothing lost in a JSON round trip', () => {
		const { next } = selectNew([rec('a', 2), rec('b', 2), rec('c', 1), { id: 'x', at: '' }], { watermark: new Date(NOW - 5 * MIN).toISOString() }, rules());
		expect(reload(next)).toEqual(next);
		for (const groups of [next.seen, next.untimed] as Array<Record<string, string>>) {
			for (const [minute, hashes] of Object.entries(groups)) {
				expect(minute).toMatch(/^[0-9a-z]+$/);
				expect(hashes).toMatch(/^([A-Za-z0-9_-]{10})+$/);
			}
		}
	});
});

describe('selectNew: more records in the overlap window than any count cap', () => {
	// 12,000 sales in the last 10 minutes (a busy promotion), all inside the 60-minute overlap.
	const many = Array.from({ length: 12_000 }, (_, i) => ({ id: `s${i}`, at: new Date(NOW - 10 * MIN + i * 50).toISOString() }));
	const wide = rules({ overlapMs: 60 * MIN });

	it('remembers every one of them, and no poll emits any of them again', () => {
		let state: PollState = { watermark: new Date(NOW - 15 * MIN).toISOString() };
		const first = selectNew(many, state, wide);
		expect(first.fresh).toHaveLength(12_000);
		state = reload(first.next);
		expect(hashCount(state.seen)).toBe(12_000);
		for (let poll = 1; poll <= 3; poll++) {
			const later = selectNew(many, state, rules({ overlapMs: 60 * MIN, nowMs: NOW + poll * MIN }));
			expect(later.fresh).toEqual([]);
			state = reload(later.next);
		}
	});

	it('a few new records among them are emitted, and only they', () => {
		const state = reload(selectNew(many, { watermark: new Date(NOW - 15 * MIN).toISOString() }, wide).next);
		const extra = [rec('n1', 0.5), { id: 'late', at: new Date(NOW - 30 * MIN).toISOString() }];
		expect(ids(selectNew([...many, ...extra], state, wide).fresh)).toEqual(['late', 'n1']);
	});

	it('stays small: about 10 characters a record', () => {
		const { next } = selectNew(many, { watermark: new Date(NOW - 15 * MIN).toISOString() }, wide);
		expect(JSON.stringify(next).length).toBeLessThan(12_000 * 11);
	});

	it('forgets by time: once the window has passed them, they are dropped', () => {
		const state = reload(selectNew(many, { watermark: new Date(NOW - 15 * MIN).toISOString() }, wide).next);
		const later = selectNew([rec('new', -120)], state, rules({ overlapMs: 60 * MIN, nowMs: NOW + 120 * MIN }));
		expect(ids(later.fresh)).toEqual(['new']);
		expect(hashCount(later.next.seen)).toBe(1);
	});
});

describe('selectNew: records without a readable time', () => {
	const w = { watermark: new Date(NOW - 5 * MIN).toISOString() };
	const odd: Rec[] = [
		{ id: 'missing', at: undefined as unknown as string },
		{ id: 'empty', at: '' },
		{ id: 'words', at: 'soon' },
		{ id: 'impossible', at: '2026-02-30T10:00:00Z' },
		{ id: 'dateOnly', at: '2026-01-05' },
		{ id: 'numeric', at: '1767607200' },
	];
	const strictTime = (r: Rec) => instantMs(r.at);

	it('are emitted once, after the timed ones, and reported as such; never dropped', () => {
		const { fresh, timeUnreadable, next } = selectNew([...odd, rec('ok', 1)], w, rules({ timeOf: strictTime }));
		expect(ids(fresh)).toEqual(['ok', ...ids(odd)]);
		expect(ids([...timeUnreadable])).toEqual(ids(odd));
		expect(next.watermark).toBe(rec('ok', 1).at); // they do not move the watermark
		const again = selectNew([...odd, rec('ok', 1)], reload(next), rules({ timeOf: strictTime, nowMs: NOW + MIN }));
		expect(again.fresh).toEqual([]);
	});

	it('stay remembered while the vendor keeps returning them, and for a week after the last time', () => {
		let state = reload(selectNew(odd, w, rules({ timeOf: strictTime })).next);
		// returned every day for a month: never emitted again
		for (let day = 1; day <= 30; day++) {
			const poll = selectNew(odd, state, rules({ timeOf: strictTime, nowMs: NOW + day * 86_400_000 }));
			expect(poll.fresh).toEqual([]);
			state = reload(poll.next);
		}
		// gone for more than the retention: forgotten (the memory is bounded by time)
		const after = selectNew([], state, rules({ timeOf: strictTime, nowMs: NOW + 30 * 86_400_000 + UNTIMED_RETENTION_MS + MIN }));
		expect(after.next.untimed).toBeUndefined();
	});

	it('on the first poll are remembered, not emitted', () => {
		const first = selectNew(odd, {}, rules({ timeOf: strictTime }));
		expect(first.fresh).toEqual([]);
		expect(selectNew(odd, reload(first.next), rules({ timeOf: strictTime })).fresh).toEqual([]);
	});

	it('survives an unreadable stored watermark', () => {
		const { fresh, next } = selectNew([rec('ok', 1)], { watermark: 'garbage', seen: {} }, rules());
		expect(ids(fresh)).toEqual(['ok']);
		expect(next.watermark).toBe(new Date(NOW).toISOString());
	});

	it('a record that had no time and later gets one is not emitted a second time', () => {
		const state = reload(selectNew([{ id: 'x', at: '' }], w, rules({ timeOf: strictTime })).next);
		expect(selectNew([rec('x', 1)], state, rules({ timeOf: strictTime })).fresh).toEqual([]);
	});
});
