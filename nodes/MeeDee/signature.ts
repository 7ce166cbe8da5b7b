/**
 * How MeeDee POS signs webhook deliveries, in one place. [INF] MeeDee's pages say deliveries are
 * signed and must pass "Signature Verification", but the header and algorithm were not retrievable.
 * This mirrors the sandbox's guess: header `X-MeeDee-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body, keyed with the subscription secret>`, plus event and delivery-id headers.
 */
import { RETENTION_MS } from '../shared/deliveries';
import { hmacSha256Hex, safeEqual } from '../shared/webhook';

/** Header names as n8n hands them to us (lower case). */
export const SIGNATURE_HEADER = 'x-meedee-signature';
export const EVENT_HEADER = 'x-meedee-event';
export const DELIVERY_HEADER = 'x-meedee-delivery';

const PREFIX = 'sha256=';

export function signatureFor(secret: string, rawBody: Buffer | string): string {
	return PREFIX + hmacSha256Hex(secret, rawBody);
}

/** Constant-time check of the received header against the raw body; false when anything is missing. */
export function isValidSignature(secret: unknown, rawBody: Buffer | string | undefined, header: unknown): boolean {
	if (typeof secret !== 'string' || secret === '' || rawBody === undefined) return false;
	const received = Array.isArray(header) ? header[0] : header;
	return safeEqual(received, signatureFor(secret, rawBody));
}

/** A signed delivery older than the ledger remembers (or from the future beyond clock skew) is refused. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Why a delivery's signed `created_at` puts it outside the window; undefined when inside or absent. */
export function staleReason(createdAt: unknown, now = Date.now()): string | undefined {
	if (createdAt === undefined || createdAt === null || createdAt === '') return undefined;
	const at = Date.parse(String(createdAt));
	if (Number.isNaN(at)) return 'created_at is not a date';
	if (at < now - RETENTION_MS) return 'the delivery is older than 24 hours';
	if (at > now + CLOCK_SKEW_MS) return 'created_at is in the future';
	return undefined;
}
