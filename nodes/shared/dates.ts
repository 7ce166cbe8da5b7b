/**
 * Dates for users at UTC+7 and UTC+8. A calendar date (birthday, order date) must never move a
 * day because of a time-zone conversion, so date-only values are passed through as written, and
 * only a true instant (ending in Z or an offset) is converted to the workflow's time zone first.
 */

const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const WITH_OFFSET = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?\s*([+-]\d{2}:?\d{2})$/;

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
		const t = new Date(text);
		return Number.isNaN(t.getTime()) ? value : dateInZone(t, timeZone);
	}
	return value;
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
