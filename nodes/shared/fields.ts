/**
 * A vendor's fields, described once. One table drives the n8n properties (required fields at the
 * top, the rest under "Additional Fields"), the reading of those properties back into a request
 * body, and the zod schema that checks the body before any request.
 */
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type INodePropertyOptions,
	type NodeParameterValueType,
} from 'n8n-workflow';
import { z, type ZodTypeAny } from 'zod';

import { parseIsoDateTime, toCalendarDate, toDateTimeText } from './dates';
import { locatorProperty, locatorValue, type RecordLocator } from './locator';
import { validateInput } from './validation';

export type FieldType =
	| 'string'
	| 'number'
	| 'boolean'
	| 'options'
	| 'multiOptions'
	/** A calendar date sent as YYYY-MM-DD; never shifted by time zones. */
	| 'date'
	/** An instant sent as ISO 8601 with offset. */
	| 'dateTime'
	/** Comma-separated in the UI, an array of strings in the body. */
	| 'stringList'
	/** Name/value pairs in the UI, an object in the body. */
	| 'keyValue'
	| 'json'
	/** Nested fields: an object, or with `multiple` an array of objects. */
	| 'group';

export interface Field {
	/** The vendor's body key. */
	key: string;
	label: string;
	type: FieldType;
	required?: boolean;
	description?: string;
	placeholder?: string;
	default?: NodeParameterValueType;
	options?: Array<{ name: string; value: string | number; description?: string }>;
	/** A dropdown loaded from the API by this `methods.loadOptions` entry. */
	loadOptions?: string;
	/** Parameters the dropdown's list depends on (reloaded when they change), e.g. a board for its stages. */
	loadOptionsDependsOn?: string[];
	/** For `group`: the entries may repeat (sent as an array). */
	multiple?: boolean;
	fields?: Field[];
	/** Extra checks beyond the type (max length, ranges); replaces the derived schema. */
	schema?: ZodTypeAny;
	password?: boolean;
	/** For `string`: show a multi-line box. */
	rows?: number;
	/** For `number` inside a group (where n8n always fills defaults): may be left empty = not sent. */
	allowBlank?: boolean;
	/** For `string`: a record picker (n8n's resource locator); the body gets the picked ID or code. */
	locator?: RecordLocator;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export const calendarDate = z
	.string()
	.regex(DATE_RE, 'must be a date written YYYY-MM-DD')
	.refine((d) => {
		// A value not written YYYY-MM-DD is already refused for that; one message is enough.
		if (!DATE_RE.test(d)) return true;
		const [y, m, day] = d.split('-').map(Number);
		const t = new Date(Date.UTC(y, m - 1, day));
		return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
	}, 'is not a real calendar date');

function optionValues(field: Field): [string | number, ...Array<string | number>] | undefined {
	const values = field.options?.map((o) => o.value);
	return values && values.length ? (values as [string | number, ...Array<string | number>]) : undefined;
}

function oneOf(values: Array<string | number>) {
	return z.custom<string | number>((v) => values.includes(v as string | number), {
		message: `must be one of: ${values.join(', ')}`,
	});
}

/** The zod schema of one field (required-ness applied by the caller). */
export function fieldSchema(field: Field): ZodTypeAny {
	if (field.schema) return field.schema;
	if (field.locator) {
		const { regex, format } = field.locator.key;
		// An empty one is reported as required (objectSchema) or left out when optional.
		return z.string().refine((v) => v === '' || new RegExp(regex).test(v), `must be ${format}`);
	}
	switch (field.type) {
		case 'string':
			return z.string({ invalid_type_error: 'must be text' });
		case 'number':
			return z.number({ invalid_type_error: 'must be a number' }).finite();
		case 'boolean':
			return z.boolean({ invalid_type_error: 'must be true or false' });
		case 'options': {
			const values = optionValues(field);
			return values && !field.loadOptions ? oneOf(values) : z.union([z.string().min(1), z.number()]);
		}
		case 'multiOptions': {
			const values = optionValues(field);
			return z.array(values && !field.loadOptions ? oneOf(values) : z.union([z.string().min(1), z.number()]));
		}
		case 'date':
			return calendarDate;
		case 'dateTime':
			return z
				.string({ invalid_type_error: 'must be a date and time' })
				.refine((v) => parseIsoDateTime(v) !== undefined, 'must be a date and time written ISO 8601, e.g. 2024-05-01T09:00:00 or 2024-05-01T09:00:00+07:00');
		case 'stringList':
			return z.array(z.string().min(1, 'has an empty entry'));
		case 'keyValue':
			return z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
		case 'json':
			return z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())]);
		case 'group': {
			const object = objectSchema(field.fields ?? []);
			return field.multiple ? z.array(object) : object;
		}
	}
}

