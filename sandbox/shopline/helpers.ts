/** SHOPLINE simulator: small pure helpers (error bodies, ids, query values, times). */
import { type SimResponse } from '../core';

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

export type Query = Record<string, string | string[]>;

export const fail = (status: number, code: string, message: string, field?: string): SimResponse => ({
	status,
	body: field ? { message, code, extras: { field } } : { message, code },
});

export const invalid = (field: string, message: string): SimResponse => fail(422, 'UnprocessableEntity', message, field);

export const notFound = (what: string): SimResponse => fail(404, 'NotFound', `${what} not found`);

export const ok = (body: unknown, status = 200): SimResponse => ({ status, body });

/** Deterministic 24-hex id (MongoDB ObjectId-like): 8 hex of creation seconds, 4 hex kind, 12 hex counter. */
export function objectId(createdMs: number, kind: number, n: number): string {
	const secs = Math.floor(createdMs / 1000).toString(16).padStart(8, '0').slice(-8);
	return `${secs}${kind.toString(16).padStart(4, '0')}${n.toString(16).padStart(12, '0')}`;
}

export function first(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** `x[]=a&x[]=b`, repeated `x`, or `x=a,b` → ['a','b']. */
export function list(value: string | string[] | undefined): string[] {
	if (value === undefined) return [];
	const values = Array.isArray(value) ? value : value.split(',');
	return values.map((v) => v.trim()).filter(Boolean);
}

export function digits(text: string): string {
	return text.replace(/\D/g, '');
}

/** [INF] phone matching: national digits without leading zeros, or the same with the calling code. */
export function phoneMatches(query: string, stored: string, callingCode: string | null): boolean {
	const q = digits(query).replace(/^0+/, '');
	const s = digits(stored).replace(/^0+/, '');
	if (!q || !s) return false;
	return q === s || (callingCode !== null && q === `${callingCode}${s}`);
}

export function isPlainObject(v: unknown): v is Record<string, any> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isValidEmail(v: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
}

export const TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A time filter value. [PUB] SHOPLINE's times are UTC+0, so a date-time without Z or an offset is
 * read as UTC, and one with an offset is that instant. [INF] (the one guess here) a date alone is
 * its midnight UTC. Anything else, and impossible days, are refused.
 */
export function parseTime(value: string | string[] | undefined): number | undefined | string {
	const v = first(value);
	if (v === undefined || v === '') return undefined;
	const m = TIME_RE.exec(v.trim());
	const zone = m?.[3] === undefined || /^z$/i.test(m[3]) ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
	const t = m ? Date.parse(`${m[1]}T${m[2] ?? '00:00'}${zone}`) : Number.NaN;
	const day = m ? Date.parse(`${m[1]}T00:00:00Z`) : Number.NaN;
	const realDay = !Number.isNaN(day) && new Date(day).toISOString().slice(0, 10) === m![1];
	return Number.isNaN(t) || !realDay ? `is not a valid time: ${v}` : t;
}

/** Keeps or drops top-level keys per `fields[]` (wins) or `excludes[]`. */
export function shape(obj: Record<string, unknown>, q: Query): Record<string, unknown> {
	const fields = list(q.fields);
	if (fields.length) return Object.fromEntries(fields.filter((f) => f in obj).map((f) => [f, obj[f]]));
	const excludes = list(q.excludes);
	if (!excludes.length) return obj;
	return Object.fromEntries(Object.entries(obj).filter(([k]) => !excludes.includes(k)));
}
export function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function isResponse(v: unknown): v is SimResponse {
	return isPlainObject(v) && typeof v.status === 'number' && ('body' in v || 'raw' in v);
}

export function byCreated(a: { created_at: string; seq: number }, b: { created_at: string; seq: number }): number {
	return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.seq - b.seq;
}

/** Inclusive UTC range check on an ISO time. */
export function inRange(iso: string, after: number | undefined, before: number | undefined): boolean {
	if (after === undefined && before === undefined) return true;
	const t = Date.parse(iso);
	return (after === undefined || t >= after) && (before === undefined || t <= before);
}

export function toCents(v: unknown): number {
	return typeof v === 'number' ? Math.round(v * 100) : typeof v === 'string' && v.trim() !== '' ? Math.round(Number(v) * 100) : NaN;
}
