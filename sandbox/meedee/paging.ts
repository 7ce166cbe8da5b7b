/**
 * MeeDee POS simulator: cursor paging. [INF] lists are ordered oldest first by an internal insertion
 * key (`seq`); the cursor encodes that key. Lists answer `{data, pagination:{next_cursor, has_more, limit}}`.
 */
import type { SimRequest, SimResponse } from '../core';
import { b64url, invalid, ok, single } from './helpers';
import type { Obj } from './model';

export function encodeCursor(resource: string, seq: number): string {
	return b64url({ r: resource, k: seq });
}

export function decodeCursor(req: SimRequest, resource: string): number {
	const cursor = single(req, 'cursor');
	if (cursor === undefined) return 0;
	try {
		const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { r?: unknown; k?: unknown };
		if (parsed.r === resource && Number.isInteger(parsed.k) && (parsed.k as number) >= 0) return parsed.k as number;
	} catch {
		// fall through
	}
	throw invalid('cursor is invalid');
}

export function limitParam(req: SimRequest): number {
	const v = single(req, 'limit');
	if (v === undefined) return 50;
	const n = Number(v);
	if (v === '' || !Number.isInteger(n) || n < 1 || n > 200) throw invalid('limit must be a whole number from 1 to 200');
	return n;
}

/** One page of `rows` (ordered by seq) after the cursor, keeping rows that pass `keep`. */
export function page<T extends Obj>(
	req: SimRequest,
	resource: string,
	rows: { seq: number; data: T }[],
	keep: (d: T) => boolean,
	view: (d: T) => Obj = (d) => d,
): SimResponse {
	const limit = limitParam(req);
	const after = decodeCursor(req, resource);
	let i = firstAfter(rows, after);
	const data: Obj[] = [];
	let last = after;
	let hasMore = false;
	for (; i < rows.length; i++) {
		if (!keep(rows[i].data)) continue;
		if (data.length === limit) {
			hasMore = true;
			break;
		}
		data.push(view(rows[i].data));
		last = rows[i].seq;
	}
	return ok({ data, pagination: { next_cursor: hasMore ? encodeCursor(resource, last) : null, has_more: hasMore, limit } });
}

/** Index of the first row whose seq is greater than `after` (rows are sorted by seq). */
function firstAfter(rows: { seq: number }[], after: number): number {
	let lo = 0;
	let hi = rows.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (rows[mid].seq <= after) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}
