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

function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		if ((error as { context?: IDataObject }).context) (error as { context: IDataObject }).context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * Runs `handler` for each input item, at most `concurrency` at a time, and returns the outputs in
 * input order. Without continueOnFail the first failure (in item order) stops the run.
 */
export async function runItems(
	ctx: IExecuteFunctions,
	handler: (itemIndex: number) => Promise<ItemResult>,
	concurrency = 1,
): Promise<INodeExecutionData[]> {
	const count = ctx.getInputData().length;
	const results: INodeExecutionData[][] = new Array(count);
	const continueOnFail = ctx.continueOnFail();
	let next = 0;
	const failures: Array<{ index: number; error: Error }> = [];

	const worker = async () => {
		while (next < count && failures.length === 0) {
			const i = next++;
			try {
				results[i] = toOutput(ctx, await handler(i), i);
			} catch (error) {
				const nodeError = asNodeError(ctx, error, i);
				if (!continueOnFail) {
					failures.push({ index: i, error: nodeError });
					return;
				}
				results[i] = [{ json: { error: nodeError.message, ...errorDetails(nodeError) }, pairedItem: { item: i } }];
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
	if (failures.length) throw failures.sort((a, b) => a.index - b.index)[0].error;
	return results.flat();
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
