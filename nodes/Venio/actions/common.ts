/** Small pieces every Venio operation uses: a required code/number field, reading it back, numeric ids. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fail } from '../../shared/validation';

/** A required text parameter that names one record (customer code, order number, …). */
export function keyProperty(name: string, displayName: string, description: string, placeholder?: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description, placeholder };
}

/** The trimmed value of a key parameter, or a clear error before any request. */
export function readKey(ctx: IExecuteFunctions, name: string, displayName: string, itemIndex: number, pattern?: { re: RegExp; words: string }): string {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = raw === null || raw === undefined ? '' : String(raw).trim();
	if (value === '') fail(ctx.getNode(), itemIndex, [`"${displayName}" is required`]);
	if (pattern && !pattern.re.test(value)) fail(ctx.getNode(), itemIndex, [`"${displayName}" ${pattern.words}`]);
	return value;
}

/** Venio wants dropdown values (ids, event types) as numbers; an expression may give "2". */
export function numericIds<T extends IDataObject>(body: T, keys: string[]): T {
	for (const key of keys) {
		const v = body[key];
		if (typeof v === 'string' && /^\d+$/.test(v.trim())) (body as IDataObject)[key] = Number(v);
	}
	return body;
}

/** An optional code that switches Create or Update between creating and updating. */
export function upsertKeyProperty(name: string, displayName: string, what: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		description: `Leave empty to create a new ${what}. Fill in an existing ${displayName.toLowerCase()} to update that ${what}.`,
	};
}

export function readOptionalKey(ctx: IExecuteFunctions, name: string, itemIndex: number): string | undefined {
	const raw = ctx.getNodeParameter(name, itemIndex, '') as unknown;
	const value = raw === null || raw === undefined ? '' : String(raw).trim();
	return value === '' ? undefined : value;
}
