/** MeeDee POS simulator: errors, query parameters and small pure helpers. */
import { randomBytes } from 'node:crypto';
import type { Json, SimRequest, SimResponse } from '../core';
import { DATE_RE, DAY, MEEDEE_DAY_OFFSET_MS, UUID_RE } from './model';

export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}
export const invalid = (message: string) => new ApiError(400, 'invalid_request', message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`); // [INF] code
export const fail = (status: number, error: string, message: string): SimResponse => ({ status, body: { error, message } });
export const ok = (body: unknown, status = 200): SimResponse => ({ status, body });

export function b64url(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// ---------------------------------------------------------------------------------------------
// Query helpers (throw ApiError on bad input)
// ---------------------------------------------------------------------------------------------

export function single(req: SimRequest, name: string): string | undefined {
	const v = req.query[name];
	if (Array.isArray(v)) throw invalid(`${name} may be given only once`);
	return v;
}

export function many(req: SimRequest, name: string): string[] {
	const v = req.query[name];
	if (v === undefined) return [];
	return (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s !== '');
}

export function boolParam(req: SimRequest, name: string): boolean | undefined {
	const v = single(req, name);
	if (v === undefined) return undefined;
	if (v !== 'true' && v !== 'false') throw invalid(`${name} must be true or false`);
	return v === 'true';
}

export function uuidParam(req: SimRequest, name: string): string | undefined {
	const v = single(req, name);
	if (v !== undefined && !UUID_RE.test(v)) throw invalid(`${name} must be a UUID`);
	return v;
}

export function enumParam(req: SimRequest, name: string, allowed: readonly string[]): string | undefined {
	const v = single(req, name);
	if (v !== undefined && !allowed.includes(v)) throw invalid(`${name} must be one of ${allowed.join(', ')}`);
	return v;
}

export function searchParam(req: SimRequest): string | undefined {
	const q = single(req, 'q');
	if (q !== undefined && (q.length < 1 || q.length > 255)) throw invalid('q must be 1 to 255 characters');
	return q?.toLowerCase();
}

export interface Instant {
	ms: number;
	dateOnly: boolean;
}

/** `YYYY-MM-DD` (midnight of MeeDee's day, see MEEDEE_DAY_OFFSET_MS) or an ISO 8601 date-time (no zone = UTC). [INF] */
export function dateParam(req: SimRequest, name: string): Instant | undefined {
	const v = single(req, name);
	if (v === undefined) return undefined;
	const m = DATE_RE.exec(v);
	const date = m ? new Date(`${m[1]}T00:00:00Z`) : undefined;
	if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== m[1]) {
		throw invalid(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`);
	}
	if (!m[2]) return { ms: date.getTime() - MEEDEE_DAY_OFFSET_MS, dateOnly: true };
	const ms = Date.parse(m[5] ? v : `${v}Z`);
	if (Number.isNaN(ms)) throw invalid(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`);
	return { ms, dateOnly: false };
}

/** The last instant a `to` value covers: a date-only `to` includes that whole day. [INF] */
export const toEnd = (to: Instant) => (to.dateOnly ? to.ms + DAY - 1 : to.ms);

/** Hundredths from a decimal string. */
export function cents(value: Json | undefined): number {
	return Math.round(Number(value ?? 0) * 100);
}

export function uuidRandom(): string {
	const h = randomBytes(16).toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
