/**
 * One error mapper for every vendor: turns an HTTP failure or a vendor's error envelope into a
 * NodeApiError whose message names the vendor, its code and its words, with a plain explanation.
 * Errors are built from a plain object (never the HTTP client's error), so request headers and
 * credentials cannot leak into execution data.
 */
import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

/** What a vendor said went wrong, dug out of its envelope. */
export interface VendorErrorInfo {
	code?: string;
	message?: string;
	/** The field the vendor blames, when it says (SHOPLINE `extras.field`). */
	field?: string;
}

export interface HttpFailure {
	status: number;
	body: unknown;
	headers?: Record<string, unknown>;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The vendor refused the request as invalid. Check the fields named in the message.',
	401: 'The vendor did not accept the credentials. Check them in the credential, then test it.',
	403: 'The credentials are valid but not allowed to do this. Check the API permissions (scopes) granted to them.',
	404: 'The record was not found. Check the ID or code.',
	405: 'The vendor does not allow this operation on this record.',
	409: 'The record conflicts with an existing one (for example a duplicate name or code).',
	410: 'The record is no longer available here.',
	413: 'The request is too large for the vendor.',
	422: 'The vendor could not process the data. Check the fields named in the message.',
	429: 'The vendor is rate-limiting requests.',
	500: 'The vendor had an internal error. Try again later; if it persists, contact the vendor.',
	502: 'The vendor’s gateway failed. Try again later.',
	503: 'The vendor is temporarily unavailable. Try again later.',
	504: 'The vendor’s gateway timed out. Try again later.',
};

const STATUS_TITLES: Record<number, string> = {
	400: 'Bad request',
	401: 'Authorization failed',
	403: 'Forbidden',
	404: 'Not found',
	409: 'Conflict',
	410: 'Gone',
	422: 'Unprocessable data',
	429: 'Too many requests',
	500: 'Vendor error',
	502: 'Bad gateway',
	503: 'Service unavailable',
	504: 'Gateway timeout',
};

/** Error pages are small; only this much of a body is ever looked at, so a huge one costs nothing. */
const MAX_SCAN = 50_000;
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** The text of the first <title>, or undefined. Found by plain searches (no pattern that can backtrack). */
function titleOf(page: string): string | undefined {
	const open = /<title\b[^<>]*>/i.exec(page);
	if (!open) return undefined;
	const start = open.index + open[0].length;
	const end = page.slice(start).search(/<\/title/i);
	return end < 0 ? undefined : page.slice(start, start + end);
}

/** Drops <script> and <style> blocks with their content; an unclosed one takes the rest with it. */
function dropCode(text: string): string {
	const open = /<(script|style)\b/gi;
	let out = '';
	let from = 0;
	for (let m = open.exec(text); m; m = open.exec(text)) {
		out += `${text.slice(from, m.index)} `;
		const close = new RegExp(`</${m[1]}\\s*>`, 'gi');
		close.lastIndex = open.lastIndex;
		const end = close.exec(text);
		if (!end) return out;
		from = open.lastIndex = end.index + end[0].length;
	}
	return out + text.slice(from);
}

/**
 * Removes tags. Only the text up to the last ">" can hold one, so the pattern is applied there and
 * every "<" it starts from reaches a ">": linear time (a page of "<" without ">" was quadratic).
 */
function dropTags(text: string): string {
	const last = text.lastIndexOf('>');
	return text.slice(0, last + 1).replace(/<[^>]*>/g, ' ') + text.slice(last + 1);
}

/**
 * Reduces an HTML error page to its readable text (title and headings), so users see words, not
 * markup. Entities are decoded BEFORE tags are removed, so "&lt;script&gt;" cannot come back as a
 * tag; whatever "<" survives has no ">" after it.
 */
export function readableText(body: string, max = 300): string {
	const page = body.slice(0, MAX_SCAN);
	const decoded = (titleOf(page) ?? page).replace(/&(nbsp|amp|lt|gt|quot|#39);/gi, (_, name: string) => ENTITIES[name.toLowerCase()]);
	const text = dropTags(dropCode(decoded)).replace(/\s+/g, ' ').trim();
	return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function isHtml(body: unknown): body is string {
	return typeof body === 'string' && /<\s*(!doctype|html|head|body|title)\b/i.test(body);
}

/** Finds code and message under the keys vendors commonly use, at the top or under `error`/`status`. */
export function genericErrorInfo(body: unknown): VendorErrorInfo {
	if (typeof body === 'string') return { message: isHtml(body) ? readableText(body) : (body as string).slice(0, 300) };
	if (!body || typeof body !== 'object') return {};
	const b = body as Record<string, unknown>;
	const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
	const nested = (b.error && typeof b.error === 'object' ? b.error : b.status && typeof b.status === 'object' ? b.status : undefined) as
		| Record<string, unknown>
		| undefined;
	return {
		code: str(b.code) ?? str(nested?.code) ?? (typeof b.error === 'string' ? b.error : undefined),
		message:
			str(b.message) ??
			str(b.msg) ??
			str(nested?.message) ??
			str(nested?.description) ??
			// OAuth2 (RFC 6749 §5.2): `error` is the code, `error_description` the words.
			str(b.error_description) ??
			(typeof b.error === 'string' ? b.error : undefined),
	};
}

export function mapHttpFailure(
	node: INode,
	vendor: string,
	failure: HttpFailure,
	info: VendorErrorInfo,
	options: { itemIndex?: number; hint?: string } = {},
): NodeApiError {
	const { status } = failure;
	const title = STATUS_TITLES[status] ?? (status >= 500 ? 'Vendor error' : `HTTP ${status}`);
	const codePart = info.code && info.code !== info.message ? ` [${info.code}]` : '';
	const words = info.message ? `: ${info.message}` : '';
	const message = `${vendor} ${title} (${status})${codePart}${words}`;
	const description = options.hint ?? STATUS_HINTS[status] ?? (status >= 500 ? STATUS_HINTS[500] : undefined);
	return new NodeApiError(node, { status, code: info.code ?? null, message: info.message ?? null } as JsonObject, {
		message,
		description,
		httpCode: String(status),
		itemIndex: options.itemIndex,
	});
}

/** A vendor that reports failure inside a 2xx answer (Salekit's `error: true`, Venio's status code). */
export function mapEnvelopeFailure(
	node: INode,
	vendor: string,
	info: VendorErrorInfo,
	options: { itemIndex?: number; hint?: string; status?: number } = {},
): NodeApiError {
	const codePart = info.code ? ` [${info.code}]` : '';
	const message = `${vendor} refused the request${codePart}: ${info.message ?? 'no reason given'}`;
	return new NodeApiError(node, { code: info.code ?? null, message: info.message ?? null } as JsonObject, {
		message,
		description: options.hint,
		httpCode: String(options.status ?? 200),
		itemIndex: options.itemIndex,
	});
}

/**
 * A failed token request (thrown from a credential's preAuthentication). Nothing reached the
 * vendor's API, so the item's request may be tried again even when it creates data; `transient`
 * says whether trying again can help.
 */
export class TokenRequestError extends Error {
	readonly transient: boolean;

	constructor(message: string, transient: boolean) {
		super(message);
		this.name = 'TokenRequestError';
		this.transient = transient;
	}
}

/** The TokenRequestError behind whatever n8n wrapped it in, if that is what failed. */
export function tokenRequestErrorIn(error: unknown): TokenRequestError | undefined {
	for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
		if ((e as Error).name === 'TokenRequestError' && typeof (e as TokenRequestError).transient === 'boolean') return e as TokenRequestError;
	}
	return undefined;
}
