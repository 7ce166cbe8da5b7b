/**
 * MeeDee POS Partner API through the shared transport: flat `{error, message}` errors explained in
 * plain words, and one helper that walks a cursor-paged list with Return All / Limit.
 */
import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import type { VendorErrorInfo } from '../shared/errors';
import { cursorPage, paginate } from '../shared/pagination';
import { pageSizeOf } from '../shared/router';
import { apiRequest, type RequestContext, type VendorApi } from '../shared/transport';
import { partnerApiRoot } from './baseUrl';

/** MeeDee serves at most 200 records a page (every list endpoint). */
export const MAX_PAGE_SIZE = 200;

const SCOPE_HINT =
	'The API Application behind this credential lacks the scope for this call. In MeeDee POS open Settings → Open API Settings, add the scope to the application (for example read:sales or read:customers:pii), then save the credential again so a new token is requested.';

export const meedeeApi: VendorApi = {
	name: 'MeeDee POS',
	credentialType: 'meeDeePosApi',
	baseUrl: (credentials) => partnerApiRoot(credentials.baseUrl),
	errorInfo: (body): VendorErrorInfo | undefined => {
		if (!body || typeof body !== 'object') return undefined;
		const { error, message } = body as IDataObject;
		if (typeof error !== 'string' && typeof message !== 'string') return undefined;
		return { code: typeof error === 'string' ? error : undefined, message: typeof message === 'string' ? message : undefined };
	},
	hint: (status, info) => {
		if (status === 401) {
			return 'MeeDee POS did not accept the access token even after a fresh one was requested. Check the Client ID and Client Secret, and that the API Application is still enabled.';
		}
		if (info.code === 'insufficient_scope') return SCOPE_HINT;
		if (info.code === 'access_denied') {
			return 'This API Application may only read some branches. Use a branch it is allowed to read, or widen its branches in MeeDee POS Settings → Open API Settings.';
		}
		if (status === 400 && /\b(from|to|range|days)\b/i.test(info.message ?? '')) {
			return 'MeeDee POS only serves sales from the last 30 days, at most 30 days per request. Check the node’s From Date, To Date and Max Lookback (Days).';
		}
		return undefined;
	},
};

export async function meedeeRequest(
	this: RequestContext,
	method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
	path: string,
	options: { qs?: IDataObject; body?: IDataObject; idempotent?: boolean; itemIndex?: number } = {},
): Promise<IDataObject> {
	// MeeDee documents repeated keys for lists in the query (`branch_id=a&branch_id=b`), not `branch_id[]=`.
	const response = await apiRequest.call(this, meedeeApi, { method, path, arrayFormat: 'repeat', ...options });
	return (response ?? {}) as IDataObject;
}

/** `{data}` of a single-object answer. */
export async function meedeeGetData(this: RequestContext, path: string, qs: IDataObject, itemIndex?: number): Promise<IDataObject> {
	const response = await meedeeRequest.call(this, 'GET', path, { qs, itemIndex });
	return (response.data ?? {}) as IDataObject;
}

export interface ListWindow {
	returnAll: boolean;
	limit: number;
	/** Records asked per page, 1 to 200. */
	pageSize?: number;
	/** Only records passing this count and are returned (a filter MeeDee does not offer). */
	keep?: (record: IDataObject) => boolean;
}

/** Bounds the pages read in a row with nothing kept (a busy day's hours outside the workflow's day). */
const MAX_PAGES_SKIPPED = 1000;

/** Walks a cursor-paged list (`{data, pagination:{next_cursor, has_more}}`) in order. */
export async function meedeeList(this: RequestContext, path: string, qs: IDataObject, window: ListWindow, itemIndex?: number): Promise<IDataObject[]> {
	const maxPageSize = pageSizeOf(window.pageSize, MAX_PAGE_SIZE, MAX_PAGE_SIZE);
	return await paginate<IDataObject>(
		this,
		meedeeApi.name,
		{ returnAll: window.returnAll, limit: window.limit, maxPageSize },
		async (cursor, size) => {
			let start = cursor;
			for (let skipped = 0; ; skipped++) {
				const response = await meedeeRequest.call(this, 'GET', path, {
					qs: { ...qs, limit: size, ...(start === undefined ? {} : { cursor: start }) },
					itemIndex,
				});
				const page = cursorPage<IDataObject>(response);
				if (!window.keep) return page;
				const items = page.items.filter(window.keep);
				// A page with nothing kept must not end the walk (the shared loop stops on an empty page).
				if (items.length || !page.items.length || !page.next) return { items, next: page.next };
				if (skipped >= MAX_PAGES_SKIPPED) {
					throw new NodeOperationError(this.getNode(), `MeeDee POS had more than ${MAX_PAGES_SKIPPED} pages in a row outside the dates asked for, so paging stopped`, { itemIndex });
				}
				start = page.next;
			}
		},
		itemIndex,
	);
}

/** Not-paginated lists answer `{data: [...]}` (sale items, purchase-order items). */
export async function meedeeGetArray(this: RequestContext, path: string, itemIndex?: number): Promise<IDataObject[]> {
	const response = await meedeeRequest.call(this, 'GET', path, { itemIndex });
	return Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
}
