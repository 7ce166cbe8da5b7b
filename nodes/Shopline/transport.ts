/**
 * SHOPLINE Open API (open.shopline.io/v1) through the shared transport: a static Bearer token plus
 * the merchant handle as User-Agent (from the credential), 20 requests/s per token, errors as
 * `{code, message | error, extras?.field}`, lists as `{items, pagination}`.
 */
import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { genericErrorInfo, type VendorErrorInfo } from '../shared/errors';
import { allNumberedPages, keysetPage, numberedPage, paginate, type Page } from '../shared/pagination';
import { apiRequest, type RequestContext, type VendorApi } from '../shared/transport';
import { pageSizeOf } from '../shared/router';
import { requireSecureUrl } from '../shared/secureUrl';
import { fieldPath } from '../shared/validation';
import { FIELD_LABELS } from './fields';

/** SHOPLINE's error plus the field it names on a 422 (`extras.field`). */
interface ShoplineErrorInfo extends VendorErrorInfo {
	field?: string;
}

/** `items[0].item_price` → `Items › 1 › Item Price`, using the labels the user sees in the node. */
export function fieldLabel(field: string): string {
	const path = field
		.split(/\.|\[(\d+)\]/)
		.filter((p) => p !== undefined && p !== '')
		.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
	return fieldPath(path, FIELD_LABELS);
}

function hint(status: number, info: VendorErrorInfo): string | undefined {
	const field = (info as ShoplineErrorInfo).field;
	if (status === 410) {
		return 'This order is archived: SHOPLINE archives older orders (and anything over 2 years old), and they can no longer be read or changed here. Use "Get Archived Orders" in SHOPLINE (Open API or admin) to reach it.';
	}
	if (status === 422 && field) return `SHOPLINE did not accept the field "${fieldLabel(field)}" (${field}). Check that value and try again.`;
	if (info.code === 'InvalidUserAgent') {
		return 'SHOPLINE requires the User-Agent header to be the shop’s handle. Check "User-Agent (Merchant Handle)" in the credential.';
	}
	if (info.code === 'TokenExpired') {
		return 'The access token has expired. In SHOPLINE admin: Settings → Staff Settings → the OpenAPI staff → API Auth, generate a new token and paste it into the credential.';
	}
	if (status === 403) {
		return 'The token is not allowed to use this API. In SHOPLINE admin: Settings → Staff Settings → the OpenAPI staff → API Auth, tick the permission, regenerate the token and update the credential.';
	}
	return undefined;
}

export const shoplineApi: VendorApi = {
	name: 'SHOPLINE',
	credentialType: 'shoplineApi',
	baseUrl: (credentials) => requireSecureUrl('SHOPLINE', String(credentials.baseUrl || 'https://open.shopline.io/v1').trim()),
	// Documented: 20 requests per second across the Open API; the shared limiter paces a little under it.
	requestsPerSecond: 20,
	errorInfo: (body): ShoplineErrorInfo | undefined => {
		if (!body || typeof body !== 'object') return undefined;
		// [INF] the docs show `code` with `message` and/or `error`; read all three.
		const info: ShoplineErrorInfo = genericErrorInfo(body);
		const extras = (body as IDataObject).extras as IDataObject | undefined;
		if (extras && typeof extras.field === 'string') info.field = extras.field;
		return info;
	},
	hint,
};

export interface ShoplineRequest {
	qs?: IDataObject;
	body?: IDataObject;
	idempotent?: boolean;
	itemIndex?: number;
}

export async function shoplineRequest(
	this: RequestContext,
	method: IHttpRequestMethods,
	path: string,
	options: ShoplineRequest = {},
): Promise<IDataObject> {
	const response: unknown = await apiRequest.call(this, shoplineApi, { method, path, ...options });
	return (response ?? {}) as IDataObject;
}

/** Public scripts page with 250; Options → Page Size goes up to MAX_PAGE_SIZE. */
export const PAGE_SIZE = 250;
/**
 * [INF] "Max: 999" is documented for the search endpoints and assumed for every list. Paging stays
 * whole if SHOPLINE serves fewer: page numbers follow its own total_pages, and a keyset page counts
 * as the last one only when shorter than the per_page SHOPLINE reports.
 */
