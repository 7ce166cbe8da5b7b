/**
 * Venio CRM (Gofive OpenAPI) through the shared transport. Venio wraps answers in
 * `{status:{code:"1000",description}, data}`; anything but 1000 is a refusal even inside a 2xx.
 * The gateway in front (Azure APIM) answers `{statusCode, message}`, and the legacy v1 API
 * `{data:{value}, statusCode, httpStatusCode}`. All three are read here, so every error names
 * Venio's code and words.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { VendorErrorInfo } from '../shared/errors';
import type { MultipartPart } from '../shared/multipart';
import { offsetPage, paginate, type PageWindow } from '../shared/pagination';
import { apiRequest, type RequestContext, type VendorApi } from '../shared/transport';
import { venioBaseUrl } from './baseUrl';

export type { RequestContext };

/** Venio's enquiry endpoints serve at most 100 records a page. */
export const MAX_PAGE_LENGTH = 100;

const SUCCESS = '1000';

const isObject = (v: unknown): v is IDataObject => !!v && typeof v === 'object' && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);

/** The legacy v1 envelope: `{data:{value}, statusCode:1000, httpStatusCode:200}` (seed 003). */
function isLegacyEnvelope(body: IDataObject): boolean {
	return body.httpStatusCode !== undefined && body.statusCode !== undefined;
}

export function venioErrorInfo(body: unknown): VendorErrorInfo | undefined {
	if (!isObject(body)) return undefined;
	if (isObject(body.status)) return { code: text(body.status.code), message: text(body.status.description) ?? text(body.status.message) };
	// Azure APIM (subscription key, rate limit) and the legacy envelope both use statusCode + message.
	if (body.statusCode !== undefined) return { code: text(body.statusCode), message: text(body.message) };
	// The token endpoint: {error, error_description}.
	if (typeof body.error === 'string') return { code: body.error, message: text(body.error_description) ?? body.error };
	return undefined;
}

function hint(status: number, info: VendorErrorInfo): string | undefined {
	const words = info.message ?? '';
	if (/subscription key/i.test(words)) {
		return 'Venio’s gateway refused the Subscription Key. Copy it again from the Gofive developer portal into the credential.';
	}
	if (status === 401 || /authentication required/i.test(words)) {
		return 'Venio did not accept the access token, even after a new one was requested. Check the Client ID and Client Secret in the credential, and that the Base URL matches them.';
	}
	if (status === 403) return 'Your Venio subscription is not allowed to use this part of the API. Ask Gofive to enable it for your subscription key.';
	if (info.code === 'E9905' || status >= 500) return 'Venio had an internal error (E9905). Try again later; if it keeps happening, contact Gofive support with the time of the run.';
	if (info.code === '4002') return 'Venio found several problems (code 4002); they are listed above, separated by semicolons.';
	if (info.code === '4001' && /not found/i.test(words)) return 'Venio could not find this record. Check the code or number.';
	if (info.code === '4001' || status === 400) return 'Venio refused the data (code 4001). Fix the field named in the message.';
	return undefined;
}

export const venioApi: VendorApi = {
	name: 'Venio CRM',
	credentialType: 'venioCrmApi',
	baseUrl: (credentials) => venioBaseUrl(credentials.baseUrl),
	errorInfo: venioErrorInfo,
	// The docs write the code as the string "1000"; public code compares it with a number. Both pass.
	isEnvelopeFailure: (body) => {
		if (!isObject(body)) return false;
		if (isObject(body.status) && body.status.code !== undefined) return String(body.status.code) !== SUCCESS;
		if (isLegacyEnvelope(body)) return String(body.statusCode) !== SUCCESS;
		return false;
	},
	hint,
	// E9905 rarely heals within seconds: three attempts keep a safe read from failing on a blip
	// without holding the workflow for a minute.
	retry: { maxAttempts: 3 },
};

export interface VenioRequest {
	method: IHttpRequestMethods;
	path: string;
	qs?: IDataObject;
	body?: unknown;
	/** An upload: multipart/form-data parts (see nodes/shared/multipart.ts). */
	multipart?: MultipartPart[];
	/** Safe to send again after an unknown outcome: reads, updates and upserts keyed by a code. */
	idempotent?: boolean;
	itemIndex?: number;
}

/** Sends a request and returns `data` from Venio's envelope (the legacy envelope's `data.value`). */
export async function venioRequest(this: RequestContext, request: VenioRequest): Promise<unknown> {
	const response: unknown = await apiRequest.call(this, venioApi, request);
	if (!isObject(response)) return response;
	if (isLegacyEnvelope(response)) return isObject(response.data) ? response.data.value : response.data;
	return 'data' in response ? response.data : response;
}

/** `venioRequest` for endpoints whose data is one record. */
export async function venioRecord(this: RequestContext, request: VenioRequest): Promise<IDataObject> {
	const data = await venioRequest.call(this, request);
	// Anything else (Venio sometimes answers `true`) is kept visible rather than dropped.
	return isObject(data) ? data : { result: data as IDataObject[keyof IDataObject] };
}

/** Encodes one path segment (customer names can hold spaces, Thai text or slashes). */
export const segment = (value: unknown) => encodeURIComponent(String(value).trim());

/** Reads an offset-paged list (skip + page size) with Return All / Limit. */
export async function venioList(
	this: RequestContext,
	window: Omit<PageWindow, 'maxPageSize'> & { maxPageSize?: number },
	fetchPage: (skip: number, size: number) => Promise<unknown>,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await paginate<IDataObject>(
		this,
		venioApi.name,
		{ ...window, maxPageSize: window.maxPageSize ?? MAX_PAGE_LENGTH },
		async (start, size) => {
			const skip = Number(start ?? 0);
			const data = await fetchPage(skip, size);
			return offsetPage(Array.isArray(data) ? (data as IDataObject[]) : [], skip, size);
		},
		itemIndex,
	);
}

/** A POST enquiry paged by `{skip, pageLength}` in its body (customers, quotations, employees). */
export async function venioEnquiry(
	this: RequestContext,
	path: string,
	filters: IDataObject,
	window: Omit<PageWindow, 'maxPageSize'>,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await venioList.call(
		this,
		window,
		async (skip, pageLength) => await venioRequest.call(this, { method: 'POST', path, body: { ...filters, skip, pageLength }, idempotent: true, itemIndex }),
		itemIndex,
	);
}
