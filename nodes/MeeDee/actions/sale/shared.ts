/**
 * Sales reading shared by Sale → Get Many and the polling trigger: the date range checks, and the
 * walk over 30-day windows with cursor paging inside each, oldest first.
 */
import { NodeOperationError, type IDataObject, type INodeProperties, type IPollFunctions, type IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import { dateInZone, instantMs } from '../../../shared/dates';
import { mapInPool } from '../../../shared/execute';
import { calendarDate, type Field } from '../../../shared/fields';
import { daysBetween, oldestAllowed, spanOfLocalDays, splitIntoWindows, type DateWindow, type SalesSpan } from '../../salesWindows';
import { meedeeGetArray, meedeeList, type ListWindow } from '../../transport';
import { branchIdsField } from '../common';

/** [INF] sale statuses; MeeDee's list of values was not retrievable, so any value may be typed too. */
export const SALE_STATUSES = [
	{ name: 'Completed', value: 'completed', description: 'ขายสำเร็จ' },
	{ name: 'Refunded', value: 'refunded', description: 'คืนเงิน' },
	{ name: 'Voided', value: 'voided', description: 'ยกเลิกบิล' },
];

export const saleFilterFields: Field[] = [
	branchIdsField,
	{ key: 'status', label: 'Status', type: 'options', options: SALE_STATUSES, default: 'completed', schema: z.string().min(1) },
];

/** [PUB 07] 30 days; a MeeDee tenant may allow more. [INF] */
export const maxLookbackOption: INodeProperties = {
	displayName: 'Max Lookback (Days)',
	name: 'maxLookbackDays',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 3650 },
	default: 30,
	description:
		'How far back MeeDee lets you read sales. MeeDee documents 30 days; change it only if MeeDee has confirmed a longer history for your account.',
};

export interface SalesRange {
	from: string;
	to: string;
}

/**
 * Checks and completes a From/To pair of calendar dates: From defaults to the oldest day MeeDee
 * allows, To to today in the workflow's time zone.
 */
export function resolveSalesRange(
	ctx: IExecuteFunctions | IPollFunctions,
	input: { from?: string; to?: string },
	maxLookbackDays: number,
	itemIndex = 0,
): SalesRange {
	const timeZone = ctx.getTimezone();
	const fail = (message: string) => {
		throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex + 1}: ${message}`, {
			itemIndex,
			description: `MeeDee POS serves sales from the last ${maxLookbackDays} days only (option Max Lookback (Days)). Older sales cannot be read through its API.`,
		});
	};
	for (const [label, value] of [
		['From Date', input.from],
		['To Date', input.to],
	] as const) {
		if (value !== undefined && !calendarDate.safeParse(value).success) fail(`"${label}" must be a date written YYYY-MM-DD (got "${value}")`);
	}
	const oldest = oldestAllowed(timeZone, maxLookbackDays);
	const from = input.from ?? oldest;
	const to = input.to ?? dateInZone(new Date(), timeZone);
	if (from > to) fail(`"From Date" (${from}) is after "To Date" (${to})`);
	if (from < oldest) {
		fail(`"From Date" ${from} is ${daysBetween(from, oldest)} day(s) older than MeeDee POS allows: the earliest date it serves today is ${oldest}`);
	}
	return { from, to };
}

export interface SalesQuery {
	/** MeeDee's days to read and the instants to keep: `salesSpanOf(range)`, or `spanSince` when polling. */
	span: SalesSpan;
	branchIds?: string[];
	status?: string;
}

/** The span of a From/To pair of days in the workflow's time zone. */
export function salesSpanOf(ctx: IExecuteFunctions | IPollFunctions, range: SalesRange): SalesSpan {
	return spanOfLocalDays(range.from, range.to, ctx.getTimezone());
}

/** Every sale in the span: window by window, page by page, in order, stopping at the limit. */
export async function fetchSales(
	this: IExecuteFunctions | IPollFunctions,
	query: SalesQuery,
	window: ListWindow,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const { span } = query;
	// MeeDee's first and last days reach past the workflow's days: their other hours are left out.
	// A sale whose time cannot be read is kept, as MeeDee placed it in the days asked for.
	const keep = (sale: IDataObject) => {
		const t = instantMs(sale.sold_at);
		return Number.isNaN(t) || (t >= span.startMs && t < span.endMs);
	};
	const out: IDataObject[] = [];
	for (const w of splitIntoWindows(span.vendorFrom, span.vendorTo)) {
		const remaining = window.returnAll ? window.limit : window.limit - out.length;
		if (remaining <= 0) break;
		out.push(...(await meedeeList.call(this, '/sales', salesQs(w, query), { ...window, limit: remaining, keep }, itemIndex)));
	}
	return out;
}

// [INF] date-only from/to: MeeDee reads them as whole days of its own (salesWindows.MEEDEE_DAY_ZONE), `to` included.
function salesQs(w: DateWindow, query: SalesQuery): IDataObject {
	return { from: w.from, to: w.to, ...(query.branchIds?.length ? { branch_id: query.branchIds } : {}), ...(query.status ? { status: query.status } : {}) };
}

/** Sales whose lines are read at the same time: MeeDee has no bulk endpoint and documents no rate limit. */
const ITEMS_IN_FLIGHT = 4;

/** Attaches each sale's lines as `items` (one request per sale), in the sales' order. */
export async function attachItems(this: IExecuteFunctions | IPollFunctions, sales: IDataObject[], itemIndex?: number): Promise<IDataObject[]> {
	return await mapInPool(sales, ITEMS_IN_FLIGHT, async (sale) => ({
		...sale,
		items: await meedeeGetArray.call(this, `/sales/${encodeURIComponent(String(sale.id))}/items`, itemIndex),
	}));
}