export const MAX_PAGE_SIZE = 999;

export interface ListWindow {
	returnAll: boolean;
	limit: number;
	/** Options → Page Size, when the user set one. */
	pageSize?: number;
}

const pageSizeIn = (window: Pick<ListWindow, 'pageSize'>) => pageSizeOf(window.pageSize, MAX_PAGE_SIZE, PAGE_SIZE);

/** The page size SHOPLINE actually served: what was asked, or less if it reports a smaller per_page. */
function servedSize(response: unknown, asked: number): number {
	const reported = Number((response as { pagination?: { per_page?: unknown } } | undefined)?.pagination?.per_page);
	return Number.isFinite(reported) && reported >= 1 ? Math.min(asked, reported) : asked;
}

/**
 * A whole list by `previous_id` keyset (recommended by SHOPLINE for large data): each page starts
 * after the last id of the previous one, so nothing shifts while new records arrive.
 */
export async function keysetList(
	this: RequestContext,
	path: string,
	qs: IDataObject,
	window: ListWindow,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await paginate<IDataObject>(
		this,
		'SHOPLINE',
		{ ...window, maxPageSize: pageSizeIn(window) },
		async (start, size): Promise<Page<IDataObject>> => {
			const query: IDataObject = { ...qs, per_page: size, ...(start === undefined ? {} : { previous_id: start }) };
			const response = await shoplineRequest.call(this, 'GET', path, { qs: query, itemIndex });
			return keysetPage(itemsOf(response), servedSize(response, size));
		},
		itemIndex,
	);
}

/** A whole list by page number (search endpoints and products), until the last page. */
export async function pagedList(
	this: RequestContext,
	path: string,
	qs: IDataObject,
	window: ListWindow,
	itemIndex?: number,
): Promise<IDataObject[]> {
	// Page numbers need one page size throughout: the last page is not shrunk, the surplus is cut off.
	const perPage = window.returnAll ? pageSizeIn(window) : Math.min(pageSizeIn(window), window.limit);
	return await paginate<IDataObject>(
		this,
		'SHOPLINE',
		{ ...window, maxPageSize: perPage },
		async (start): Promise<Page<IDataObject>> => {
			const page = typeof start === 'number' ? start : 1;
			const response = await shoplineRequest.call(this, 'GET', path, { qs: { ...qs, page, per_page: perPage }, itemIndex });
			return numberedPage<IDataObject>(response, page);
		},
		itemIndex,
	);
}

/**
 * Return All at the speed SHOPLINE's 20 requests/s allows: the list is read oldest first by page
 * number with several pages in flight, which keeps earlier pages still while new records arrive.
 * If the count does not match SHOPLINE's total (records removed while paging), the list is read
 * again by keyset, so a Return All is never silently short. The caller's sort order is restored.
 */
export async function allRecords(this: RequestContext, path: string, qs: IDataObject, itemIndex?: number, pageSize?: number): Promise<IDataObject[]> {
	const descending = qs.sort_by !== 'asc';
	const query = { ...qs, sort_by: 'asc' };
	const perPage = pageSizeIn({ pageSize });
	const { items, totalCount } = await allNumberedPages<IDataObject>(
		async (page) => {
			const response = await shoplineRequest.call(this, 'GET', path, { qs: { ...query, page, per_page: perPage }, itemIndex });
			const numbered = numberedPage<IDataObject>(response, page);
			const pagination = (response as { pagination?: { total_pages?: number; total_count?: number } }).pagination ?? {};
			return { items: numbered.items, totalPages: Number(pagination.total_pages ?? 1), totalCount: pagination.total_count };
		},
		{ inFlight: 4 },
	);
	const seen = new Set<string>();
	const unique = items.filter((record) => !seen.has(String(record.id)) && !!seen.add(String(record.id)));
	const complete = totalCount === undefined || unique.length >= Number(totalCount);
	const records = complete ? unique : await keysetList.call(this, path, query, { returnAll: true, limit: Number.MAX_SAFE_INTEGER, pageSize }, itemIndex);
	return descending ? records.reverse() : records;
}

function itemsOf(response: unknown): IDataObject[] {
	const items = (response as { items?: unknown } | undefined)?.items;
	return Array.isArray(items) ? (items as IDataObject[]) : [];
}
