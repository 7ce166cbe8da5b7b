/**
 * Salekit documents no way to read or search orders (vendors.md E: only create and status update),
 * so "the order an earlier run made" can only be remembered: each order this node creates is noted
 * under its key (a short digest, never the key itself) with Salekit's order id, in the workflow's
 * static data, which n8n saves after every production run (not after a manual run in the editor).
 * Notes older than KEEP_DAYS are dropped, so the list stays bounded by time.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

const KEEP_DAYS = 400;
const DAY_SECONDS = 86_400;

type Notes = Record<string, [id: string | number, createdAt: number]>;

const digest = (key: string) => createHash('sha256').update(key.trim().toLowerCase()).digest('hex').slice(0, 20);
const nowSeconds = () => Math.floor(Date.now() / 1000);

function notes(ctx: IExecuteFunctions): Notes {
	const data = ctx.getWorkflowStaticData('node') as IDataObject;
	if (!data.salekitOrders || typeof data.salekitOrders !== 'object') data.salekitOrders = {};
	return data.salekitOrders as unknown as Notes;
}

/** The id of the Salekit order this node made for `key`, or undefined. */
export function rememberedOrder(ctx: IExecuteFunctions, key: string): { id: string | number; createdAt: string } | undefined {
	const note = notes(ctx)[digest(key)];
	return note ? { id: note[0], createdAt: new Date(note[1] * 1000).toISOString() } : undefined;
}

/** Notes the order made for `key`, and forgets notes older than KEEP_DAYS. */
export function rememberOrder(ctx: IExecuteFunctions, key: string, id: string | number): void {
	const all = notes(ctx);
	const oldest = nowSeconds() - KEEP_DAYS * DAY_SECONDS;
	for (const [k, [, at]] of Object.entries(all)) if (at < oldest) delete all[k];
	all[digest(key)] = [id, nowSeconds()];
}
