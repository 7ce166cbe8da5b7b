/** Salekit simulator: field checking shared by every route (presence, JSON types, formats) and the refusal type. */
import { SALEKIT_MSG } from './messages';
import type { SalekitErrorStatus } from './model';

export type Kind = 'string' | 'number' | 'int' | 'array' | 'object';

export const KIND_WORDS: Record<Kind, string> = {
	string: 'chuỗi',
	number: 'số',
	int: 'số nguyên',
	array: 'mảng',
	object: 'đối tượng',
};

export type Body = Record<string, unknown>;

/** Absent means not sent, null, or an empty/blank string (a PHP back end treats them alike). */
export function isAbsent(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Returns the value in the expected kind, or undefined when it has the wrong type. */
export function asKind(value: unknown, kind: Kind, strict: boolean): unknown {
	const numeric = typeof value === 'string' && !strict && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
	switch (kind) {
		case 'string':
			if (typeof value === 'string') return value.trim();
			return !strict && typeof value === 'number' ? String(value) : undefined;
		case 'number':
			return typeof numeric === 'number' && Number.isFinite(numeric) ? numeric : undefined;
		case 'int':
			return typeof numeric === 'number' && Number.isInteger(numeric) ? numeric : undefined;
		case 'array':
			return Array.isArray(value) ? value : undefined;
		case 'object':
			return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
	}
}

/**
 * Checks the listed fields of `body`: presence of the required ones, then types.
 * Returns the present fields converted to their kind, or the first error message.
 */
export function readFields(
	body: Body,
	kinds: Record<string, Kind>,
	required: string[],
	strict: boolean,
): { values: Record<string, any> } | { error: string } {
	for (const field of required) {
		if (isAbsent(body[field])) return { error: SALEKIT_MSG.required(field) };
	}
	const values: Record<string, any> = {};
	for (const [field, kind] of Object.entries(kinds)) {
		if (isAbsent(body[field])) continue;
		const value = asKind(body[field], kind, strict);
		if (value === undefined) return { error: SALEKIT_MSG.wrongType(field, KIND_WORDS[kind]) };
		values[field] = value;
	}
	return { values };
}

export function firstNegative(values: Record<string, any>, fields: string[]): string | undefined {
	return fields.find((f) => typeof values[f] === 'number' && values[f] < 0);
}

export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// [INF] Lenient: 8–15 digits with optional +, spaces, dots, dashes, parentheses.
const PHONE_RE = /^\+?[\d\s().-]+$/;
export const phoneDigits = (phone: string) => phone.replace(/\D/g, '');
export const isPhone = (phone: string) => PHONE_RE.test(phone) && phoneDigits(phone).length >= 8 && phoneDigits(phone).length <= 15;

/** A refusal: which kind of error (decides the HTTP status) and the Vietnamese message. */
export class Failure {
	constructor(
		readonly kind: keyof SalekitErrorStatus,
		readonly msg: string,
	) {}
}
export const fail = (kind: Failure['kind'], msg: string) => new Failure(kind, msg);

/** Order processing status: a whole number 0..7 (ORDER_STATUSES). */
export function isStatus(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 7;
}
