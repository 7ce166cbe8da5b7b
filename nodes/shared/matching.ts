/**
 * Making a write safe to repeat: "Match Existing By" finds the record an earlier run made (by a key
 * the operator picks) so a re-run updates it or returns it instead of creating another, and the
 * output says which happened in one field, `action` (SHOPLINE Create or Update's convention):
 * `created`, `updated` or `unchanged`.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { toE164 } from './phone';

export type Action = 'created' | 'updated' | 'unchanged';

/** The record as the operation returns it, with `action` first. */
export function withAction(action: Action, record: IDataObject): IDataObject {
	return { action, ...record };
}

export interface MatchChoice {
	name: string;
	value: string;
	description: string;
}

/** The "Match Existing By" dropdown, shown in both mapping modes. */
export function matchExistingProperty(choices: MatchChoice[], fallback: string, description: string): INodeProperties {
	return {
		displayName: 'Match Existing By',
		name: 'matchBy',
		type: 'options',
		options: choices,
		default: fallback,
		description,
	};
}

export const DO_NOT_MATCH: MatchChoice = {
	name: 'Do Not Match',
	value: 'none',
	description: 'Always create a new record (a re-run creates it again)',
};

export function readMatchBy(ctx: IExecuteFunctions, i: number, fallback: string): string {
	return String(ctx.getNodeParameter('matchBy', i, fallback) ?? fallback);
}

/** Text keys compare trimmed and without case (emails, names, reference numbers). */
export const sameText = (a: unknown, b: unknown): boolean =>
	typeof a === 'string' && typeof b === 'string' && a.trim() !== '' && a.trim().toLowerCase() === b.trim().toLowerCase();

/** Phones compare as E.164, so 081-234-5678 and +66812345678 are the same number. */
export function samePhone(a: unknown, b: unknown): boolean {
	const x = toE164(a);
	const y = toE164(b);
	if (x && y) return x === y;
	const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
	return digits(a) !== '' && digits(a) === digits(b);
}

/**
 * The transport's "the vendor may or may not have applied it" failure (a lost reply, a timeout, a
 * garbled answer to a write): the record may exist now, so look before trying again. The transport
 * builds that error with a `networkCode` entry, which a vendor's refusal never has.
 */
export function isUnknownOutcome(error: unknown): boolean {
	const response = (error as { errorResponse?: IDataObject } | undefined)?.errorResponse;
	return error instanceof NodeApiError && !!response && typeof response === 'object' && 'networkCode' in response;
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The outcome of `run` as a value, so a caller can look at a failure before passing it on. */
export async function settle<T>(run: () => Promise<T>): Promise<Settled<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		return { ok: false, error };
	}
}

/** A vendor refusal whose words match `words` (e.g. "already exists"), not a lost reply. */
export function isRefusal(error: unknown, words: RegExp): boolean {
	return error instanceof NodeApiError && !isUnknownOutcome(error) && words.test(error.message);
}

/**
 * The record's own key for messages about an item, read leniently (the item may be the bad one):
 * from the common-shape record under Map Automatically, else from the first filled-in parameter.
 */
export function recordLabel(ctx: IExecuteFunctions, i: number, parameters: string[]): string | undefined {
	const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
	if (ctx.getNodeParameter('mapping', i, 'manual') === 'auto') {
		let record = ctx.getNodeParameter('commonData', i, {}) as unknown;
		if (typeof record === 'string') {
			try {
				record = JSON.parse(record);
			} catch {
				return undefined;
			}
		}
		const r = (record ?? {}) as IDataObject;
		for (const key of ['code', 'number', 'sku', 'email', 'phone', 'name', 'id']) if (text(r[key])) return text(r[key]);
		return undefined;
	}
	for (const name of parameters) {
		const value = text(ctx.getNodeParameter(name, i, ''));
		if (value) return value;
	}
	return undefined;
}
