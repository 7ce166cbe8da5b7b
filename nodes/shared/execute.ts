/**
 * Per-item execution shared by every vendor node: bounded concurrency that keeps output order,
 * pairedItem on every output, and continueOnFail turning an item's failure into an error item.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type NodeExecutionHint,
} from 'n8n-workflow';

export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData[];

function isExecutionData(value: unknown): value is INodeExecutionData[] {
	return Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object' && 'json' in v);
}

function toOutput(ctx: IExecuteFunctions, result: ItemResult, itemIndex: number): INodeExecutionData[] {
	if (isExecutionData(result)) return result.map((r) => ({ ...r, pairedItem: { item: itemIndex } }));
	return ctx.helpers.constructExecutionMetaData(ctx.helpers.returnJsonArray(result as IDataObject | IDataObject[]), {
		itemData: { item: itemIndex },
	});
}

/** n8n's own "[item 35]" suffix counts from 0; our messages say "Item 36" only. */
const ZERO_BASED_SUFFIX = /\s*\[(?:condition \d+, )?item \d+\]/g;

/**
 * One wording for item errors: "Item N: …" in n8n's numbering (from 1), never n8n's zero-based
 * "[item N]" as well; with `record`, the record's own key follows the number: "Item 36 (a@b.co): …".
 * A message without either (a vendor's answer) is kept as it is, unless `always` (an item's input).
 */
export function itemMessage(message: string, itemIndex: number, record?: string, always = false): string {
	const stripped = message.replace(ZERO_BASED_SUFFIX, '');
	const prefix = `Item ${itemIndex + 1}: `;
	const numbered = stripped.startsWith(prefix);
	if (!numbered && stripped === message && !record && !always) return message;
	const words = numbered ? stripped.slice(prefix.length) : stripped;
	return `Item ${itemIndex + 1}${record ? ` (${record})` : ''}: ${words}`;
}

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number, input?: { record?: string }): Error {
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
	if ((nodeError as { context?: IDataObject }).context) (nodeError as { context: IDataObject }).context.itemIndex ??= itemIndex;
	// A problem found while checking an item's input always names the item.
	nodeError.message = itemMessage(nodeError.message, itemIndex, input?.record, input !== undefined);
	return nodeError;
}

/**
 * An item's failure as an output item. With "Continue (using error output)" n8n moves an item to the
 * error output only when it carries the error itself (or its json has no keys but error/message/
 * details), so the error goes along; with "Continue" the item stays as it was.
 */
function errorItem(ctx: IExecuteFunctions, error: Error, itemIndex: number): INodeExecutionData[] {
	const toErrorOutput = ctx.getNode().onError === 'continueErrorOutput';
	return [{ json: { error: error.message, ...errorDetails(error) }, ...(toErrorOutput ? { error: error as NodeOperationError } : {}), pairedItem: { item: itemIndex } }];
}

/** How a write operation checks every item before the first request (see runItems). */
export interface ItemCheck {
	/** Reads and checks item `i`, with no request that changes anything; throws when the item is bad. */
	prepare(itemIndex: number): unknown;
	/** The record's own key for messages (code, email or name), read leniently; may be undefined. */
	recordOf?(itemIndex: number): string | undefined;
}

/** Bad items listed in full in one error; the rest are listed by number only. */
const LISTED_IN_FULL = 100;

function invalidItemsError(ctx: IExecuteFunctions, bad: Array<{ index: number; error: Error }>, count: number): NodeOperationError {
	const first = bad[0];
	const detail = ({ error }: { error: Error }) => {
		const more = (error as { description?: string }).description;
		return more ? `${error.message} (${more.replace(/\s*\n-?\s*/g, ' ')})` : error.message;
	};
	const advice =
		'Nothing was written: every item is checked before the first one is sent. Fix the items and run again, or set the node’s Settings → On Error to "Continue (using error output)" so the good items are written and the bad ones come out as errors.';
	if (bad.length === 1) {
		const own = (first.error as { description?: string }).description;
		return new NodeOperationError(ctx.getNode(), first.error.message, { itemIndex: first.index, description: own ? `${own}\n${advice}` : advice });
	}
	const numbers = bad.map(({ index }) => `Item ${index + 1}`);
	const rest = numbers.slice(LISTED_IN_FULL);
	return new NodeOperationError(ctx.getNode(), `${bad.length} of ${count} items are not valid, so nothing was written: ${numbers.slice(0, 10).join(', ')}${bad.length > 10 ? ', …' : ''}`, {
		itemIndex: first.index,
		description: [advice, ...bad.slice(0, LISTED_IN_FULL).map((b) => `- ${detail(b)}`), ...(rest.length ? [`Also not valid: ${rest.join(', ')}`] : [])].join('\n'),
	});
}

