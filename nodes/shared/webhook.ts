/**
 * Webhook trigger helpers shared by the four triggers: a secret token in the URL where the vendor
 * does not sign, constant-time comparison where it does, a bounded memory of delivered event ids so
 * a retried delivery is emitted once, and the subscription life cycle (pasted URL, or registered
 * through the vendor's API).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NodeApiError, NodeOperationError, type IDataObject, type IHookFunctions, type INode, type IWebhookFunctions } from 'n8n-workflow';

/** Where the memory of delivered events lives in the node's static data. */
const SEEN = 'seenEvents';

export function newSecret(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

/** Compares two strings in constant time (for equal lengths); false for anything missing. */
export function safeEqual(a: unknown, b: unknown): boolean {
	if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0 || b.length === 0) return false;
	const left = Buffer.from(a);
	const right = Buffer.from(b);
	if (left.length !== right.length) return false;
	return timingSafeEqual(left, right);
}

export function hmacSha256Hex(secret: string, body: Buffer | string): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Remembers event keys in the workflow's static data; true when `key` was seen before.
 * Keeps the newest `max` keys so static data stays small.
 */
export function seenBefore(staticData: IDataObject, key: string, max = 500): boolean {
	const seen = ((staticData[SEEN] as string[] | undefined) ??= []);
	if (seen.includes(key)) return true;
	seen.push(key);
	if (seen.length > max) seen.splice(0, seen.length - max);
	return false;
}

/** Whether `key` was delivered before, without recording it (for checks that must not remember a failure). */
export function hasSeen(staticData: IDataObject, key: string): boolean {
	return ((staticData[SEEN] as string[] | undefined) ?? []).includes(key);
}

/** Answers 401 unless the URL's `token` equals `expected` (constant time); true when it refused. */
export function refusedToken(ctx: IWebhookFunctions, expected: unknown): boolean {
	if (safeEqual((ctx.getQueryData() as IDataObject).token, expected)) return false;
	ctx.getResponseObject().status(401).json({ error: 'invalid token' });
	return true;
}

/**
 * For vendors whose webhook URL is pasted in their admin (nothing to register): activation arms the
 * token check and starts a fresh memory of deliveries; deactivation forgets it.
 */
export const pastedUrlWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return this.getWorkflowStaticData('node').activatedAt !== undefined;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			const data = this.getWorkflowStaticData('node');
			data.activatedAt = new Date().toISOString();
			data[SEEN] = [];
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const data = this.getWorkflowStaticData('node');
			delete data.activatedAt;
			delete data[SEEN];
			return true;
		},
	},
};

/** A subscription this node registered: its id and the secret it was given or chose. */
export interface SubscriptionState extends IDataObject {
	webhookId?: string;
	secret?: string;
}

/** Deletes one subscription at the vendor; one already gone (404) counts as deleted. */
export async function deleteSubscription(node: INode, remove: () => Promise<unknown>): Promise<void> {
	try {
		await remove();
	} catch (error) {
		if ((error as { httpCode?: string }).httpCode === '404') return;
		// The transport's errors already carry the vendor's words; anything else is wrapped for n8n.
		throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(node, error as Error);
	}
}

/**
 * checkExists for triggers that register their own subscription: the first subscription aimed at
 * this workflow's URL that `isOurs` accepts is kept. Every other one aimed at it is a leftover (a
 * crash, old events, a lost secret) and is removed, so no event arrives twice. When none is ours,
 * the stored id and secret are forgotten and n8n calls `create`.
 */
export async function keepOnlyOurs(
	state: SubscriptionState,
	subscriptions: IDataObject[],
	check: { aimsHere: (s: IDataObject) => boolean; isOurs: (s: IDataObject) => boolean; remove: (id: string) => Promise<void> },
): Promise<boolean> {
	let found = false;
	for (const s of subscriptions.filter(check.aimsHere)) {
		if (!found && s.id === state.webhookId && typeof state.secret === 'string' && check.isOurs(s)) found = true;
		else await check.remove(String(s.id));
	}
	if (!found) forgetSubscription(state, false);
	return found;
}

/** After `create`: the new subscription's id and secret, and a fresh memory of deliveries. */
export function rememberSubscription(state: SubscriptionState, webhookId: string, secret: string): void {
	state.webhookId = webhookId;
	state.secret = secret;
	state[SEEN] = [];
}

/** Forgets the subscription's id and secret, and with `deliveries` the memory of delivered events. */
export function forgetSubscription(state: SubscriptionState, deliveries = true): void {
	delete state.webhookId;
	delete state.secret;
	if (deliveries) delete state[SEEN];
}
