/** Venio simulator: quotations (/v1/quotation), conversion to a sales order, cancel. */
import { type SimRequest, type SimResponse } from '../core';
import { type Quotation } from './model';
import { bkkTime, blank, type Body, invalid, objectBody, ok, pad, yymm } from './helpers';
import { documentEnquiry, readDocument } from './documents';
import { orderOut, writeOrder } from './salesOrders';
import { notify } from './webhook';
import type { VenioSim } from './index';

// [INF] Quotation body fields stored as sent, and the quotation statuses.
const QT_COPY = ['quotationSubject', 'staffCode', 'remark', 'referenceNo', 'discountName', 'paymentTerm', 'validUntil', 'privateNote'];
export const QT_STATUS: Record<number, string> = { 1: 'Open', 2: 'Converted', 3: 'Cancelled' };

export function quotationOut(q: Quotation): Record<string, unknown> {
	const { dateCreated, dateModified, ...rest } = structuredClone(q);
	return { ...rest, quotationStatusName: QT_STATUS[q.quotationStatus], dateCreated: bkkTime(dateCreated), dateModified: bkkTime(dateModified) };
}

export function upsertQuotation(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const existing = blank(b.quotationNo) ? undefined : sim.quotation(String(b.quotationNo));
	if (existing && existing.quotationStatus !== 1) throw invalid([`Quotation ${existing.quotationNo} is ${QT_STATUS[existing.quotationStatus]} and can no longer be changed`]);
	const d = readDocument(sim, b, existing, 'quotationDate', 'quotationDetails');
	const now = sim.now();
	const q: Quotation = existing ?? {
		quotationId: ++sim.seq.quotationId,
		quotationNo: `QT${yymm(now)}-${pad(++sim.seq.quotation, 4)}`, // [INF] numbering
		quotationStatus: 1,
		quotationDetails: [],
		salesOrderNo: null,
		dateCreated: now,
		dateModified: now,
	};
	for (const f of QT_COPY) if (b[f] !== undefined || !existing) q[f] = b[f] ?? null;
	Object.assign(q, {
		customerCode: d.customer.customerCode, customerId: d.customer.customerId, quotationDate: d.day, quotationDetails: d.lines,
		discountValue: d.discountValue, discountType: d.discountType, subTotal: d.subTotal, subTotalWithDiscount: d.subTotalWithDiscount,
		totalVat: d.totalVat, grandTotal: d.grandTotal, dateModified: Math.max(now, existing ? existing.dateModified + 1 : now),
	});
	sim.quotations.set(q.quotationNo.toUpperCase(), q);
	return ok(quotationOut(q), existing ? 200 : 201);
}

export function quotationEnquiry(sim: VenioSim, req: SimRequest): SimResponse {
	const body = objectBody(req, true);
	// [PUB] quotationNo is one of the documented filters.
	const withNo = { ...req, body: { ...body, documentNo: body.quotationNo } };
	const answer = documentEnquiry(sim, withNo, [...sim.quotations.values()], (q) => ({
		no: q.quotationNo,
		status: q.quotationStatus,
		text: `${q.quotationNo} ${q.quotationSubject ?? ''} ${q.customerCode} ${q.referenceNo ?? ''}`,
	}));
	const data = (answer.body as Body).data;
	if (Array.isArray(data)) (answer.body as Body).data = data.map((q: Quotation) => quotationOut(q));
	return answer;
}

/** Creates a sales order from an open quotation; a second conversion is refused (4001). */
export function convertQuotation(sim: VenioSim, req: SimRequest): SimResponse {
	const q = sim.quotation(req.params.quotationNo);
	const b = objectBody(req, true);
	if (!blank(b.QuotationNo) && String(b.QuotationNo).toUpperCase() !== q.quotationNo.toUpperCase()) {
		throw invalid([`QuotationNo ${b.QuotationNo} does not match the path (${q.quotationNo})`]); // [INF]
	}
	if (q.quotationStatus === 2) throw invalid([`Quotation ${q.quotationNo} was already converted to sales order ${q.salesOrderNo}`]);
	if (q.quotationStatus === 3) throw invalid([`Quotation ${q.quotationNo} is cancelled`]);
	const o = writeOrder(sim, {
		customerCode: q.customerCode, salesOrderSubject: q.quotationSubject, staffCode: q.staffCode, remark: q.remark,
		referenceNo: q.quotationNo, discountValue: q.discountValue, discountType: q.discountType,
		salesorderDetails: q.quotationDetails.map((l) => ({ ...l })),
	});
	o.quotationNo = q.quotationNo;
	Object.assign(q, { quotationStatus: 2, salesOrderNo: o.doc.salesOrderNo, dateModified: Math.max(sim.now(), q.dateModified + 1) });
	notify(sim, o, 'created');
	return ok(orderOut(o), 201);
}

export function cancelQuotation(sim: VenioSim, req: SimRequest): SimResponse {
	const q = sim.quotation(req.params.quotationNo);
	if (q.quotationStatus !== 1) throw invalid([`Quotation ${q.quotationNo} is ${QT_STATUS[q.quotationStatus]} and cannot be cancelled`]);
	Object.assign(q, { quotationStatus: 3, dateModified: Math.max(sim.now(), q.dateModified + 1) });
	return ok(true);
}
