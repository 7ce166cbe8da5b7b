/**
 * What every MeeDee read operation shares: the Filters collection built from a field table, the
 * Options collection (page size, amounts as numbers), and the output step.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z, type ZodTypeAny } from 'zod';

import { fieldProperties, objectSchema, readBody, type Field } from '../../shared/fields';
import { validateInput } from '../../shared/validation';
import { convertAmounts, convertAmountsOption } from '../amounts';
import { pageSizeOption, readWindow } from '../../shared/router';
import { MAX_PAGE_SIZE, meedeeList, type ListWindow } from '../transport';

/** MeeDee IDs are UUIDs; checking them here gives a clear message before any request. */
export const uuid = z
	.string()
	.trim()
	.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a MeeDee ID (a UUID such as 4b1a5ef8-f4a2-4fb2-99d5-dddd1076e1bb)');

/** `q` on customers, products and suppliers: 1 to 255 characters [SEED 001]. */
export const searchText = z.string().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

const pageSize = pageSizeOption('MeeDee', MAX_PAGE_SIZE, MAX_PAGE_SIZE);

/** The Filters collection of a list operation. */
export function filterProperties(fields: Field[]): INodeProperties[] {
	return fieldProperties(fields, { name: 'filters', label: 'Filters' });
}

/**
 * A Search added to Filters whose value came out blank (an expression that gave no text) would ask
 * MeeDee for every record: refused, so that "not set" (Search not added) and "set but empty" differ.
 */
export function refuseBlankSearch(ctx: IExecuteFunctions, i: number, records: string): void {
	const filters = ctx.getNodeParameter('filters', i, {}) as IDataObject;
	if (!('q' in filters)) return;
	const q = filters.q;
	if (q !== undefined && q !== null && (typeof q !== 'string' || q.trim() !== '')) return;
	throw new NodeOperationError(ctx.getNode(), `Item ${i + 1}: "Search" is empty, so it would list every ${records}`, {
		itemIndex: i,
		description: `Search is added under Filters but its value is empty (often an expression that gave no text). Give the text to look for, or remove Search from Filters to list every ${records}.`,
	});
}

/** Reads and checks the Filters collection of item `i`. */
export function readFilters(ctx: IExecuteFunctions, fields: Field[], schema: ZodTypeAny, i: number): IDataObject {
	return readBody(ctx, fields, schema, i, { collection: 'filters', extraPath: false }) as IDataObject;
}

export { objectSchema };

/** The Options collection of a list operation, with any operation-specific options first. */
export function listOptions(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, convertAmountsOption, pageSize].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

export function readOptions(ctx: IExecuteFunctions, i: number): IDataObject {
	return ctx.getNodeParameter('options', i, {}) as IDataObject;
}

/** Records as the user asked for them: exact decimal strings, or numbers with "Convert Amounts to Numbers". */
export function shapeAmounts<T extends IDataObject | IDataObject[]>(records: T, options: IDataObject): T {
	return options.convertAmounts === true ? convertAmounts(records) : records;
}

/** Options for reads that are not paged: only the amounts switch. */
export const amountsOnlyOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [convertAmountsOption],
};

/** Reads a required MeeDee ID parameter, checked before any request. */
export function readId(ctx: IExecuteFunctions, name: string, label: string, i: number): string {
	const value = ctx.getNodeParameter(name, i, '') as unknown;
	const parsed = validateInput(ctx.getNode(), z.object({ [name]: uuid }), { [name]: typeof value === 'string' ? value.trim() : value }, i, { [name]: label });
	return String(parsed[name]);
}

/** A required MeeDee ID field. */
export function idProperty(name: string, label: string, description: string): INodeProperties {
	return { displayName: label, name, type: 'string', required: true, default: '', placeholder: 'e.g. 4b1a5ef8-f4a2-4fb2-99d5-dddd1076e1bb', description };
}

/** Branch filter of lists that take `branch_id` (repeatable). */
export const branchIdsField: Field = {
	key: 'branch_id',
	label: 'Branch IDs',
	type: 'stringList',
	schema: z.array(uuid),
	description:
		'Only these branches (MeeDee IDs, separated by commas). MeeDee offers no branch list to choose from; leave empty for every branch the API Application may read.',
};

/**
 * Runs a cursor-paged list with the filters of item `i` (`branch_id` values go as repeated keys, see
 * meedeeRequest). `prepare` may rewrite the query and return which records to keep.
 */
export async function listWithFilters(
	ctx: IExecuteFunctions,
	path: string,
	fields: Field[],
	schema: ZodTypeAny,
	i: number,
	prepare?: (qs: IDataObject) => ListWindow['keep'],
): Promise<IDataObject[]> {
	// Every list with a Search filter: a blank Search is refused rather than listing everything.
	if (fields.some((f) => f.key === 'q')) refuseBlankSearch(ctx, i, path.replace(/^\/|s$/g, ''));
	const qs = readFilters(ctx, fields, schema, i);
	const keep = prepare?.(qs);
	const options = readOptions(ctx, i);
	const window = { ...readWindow(ctx, i, MAX_PAGE_SIZE), pageSize: options.pageSize as number | undefined, keep };
	const records = await meedeeList.call(ctx, path, qs, window, i);
	return shapeAmounts(records, options);
}
