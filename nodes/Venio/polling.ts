/**
 * "New or updated customer" polling over the customer enquiry's [INF] `modifiedSince` filter.
 *
 * Reading: pages are walked by moving `modifiedSince` to the last record's time (keyset), not by a
 * growing skip, so a customer edited while the pages are read cannot shift another one out of view.
 * Choosing (shared/polling): a record is new unless its key (id, dateModified and a digest of its
 * content) was already emitted; every poll re-reads an overlap window before the watermark, so late
 * writes are caught and the keys of that window stop them being emitted twice. The caller stores
 * the next state only after the whole fetch succeeded.
 */
import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { instantMs, withOffset } from '../shared/dates';
import { selectNew, type PollState, type Selection } from '../shared/polling';
import { MAX_PAGE_LENGTH, venioRequest, type RequestContext } from './transport';

export type { PollState };

const BANGKOK_MINUTES = 7 * 60;
/** Bounds one poll: 1,000 pages of 100 customers. */
const MAX_PAGES = 1000;

export const venioTime = (ms: number) => withOffset(new Date(ms), BANGKOK_MINUTES);

/** Venio writes Bangkok wall times ("2026-01-05T16:50:00+07:00"); [INF] one without an offset is Bangkok too. */
const timeOf = (record: IDataObject) => instantMs(record.dateModified, BANGKOK_MINUTES);

/** Same record, same version: id + change time + content digest (two edits in one second differ). */
export function recordKey(record: IDataObject): string {
	const digest = createHash('sha256').update(JSON.stringify(record)).digest('base64url').slice(0, 12);
	return `${String(record.customerId ?? record.customerCode)}@${String(record.dateModified)}#${digest}`;
}

/** Every customer changed at or after `sinceMs`, oldest change first. */
export async function customersChangedSince(ctx: RequestContext, enquiryPath: string, sinceMs: number): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	let fromMs = sinceMs;
	let skip = 0;
	for (let page = 0; page < MAX_PAGES; page++) {
		const data = await venioRequest.call(ctx, {
			method: 'POST',
			path: enquiryPath,
			// [INF] modifiedSince and orderBy "dateModified asc" (the documented enquiry has orderBy).
			body: { modifiedSince: venioTime(fromMs), orderBy: 'dateModified asc', skip, pageLength: MAX_PAGE_LENGTH },
			idempotent: true,
		});
		const batch = Array.isArray(data) ? (data as IDataObject[]) : [];
		out.push(...batch);
		if (batch.length < MAX_PAGE_LENGTH) break;
		const last = timeOf(batch[batch.length - 1]);
		// No usable time on the last record (or all in one second): page on by skip from the same time.
		if (Number.isNaN(last) || last === fromMs) skip += batch.length;
		else {
			// Records sharing the last record's time were read already: skip them in the next page.
			skip = batch.filter((c) => timeOf(c) === last).length;
			fromMs = last;
		}
	}
	return out;
}

/** Picks the customers not emitted before and the state to store after emitting them (watermark in Venio time). */
export function selectNewCustomers(records: IDataObject[], state: PollState, overlapMs: number, nowMs = Date.now()): Selection<IDataObject> {
	return selectNew(records, state, { timeOf, keyOf: recordKey, overlapMs, nowMs, formatTime: venioTime });
}
