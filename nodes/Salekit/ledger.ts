/**
 * Salekit documents no way to read or search orders (vendors.md E: only create and status update),
 * so "the order an earlier run made" can only be remembered. It is remembered in n8n's own
 * processed-data store (`checkProcessedAndRecord`, the store behind n8n's Remove Duplicates node):
 * kept in n8n's database for this node, reachable from every n8n process (queue-mode workers too)
 * and written at once. Not in workflow static data: n8n gives a queue-mode worker none for a new
 * execution and saves what the worker changed over all of it, which would erase, for example, a
 * trigger's subscription secret in the same workflow. n8n keeps a digest of each key, nothing else.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The newest keys kept. n8n's store holds one list per node and reads and writes it whole on each
 * check, so it is bounded by count; 10,000 keys is weeks of orders for most shops. [INF]
 */
export const KEPT_ORDER_KEYS = 10_000;

const normalised = (key: string) => `salekit-order:${key.trim().toLowerCase()}`;

/** True when no order was made for `key` before; the key is then recorded as made. */
export async function claimOrderKey(ctx: IExecuteFunctions, key: string): Promise<boolean> {
	const result = await ctx.helpers.checkProcessedAndRecord([normalised(key)], 'node', { mode: 'entries', maxEntries: KEPT_ORDER_KEYS });
	return result.new.length === 1;
}

/** After a create that failed: the key is forgotten, so the next run tries again. */
export async function releaseOrderKey(ctx: IExecuteFunctions, key: string): Promise<void> {
	await ctx.helpers.removeProcessed([normalised(key)], 'node', { mode: 'entries' });
}
