/**
 * The router every vendor node's `execute` delegates to: finds the operation for the chosen
 * resource and runs it per item (with the operation's concurrency option when it offers one).
 */
import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { runItems, type ItemResult } from './execute';

export interface Operation {
	/** This operation's fields, display options already attached. */
	description: INodeProperties[];
	/** `prepared`: what `prepare` returned for this item, when the operation has one. */
	execute(this: IExecuteFunctions, itemIndex: number, prepared?: unknown): Promise<ItemResult>;
	/**
	 * Writes: reads and checks one item without changing anything. It runs for every item before
	 * the first write, so one bad item stops the node before anything is written (see runItems).
	 */
	prepare?(this: IExecuteFunctions, itemIndex: number): unknown;
	/** The record's own key for messages about a bad item (its code, email or name). */
	recordOf?(this: IExecuteFunctions, itemIndex: number): string | undefined;
	/** Offers the "Concurrency" option (write operations whose items are independent). */
	concurrent?: boolean;
}

export type ResourceOperations = Record<string, Operation>;

export async function route(this: IExecuteFunctions, resources: Record<string, ResourceOperations>): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const op = resources[resource]?.[operation];
	if (!op) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for the resource "${resource}"`);
	}
	const concurrency = op.concurrent ? Math.max(1, Math.min(20, Number(this.getNodeParameter('options.concurrency', 0, 1)) || 1)) : 1;
	const prepare = op.prepare;
	const check = prepare && { prepare: (i: number) => prepare.call(this, i), recordOf: (i: number) => op.recordOf?.call(this, i) };
	return [await runItems(this, async (i, prepared) => await op.execute.call(this, i, prepared), concurrency, check)];
}

export interface OperationChoice {
	name: string;
	value: string;
	/** The action text n8n lists in its node panel, e.g. "Create or update an audience". */
	action: string;
	description: string;
}

/** The "Operation" dropdown of one resource; options are sorted by name as n8n's linter wants. */
export function operationSelector(resource: string, choices: OperationChoice[], defaultValue: string): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options: [...choices].sort((a, b) => a.name.localeCompare(b.name)),
		default: defaultValue,
	};
}

/** The "Options" collection of an operation. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** The "Concurrency" entry for an operation's Options collection. */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrency',
	name: 'concurrency',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 20 },
	default: 1,
	description: 'How many items are sent to the vendor at the same time. Output keeps the input order.',
};

/** "Page Size" for a list's Options: records per request, up to the largest page the vendor serves. */
export function pageSizeOption(vendor: string, max: number, fallback: number, note = ''): INodeProperties {
	return {
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: max },
		default: fallback,
		description: `How many records to ask ${vendor} for per request (1 to ${max}). Larger pages mean fewer requests${note ? `; ${note}` : ''}.`,
	};
}

/** The chosen page size within 1..max; an expression can go past the field's own bounds. */
export function pageSizeOf(value: unknown, max: number, fallback: number): number {
	const n = Math.round(Number(value));
	return Number.isFinite(n) && n >= 1 ? Math.min(max, n) : fallback;
}

/** "Simplify" for reads: the common customer/order shape (README) instead of the raw vendor object. */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return the pack’s common customer or order shape instead of the raw vendor object',
};

/**
 * Simplify for product reads that returned the vendor's object before the common product shape
 * existed: off by default, so saved workflows keep their output.
 */
export const productSimplifyProperty: INodeProperties = {
	...simplifyProperty,
	default: false,
	description: 'Whether to return the pack’s common product shape (SKU, name, price, stock; what Map Automatically takes) instead of the raw vendor object',
};

/** Return All + Limit, the pair every list operation offers. */
export function returnAllAndLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Reads Return All / Limit for item `i`. */
export function readWindow(ctx: IExecuteFunctions, i: number, maxPageSize: number) {
	const returnAll = ctx.getNodeParameter('returnAll', i, false) as boolean;
	const limit = returnAll ? Number.MAX_SAFE_INTEGER : (ctx.getNodeParameter('limit', i, 50) as number);
	return { returnAll, limit, maxPageSize };
}
