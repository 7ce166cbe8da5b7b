/**
 * The shared reading of date-time filters (`zonedInstant`, `toZoneIso`, `parseIsoDateTime`) that
 * SHOPLINE (UTC ISO) and Venio (the workflow zone's offset) both send.
 */
import { parseIsoDateTime, toZoneIso, zonedInstant, zoneOffsetMinutes } from '../../nodes/shared/dates';

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