/** The zod object for a list of fields; vendors add cross-field rules with `.superRefine`. */
export function objectSchema(fields: Field[]) {
	const shape: Record<string, ZodTypeAny> = {};
	for (const f of fields) {
		let s = fieldSchema(f);
		// Spaces alone are no value: refused here, before any request, not by the vendor after other items.
		if (f.required && (f.type === 'string' || f.type === 'date')) s = (s as z.ZodString).pipe(z.string().refine((v) => v.trim() !== '', 'is required'));
		shape[f.key] = f.required ? s : s.optional();
	}
	return z.object(shape).passthrough();
}

/** Every label by key, nested fields included, for error messages. */
export function fieldLabels(fields: Field[], into: Record<string, string> = {}): Record<string, string> {
	for (const f of fields) {
		into[f.key] = f.label;
		if (f.fields) fieldLabels(f.fields, into);
	}
	return into;
}

// ---------------------------------------------------------------------------------------------
// n8n properties

function property(field: Field): INodeProperties {
	const base = {
		displayName: field.label,
		name: field.key,
		description: field.description,
		placeholder: field.placeholder,
		required: field.required || undefined,
	};
	if (field.locator) {
		return locatorProperty({ ...field.locator, name: field.key, displayName: field.label, description: field.description ?? field.locator.description }, !!field.required);
	}
	switch (field.type) {
		case 'options':
		case 'multiOptions':
			return {
				...base,
				displayName: field.loadOptions ? `${field.label} Name or ID` : field.label,
				type: field.type,
				default: field.default ?? (field.type === 'multiOptions' ? [] : field.loadOptions ? '' : (field.options?.[0]?.value ?? '')),
				...(field.loadOptions
					? {
							typeOptions: { loadOptionsMethod: field.loadOptions, ...(field.loadOptionsDependsOn ? { loadOptionsDependsOn: field.loadOptionsDependsOn } : {}) },
							options: [],
							description: `${field.description ? `${field.description} ` : ''}Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.`,
						}
					: { options: sortedOptions(field) }),
			} as INodeProperties;
		case 'number':
			return field.allowBlank
				? ({ ...base, type: 'string', default: '', placeholder: field.placeholder ?? 'Leave empty to not send' } as INodeProperties)
				: ({ ...base, type: 'number', default: field.default ?? 0 } as INodeProperties);
		case 'boolean':
			return { ...base, type: 'boolean', default: field.default ?? false } as INodeProperties;
		case 'date':
			return { ...base, type: 'string', default: field.default ?? '', placeholder: field.placeholder ?? 'YYYY-MM-DD' } as INodeProperties;
		case 'dateTime':
			return { ...base, type: 'dateTime', default: field.default ?? '' } as INodeProperties;
		case 'json':
			return { ...base, type: 'json', default: field.default ?? '{}' } as INodeProperties;
		case 'keyValue':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: field.placeholder ?? `Add ${field.label}`,
				options: [
					{
						name: 'pairs',
						displayName: 'Pair',
						values: [
							{ displayName: 'Name', name: 'name', type: 'string', default: '' },
							{ displayName: 'Value', name: 'value', type: 'string', default: '' },
						],
					},
				],
			} as INodeProperties;
		case 'group':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: !!field.multiple },
				default: {},
				placeholder: field.placeholder ?? `Add ${field.label}`,
				options: [{ name: 'values', displayName: field.label, values: (field.fields ?? []).map(property) }],
			} as INodeProperties;
		case 'string':
		case 'stringList':
		default:
			return {
				...base,
				type: 'string',
				default: field.default ?? '',
				...(field.password ? { typeOptions: { password: true } } : field.rows ? { typeOptions: { rows: field.rows } } : {}),
				...(field.type === 'stringList' ? { hint: 'Separate several values with commas' } : {}),
			} as INodeProperties;
	}
}

function sortedOptions(field: Field): INodePropertyOptions[] {
	return (field.options ?? []).map((o) => ({ name: o.name, value: o.value, description: o.description }));
}

/**
 * Properties for a write operation: required fields first, then the optional ones in a collection
 * (`additionalFields` by default). The caller attaches display options with `updateDisplayOptions`.
 */
export function fieldProperties(fields: Field[], collection = { name: 'additionalFields', label: 'Additional Fields' }): INodeProperties[] {
	const required = fields.filter((f) => f.required).map(property);
	const optional = fields
		.filter((f) => !f.required)
		.map(property)
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return [
		...required,
		...(optional.length
			? [{ displayName: collection.label, name: collection.name, type: 'collection', placeholder: 'Add Field', default: {}, options: optional } as INodeProperties]
			: []),
	];
}

// ---------------------------------------------------------------------------------------------
// Reading parameters back into a body

