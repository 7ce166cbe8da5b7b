/**
 * Dates for users at UTC+7 and UTC+8. A calendar date (birthday, order date) must never move a
 * day because of a time-zone conversion, so date-only values are passed through as written, and
 * only a true instant (ending in Z or an offset) is converted to the workflow's time zone first.
 *
 * Date-times are read with one strict ISO 8601 pattern (never `Date.parse`, which accepts "12Z" as
 * 1 December 2001 and rolls 30 February over to 1 March).
 */

const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([+-]\d{2}:?\d{2})$/;

/** YYYY-MM-DD, a T (or a space, as RFC 3339 allows), hh:mm[:ss[.fff]], then Z, ±hh:mm, ±hhmm or nothing. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** A date-time read by `parseIsoDateTime`: its wall-clock fields, and its offset when it has one. */
export interface IsoDateTime {
	/** The wall time as if it were UTC, in ms (add nothing: the offset is separate). */
	wallMs: number;
	/** Minutes ahead of UTC (0 for Z); undefined for a local time without offset. */
	offsetMinutes?: number;
}

function isRealDay(y: number, m: number, d: number): boolean {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * Reads an ISO 8601 date-time ("2024-05-01T09:00:00", "…Z", "…+07:00"); undefined for anything
 * else, including impossible days, hours or offsets. Years below 100 are refused (Date.UTC would
 * read them as 19xx, and no vendor has such dates).
 */
export function parseIsoDateTime(text: string): IsoDateTime | undefined {
	const m = ISO_DATE_TIME.exec(text.trim());
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6] ?? '0'].map(Number);
	if (y < 100 || !isRealDay(y, mo, d) || h > 23 || mi > 59 || s > 59) return undefined;
	const ms = m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0;
	const wallMs = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	const zone = m[8];
	if (zone === undefined) return { wallMs };
	if (/^z$/i.test(zone)) return { wallMs, offsetMinutes: 0 };
	const [, sign, oh, om] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
	if (Number(oh) > 14 || Number(om) > 59) return undefined;
	return { wallMs, offsetMinutes: (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om)) };
}

/**
 * The instant (ms) a record's date-time stands for, read strictly; a value without Z or an offset
 * is a wall time at `assumedOffsetMinutes` (the vendor's own zone). NaN for anything else: a date
 * alone, a number, "12Z", an impossible day.
 */
export function instantMs(value: unknown, assumedOffsetMinutes = 0): number {
	const parsed = typeof value === 'string' ? parseIsoDateTime(value) : undefined;
	if (!parsed) return Number.NaN;
	return parsed.wallMs - (parsed.offsetMinutes ?? assumedOffsetMinutes) * 60_000;
}

/** The calendar date an instant falls on in `timeZone`, as YYYY-MM-DD. */
export function dateInZone(instant: Date, timeZone: string): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
	const get = (t: string) => parts.find((p) => p.type === t)?.value;
	return `${get('year')}-${get('month')}-${get('day')}`;
}

/**
 * YYYY-MM-DD for a value given as a date, a local date-time, a date-time with its own offset
 * (that offset's calendar date is kept), a UTC instant (converted to `timeZone`), or a Date/Luxon
 * object. Anything else is returned unchanged for the schema to reject with a clear message.
 */
export function toCalendarDate(value: unknown, timeZone: string): unknown {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : dateInZone(value, timeZone);
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return toCalendarDate((value as { toISO: () => string }).toISO(), timeZone);
	}
	if (typeof value !== 'string') return value;
	const text = value.trim();
	const plain = DATE_ONLY.exec(text) ?? LOCAL_DATE_TIME.exec(text) ?? WITH_OFFSET.exec(text);
	if (plain) return plain[1];
	if (/Z$/i.test(text)) {
		const instant = parseIsoDateTime(text);
		return instant ? dateInZone(new Date(instant.wallMs), timeZone) : value;
	}
	return value;
}

/**
 * A date-time field's value as ISO text: a Date or Luxon object written out with its offset, a date
 * alone as its midnight (a wall time, read in the workflow's time zone like any other). Anything
 * else is returned as text, for the schema to refuse with a clear message.
 */
export function toDateTimeText(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? String(value) : value.toISOString();
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') return String((value as { toISO: () => unknown }).toISO());
	if (typeof value !== 'string') return String(value);
	return DATE_ONLY.test(value.trim()) ? `${value.trim()}T00:00:00` : value;
}

/** Formats an instant as ISO 8601 with the given fixed offset in minutes, e.g. +07:00. */
export function withOffset(instant: Date, offsetMinutes: number): string {
	const shifted = new Date(instant.getTime() + offsetMinutes * 60_000);
	const sign = offsetMinutes >= 0 ? '+' : '-';
	const abs = Math.abs(offsetMinutes);
	const hh = String(Math.floor(abs / 60)).padStart(2, '0');
	const mm = String(abs % 60).padStart(2, '0');
	return `${shifted.toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
}

/** The UTC offset of `timeZone` at `instant`, in minutes (e.g. 420 for Asia/Bangkok). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
	if (!match) return 0;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/**
 * The instant a date-time filter stands for. With Z or an offset it is that instant; without
 * (what n8n's date picker gives) it is a wall time in `timeZone`; a date alone is its midnight
 * there. Accepts Date and Luxon objects. Undefined when the value is not such a date-time.
 */
export function zonedInstant(value: unknown, timeZone: string): Date | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
	if (value && typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		return zonedInstant((value as { toISO: () => unknown }).toISO(), timeZone);
	}
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	const parsed = parseIsoDateTime(DATE_ONLY.test(text) ? `${text}T00:00` : text);
	if (!parsed) return undefined;
	if (parsed.offsetMinutes !== undefined) return new Date(parsed.wallMs - parsed.offsetMinutes * 60_000);
	// The zone's offset depends on the instant we are looking for: guess with the wall time, then
	// correct once (right across daylight-saving changes; Asian zones have none, others do).
	const guess = parsed.wallMs - zoneOffsetMinutes(new Date(parsed.wallMs), timeZone) * 60_000;
	return new Date(parsed.wallMs - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
}

/**
 * The instant an inclusive end bound ("before", "to") stands for: as `zonedInstant`, except that a
 * date alone means the whole of that day in `timeZone`, so its last millisecond.
 */
export function zonedEndInstant(value: unknown, timeZone: string): Date | undefined {
	if (typeof value !== 'string' || !DATE_ONLY.test(value.trim())) return zonedInstant(value, timeZone);
	const next = new Date(Date.parse(`${value.trim()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
	const end = zonedInstant(next, timeZone);
	return end && new Date(end.getTime() - 1);
}

/** An instant written in `timeZone`'s own offset at that moment, e.g. 2026-01-05T09:00:00+07:00. */
export function toZoneIso(instant: Date, timeZone: string): string {
	return withOffset(instant, zoneOffsetMinutes(instant, timeZone));
}
