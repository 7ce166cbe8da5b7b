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

/** Reduces an HTML error page to its readable text (title and headings), so users see words, not markup. */
export function readableText(body: string, max = 300): string {
	const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(body)?.[1];
	const text = (title ?? body)
		.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/gi, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/\s+/g, ' ')
		.trim();
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
			(typeof b.error === 'string' ? b.error : undefined) ??
			str(b.error_description),
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
