/**
 * Paging for every style our vendors use, behind one loop with Return All / Limit semantics:
 * stops on an empty page, on the vendor's own end marker, or at the limit; refuses to loop on a
 * cursor that repeats. Each style is a small adapter that says how to ask for the next page.
 */
import { NodeApiError, type IDataObject, type JsonObject } from 'n8n-workflow';

import { mapInPool } from './execute';
import type { RequestContext } from './transport';

export interface Page<T> {
	items: T[];
	/** Where the next page starts; undefined when the vendor says there is none. */
	next?: string | number;
}

export interface PageWindow {
	returnAll: boolean;
	/** Items wanted when not returning all. */
	limit: number;
	/** Largest page the vendor serves. */
	maxPageSize: number;
	/** Safety bound on pages fetched in one call. */
	maxPages?: number;
}

/**
 * Fetches pages until done; `fetchPage(start, size)` gets `undefined` as start for the first page.
 * Never returns a silent partial list: reaching `maxPages` with more to read is an error.
 */
export async function paginate<T>(
	ctx: RequestContext,
	vendor: string,
	window: PageWindow,
	fetchPage: (start: string | number | undefined, size: number) => Promise<Page<T>>,
	itemIndex?: number,
): Promise<T[]> {
	const out: T[] = [];
	const seen = new Set<string>();
	let start: string | number | undefined;
	const maxPages = window.maxPages ?? 100_000;
	const limitReached = () => !window.returnAll && out.length >= window.limit;
	for (let pages = 0; ; pages++) {
		if (limitReached()) break;
		if (pages >= maxPages) {
			throw new NodeApiError(ctx.getNode(), { pages } as JsonObject, {
				message: `${vendor} had more than ${maxPages} pages to read, so paging stopped before the end`,
				description: `${out.length} items were read. Narrow the filters, or use a Limit, to read fewer.`,
				itemIndex,
			});
		}
		const wanted = window.returnAll ? window.maxPageSize : Math.min(window.maxPageSize, window.limit - out.length);
		const page = await fetchPage(start, wanted);
		out.push(...page.items);
		if (page.items.length === 0 || page.next === undefined || page.next === null || page.next === '') break;
		// The limit is checked before the cursor: a vendor repeating its cursor after the last
		// page we need has still given us everything asked for.
		if (limitReached()) break;
		const key = String(page.next);
		if (seen.has(key)) {
			throw new NodeApiError(ctx.getNode(), { cursor: key } as JsonObject, {
				message: `${vendor} returned the same page position twice ("${key.slice(0, 40)}"), so paging stopped to avoid an endless loop`,
				description: `${out.length} items were read before this happened. Try again; if it repeats, narrow the filters.`,
				itemIndex,
			});
		}
		seen.add(key);
		start = page.next;
	}
	return window.returnAll ? out : out.slice(0, window.limit);
}

/** Cursor style: `{data, pagination: {next_cursor, has_more}}` (MeeDee POS). */
export function cursorPage<T = IDataObject>(response: unknown): Page<T> {
	const body = response as { data?: T[]; pagination?: { has_more?: boolean; next_cursor?: string | null } } | undefined;
	const p = body?.pagination ?? {};
	return { items: Array.isArray(body?.data) ? body.data : [], next: p.has_more ? (p.next_cursor ?? undefined) : undefined };
}

/** Page-number style: `{items, pagination: {current_page, total_pages}}` (SHOPLINE). */
export function numberedPage<T = IDataObject>(response: unknown, requestedPage: number): Page<T> {
	const body = response as { items?: T[]; pagination?: { current_page?: number; total_pages?: number } } | undefined;
	const p = body?.pagination ?? {};
	const current = Number(p.current_page ?? requestedPage);
	const total = Number(p.total_pages ?? 0);
	return { items: Array.isArray(body?.items) ? body.items : [], next: current < total ? current + 1 : undefined };
}

/** Offset style: next offset is `skip + received`, until a short page (Venio skip/pageLength). */
export function offsetPage<T>(items: T[], skip: number, size: number): Page<T> {
	return { items, next: items.length < size ? undefined : skip + items.length };
}

/** Keyset style: the next page starts after the last id (SHOPLINE previous_id), until a short page. */
export function keysetPage<T extends IDataObject>(items: T[], size: number, idKey = 'id'): Page<T> {
	const last = items[items.length - 1];
	return { items, next: items.length < size || !last ? undefined : String(last[idKey]) };
}

export interface NumberedPage<T> {
	items: T[];
	totalPages: number;
	totalCount?: number;
}

/**
 * Every page of a page-numbered list, several in flight at once (the per-credential limiter keeps
 * the vendor's rate): page 1 tells how many pages there are, pages 2..N follow in parallel, and
 * the result keeps page order. Sequential paging spends most of its time waiting on latency; this
 * reaches the vendor's rate limit instead. Only for lists whose earlier pages do not move while
 * paging (oldest first, so new records land at the end); callers verify the count.
 */
export async function allNumberedPages<T>(
	fetchPage: (page: number) => Promise<NumberedPage<T>>,
	options: { inFlight: number; maxPages?: number },
): Promise<{ items: T[]; totalCount?: number; totalPages: number }> {
	const first = await fetchPage(1);
	const totalPages = Math.min(first.totalPages, options.maxPages ?? 100_000);
	const rest = Array.from({ length: Math.max(0, totalPages - 1) }, (_, k) => k + 2);
	const later = await mapInPool(rest, options.inFlight, async (page) => (await fetchPage(page)).items);
	const pages = [first.items, ...later];
	return { items: pages.flat(), totalCount: first.totalCount, totalPages };
}
