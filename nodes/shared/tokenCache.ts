/**
 * Client-credentials token exchange shared by the Venio and MeeDee credentials.
 *
 * n8n calls a credential's `preAuthentication` when its hidden expirable token field is empty, and
 * again (forced) after a 401. When items run in parallel several calls can arrive at once: this
 * cache makes them share one token request (single flight), and serves a still-valid token to a
 * caller whose own copy is empty. A caller holding the cached token is refreshing after a 401, so
 * it gets a new one. Keys are hashes: no secret is kept in clear as a key.
 */
import { createHash } from 'node:crypto';

interface Entry {
	token?: string;
	expiresAt: number;
	pending?: Promise<string>;
}

const cache = new Map<string, Entry>();

/** Seconds of validity kept in reserve, so a token is not used in its last moments. */
const SAFETY_SECONDS = 60;

export function tokenKey(parts: string[]): string {
	return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export async function sharedToken(
	key: string,
	currentToken: string | undefined,
	fetchToken: () => Promise<{ token: string; expiresIn?: number }>,
): Promise<string> {
	const now = Date.now();
	const entry = cache.get(key);
	if (entry?.pending) return await entry.pending;
	if (entry?.token && entry.expiresAt > now && entry.token !== currentToken) return entry.token;

	const pending = fetchToken().then(
		({ token, expiresIn }) => {
			const ttl = Math.max(0, (expiresIn ?? 3600) - SAFETY_SECONDS);
			cache.set(key, { token, expiresAt: Date.now() + ttl * 1000 });
			return token;
		},
		(error: unknown) => {
			cache.delete(key);
			throw error;
		},
	);
	cache.set(key, { ...(entry ?? { expiresAt: 0 }), pending });
	return await pending;
}

/** For tests: forget all cached tokens. */
export function clearTokenCache(): void {
	cache.clear();
}
