/**
 * Webhook trigger helpers shared by the four triggers: a secret token in the URL where the vendor
 * does not sign, constant-time comparison where it does, and a bounded memory of delivered event
 * ids so a retried delivery is emitted once.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

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
	const seen = ((staticData.seenEvents as string[] | undefined) ??= []);
	if (seen.includes(key)) return true;
	seen.push(key);
	if (seen.length > max) seen.splice(0, seen.length - max);
	return false;
}
