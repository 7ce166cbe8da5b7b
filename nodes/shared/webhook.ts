/**
 * Webhook trigger helpers shared by the four triggers: a secret token in the URL where the vendor
 * does not sign, constant-time comparison where it does, and the subscription life cycle (pasted URL,
 * or registered through the vendor's API). Repeated deliveries are handled by the delivery ledger
 * (deliveries.ts).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NodeApiError, NodeOperationError, type IDataObject, type IHookFunctions, type INode, type IWebhookFunctions } from 'n8n-workflow';

export function newSecret(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

/**
 * Compares two strings in constant time whatever their lengths: the SHA-256 digests of both sides
 * (always 32 bytes) are compared, so neither the content nor the length of a secret leaks through
 * timing. False for anything missing or empty.
 */
export function safeEqual(a: unknown, b: unknown): boolean {
	if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0 || b.length === 0) return false;
	const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
	return timingSafeEqual(digest(a), digest(b));
}

export function hmacSha256Hex(secret: string, body: Buffer | string): string {
	return createHmac('sha256', secret).update(body).digest('hex');
}

/** Answers 401 unless the URL's `token` equals `expected` (constant time); true when it refused. */
export function refusedToken(ctx: IWebhookFunctions, expected: unknown): boolean {
	if (safeEqual((ctx.getQueryData() as IDataObject).token, expected)) return false;
	ctx.getResponseObject().status(401).json({ error: 'invalid token' });
	return true;
}

/**
 * For vendors whose webhook URL is pasted in their admin (nothing to register): activation marks the
 * node active; deactivation forgets it. The delivery ledger stays (bounded by time), so a re-send of
 * an event handled before a deactivation is still recognised.
 */
export const pastedUrlWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return this.getWorkflowStaticData('node').activatedAt !== undefined;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			const data = this.getWorkflowStaticData('node');
			data.activatedAt = new Date().toISOString();
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			const data = this.getWorkflowStaticData('node');
			delete data.activatedAt;
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
	if (!found) forgetSubscription(state);
	return found;
}

/** After `create`: the new subscription's id and secret. */
export function rememberSubscription(state: SubscriptionState, webhookId: string, secret: string): void {
	state.webhookId = webhookId;
	state.secret = secret;
}

/** Forgets the subscription's id and secret. */
export function forgetSubscription(state: SubscriptionState): void {
	delete state.webhookId;
	delete state.secret;
}
