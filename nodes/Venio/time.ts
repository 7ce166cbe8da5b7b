/** Instants sent to Venio carry an explicit offset, so Venio never guesses the time zone. */
import { withOffset } from '../shared/dates';

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/** The UTC offset of `timeZone` at `instant`, in minutes (e.g. 420 for Asia/Bangkok). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
	const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
	if (!match) return 0;
	return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3] ?? 0));
}

/**
 * A date-time as n8n's picker gives it ("2026-01-05T09:00:00", wall time in the workflow's zone)
 * with that zone's offset added; values that already carry an offset are kept.
 */
export function withZoneOffset(value: string, timeZone: string): string {
	const text = value.trim().replace(' ', 'T');
	if (HAS_OFFSET.test(text)) return text;
	const asUtc = new Date(`${text}Z`);
	if (Number.isNaN(asUtc.getTime())) return value;
	const offset = zoneOffsetMinutes(asUtc, timeZone);
	return withOffset(new Date(asUtc.getTime() - offset * 60_000), offset);
}
