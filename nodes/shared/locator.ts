/**
 * Record pickers: n8n's resource locator ("From List" searchable and paged, "By ID" or "By Code")
 * for every parameter that names one record, and reading them back.
 *
 * Saved workflows keep working: each picker keeps the name of the text parameter it replaced, and
 * its value is read whether it is the old plain text (`"C000123"`, what n8n passes for a value saved
 * before the picker existed) or the picker's `{__rl: true, mode, value}`. We read the raw value
 * ourselves instead of `getNodeParameter(…, { extractValue: true })`: that does the same for
 * top-level parameters, but not inside Lines (fixed collections), and its errors name neither the
 * item nor the field.
 */
import type { IDataObject, IExecuteFunctions, INodeListSearchItems, INodeListSearchResult, INodeProperties } from 'n8n-workflow';

import { fail } from './validation';

export interface RecordLocator {
	/** The parameter's name: the old text parameter's, so saved workflows still find their value. */
	name: string;
	/** What the record is, e.g. "Customer"; the picker's label. */
	displayName: string;
	description: string;
	/**
	 * The `methods.listSearch` entry that fills "From List". Absent when the vendor has no list of
	 * these records to search: the picker then only has the typed mode.
	 */
	searchListMethod?: string;
	/** The typed mode: the vendor's ID, or its code where records are known by code. */
	key: {
		mode: 'id' | 'code';
		/** E.g. "Customer Code": how errors name the value. */
		label: string;
		placeholder: string;
		/** The whole value must match (checked in the editor and before any request). */
		regex: string;
		/** Completes "… must be …" when the value does not match, e.g. "a number, e.g. 5001". */
		format: string;
	};
}

/** The resource locator property for one record. */
export function locatorProperty(locator: RecordLocator, required = true): INodeProperties {
	const { key, searchListMethod } = locator;
	const listMode = searchListMethod
		? [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list' as const,
					placeholder: `Select a ${locator.displayName.toLowerCase()}…`,
					typeOptions: { searchListMethod, searchable: true },
				},
			]
		: [];
	return {
		displayName: locator.displayName,
		name: locator.name,
		type: 'resourceLocator',
		default: { mode: searchListMethod ? 'list' : key.mode, value: '' },
		required: required || undefined,
		description: locator.description,
		modes: [
			...listMode,
			{
				displayName: key.mode === 'code' ? 'By Code' : 'By ID',
				name: key.mode,
				type: 'string',
				placeholder: key.placeholder,
				// An optional picker may stay empty: n8n checks the regex on an empty value too.
				validation: [{ type: 'regex', properties: { regex: required ? key.regex : `(?:${key.regex})?`, errorMessage: `${key.label} must be ${key.format}` } }],
			},
		],
	};
}

/**
 * The value a picker holds, trimmed: old plain text as it is, a picker's `value` whatever the mode
 * (list and typed modes both hold the record's ID or code). Empty when nothing is chosen.
 */
export function locatorValue(raw: unknown): string {
	const inner = raw !== null && typeof raw === 'object' && 'value' in raw ? (raw as IDataObject).value : raw;
	return typeof inner === 'string' || typeof inner === 'number' ? String(inner).trim() : '';
}

/** Checks a picker's value: required, and in the typed mode's format. Returns the problem, if any. */
export function locatorProblem(locator: RecordLocator, value: string, label = locator.displayName): string | undefined {
	const typed = locator.key.mode === 'code' ? 'code' : 'ID';
	if (value === '') return `"${label}" is required: ${locator.searchListMethod ? `pick one from the list or enter its ${typed}` : `enter its ${typed}`}`;
	if (!new RegExp(locator.key.regex).test(value)) return `"${label}" must be ${locator.key.format} (got "${value}")`;
	return undefined;
}

/** Reads a top-level picker of item `i` (old text or picker value), or a clear error before any request. */
export function readLocator(ctx: IExecuteFunctions, locator: RecordLocator, i: number): string {
	const value = locatorValue(ctx.getNodeParameter(locator.name, i, ''));
	const problem = locatorProblem(locator, value);
	if (problem) fail(ctx.getNode(), i, [problem]);
	return value;
}

/**
 * Reads an optional top-level picker of item `i` (e.g. the record a Create or Update updates):
 * undefined when empty, else checked like `readLocator`.
 */
export function readOptionalLocator(ctx: IExecuteFunctions, locator: RecordLocator, i: number): string | undefined {
	const value = locatorValue(ctx.getNodeParameter(locator.name, i, ''));
	if (value === '') return undefined;
	const problem = locatorProblem(locator, value);
	if (problem) fail(ctx.getNode(), i, [problem]);
	return value;
}

/**
 * The picked record for item messages, e.g. "order 63b0…": read leniently, and only when the value
 * is a valid key (a bad one is already quoted by the error itself).
 */
export function locatorRecord(ctx: IExecuteFunctions, locator: RecordLocator, i: number, noun: string): string | undefined {
	const value = locatorValue(ctx.getNodeParameter(locator.name, i, ''));
	return locatorProblem(locator, value) ? undefined : `${noun} ${value}`;
}

/** How many records one "From List" page shows; scrolling asks for the next page. */
export const SEARCH_PAGE_SIZE = 50;

/**
 * One page of a "From List" search: `token` is the offset n8n hands back for the next page (kept as
 * text, as n8n stores it). `fetchPage` reads `size` records from `offset`; a full page means more
 * may follow.
 */
export async function offsetSearchPage<T>(
	token: string | undefined,
	fetchPage: (offset: number, size: number) => Promise<T[]>,
	toItem: (record: T) => INodeListSearchItems | undefined,
	size = SEARCH_PAGE_SIZE,
): Promise<INodeListSearchResult> {
	const offset = Number.isSafeInteger(Number(token)) && Number(token) > 0 ? Number(token) : 0;
	const records = await fetchPage(offset, size);
	const results = records.map(toItem).filter((r): r is INodeListSearchItems => r !== undefined);
	return { results, paginationToken: records.length >= size ? String(offset + records.length) : undefined };
}

/** A search text from the editor, trimmed; undefined when empty (list everything). */
export const searchText = (filter?: string): string | undefined => (typeof filter === 'string' && filter.trim() !== '' ? filter.trim() : undefined);
