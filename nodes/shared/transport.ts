/**
 * The one HTTP path for every vendor node: n8n's `httpRequestWithAuthentication` (so credential
 * `authenticate` and token `preAuthentication` run as the server runs them) wrapped with pacing,
 * retries and error mapping, written once.
 *
 * Retry rules: 429 waits for Retry-After (seconds or an HTTP date) or backs off exponentially with
 * jitter; 5xx, timeouts, resets and garbled bodies are retried only when the request is safe to
 * repeat. A plain create is never repeated blindly: the user is told it may have been applied.
 */
import { createHash } from 'node:crypto';
import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

import { genericErrorInfo, isHtml, mapEnvelopeFailure, mapHttpFailure, readableText, tokenRequestErrorIn, type VendorErrorInfo } from './errors';
import { holdAfterRateLimit, waitForSlot, type RateBudget } from './limiter';
import { encodeMultipart, type MultipartPart } from './multipart';
import { redirectRefusalIn, sendWithinOrigin } from './redirects';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions | IHookFunctions | IWebhookFunctions;

export interface RetryPolicy {
	/** Most attempts of one request after transient failures (5xx, timeouts, resets). */
	maxAttempts: number;
	/**
	 * Most time spent waiting between attempts of one request, in ms. A 429 is retried within this
	 * time budget (not a count of attempts): a vendor shared with other processes can need a while.
	 */
	maxTotalWaitMs: number;
	/** A safety bound on attempts after 429s (Retry-After: 0 storms would never spend the time). */
	maxRateLimitAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, maxTotalWaitMs: 60_000, maxRateLimitAttempts: 30, baseDelayMs: 400, maxDelayMs: 10_000 };

/** What each vendor module tells the transport about its API. */
export interface VendorApi {
	/** Vendor name as users know it, used in every message. */
	name: string;
	credentialType: string;
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** The vendor's error inside a body: for HTTP errors, and for 2xx answers that report failure. */
	errorInfo?(body: unknown): VendorErrorInfo | undefined;
	/** True when a 2xx body is really a failure (Salekit `error: true`, Venio status code not 1000). */
	isEnvelopeFailure?(body: unknown): boolean;
	/** A documented request rate per credential; requests are paced a little under it. */
	requestsPerSecond?: number;
	/** Vendor-specific explanation for a status (e.g. SHOPLINE's 410 for archived orders). */
	hint?(status: number, info: VendorErrorInfo): string | undefined;
	retry?: Partial<RetryPolicy>;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/** Path below the credential's base URL, starting with `/`. */
	path: string;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/**
	 * Safe to send again after a failure whose outcome is unknown (5xx, timeout, reset).
	 * Defaults to true for GET, PUT, DELETE, HEAD; false otherwise. Upserts keyed by a code pass true.
	 */
	idempotent?: boolean;
	/** Download bytes: the full response `{ body: Buffer, headers, statusCode }` is returned. */
	binary?: boolean;
	/** Upload: sent as multipart/form-data (text fields and files) instead of `body`. */
	multipart?: MultipartPart[];
	/** How arrays go in the query: `key[]=a&key[]=b` (default) or `key=a&key=b`. */
	arrayFormat?: 'brackets' | 'repeat';
	itemIndex?: number;
}

interface Failure {
	status?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	code?: string;
}

const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ECONNREFUSED', 'EAI_AGAIN', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'UND_ERR_SOCKET']);

type Loose = Record<string, unknown> | undefined;

const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

