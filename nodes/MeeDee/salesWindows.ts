/**
 * Sales are served in calendar-date windows: at most 30 days per request and a start at most
 * `maxLookbackDays` back from today [PUB 07]. Dates stay the calendar dates the user picked
 * (YYYY-MM-DD, in the workflow time zone); nothing is converted through UTC, so no day shifts.
 */
import { dateInZone } from '../shared/dates';

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

/**
 * "Today" for the lookback rule. MeeDee counts in UTC [INF]; the workflow may already be on the next
 * day (UTC+7), so the later of the two is used: we may refuse a day early, never send a start
 * MeeDee would refuse.
 */
export function lookbackToday(timeZone: string, now = new Date()): string {
	const utc = now.toISOString().slice(0, 10);
	const local = dateInZone(now, timeZone);
	return local > utc ? local : utc;
}

export function oldestAllowed(timeZone: string, maxLookbackDays: number, now = new Date()): string {
	return addDays(lookbackToday(timeZone, now), -maxLookbackDays);
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
