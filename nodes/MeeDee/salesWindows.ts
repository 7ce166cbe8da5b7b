/**
 * Sales are served in date windows: at most 30 days per request and a start at most
 * `maxLookbackDays` back from today [PUB 07]. MeeDee takes `from`/`to` as dates only, and a date
 * there is MeeDee's day, not the workflow's: a day the user picks in the workflow's time zone is
 * turned into the instants it spans, MeeDee is asked for every one of its days that touches them,
 * and sales outside the instants are left out (by `sold_at`, in actions/sale/shared.ts).
 */
import { dateInZone, zonedInstant } from '../shared/dates';

/**
 * [INF] MeeDee's days are UTC days: its docs give `to` a default of "now, UTC" and never name a
 * zone for dates. The one place this guess lives; every conversion below follows from it.
 */
export const MEEDEE_DAY_ZONE = 'UTC';

/** Longest span one GET /sales may cover [PUB 07]. Windows use 30 calendar days, first to last. */
export const MAX_WINDOW_DAYS = 30;

export interface DateWindow {
	from: string;
	to: string;
}

const DAY_MS = 86_400_000;

function toMs(date: string): number {
	return Date.parse(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
	return new Date(toMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
	return Math.round((toMs(to) - toMs(from)) / DAY_MS);
}

/** MeeDee's day (YYYY-MM-DD) of an instant. */
export function vendorDay(ms: number): string {
	return dateInZone(new Date(ms), MEEDEE_DAY_ZONE);
}

/** The oldest MeeDee day a request may start on: today in MeeDee's days minus the lookback [PUB 07]. */
export function oldestVendorDay(maxLookbackDays: number, now = new Date()): string {
	return addDays(vendorDay(now.getTime()), -maxLookbackDays);
}

/** Midnight that starts `date` in `timeZone`, in ms. */
export function dayStartMs(date: string, timeZone: string): number {
	return zonedInstant(date, timeZone)!.getTime();
}

/**
 * The oldest day in `timeZone` whose sales MeeDee still serves in full: the first one that starts
 * at or after the start of MeeDee's oldest day.
 */
export function oldestAllowed(timeZone: string, maxLookbackDays: number, now = new Date()): string {
	const vendorStart = dayStartMs(oldestVendorDay(maxLookbackDays, now), MEEDEE_DAY_ZONE);
	const local = dateInZone(new Date(vendorStart), timeZone);
	return dayStartMs(local, timeZone) < vendorStart ? addDays(local, 1) : local;
}

/** What one sales read covers: MeeDee's days to ask for, and the instants to keep (start included, end not). */
export interface SalesSpan {
	vendorFrom: string;
	vendorTo: string;
	startMs: number;
	endMs: number;
}

/** Days `from`..`to` (both included) in `timeZone`, as MeeDee's days and the instants they span. */
export function spanOfLocalDays(from: string, to: string, timeZone: string): SalesSpan {
	const startMs = dayStartMs(from, timeZone);
	const endMs = dayStartMs(addDays(to, 1), timeZone);
	return { vendorFrom: vendorDay(startMs), vendorTo: vendorDay(endMs - 1), startMs, endMs };
}

/**
 * An open-ended span for lists with optional From/To days (stock movements): either end may be
 * missing. The vendor dates are only those given.
 */
export function spanOfOptionalDays(from: string | undefined, to: string | undefined, timeZone: string): Partial<Pick<SalesSpan, 'vendorFrom' | 'vendorTo'>> & Pick<SalesSpan, 'startMs' | 'endMs'> {
	const startMs = from ? dayStartMs(from, timeZone) : -Infinity;
	const endMs = to ? dayStartMs(addDays(to, 1), timeZone) : Infinity;
	return { startMs, endMs, ...(from ? { vendorFrom: vendorDay(startMs) } : {}), ...(to ? { vendorTo: vendorDay(endMs - 1) } : {}) };
}

/** Everything from `sinceMs` to now (polling), starting no earlier than MeeDee serves. */
export function spanSince(sinceMs: number, maxLookbackDays: number, now = new Date()): SalesSpan {
	const oldest = oldestVendorDay(maxLookbackDays, now);
	const since = vendorDay(sinceMs);
	return { vendorFrom: since < oldest ? oldest : since, vendorTo: vendorDay(now.getTime()), startMs: -Infinity, endMs: Infinity };
}

/** Consecutive windows of at most 30 days covering from..to (both included), oldest first, no gaps or overlaps. */
export function splitIntoWindows(from: string, to: string, maxDays = MAX_WINDOW_DAYS): DateWindow[] {
	const windows: DateWindow[] = [];
	// bounded: one window per maxDays, and a range never exceeds a few years of lookback
	for (let start = from; start <= to && windows.length < 1000; start = addDays(start, maxDays)) {
		const end = addDays(start, maxDays - 1);
		windows.push({ from: start, to: end < to ? end : to });
	}
	return windows;
}