/** Pulls status, body, headers and network code out of whatever the HTTP helper threw. */
export function failureOf(error: unknown): Failure {
	const cause = field(error, 'cause');
	const candidates = [error, cause, field(cause, 'cause'), field(error, 'errorResponse')].filter(Boolean);
	const out: Failure = {};
	for (const c of candidates) {
		const response = field(c, 'response') as Loose;
		const httpCode = field(c, 'httpCode');
		out.status ??= (response?.status ?? response?.statusCode ?? (typeof httpCode === 'string' ? Number(httpCode) || undefined : undefined)) as number | undefined;
		if (out.body === undefined && response) out.body = response.data ?? response.body;
		out.headers ??= response?.headers as Record<string, unknown> | undefined;
		const code = field(c, 'code');
		if (!out.code && typeof code === 'string' && /^E[A-Z]+$|^ERR_SOCKET|^UND_ERR/.test(code)) out.code = code;
	}
	const text = `${String(field(error, 'message') ?? '')} ${String(field(cause, 'message') ?? '')}`;
	if (!out.code && /timeout|timed out/i.test(text)) out.code = 'ETIMEDOUT';
	if (!out.code && /socket hang up|ECONNRESET/i.test(text)) out.code = 'ECONNRESET';
	return out;
}

/**
 * The longest Retry-After taken at its word. Any wait beyond the retry budget ends the retries
 * anyway; the cap only keeps absurd values ("9999999999999" seconds) a real, printable date.
 */
export const MAX_RETRY_AFTER_MS = 7 * 86_400_000;

/** Retry-After as milliseconds to wait (at most a week): seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(headers: Record<string, unknown> | undefined, now = Date.now()): number | undefined {
	if (!headers) return undefined;
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const text = String(Array.isArray(raw) ? raw[0] : raw).trim();
	let wait: number;
	if (/^\d+(\.\d+)?$/.test(text)) wait = Math.ceil(Number(text) * 1000);
	else {
		const date = Date.parse(text);
		if (Number.isNaN(date)) return undefined;
		wait = Math.max(0, date - now);
	}
	return Math.min(wait, MAX_RETRY_AFTER_MS);
}

export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
	const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exp / 2 + random() * (exp / 2));
}

function parseBodyText(body: unknown): { ok: true; value: unknown } | { ok: false } {
	if (typeof body !== 'string') return { ok: true, value: body };
	const trimmed = body.trim();
	if (trimmed === '') return { ok: true, value: undefined };
	try {
		return { ok: true, value: JSON.parse(trimmed) };
	} catch {
		return { ok: false };
	}
}

/** A stable, secret-free key for one credential: pacing and token caches are shared per key. */
export function credentialKey(vendor: string, credentials: ICredentialDataDecryptedObject, fields: string[]): string {
	const material = fields.map((f) => String(credentials[f] ?? '')).join('\u0000');
	return `${vendor}:${createHash('sha256').update(material).digest('hex').slice(0, 24)}`;
}