/**
 * Runs `handler` for each input item, at most `concurrency` at a time, and returns the outputs in
 * input order. Without continueOnFail the first failure (in item order) stops the run.
 *
 * With a `check`, every item is read and checked first, before any request: a bad item then stops
 * the node before the first write, with every bad item listed; under continueOnFail the bad items
 * become error items and only the good ones are sent (their checked value goes to `handler`).
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number, prepared?: unknown) => Promise<ItemResult>,
	concurrency = 1,
	check?: ItemCheck,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	const continueOnFail = ctx.continueOnFail();
	const prepared: unknown[] = new Array(count);
	const recordOf = (i: number) => {
		try {
			return check?.recordOf?.(i);
		} catch {
			return undefined;
		}
	};
	if (check) {
		const bad: Array<{ index: number; error: Error }> = [];
		for (let i = 0; i < count; i++) {
			try {
				prepared[i] = await check.prepare(i);
			} catch (error) {
				bad.push({ index: i, error: asNodeError(ctx, error, i, { record: recordOf(i) }) });
			}
		}
		if (bad.length && !continueOnFail) throw invalidItemsError(ctx, bad, count);
		for (const { index, error } of bad) results[index] = errorItem(ctx, error, index);
	}
	let next = 0;
	const failures: Array<{ index: number; error: Error }> = [];

	const worker = async () => {
		while (next < count && failures.length === 0) {
			const i = next++;
			if (results[i]) continue;
			try {
				results[i] = toOutput(ctx, await handler(i, prepared[i]), i);
			} catch (error) {
				const nodeError = asNodeError(ctx, error, i);
				if (!continueOnFail) {
					failures.push({ index: i, error: nodeError });
					return;
				}
				results[i] = errorItem(ctx, nodeError, i);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (failures.length) throw failures.sort((a, b) => a.index - b.index)[0].error;
	// Operations with a check are the writes; n8n shows the hint above the node's output.
	if (check && count > 1 && !continueOnFail) ctx.addExecutionHints(stopOnErrorHint(count));
	return results.flat();
}

/**
 * The hint a write over several items gets when its On Error setting is "Stop Workflow": a refused
 * item then stops the workflow, so what the way out is goes with every such run, not only a failed one.
 */
export function stopOnErrorHint(count: number): NodeExecutionHint {
	return {
		type: 'info',
		location: 'outputPane',
		message: `This node writes ${count} items with Settings → On Error set to "Stop Workflow": an item the vendor refuses stops the workflow there, and the items after it are not written. Set Settings → On Error → "Continue (using error output)" so the good items are written and the bad ones come out as errors.`,
	};
}

/**
 * `fn` over `values`, at most `limit` at a time, results in input order. After a failure no new
 * value is started and the first error is thrown once the running ones have settled.
 */
export async function mapInPool<T, R>(values: T[], limit: number, fn: (value: T, index: number) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(values.length);
	let next = 0;
	let failed = false;
	const worker = async () => {
		while (!failed && next < values.length) {
			const index = next++;
			let done = false;
			try {
				results[index] = await fn(values[index], index);
				done = true;
			} finally {
				if (!done) failed = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, values.length)) }, worker));
	return results;
}

const keyQueues = new WeakMap<object, Map<string, Promise<void>>>();

/**
 * Runs `job` once every earlier job of the same node run sharing one of `keys` has settled. Items
 * that may touch the same record (a search-then-write upsert) then never overlap, so two of them
 * cannot both miss the search and both create; the other items still run concurrently. Call it
 * before the item's first await, so the queue follows the input order.
 */
export async function oneAtATimePerKey<T>(ctx: object, keys: string[], job: () => Promise<T>): Promise<T> {
	let queues = keyQueues.get(ctx);
	if (!queues) keyQueues.set(ctx, (queues = new Map()));
	const earlier = keys.map((key) => queues.get(key)).filter((p): p is Promise<void> => p !== undefined);
	const run = Promise.all(earlier).then(job);
	const settled = run.then(
		() => undefined,
		() => undefined,
	);
	for (const key of keys) queues.set(key, settled);
	return await run;
}

function errorDetails(error: Error): IDataObject {
	const details: IDataObject = {};
	const description = (error as { description?: string }).description;
	if (description) details.description = description;
	const httpCode = (error as { httpCode?: string | null }).httpCode;
	if (httpCode) details.httpCode = httpCode;
	return details;
}
