/** Venio simulator: Bangkok time, the envelope and its refusals, request-body validation, the legacy envelope. */
import { type SimRequest, type SimResponse } from '../core';

export const BKK = 7 * 3600_000;
/** "2026-01-01T16:00:00+07:00": Venio's Bangkok wall time. */
export const bkkTime = (ms: number): string => `${new Date(ms + BKK).toISOString().slice(0, 19)}+07:00`;
/** Date-only values come back as midnight in Bangkok, written like the seed: "2000-12-30T00:00:00+0700". */
export const bkkDay = (day: string | null): string | null => (day ? `${day}T00:00:00+0700` : null);
export const yymm = (ms: number) => new Date(ms + BKK).toISOString().slice(2, 7).replace('-', '');
export const round2 = (n: number) => Math.round(n * 100) / 100;
export const pad = (n: number, width: number) => `${n}`.padStart(width, '0');

/** A real YYYY-MM-DD calendar date. [INF] the seed only gives the pattern. */
export function isDay(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A date-only or date-time value (order dates, event dates, modifiedSince). Returns epoch ms. Venio
 * writes Bangkok times with their offset ("2026-06-05T00:00:00+0700" [PUB]); an offset or Z sent is
 * honoured. [INF] (the one guess for dates) a value without one is Bangkok: a date is its Bangkok
 * midnight, a date-time its Bangkok wall time.
 */
export function parseWhen(value: unknown): number | undefined {
	if (isDay(value)) return Date.parse(`${value}T00:00:00+07:00`);
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || !isDay(value.slice(0, 10))) return undefined;
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}+07:00`;
	const ms = Date.parse(zoned.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(ms) ? undefined : ms;
}

export const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
export const oneOf = (v: unknown, allowed: number[]) => typeof v === 'number' && allowed.includes(v);
export const strOrNull = (v: unknown) => (blank(v) ? null : String(v).trim());

export const ok = (data: unknown, status = 200): SimResponse => ({
	status,
	body: { status: { code: '1000', description: 'Success' }, data },
});

/** A refusal thrown from a handler; the guard turns it into the error envelope. */
export class VenioError extends Error {
	constructor(
		readonly http: number,
		readonly code: string,
		readonly problems: string[],
	) {
		super(problems.join('; '));
	}
	response(): SimResponse {
		return { status: this.http, body: { status: { code: this.code, description: this.message }, data: null } };
	}
}

/** 4001 for one problem, 4002 for several. */
export const invalid = (problems: string[]) => new VenioError(400, problems.length > 1 ? '4002' : '4001', problems);

/** Collects every validation problem of a request, then throws them together. */
export class Problems {
	readonly list: string[] = [];
	check(good: boolean, problem: string): boolean {
		if (!good) this.list.push(problem);
		return good;
	}
	done(): void {
		if (this.list.length) throw invalid(this.list);
	}
}

export type Body = Record<string, any>;

export function objectBody(req: SimRequest, allowEmpty = false): Body {
	if (req.body === undefined && allowEmpty) return {};
	if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw invalid(['Request body must be a JSON object']);
	return req.body as Body;
}

export const query1 = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Seed 003's legacy envelope. */
export const legacyOk = (value: unknown): SimResponse => ({
	status: 200,
	body: { data: { value, formatters: [], statusCode: 200 }, statusCode: 1000, httpStatusCode: 200 },
});

/** [INF] A legacy refusal keeps the legacy envelope: value null, the business code, the HTTP code and a message. */
export function legacyWrap(run: () => SimResponse): SimResponse {
	try {
		return run();
	} catch (error) {
		if (!(error instanceof VenioError)) throw error;
		const code = /^\d+$/.test(error.code) ? Number(error.code) : error.code;
		return {
			status: error.http,
			body: { data: { value: null, formatters: [], statusCode: error.http }, statusCode: code, httpStatusCode: error.http, message: error.message },
		};
	}
}