export async function apiRequest<T = IDataObject>(this: RequestContext, api: VendorApi, request: ApiRequest): Promise<T> {
	const node = this.getNode();
	const credentials = await this.getCredentials(api.credentialType);
	const credentialId = node.credentials?.[api.credentialType]?.id ?? '';
	const policy: RetryPolicy = { ...DEFAULT_RETRY, ...(api.retry ?? {}) };
	const idempotent = request.idempotent ?? ['GET', 'PUT', 'DELETE', 'HEAD'].includes(request.method);
	const timeoutSeconds = Number(credentials.requestTimeout ?? 30) || 30;
	// One lane per account: the client id where the credential trades it for tokens (the access token
	// changes at every renewal), else the static token.
	const laneKey = credentialKey(api.name, credentials, credentials.clientId ? ['baseUrl', 'clientId'] : ['baseUrl', 'accessToken', 'token']);
	const budget: RateBudget = { perSecond: api.requestsPerSecond ?? 0, processes: Number(credentials.sharingProcesses ?? 1) };
	// Encoded once: a retry or a same-origin redirect sends the same bytes and boundary.
	const form = request.multipart ? encodeMultipart(request.multipart) : undefined;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${api.baseUrl(credentials).replace(/\/+$/, '')}${request.path}`,
		qs: request.qs,
		body: (form?.body ?? request.body) as IDataObject,
		headers: { Accept: 'application/json', ...(form ? { 'Content-Type': form.contentType } : {}), ...(request.headers ?? {}) },
		json: !request.binary,
		timeout: timeoutSeconds * 1000,
		...(request.binary ? { encoding: 'arraybuffer' as const, returnFullResponse: true } : {}),
		arrayFormat: request.arrayFormat ?? 'brackets',
		// Redirects are followed by sendWithinOrigin, only within the vendor's origin (the credential goes along).
		disableFollowRedirect: true,
	};

	const infoOf = (failure: Failure) => api.errorInfo?.(failure.body) ?? genericErrorInfo(failure.body);
	const fail = (failure: Failure) => {
		const info = infoOf(failure);
		return mapHttpFailure(node, api.name, { status: failure.status ?? 0, body: failure.body }, info, {
			itemIndex: request.itemIndex,
			hint: api.hint?.(failure.status ?? 0, info),
		});
	};
	// An HTTP error answer keeps the vendor's code and words; a garbled body or a network failure has none.
	const unknownOutcome = (failure: Failure, attempts?: number) => {
		const info = failure.status && failure.status >= 400 && failure.code === undefined ? infoOf(failure) : {};
		const hint = failure.status && failure.status >= 400 ? api.hint?.(failure.status, info) : undefined;
		return unknownOutcomeError(node, api.name, failure, { info, hint, itemIndex: request.itemIndex, attempts });
	};

	let waited = 0;
	for (let attempt = 1; ; attempt++) {
		let failure: Failure | undefined;
		let response: unknown;
		try {
			// Every hop (a same-origin redirect is one more request at the vendor) takes its own place in
			// the credential's limiter, held until its answer is read. The credential read above goes
			// along, so nothing waits on n8n's database between a place and its sending.
			response = await sendWithinOrigin(
				node,
				api.name,
				options,
				async (hop) => {
					const slot = await waitForSlot(laneKey, budget);
					try {
						return await this.helpers.httpRequestWithAuthentication.call(this, api.credentialType, hop, { credentialsDecrypted: { id: credentialId, name: api.credentialType, type: api.credentialType, data: credentials } });
					} finally {
						slot.done();
					}
				},
				request.itemIndex,
			);
		} catch (error) {
			// A redirect to another origin was refused: final, with its own words.
			const refusedRedirect = redirectRefusalIn(error);
			if (refusedRedirect) throw refusedRedirect;
			// The token exchange failed: nothing reached the API, so even a create may go again.
			const tokenFailure = tokenRequestErrorIn(error);
			if (tokenFailure) {
				const wait = backoffMs(attempt, policy);
				if (!tokenFailure.transient || attempt >= policy.maxAttempts || waited + wait > policy.maxTotalWaitMs) {
					throw new NodeOperationError(node, tokenFailure.message, { itemIndex: request.itemIndex });
				}
				waited += wait;
				await sleep(wait);
				continue;
			}
			failure = failureOf(error);
			// A download's error answer arrives as bytes: read back, so the vendor's code and words show.
			if (request.binary) failure.body = bytesAsText(failure.body);
			// Built from the words alone: the client's error object holds the request, headers included.
			if (failure.status === undefined && !failure.code) {
				throw new NodeOperationError(node, `${api.name}: the request could not be sent (${String((error as Error)?.message ?? error)})`, { itemIndex: request.itemIndex });
			}
		}

		if (!failure) {
			if (request.binary) return response as T;
			const parsed = parseBodyText(response);
			if (parsed.ok) {
				if (api.isEnvelopeFailure?.(parsed.value)) {
					const info = api.errorInfo?.(parsed.value) ?? genericErrorInfo(parsed.value);
					throw mapEnvelopeFailure(node, api.name, info, { itemIndex: request.itemIndex, hint: api.hint?.(200, info) });
				}
				return parsed.value as T;
			}
			// A garbled body: for a read, ask again; for a write we cannot know whether it was applied.
			failure = { status: 200, body: response, code: 'EBADJSON' };
		}

		const rateLimited = failure.status === 429;
		const transient =
			!rateLimited &&
			(TRANSIENT_STATUS.has(failure.status ?? 0) || (failure.code !== undefined && TRANSIENT_CODES.has(failure.code)) || failure.code === 'EBADJSON');
		const connectionRefused = failure.code === 'ECONNREFUSED'; // nothing reached the vendor: always safe to retry

		if (!rateLimited && !(transient && (idempotent || connectionRefused))) {
			if (transient) throw unknownOutcome(failure);
			throw fail(failure);
		}

		const wait = rateLimited ? retryAfterMs(failure.headers) ?? backoffMs(attempt, policy) : backoffMs(attempt, policy);
		if (attempt >= (rateLimited ? policy.maxRateLimitAttempts : policy.maxAttempts) || waited + wait > policy.maxTotalWaitMs) {
			if (rateLimited) throw rateLimitError(node, api, attempt, waited, wait, request.itemIndex);
			throw failure.code === 'EBADJSON' || failure.status === undefined ? unknownOutcome(failure, attempt) : fail(failure);
		}
		if (rateLimited) holdAfterRateLimit(laneKey, Date.now() + wait);
		waited += wait;
		await sleep(wait);
	}
}

/** A downloaded error body: its JSON when it is JSON, else its text. */
function bytesAsText(body: unknown): unknown {
	if (!(body instanceof ArrayBuffer) && !Buffer.isBuffer(body)) return body;
	const text = Buffer.from(body as Buffer).toString('utf8');
	const parsed = parseBodyText(text);
	return parsed.ok ? parsed.value : text;
}

function describeFailure(failure: Failure): string {
	if (failure.code === 'EBADJSON') {
		const body = failure.body;
		return isHtml(body) ? `an HTML page ("${readableText(body)}")` : 'a reply that is not valid JSON';
	}
	if (failure.code === 'ETIMEDOUT' || failure.code === 'ECONNABORTED') return 'no reply in time (timeout)';
	if (failure.code === 'ECONNREFUSED') return 'a refused connection';
	// No raw network code in the message: NodeApiError would swap in its own generic words for it.
	if (failure.code) return 'a dropped connection';
	return `HTTP ${failure.status}`;
}

function unknownOutcomeError(
	node: ReturnType<RequestContext['getNode']>,
	vendor: string,
	failure: Failure,
	options: { info: VendorErrorInfo; hint?: string; itemIndex?: number; attempts?: number },
) {
	const { info, hint, itemIndex, attempts } = options;
	const retried = attempts && attempts > 1;
	const codePart = info.code && info.code !== info.message ? ` [${info.code}]` : '';
	const words = info.message ? `: ${info.message}` : '';
	const advice = retried
		? 'The vendor kept failing. Try again later.'
		: 'This request creates data, so it was not repeated automatically: the vendor may or may not have applied it. Check in the vendor before running this item again.';
	// The network code goes under its own key: NodeApiError swaps its own words in for a known `code`
	// (ECONNABORTED → "The connection was aborted…") and would hide the vendor and the advice.
	return new NodeApiError(node, { vendorCode: info.code ?? null, networkCode: failure.code ?? null, status: failure.status ?? null, message: info.message ?? null } as JsonObject, {
		message: `${vendor} answered with ${describeFailure(failure)}${codePart}${words}${retried ? ` on all ${attempts} attempts` : ''}`,
		description: hint ? `${advice} ${hint}` : advice,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex,
	});
}

function rateLimitError(node: ReturnType<RequestContext['getNode']>, api: VendorApi, attempts: number, waitedMs: number, nextWaitMs: number, itemIndex?: number) {
	const retryAt = new Date(Date.now() + nextWaitMs).toISOString();
	const sharing = api.requestsPerSecond
		? ` ${api.name} allows ${api.requestsPerSecond} requests per second per credential: when several n8n processes (queue-mode workers) or other apps use it, set "Processes Sharing This Credential" on the credential.`
		: '';
	return new NodeApiError(node, { status: 429 } as JsonObject, {
		message: `${api.name} is rate-limiting requests (429): still limited after ${attempts} attempts over ${Math.round(waitedMs / 1000)} s`,
		description: `Try again after ${retryAt}, or lower the node's concurrency or batch size.${sharing}`,
		httpCode: '429',
		itemIndex,
	});
}
