/**
 * Salekit simulator: the `Token` header and the request body, checked before every route.
 *
 * Salekit issues one static HS256 JWT per shop (payload `{iat, shop_id}`), shown in the admin and sent
 * as the `Token` header on every call (seed 004).
 */
import { createHmac } from 'node:crypto';

import { INVALID_JSON, type SimRequest } from '../core';
import { SALEKIT_MSG } from './messages';
import { type Body, fail, Failure } from './validation';
import type { SalekitSim } from './index';

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Builds a token shaped like Salekit's: `{"typ":"jwt","alg":"HS256"}` header, `{iat, shop_id}` payload. */
export function salekitToken(shopId: string, iat: string, secret = 'salekit-sandbox-secret'): string {
	const head = base64url(JSON.stringify({ typ: 'jwt', alg: 'HS256' }));
	const body = base64url(JSON.stringify({ iat, shop_id: shopId }));
	const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
	return `${head}.${body}.${signature}`;
}

const DEMO_SHOP_ID = '5a1e4b17d3c0f00ddeadbeefcafe0004';

export const SALEKIT_DEMO = {
	token: salekitToken(DEMO_SHOP_ID, '2026-01-01T09:00:00+0700'),
	shopId: DEMO_SHOP_ID,
};

/** The `Token` header's value, or undefined when it is missing or blank. */
export function headerToken(req: SimRequest): string | undefined {
	const raw = req.headers.token;
	const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
	return value ? value : undefined;
}

export function parseBody(sim: SalekitSim, req: SimRequest): Body | Failure {
	if (req.body === undefined) return {};
	const type = String(req.headers['content-type'] ?? '');
	if (sim.options.requireJsonContentType && !type.toLowerCase().includes('application/json')) {
		return fail('validation', SALEKIT_MSG.contentType);
	}
	if (req.body === INVALID_JSON) return fail('validation', SALEKIT_MSG.invalidJson);
	if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return fail('validation', SALEKIT_MSG.notObject);
	return req.body as Body;
}
