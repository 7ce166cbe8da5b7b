/** MeeDee POS simulator: the webhook delivery signature, shared with the trigger node's tests. */
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The delivery signature scheme, in one place so the trigger node can mirror it. [INF] the vendor's
 * pages say deliveries are signed but the header and algorithm were not retrievable.
 * Header value: `sha256=` + lowercase hex HMAC-SHA256 of the raw request body, keyed with the
 * subscription's `secret` (returned once by POST /webhooks).
 */
export const MEEDEE_SIGNATURE = {
	signatureHeader: 'X-MeeDee-Signature',
	eventHeader: 'X-MeeDee-Event',
	deliveryHeader: 'X-MeeDee-Delivery',
	algorithm: 'sha256',
	prefix: 'sha256=',
} as const;

export function meedeeSignature(secret: string, rawBody: string | Buffer): string {
	return MEEDEE_SIGNATURE.prefix + createHmac(MEEDEE_SIGNATURE.algorithm, secret).update(rawBody).digest('hex');
}

/** Constant-time check of a received signature header against the raw body. */
export function verifyMeeDeeSignature(secret: string, rawBody: string | Buffer, header: string | undefined): boolean {
	if (!header) return false;
	const expected = Buffer.from(meedeeSignature(secret, rawBody));
	const got = Buffer.from(header);
	return got.length === expected.length && timingSafeEqual(got, expected);
}
