/**
 * Redirect policy for every request that carries a credential. n8n's HTTP client would follow a
 * redirect anywhere with the vendor's headers (tokens, keys) attached, so requests are sent with
 * redirects off, and a redirect is followed here only within the origin (scheme, host, port) the
 * request was sent to. A redirect to another origin is an error naming that origin, never a
 * success with the other origin's answer.
 */
import { NodeApiError, type IHttpRequestOptions, type INode, type JsonObject } from 'n8n-workflow';

/** Same-origin redirects followed for one request, at most. */
export const MAX_REDIRECTS = 5;

/** The origin of a URL (`https://host[:port]`), or the text itself when it is not a URL. */
export function originOf(url: string, base?: string): string {
	try {
		return new URL(url, base).origin;
	} catch {
		return url;
	}
}

export interface Redirect {
	status: number;
	location?: string;
}

/** The 3xx answer behind whatever the HTTP client (and n8n around it) threw, if that is what came back. */
export function redirectIn(error: unknown): Redirect | undefined {
	const seen: unknown[] = [];
	const queue: unknown[] = [error];
	while (queue.length && seen.length < 8) {
		const e = queue.shift();
		if (!e || typeof e !== 'object' || seen.includes(e)) continue;
		seen.push(e);
		const response = (e as { response?: { status?: unknown; statusCode?: unknown; headers?: Record<string, unknown> } }).response;
		const status = Number(response?.status ?? response?.statusCode);
		if (status >= 300 && status < 400) {
			const location = response?.headers?.location;
			return { status, location: typeof location === 'string' && location !== '' ? location : undefined };
		}
		queue.push((e as { cause?: unknown }).cause, (e as { errorResponse?: unknown }).errorResponse);
	}
	return undefined;
}

/** 303, and 301/302 after a POST, turn the next request into a GET without a body (as browsers and HTTP clients do). */
function becomesGet(method: string, status: number): boolean {
	const m = method.toUpperCase();
	return (status === 303 && m !== 'GET' && m !== 'HEAD') || ((status === 301 || status === 302) && m === 'POST');
}

const refusals = new WeakSet<object>();

/** The redirect refusal thrown by `sendWithinOrigin`, if `error` is one: it is final (not retried, not reworded). */
export function redirectRefusalIn(error: unknown): NodeApiError | undefined {
	return error && typeof error === 'object' && refusals.has(error) ? (error as NodeApiError) : undefined;
}

function refuse(node: INode, status: number, message: string, description: string, itemIndex?: number): NodeApiError {
	const error = new NodeApiError(node, { status, message } as JsonObject, { message, description, httpCode: String(status), itemIndex });
	refusals.add(error);
	return error;
}

/**
 * Sends `options` (redirects off) through `send`, following up to MAX_REDIRECTS redirects that stay
 * on the request's own origin: 307/308 keep the method and body, 303 (and 301/302 after a POST)
 * become a GET. Anything else `send` throws is passed on unchanged.
 */
export async function sendWithinOrigin<T>(
	node: INode,
	vendor: string,
	options: IHttpRequestOptions,
	send: (hop: IHttpRequestOptions) => Promise<T>,
	itemIndex?: number,
): Promise<T> {
	const allowed = originOf(options.url, options.baseURL);
	let hop: IHttpRequestOptions = { ...options, disableFollowRedirect: true };
	for (let redirects = 0; ; redirects++) {
		let failure: unknown;
		try {
			return await send(hop);
		} catch (error) {
			failure = error;
		}
		const redirect = redirectIn(failure);
		if (!redirect?.location) throw failure;
		const current = hop.baseURL ? new URL(hop.url, hop.baseURL).href : hop.url;
		const next = new URL(redirect.location, current);
		if (next.origin !== allowed) {
			throw refuse(
				node,
				redirect.status,
				`${vendor} redirected the request to ${next.origin} — requests carrying your credential are only sent to ${allowed}; check the Base URL`,
				`The answer was HTTP ${redirect.status} pointing to ${next.origin}. The request was not sent there, so your token or key did not leave ${allowed}. If ${vendor} really moved, put its new address in the credential's Base URL.`,
				itemIndex,
			);
		}
		if (redirects >= MAX_REDIRECTS) {
			throw refuse(
				node,
				redirect.status,
				`${vendor} redirected the request more than ${MAX_REDIRECTS} times within ${allowed}`,
				'The vendor keeps sending the request elsewhere. Check the Base URL in the credential.',
				itemIndex,
			);
		}
		const toGet = becomesGet(hop.method ?? 'GET', redirect.status);
		// The Location holds the whole address, query included: nothing of the first URL is added again.
		hop = { ...hop, url: next.href, baseURL: undefined, qs: undefined, ...(toGet ? { method: 'GET' as const, body: undefined } : {}) };
	}
}
