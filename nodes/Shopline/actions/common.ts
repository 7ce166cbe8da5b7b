/**
 * Pieces every SHOPLINE operation uses: the Simplify + language switch for reads, the page size of
 * lists, the fields[] / excludes[] response options, and times sent to SHOPLINE in UTC (as its docs require).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { zonedEndInstant, zonedInstant } from '../../shared/dates';
export { dropEmpty } from '../../shared/mapping';
import { concurrencyOption, optionsCollection, pageSizeOption, readWindow, simplifyProperty } from '../../shared/router';
import { fail } from '../../shared/validation';
import { LANGUAGES } from '../simplify';
import { MAX_PAGE_SIZE, PAGE_SIZE, type ListWindow } from '../transport';

export const languageProperty: INodeProperties = {
	displayName: 'Name Language',
	name: 'language',
	type: 'options',
	options: LANGUAGES,
	default: 'en',
	displayOptions: { show: { simplify: [true] } },
	description: 'Language of product and item names in the simplified output; when a name has no text in it, English, Chinese, Thai or Vietnamese is used',
};

/**
 * The Options of every SHOPLINE list: several input items read at once (one shared 20/s budget),
 * and the page size.
 */
export const listOptions = optionsCollection([concurrencyOption, pageSizeOption('SHOPLINE', MAX_PAGE_SIZE, PAGE_SIZE, 'very large pages of orders take SHOPLINE longer to answer')]);

/** Return All / Limit and Options → Page Size of item `i`. */
export function readListWindow(ctx: IExecuteFunctions, i: number): ListWindow {
	const { returnAll, limit } = readWindow(ctx, i, PAGE_SIZE);
	return { returnAll, limit, pageSize: ctx.getNodeParameter('options.pageSize', i, PAGE_SIZE) as number };
}

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

/**
 * A time filter as SHOPLINE documents it (UTC, ISO 8601 with Z). A value with Z or an offset is that
 * instant; a value without (n8n's date picker) is a wall time in the workflow's time zone; a date
 * alone is that day in the workflow's time zone: its midnight, or for an `end` bound ("Before") its
 * last millisecond, so the whole day is included.
 */
export function toUtcIso(ctx: IExecuteFunctions, i: number, label: string, value: unknown, end = false): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const instant = (end ? zonedEndInstant : zonedInstant)(value, ctx.getTimezone());
	if (!instant) return fail(ctx.getNode(), i, [`"${label}" must be a date and time, e.g. 2024-05-01T09:00:00`]);
	return instant.toISOString();
}

/** A required ID parameter, trimmed; a blank one is an input error naming the item. Encode it in paths. */
export function readId(ctx: IExecuteFunctions, i: number, name: string, label: string): string {
	const id = String(ctx.getNodeParameter(name, i, '') ?? '').trim();
	if (!id) return fail(ctx.getNode(), i, [`"${label}" is required`]);
	return id;
}

/** The "changed within" filters every SHOPLINE list offers (the sort is `sortProperty`). */
export function updatedRangeFilters(what: string): INodeProperties[] {
	return [
		{ displayName: 'Updated After', name: 'updated_after', type: 'dateTime', default: '', description: `Only ${what} changed at or after this time, in the workflow’s time zone (a date alone: from its midnight)` },
		{ displayName: 'Updated Before', name: 'updated_before', type: 'dateTime', default: '', description: `Only ${what} changed at or before this time, in the workflow’s time zone (a date alone: the whole day)` },
	];
}

/** The query of the "changed within" filters and the sort, times sent in UTC. */
export function updatedRangeQuery(ctx: IExecuteFunctions, i: number, filters: IDataObject): IDataObject {
	return {
		updated_after: toUtcIso(ctx, i, 'Updated After', filters.updated_after),
		updated_before: toUtcIso(ctx, i, 'Updated Before', filters.updated_before, true),
		sort_by: filters.sort_by,
	};
}

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
