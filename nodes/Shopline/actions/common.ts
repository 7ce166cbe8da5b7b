/**
 * Pieces every SHOPLINE operation uses: the Simplify + language switch for reads, the fields[] /
 * excludes[] response options, and times sent to SHOPLINE in UTC (as its docs require).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../shared/router';
import { fail } from '../../shared/validation';
import { LANGUAGES } from '../simplify';

export const languageProperty: INodeProperties = {
	displayName: 'Name Language',
	name: 'language',
	type: 'options',
	options: LANGUAGES,
	default: 'en',
	displayOptions: { show: { simplify: [true] } },
	description: 'Language of product and item names in the simplified output; when a name has no text in it, English, Chinese, Thai or Vietnamese is used',
};

/** Simplify, plus the language for translated names when `withLanguage`. */
export function outputProperties(withLanguage: boolean): INodeProperties[] {
	return withLanguage ? [simplifyProperty, languageProperty] : [simplifyProperty];
}

export function readOutput(ctx: IExecuteFunctions, i: number): { simplify: boolean; language: string } {
	const simplify = ctx.getNodeParameter('simplify', i, true) as boolean;
	const language = simplify ? (ctx.getNodeParameter('language', i, 'en') as string) : 'en';
	return { simplify, language };
}

/** Seed 002's `fields[]` / `excludes[]`: which top-level keys the response keeps. */
export const responseFieldOptions: INodeProperties[] = [
	{
		displayName: 'Only Return Fields',
		name: 'fields',
		type: 'string',
		default: '',
		placeholder: 'name, email, mobile_phone',
		description: 'Top-level fields of the customer to return (SHOPLINE fields[]); the rest are left out',
		hint: 'Separate several values with commas',
	},
	{
		displayName: 'Leave Out Fields',
		name: 'excludes',
		type: 'string',
		default: '',
		placeholder: 'delivery_addresses, memo',
		description: 'Top-level fields of the customer not to return (SHOPLINE excludes[])',
		hint: 'Separate several values with commas',
	},
];

const list = (value: unknown): string[] =>
	String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);

/** The `fields[]` / `excludes[]` query from the Options collection. */
export function responseFieldsQuery(options: IDataObject): IDataObject {
	const qs: IDataObject = {};
	const fields = list(options.fields);
	const excludes = list(options.excludes);
	if (fields.length) qs.fields = fields;
	if (excludes.length) qs.excludes = excludes;
	return qs;
}

/** How far the workflow's time zone is ahead of UTC at `instant`, in ms. */
function zoneOffsetMs(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - instant;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

/**
 * A time filter as SHOPLINE wants it (UTC ISO). A value with Z or an offset is that instant; a
 * value without (n8n's date picker) is a wall time in the workflow's time zone.
 */
export function toUtcIso(ctx: IExecuteFunctions, i: number, label: string, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(typeof value === 'object' && 'toISO' in value ? (value as { toISO: () => string }).toISO() : value).trim();
	if (/(Z|[+-]\d{2}:?\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text))) return new Date(Date.parse(text)).toISOString();
	const m = LOCAL_TIME.exec(text);
	if (!m) return fail(ctx.getNode(), i, [`"${label}" must be a date and time, e.g. 2024-05-01T09:00:00`]);
	const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
	const zone = ctx.getTimezone();
	const guess = wall - zoneOffsetMs(wall, zone);
	return new Date(wall - zoneOffsetMs(guess, zone)).toISOString();
}

/** A required ID parameter, trimmed; a blank one is an input error naming the item. */
export function readId(ctx: IExecuteFunctions, i: number, name: string, label: string): string {
	const id = String(ctx.getNodeParameter(name, i, '') ?? '').trim();
	if (!id) return fail(ctx.getNode(), i, [`"${label}" is required`]);
	return encodeURIComponent(id);
}

/** Leaves out filters the user did not set. */
export function dropEmpty(qs: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(qs).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)));
}

/** Creation-time order for Get Many lists. */
export const sortProperty: INodeProperties = {
	displayName: 'Sort',
	name: 'sort_by',
	type: 'options',
	options: [
		{ name: 'Newest First', value: 'desc' },
		{ name: 'Oldest First', value: 'asc' },
	],
	default: 'desc',
	description: 'Order by creation time',
};
