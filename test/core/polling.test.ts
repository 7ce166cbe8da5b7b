/**
 * The shared polling bookkeeping (`selectNew`): what is emitted, and what state is stored, across
 * polls with an overlap, late records, repeats, clock skew and unreadable times.
 */
import { selectNew, type PollRules, type PollState } from '../../nodes/shared/polling';

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

describe('selectNew', () => {
	it('first poll (no state): the watermark starts at now; what exists is remembered within the overlap', () => {
		const { fresh, next } = selectNew([rec('old', 60), rec('recent', 5)], {}, rules());
		expect(ids(fresh)).toEqual([]); // first activation starts from now: nothing that exists is emitted
		expect(next).toEqual({ watermark: new Date(NOW).toISOString(), seen: ['recent'] });
	});

	it('emits records not seen, oldest first, once; a late record inside the overlap is still caught', () => {
		const state: PollState = { watermark: new Date(NOW - 20 * MIN).toISOString(), seen: ['a'] };
		const records = [rec('c', 1), rec('a', 21), rec('late', 25), rec('b', 15), rec('tooOld', 31)];
		const first = selectNew(records, state, rules());
		expect(ids(first.fresh)).toEqual(['late', 'b', 'c']);
		expect(first.next.watermark).toBe(records[0].at);
		expect(first.next.seen).toEqual(['c']); // only keys within the overlap of the new watermark

		const again = selectNew(records, first.next, rules());
		expect(again.fresh).toEqual([]);
		expect(again.next).toEqual(first.next);
	});

	it('emits a record once even when a fetch returns it twice (keyset pages overlap)', () => {
		const { fresh, next } = selectNew([rec('a', 2), rec('a', 2), rec('b', 1)], { watermark: new Date(NOW - 5 * MIN).toISOString() }, rules());
		expect(ids(fresh)).toEqual(['a', 'b']);
		expect(next.seen).toEqual(['b', 'a']);
	});

	it('a record stamped in the future does not push the watermark past now, and is remembered', () => {
		const { fresh, next } = selectNew([rec('future', -30)], { watermark: new Date(NOW - 5 * MIN).toISOString() }, rules());
		expect(ids(fresh)).toEqual(['future']);
		expect(next.watermark).toBe(new Date(NOW).toISOString());
		expect(selectNew([rec('future', -30)], next, rules()).fresh).toEqual([]);
	});

	it('skips records whose time cannot be read, and survives an unreadable stored watermark', () => {
		const { fresh, next } = selectNew([{ id: 'x', at: 'soon' }, rec('ok', 1)], { watermark: 'garbage', seen: [] }, rules());
		expect(ids(fresh)).toEqual(['ok']);
		expect(next.watermark).toBe(new Date(NOW).toISOString());
	});

	it('with nothing new, keeps the watermark (written by formatTime) and an empty margin', () => {
		const state = { watermark: '2026-01-05T16:50:00+07:00', seen: ['gone'] };
		const { fresh, next } = selectNew([], state, rules({ formatTime: (ms) => `at ${ms}` }));
		expect(fresh).toEqual([]);
		expect(next).toEqual({ watermark: `at ${Date.parse('2026-01-05T09:50:00Z')}`, seen: [] });
	});

	it('a record is new again when its key changes (an update), not when it is only re-read', () => {
		const keyOf = (r: Rec) => `${r.id}@${r.at}`;
		const state = selectNew([rec('c1', 3)], { watermark: new Date(NOW - 5 * MIN).toISOString() }, rules({ keyOf })).next;
		expect(selectNew([rec('c1', 3)], state, rules({ keyOf })).fresh).toEqual([]);
		expect(ids(selectNew([rec('c1', 1)], state, rules({ keyOf })).fresh)).toEqual(['c1']);
	});

	it('bounds the remembered keys', () => {
		const many = Array.from({ length: 6000 }, (_, i) => ({ id: `r${i}`, at: new Date(NOW - (i % 60) * 1000).toISOString() }));
		expect(selectNew(many, {}, rules()).next.seen).toHaveLength(5000);
	});
});
