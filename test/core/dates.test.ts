/**
 * The shared reading of date-time filters (`zonedInstant`, `toZoneIso`, `parseIsoDateTime`) that
 * SHOPLINE (UTC ISO) and Venio (the workflow zone's offset) both send.
 */
import { instantMs, parseIsoDateTime, toCalendarDate, toDateTimeText, toZoneIso, zonedEndInstant, zonedInstant, zoneOffsetMinutes } from '../../nodes/shared/dates';

const iso = (value: unknown, zone: string) => zonedInstant(value, zone)?.toISOString();

describe('zonedInstant', () => {
	it('reads a wall time without offset in the workflow time zone', () => {
		expect(iso('2022-01-01T07:00:00', 'Asia/Bangkok')).toBe('2022-01-01T00:00:00.000Z');
		expect(iso('2022-01-01 08:30', 'Asia/Taipei')).toBe('2022-01-01T00:30:00.000Z');
		expect(iso('2022-01-01', 'Asia/Ho_Chi_Minh')).toBe('2021-12-31T17:00:00.000Z');
	});

	it('keeps the instant of a value with Z or an offset, whatever the zone', () => {
		expect(iso('2022-01-02T00:00:00+08:00', 'Asia/Bangkok')).toBe('2022-01-01T16:00:00.000Z');
		expect(iso('2022-01-02T00:00:00.250Z', 'Asia/Bangkok')).toBe('2022-01-02T00:00:00.250Z');
		expect(iso('2022-01-02T00:00:00-0330', 'UTC')).toBe('2022-01-02T03:30:00.000Z');
	});

	it('is right on both sides of a daylight-saving change', () => {
		expect(iso('2024-03-09T12:00:00', 'America/Los_Angeles')).toBe('2024-03-09T20:00:00.000Z'); // PST
		expect(iso('2024-03-11T12:00:00', 'America/Los_Angeles')).toBe('2024-03-11T19:00:00.000Z'); // PDT
	});

	it('accepts Date and Luxon-like objects', () => {
		expect(iso(new Date('2022-01-01T00:00:00Z'), 'Asia/Bangkok')).toBe('2022-01-01T00:00:00.000Z');
		expect(iso({ toISO: () => '2022-01-01T07:00:00.000+07:00' }, 'UTC')).toBe('2022-01-01T00:00:00.000Z');
	});

	it.each([['12Z'], ['1'], ['2024-02-30T10:00:00'], ['2024-05-01T25:00'], ['yesterday'], [''], [null], [{}], [{ toISO: 0 }], [JSON.parse('{"toString":0}')], [20240501], [new Date(Number.NaN)]])('refuses %p', (value) => {
		expect(zonedInstant(value, 'Asia/Bangkok')).toBeUndefined();
	});
});

describe('toZoneIso / zoneOffsetMinutes / parseIsoDateTime', () => {
	it('writes an instant with the zone offset of that moment', () => {
		const at = new Date('2026-01-02T02:00:00Z');
		expect(toZoneIso(at, 'Asia/Bangkok')).toBe('2026-01-02T09:00:00+07:00');
		expect(toZoneIso(at, 'UTC')).toBe('2026-01-02T02:00:00+00:00');
		expect(zoneOffsetMinutes(at, 'Asia/Kolkata')).toBe(330);
	});

	it('reads only strict ISO 8601 date-times', () => {
		expect(parseIsoDateTime('2024-02-29T23:59:59.5+07:00')).toEqual({ wallMs: Date.UTC(2024, 1, 29, 23, 59, 59, 500), offsetMinutes: 420 });
		expect(parseIsoDateTime('2024-02-29T23:59')).toEqual({ wallMs: Date.UTC(2024, 1, 29, 23, 59) });
		for (const bad of ['2023-02-29T00:00', '0099-01-01T00:00', '2024-01-01T00:00+15:00', '2024-01-01T00:60', '2024-01-01', 'Mon, 01 Jan 2024 00:00:00 GMT']) {
			expect(parseIsoDateTime(bad)).toBeUndefined();
		}
	});
});

describe('a day in the workflow time zone, at its edges (00:30 and 23:30 local)', () => {
	const ZONES = ['Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Taipei', 'Asia/Hong_Kong'];

	it.each(ZONES)('%s: a date alone runs from its midnight (start bound) to its last millisecond (end bound)', (zone) => {
		const start = zonedInstant('2026-12-04', zone)!.getTime();
		const end = zonedEndInstant('2026-12-04', zone)!.getTime();
		expect(end - start).toBe(86_400_000 - 1);
		for (const [local, inside] of [
			['2026-12-03T23:30', false],
			['2026-12-04T00:30', true],
			['2026-12-04T23:30', true],
			['2026-12-05T00:30', false],
		] as const) {
			const t = zonedInstant(local, zone)!.getTime();
			expect({ local, inside: t >= start && t <= end }).toEqual({ local, inside });
			// the same instant written in UTC lands on the same calendar day there
			expect(toCalendarDate(new Date(t).toISOString(), zone)).toBe(local.slice(0, 10));
		}
		// a date-time given to an end bound is that instant, not stretched to the day's end
		expect(zonedEndInstant('2026-12-04T12:00:00', zone)!.getTime()).toBe(zonedInstant('2026-12-04T12:00:00', zone)!.getTime());
	});
});

describe('instantMs (record times read strictly)', () => {
	it('reads Z and offsets, and a time without one at the vendor’s offset', () => {
		expect(instantMs('2026-12-03T19:43:00.000Z')).toBe(Date.parse('2026-12-03T19:43:00Z'));
		expect(instantMs('2026-06-05T00:00:00+0700')).toBe(Date.parse('2026-06-04T17:00:00Z'));
		expect(instantMs('2026-06-05T00:00:00', 7 * 60)).toBe(Date.parse('2026-06-04T17:00:00Z'));
	});
	it.each([[undefined], [null], [''], ['12Z'], ['2026-02-30T10:00:00Z'], ['2026-12-04'], [1767607200], ['04/12/2026 02:43']])('%p is unreadable (NaN)', (value) => {
		expect(instantMs(value)).toBeNaN();
	});
});

describe('toDateTimeText (what a date-time field reads)', () => {
	it('a date alone is its midnight; Date and Luxon values are written out; text is kept', () => {
		expect(toDateTimeText('2026-12-04')).toBe('2026-12-04T00:00:00');
		expect(toDateTimeText(new Date('2026-12-04T01:02:03Z'))).toBe('2026-12-04T01:02:03.000Z');
		expect(toDateTimeText({ toISO: () => '2026-12-04T08:00:00.000+07:00' })).toBe('2026-12-04T08:00:00.000+07:00');
		expect(toDateTimeText('2026-12-04T08:00')).toBe('2026-12-04T08:00');
	});
});
