/**
 * Calendar dates never move a day: a date stays itself in every time zone, a date-time keeps the
 * date of its own offset, a UTC instant lands on the date it is in Bangkok or Taipei, and anything
 * malformed comes back unchanged for the schema to refuse. Nothing here may throw.
 */
import fc from 'fast-check';

import { toCalendarDate } from '../../nodes/shared/dates';
import { calendarDate } from '../../nodes/shared/fields';
import { malformedDate, pad, propertySuite, realDate, unicodeText } from './support';

const tally = propertySuite('dates');

const ZONES = ['Asia/Bangkok', 'Asia/Taipei', 'Asia/Ho_Chi_Minh', 'Asia/Hong_Kong', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'];
const zone = fc.constantFrom(...ZONES);

/** Instants between 1971 and 2099, to the millisecond. */
const instant = fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2099, 0, 1) }).map((t) => new Date(t));
const instantSince1980 = fc.integer({ min: Date.UTC(1980, 0, 1), max: Date.UTC(2099, 0, 1) }).map((t) => new Date(t));

/** The UTC calendar date of `ms` (an oracle built on toISOString, not on the code under test). */
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const time = fc
	.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.option(fc.integer({ min: 0, max: 59 }), { nil: undefined }), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }))
	.map(([h, m, s, ms]) => `${pad(h)}:${pad(m)}${s === undefined ? '' : `:${pad(s)}${ms === undefined ? '' : `.${pad(ms, 3)}`}`}`);

/** An offset in minutes from -12:00 to +14:00, in quarter hours (all real offsets are). */
const offsetMinutes = fc.integer({ min: -48, max: 56 }).map((q) => q * 15);

function formatOffset(minutes: number, colon: boolean): string {
	const sign = minutes < 0 ? '-' : '+';
	const abs = Math.abs(minutes);
	return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

describe('toCalendarDate', () => {
	it('keeps a YYYY-MM-DD date as written, in every time zone', async () => {
		await tally.check(
			'a date stays itself',
			fc.property(fc.oneof(realDate, malformedDate.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))), zone, fc.constantFrom('', ' ', '\n'), (date, tz, space) => {
				expect(toCalendarDate(`${space}${date}${space}`, tz)).toBe(date);
			}),
		);
	});

	it('keeps the written date of a local date-time', async () => {
		await tally.check(
			'a local date-time keeps its date',
			fc.property(realDate, time, fc.constantFrom('T', ' '), zone, (date, t, sep, tz) => {
				expect(toCalendarDate(`${date}${sep}${t}`, tz)).toBe(date);
			}),
		);
	});

	it("keeps the date of a date-time's own offset, whatever the workflow's time zone", async () => {
		await tally.check(
			'a date-time with an offset keeps that offset’s date',
			fc.property(instant, offsetMinutes, fc.boolean(), zone, (at, offset, colon, tz) => {
				const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
				const text = `${local}${formatOffset(offset, colon)}`;
				expect(toCalendarDate(text, tz)).toBe(local.slice(0, 10));
			}),
		);
	});

	it('puts a UTC instant on its date in Bangkok (UTC+7) and Taipei (UTC+8)', async () => {
		await tally.check(
			'a UTC instant maps to the Bangkok / Taipei date',
			// From 1980: Taiwan last kept summer time (UTC+9) in 1979, which a fixed +8 oracle cannot know.
			fc.property(instantSince1980, fc.boolean(), (at, withMs) => {
				const iso = withMs ? at.toISOString() : `${at.toISOString().slice(0, 19)}Z`;
				const t = Date.parse(iso);
				expect(toCalendarDate(iso, 'Asia/Bangkok')).toBe(utcDate(t + 7 * 3_600_000));
				expect(toCalendarDate(iso, 'Asia/Taipei')).toBe(utcDate(t + 8 * 3_600_000));
				expect(toCalendarDate(at, 'Asia/Bangkok')).toBe(utcDate(at.getTime() + 7 * 3_600_000));
				// Luxon DateTime (what n8n's $now and date pickers give) is read through toISO().
				expect(toCalendarDate({ toISO: () => iso }, 'Asia/Taipei')).toBe(utcDate(t + 8 * 3_600_000));
			}),
		);
	});

	it('follows the time zone’s own history: Taipei kept summer time (UTC+9) in 1979', () => {
		expect(toCalendarDate('1979-07-27T15:00:00Z', 'Asia/Taipei')).toBe('1979-07-28');
		expect(toCalendarDate('1979-12-27T15:00:00Z', 'Asia/Taipei')).toBe('1979-12-27');
	});

	it('returns malformed text unchanged (so the schema refuses it), and the schema does refuse it', async () => {
		const noDateShape = unicodeText({ maxLength: 30 }).filter((s) => !/\d{4}-\d{2}-\d{2}/.test(s) && !/z\s*$/i.test(s));
		await tally.check(
			'malformed values come back unchanged and are refused',
			fc.property(fc.oneof(malformedDate, noDateShape), zone, (value, tz) => {
				const out = toCalendarDate(value, tz);
				if (/^\s*\d{4}-\d{2}-\d{2}\s*$/.test(value)) expect(out).toBe(value.trim());
				else expect(out).toBe(value);
				expect(calendarDate.safeParse(out).success).toBe(false);
			}),
		);
	});

	it('never throws, and returns non-dates unchanged', async () => {
		await tally.check(
			'anything: never throws; non-strings that are not dates come back as they are',
			fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true }), zone, (value, tz) => {
				const out = toCalendarDate(value, tz);
				const isDate = value instanceof Date && !Number.isNaN(value.getTime());
				if (typeof value !== 'string' && !isDate) expect(out).toBe(value);
				// A Date far outside years 1000-9999 cannot be written YYYY-MM-DD; the schema must then refuse it.
				if (typeof out === 'string' && out !== value && !/^\d{4}-\d{2}-\d{2}$/.test(out)) expect(calendarDate.safeParse(out).success).toBe(false);
			}),
		);
	});

	// V8's Date parser accepts almost anything ending in Z ("12Z" is 1 December 2001) and rolls
	// impossible days over (30 February becomes 1 March); only real ISO instants may be converted.
	it('returns text ending in Z that is not an ISO instant unchanged ("12Z" was 2001-12-01)', () => {
		for (const text of ['12Z', 'Z', '2024Z', 'May 1 2024Z', '2024-05-01Z', '2024-05-01T10Z']) expect(toCalendarDate(text, 'Asia/Bangkok')).toBe(text);
	});
	it('refuses an impossible day or time in a UTC instant instead of rolling it over', () => {
		for (const text of ['2024-02-30T10:00:00Z', '2023-02-29T00:00:00Z', '2024-04-31T12:00Z', '2024-01-01T24:00:00Z', '2024-01-01T10:60:00Z']) {
			expect(toCalendarDate(text, 'Asia/Bangkok')).toBe(text);
			expect(calendarDate.safeParse(toCalendarDate(text, 'Asia/Bangkok')).success).toBe(false);
		}
		expect(toCalendarDate('2024-02-29T20:00:00Z', 'Asia/Bangkok')).toBe('2024-03-01');
	});

	tally.summaryTest();
});
