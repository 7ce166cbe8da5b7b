/**
 * MeeDee's sale windows: a day in the workflow's time zone becomes the instants it spans and the
 * MeeDee days (UTC [INF]) that cover them; the lookback and polling spans follow the same rule.
 */
import { zonedInstant } from '../../nodes/shared/dates';
import { oldestAllowed, spanOfLocalDays, spanSince, splitIntoWindows } from '../../nodes/MeeDee/salesWindows';

const ZONES = [
	['Asia/Bangkok', 7],
	['Asia/Ho_Chi_Minh', 7],
	['Asia/Taipei', 8],
	['Asia/Hong_Kong', 8],
] as const;
const at = (local: string, zone: string) => zonedInstant(local, zone)!.getTime();

describe.each(ZONES)('a day in %s (UTC+%d)', (zone, hours) => {
	const span = spanOfLocalDays('2026-12-04', '2026-12-04', zone);

	it('spans its own midnight to midnight, and asks MeeDee for the two UTC days it touches', () => {
		expect(span.startMs).toBe(Date.parse(`2026-12-03T${String(24 - hours).padStart(2, '0')}:00:00Z`));
		expect(span.endMs - span.startMs).toBe(86_400_000);
		expect([span.vendorFrom, span.vendorTo]).toEqual(['2026-12-03', '2026-12-04']);
	});

	it.each([
		['2026-12-04T00:30', true],
		['2026-12-04T23:30', true],
		['2026-12-03T23:30', false],
		['2026-12-05T00:30', false],
	])('a record at %s local is in the day: %s', (local, inside) => {
		const t = at(local, zone);
		expect(t >= span.startMs && t < span.endMs).toBe(inside);
	});

	it('the oldest day offered is one MeeDee serves in full', () => {
		const now = new Date(at('2026-12-04T10:00', zone));
		const oldest = oldestAllowed(zone, 30, now);
		expect(oldest).toBe('2026-11-05'); // MeeDee's oldest UTC day is 2026-11-04, which starts at 07:00/08:00 local
		expect(spanOfLocalDays(oldest, '2026-12-04', zone).vendorFrom >= '2026-11-04').toBe(true);
		// just after local midnight the UTC day is still the day before: one more local day is served
		expect(oldestAllowed(zone, 30, new Date(at('2026-12-04T00:30', zone)))).toBe('2026-11-04');
	});

	it('polling reads from the UTC day of the overlap start to the UTC day of now', () => {
		const now = new Date(at('2026-12-04T00:30', zone));
		const polling = spanSince(now.getTime() - 60 * 60_000, 30, now);
		expect([polling.vendorFrom, polling.vendorTo]).toEqual(['2026-12-03', '2026-12-03']);
		const later = new Date(at('2026-12-04T23:30', zone));
		expect(spanSince(later.getTime() - 60 * 60_000, 30, later).vendorTo).toBe('2026-12-04');
	});
});

it('windows cover MeeDee days with no gap or overlap, at most 30 a request', () => {
	const windows = splitIntoWindows('2026-09-01', '2026-12-04');
	expect(windows[0].from).toBe('2026-09-01');
	expect(windows.at(-1)!.to).toBe('2026-12-04');
	windows.slice(1).forEach((w, n) => expect(Date.parse(w.from) - Date.parse(windows[n].to)).toBe(86_400_000));
	for (const w of windows) expect((Date.parse(w.to) - Date.parse(w.from)) / 86_400_000).toBeLessThan(30);
});
