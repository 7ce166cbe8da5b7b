/**
 * zod at the node boundary: a body is checked before any request, and a failure names the item
 * and the field (by the label the user sees) in plain words.
 */
import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';
import type { z, ZodIssue } from 'zod';

/**
 * Turns `['addresses', 0, 'locationName']` into `Addresses › 1 › Location Name` using known labels.
 * Labels are looked up as own properties only: a user's key such as "constructor" must not find
 * Object.prototype members.
 */
export function fieldPath(path: Array<string | number>, labels: Record<string, string> = {}): string {
	return path
		.map((part) => (typeof part === 'number' ? String(part + 1) : Object.hasOwn(labels, part) ? String(labels[part]) : humanize(part)))
		.join(' › ');
}

export function humanize(key: string): string {
	return key
		.replace(/\[\]$/, '')
		.replace(/[_-]+/g, ' ')
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.replace(/^\w/, (c) => c.toUpperCase());
}

export function describeIssue(issue: ZodIssue, labels: Record<string, string>): string {
	const where = issue.path.length ? `"${fieldPath(issue.path, labels)}"` : 'The input';
	if (issue.code === 'invalid_type' && issue.received === 'undefined') return `${where} is required`;
	// Our own messages read on from the field name ("Email" must be …); zod's defaults are sentences.
	return /^[a-z]/.test(issue.message) ? `${where} ${issue.message}` : `${where}: ${issue.message}`;
}

/** Parses `value` with `schema`, or throws a NodeOperationError naming the item and fields. */
export function validateInput<S extends z.ZodTypeAny>(
	node: INode,
	schema: S,
	value: unknown,
	itemIndex: number,
	labels: Record<string, string> = {},
): z.infer<S> {
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	const problems = result.error.issues.map((i) => describeIssue(i, labels));
	return fail(node, itemIndex, problems);
}

export function fail(node: INode, itemIndex: number, problems: string[]): never {
	const first = problems[0];
	throw new NodeOperationError(node, `Item ${itemIndex + 1}: ${first}`, {
		itemIndex,
		description: problems.length > 1 ? `All problems found:\n- ${problems.join('\n- ')}` : undefined,
	});
}

/**
 * A top-level options parameter of item `i`, checked against its list: n8n does not check an
 * expression's value against the options, so a bad one would otherwise reach the vendor.
 */
export function readChoice<T extends string | number>(ctx: IExecuteFunctions, i: number, name: string, label: string, options: Array<{ value: T }>): T {
	const raw = ctx.getNodeParameter(name, i, '') as unknown;
	const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	const found = options.find((o) => o.value === raw || String(o.value) === text);
	if (found) return found.value;
	const allowed = options.map((o) => o.value).join(', ');
	return fail(ctx.getNode(), i, [text === '' ? `"${label}" is required: one of ${allowed}` : `"${label}" must be one of: ${allowed} (got "${text.slice(0, 40)}")`]);
}