function splitList(value: unknown): unknown {
	if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v.trim() : v));
	if (typeof value !== 'string') return value;
	return value
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** Converts one UI value to the body value the field's schema expects. */
export function fromUi(field: Field, value: unknown, timezone: string): unknown {
	if (value === undefined || value === null) return undefined;
	// Old plain text or a picker's {__rl, mode, value}: the ID or code either way.
	if (field.locator) return locatorValue(value);
	switch (field.type) {
		case 'string':
			return typeof value === 'number' ? String(value) : value;
		case 'number':
			if (typeof value !== 'string') return value;
			if (value.trim() === '') return undefined;
			return Number.isNaN(Number(value)) ? value : Number(value);
		case 'stringList':
			return splitList(value);
		case 'date':
			return value === '' ? undefined : toCalendarDate(value, timezone);
		case 'dateTime':
			return value === '' ? undefined : toDateTimeText(value);
		case 'json':
			if (typeof value !== 'string') return value;
			if (value.trim() === '') return undefined;
			try {
				return JSON.parse(value);
			} catch {
				return value; // the schema reports it as not JSON
			}
		case 'keyValue': {
			const pairs = (value as { pairs?: unknown }).pairs;
			if (pairs === undefined) return typeof value === 'object' && Object.keys(value as object).length ? value : undefined;
			// Only a list of {name, value} entries with text names is read as pairs; anything else goes
			// to the schema as it is, which refuses it naming the field (never a TypeError here).
			const isPair = (p: unknown): p is { name: string; value: unknown } => !!p && typeof p === 'object' && typeof (p as { name?: unknown }).name === 'string';
			if (!Array.isArray(pairs) || !pairs.every(isPair)) return value;
			return Object.fromEntries(pairs.filter((p) => p.name !== '').map((p) => [p.name, p.value]));
		}
		case 'group': {
			const raw = (value as { values?: unknown }).values ?? value;
			const read = (entry: unknown) => readObject(field.fields ?? [], entry as IDataObject, timezone);
			if (field.multiple) return Array.isArray(raw) ? raw.map(read) : raw === undefined ? undefined : [read(raw)];
			return Array.isArray(raw) ? read(raw[0]) : raw && typeof raw === 'object' && Object.keys(raw).length ? read(raw) : undefined;
		}
		default:
			return value;
	}
}

function readObject(fields: Field[], source: IDataObject, timezone: string): IDataObject {
	const out: IDataObject = {};
	for (const f of fields) {
		const v = fromUi(f, source?.[f.key], timezone);
		// n8n fills every field of a group entry with its default; an empty optional text is "not set".
		if (v !== undefined && !(v === '' && !f.required)) out[f.key] = v as IDataObject[string];
	}
	return out;
}

/** Reads the fields of item `itemIndex` (required ones at the top, optional in the collection). */
export function readFields(ctx: IExecuteFunctions, fields: Field[], itemIndex: number, collection = 'additionalFields'): IDataObject {
	const timezone = ctx.getTimezone();
	const optional = fields.some((f) => !f.required) ? (ctx.getNodeParameter(collection, itemIndex, {}) as IDataObject) : {};
	const out: IDataObject = {};
	for (const f of fields) {
		const raw = f.required ? ctx.getNodeParameter(f.key, itemIndex, undefined) : optional[f.key];
		const v = fromUi(f, raw, timezone);
		if (v !== undefined && !(v === '' && !f.required)) out[f.key] = v as IDataObject[string];
	}
	return out;
}

/** The "Additional Body Fields (JSON)" option every write operation offers for unmodelled fields. */
export const extraBodyProperty: INodeProperties = {
	displayName: 'Additional Body Fields (JSON)',
	name: 'extraBody',
	type: 'json',
	default: '{}',
	description: 'Fields this node does not model yet, sent as they are. They are merged into the request body and checked with it.',
};

export function readExtraBody(ctx: IExecuteFunctions, itemIndex: number, path = 'options.extraBody'): IDataObject {
	const raw = ctx.getNodeParameter(path, itemIndex, '{}') as unknown;
	if (raw && typeof raw === 'object') return raw as IDataObject;
	if (typeof raw !== 'string' || raw.trim() === '') return {};
	try {
		const parsed = JSON.parse(raw);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	} catch {
		// reported below
	}
	throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: "Additional Body Fields (JSON)" must be a JSON object`, { itemIndex });
}

/** Reads, merges the extra JSON fields, and validates: the body to send, or a clear error. */
export function readBody<S extends ZodTypeAny>(
	ctx: IExecuteFunctions,
	fields: Field[],
	schema: S,
	itemIndex: number,
	/** `extraPath`: where the "Additional Body Fields (JSON)" option lives, or false when not offered. */
	options: { collection?: string; extraPath?: string | false; base?: IDataObject } = {},
): z.infer<S> {
	const body = {
		...(options.base ?? {}),
		...readFields(ctx, fields, itemIndex, options.collection),
		...(options.extraPath === false ? {} : readExtraBody(ctx, itemIndex, options.extraPath)),
	};
	return validateInput(ctx.getNode(), schema, body, itemIndex, fieldLabels(fields));
}
