/** Venio simulator: sales orders (/v2/salesorder) and the legacy GET /v1/SalesOrders/{id} (seed 003). */
import { type SimRequest, type SimResponse } from '../core';
import { type SalesOrder } from './model';
import { blank, type Body, invalid, legacyOk, legacyWrap, objectBody, ok, oneOf, pad, parseWhen, Problems, round2, strOrNull, yymm } from './helpers';
import { documentEnquiry, readDocument } from './documents';
import { notify } from './webhook';
import type { VenioSim } from './index';

// Sales-order field tables (vendors.md "Get SalesOrder by No")

/** The documented GET /v2/salesorder/{no} data fields, in the documented order. */
const SO_OUT = [
	'salesOrderSubject', 'customerCode', 'customerId', 'salesOrderNo', 'salesOrderStatus', 'salesOrderDate', 'recipientName',
	'recipientAddress', 'headerTemplateId', 'warehouseCode', 'salesorderDetails', 'discountName', 'discountValue', 'discountType',
	'paymentTerm', 'remark', 'staffCode', 'salesOrderNote', 'vatCalculation', 'subTotal', 'subTotalWithDiscount', 'grandTotal',
	'totalVat', 'privateNote', 'referenceNo', 'contactId', 'customerAddressId', 'currencyCode', 'salesOrderId', 'payment',
	'invoiceInfo', 'shippingDocumentUrl', 'trackingNo', 'discounts', 'integrationPlatform', 'isIntegrationOrderPaid',
	'recipient', 'salesOrderCustomerAddress',
];
// [INF] Header fields a create/update body may set as they are (the body mirrors the GET shape).
const SO_COPY = [
	'salesOrderSubject', 'recipientName', 'recipientAddress', 'headerTemplateId', 'warehouseCode', 'discountName', 'paymentTerm',
	'remark', 'staffCode', 'salesOrderNote', 'vatCalculation', 'privateNote', 'referenceNo', 'contactId', 'customerAddressId',
	'currencyCode', 'invoiceInfo', 'shippingDocumentUrl', 'discounts', 'integrationPlatform', 'isIntegrationOrderPaid',
];
// [INF] salesOrderStatus values.
export const STATUS_NAMES: Record<number, string> = { 1: 'Waiting for approval', 2: 'Approved', 3: 'Rejected' };

export function orderById(sim: VenioSim, id: string): SalesOrder {
	for (const o of sim.orders.values()) if (String(o.doc.salesOrderId) === id) return o;
	throw sim.notFound('Sales order id', id);
}

export function orderOut(o: SalesOrder): Record<string, unknown> {
	return structuredClone(o.doc);
}

/** Creates (no salesOrderNo) or updates an order from a request body; no webhook here. */
export function writeOrder(sim: VenioSim, b: Body, existing?: SalesOrder): SalesOrder {
	if (existing?.doc.salesOrderStatus === 2) throw invalid([`Sales order ${existing.doc.salesOrderNo} is approved and can no longer be changed`]); // [INF]
	const d = readDocument(sim, b, existing?.doc, 'salesOrderDate', 'salesorderDetails');
	const now = sim.now();
	const o: SalesOrder = existing ?? {
		doc: Object.assign(Object.fromEntries(SO_OUT.map((f) => [f, null])), {
			salesOrderNo: `SO${yymm(now)}-${pad(++sim.seq.order, 4)}`, // [INF] numbering
			salesOrderId: ++sim.seq.orderId,
			salesOrderStatus: 1,
			salesorderDetails: [],
			discounts: [],
			payment: { paymentStatus: 1, periods: [] },
			invoiceInfo: {},
			isIntegrationOrderPaid: false,
		}) as SalesOrder['doc'],
		dateCreated: now,
		dateModified: now,
		dateApproved: null,
		reason: null,
		states: [{ statusId: 1, reason: null, at: now }],
		quotationNo: null,
	};
	for (const f of SO_COPY) if (b[f] !== undefined) o.doc[f] = structuredClone(b[f]);
	const address = (d.customer.addresses as Body[])[Math.max(0, Number(o.doc.customerAddressId ?? 1) - 1)];
	Object.assign(o.doc, {
		customerCode: d.customer.customerCode,
		customerId: d.customer.customerId,
		salesOrderDate: d.day,
		salesorderDetails: d.lines,
		discountValue: d.discountValue,
		discountType: d.discountType,
		subTotal: d.subTotal,
		subTotalWithDiscount: d.subTotalWithDiscount,
		totalVat: d.totalVat,
		grandTotal: d.grandTotal,
		currencyCode: o.doc.currencyCode ?? 'THB',
		vatCalculation: o.doc.vatCalculation ?? 1,
		recipient: { name: o.doc.recipientName ?? d.customer.customerName, address: o.doc.recipientAddress ?? address?.locationAddress ?? null },
		salesOrderCustomerAddress: address
			? { addressId: Number(o.doc.customerAddressId ?? 1), locationName: address.locationName, location: address.locationAddress, fullAddress: `${address.locationName}, ${address.locationAddress}` }
			: null,
	});
	if (existing && o.doc.salesOrderStatus === 3) {
		o.doc.salesOrderStatus = 1; // [INF] editing a rejected order sends it back for approval
		o.states.push({ statusId: 1, reason: null, at: now });
	}
	o.dateModified = Math.max(now, existing ? existing.dateModified + 1 : now);
	sim.orders.set(o.doc.salesOrderNo.toUpperCase(), o);
	return o;
}

export function upsertOrder(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const existing = blank(b.salesOrderNo) ? undefined : sim.order(String(b.salesOrderNo));
	const o = writeOrder(sim, b, existing);
	notify(sim, o, existing ? 'updated' : 'created');
	return ok(orderOut(o), existing ? 200 : 201);
}

/** Approve / reject: only an order waiting for approval (status 1) can be decided [INF]. */
export function decide(sim: VenioSim, req: SimRequest, statusId: 2 | 3): SimResponse {
	const o = sim.order(req.params.salesOrderNo);
	const b = objectBody(req, true);
	const reason = strOrNull(b.reason);
	if (statusId === 3 && !reason) throw invalid(['reason is required']);
	if (o.doc.salesOrderStatus !== 1) throw invalid([`Sales order ${o.doc.salesOrderNo} is ${STATUS_NAMES[o.doc.salesOrderStatus]}, not waiting for approval`]);
	const now = Math.max(sim.now(), o.dateModified + 1);
	o.doc.salesOrderStatus = statusId;
	o.reason = reason;
	o.states.push({ statusId, reason, at: now });
	if (statusId === 2) o.dateApproved = now;
	o.dateModified = now;
	notify(sim, o, statusId === 2 ? 'approved' : 'rejected');
	return ok(true);
}

/** PUT …/payment {payments:[{periodNo | InstallmentNumber, status 1|2}]} → data:true. */
export function payOrder(sim: VenioSim, req: SimRequest): SimResponse {
	const o = sim.order(req.params.salesOrderNo);
	const b = objectBody(req);
	const p = new Problems();
	const list: Body[] = Array.isArray(b.payments) ? b.payments : [];
	p.check(list.length > 0, 'payments is required (at least one period)');
	list.forEach((x, i) => {
		const period = x?.periodNo ?? x?.InstallmentNumber;
		p.check(Number.isInteger(period) && period >= 1, `payments[${i}].periodNo is required (a whole number from 1)`);
		p.check(oneOf(x?.status, [1, 2]), `payments[${i}].status must be 1 (unpaid) or 2 (paid)`); // [INF] meaning
	});
	p.done();
	const periods: { periodNo: number; status: number }[] = o.doc.payment.periods;
	for (const x of list) {
		const periodNo = x.periodNo ?? x.InstallmentNumber;
		const found = periods.find((q) => q.periodNo === periodNo);
		if (found) found.status = x.status;
		else periods.push({ periodNo, status: x.status });
	}
	periods.sort((x, y) => x.periodNo - y.periodNo);
	o.doc.payment.paymentStatus = periods.every((q) => q.status === 2) ? 2 : 1;
	o.dateModified = Math.max(sim.now(), o.dateModified + 1);
	notify(sim, o, 'payment');
	return ok(true);
}

export function trackOrder(sim: VenioSim, req: SimRequest): SimResponse {
	const o = sim.order(req.params.salesOrderNo);
	const b = objectBody(req);
	if (blank(b.trackingNo) || typeof b.trackingNo !== 'string') throw invalid(['trackingNo is required']);
	o.doc.trackingNo = b.trackingNo.trim();
	o.dateModified = Math.max(sim.now(), o.dateModified + 1);
	return ok(true);
}

/** The order's printable document: a small PDF naming the order and its totals. [INF] */
export function attachmentBytes(o: SalesOrder): Buffer {
	const d = o.doc;
	const lines = d.salesorderDetails.map((l) => `% ${l.productCode} x${l.qty} @ ${l.price} = ${l.totalPrice}`);
	const text = ['%PDF-1.4', `% Sales order ${d.salesOrderNo} for ${d.customerCode}`, ...lines, `% grandTotal ${d.grandTotal.toFixed(2)} ${d.currencyCode}`, '%%EOF', ''];
	return Buffer.from(text.join('\n'), 'utf8');
}

export function attachment(sim: VenioSim, req: SimRequest): SimResponse {
	const o = sim.order(req.params.salesOrderNo);
	return {
		status: 200,
		raw: attachmentBytes(o),
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${o.doc.salesOrderNo}.pdf"` },
	};
}

// ----- Legacy GET /v1/SalesOrders/{id} (seed 003) ----------------------------------------------

export function legacyOrder(sim: VenioSim, req: SimRequest): SimResponse {
	return legacyWrap(() => {
		if (!/^\d+$/.test(req.params.id)) throw invalid([`Invalid sale order id ${req.params.id}`]);
		return legacyOk(legacyOrderOut(sim, orderById(sim, req.params.id)));
	});
}

/** Seed 003's field names, filled from the stored order. */
export function legacyOrderOut(sim: VenioSim, o: SalesOrder): Record<string, unknown> {
	const d = o.doc;
	const id = d.salesOrderId;
	const status = d.salesOrderStatus;
	const c = sim.customerByCode.get(d.customerCode);
	const staff = sim.employees.find((e) => e.employeeCode === d.staffCode);
	const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
	const party = (name: string | null, companyName: string | null, address: string | null, taxId: string | null) => ({ name, companyName, address, taxId, pictureLogo: null });
	// [INF] Values the current API does not carry (ids of sites, deals, templates; approver ids) are placeholders.
	return {
		orderId: id,
		attachments: [{
			attachmentId: id, refId: id, type: 1, filename: `${d.salesOrderNo}.pdf`, extension: 'pdf', fileSize: attachmentBytes(o).length,
			isActive: true, createdByUserId: d.staffCode, dateCreated: iso(o.dateCreated), resourceUrl: null, companyId: 1, isProcessed: true,
			url: `/v2/salesorder/${d.salesOrderNo}/attachment`, urlResponseUpload: null, thumbnail: null,
		}],
		customer: c ? { customerId: c.customerId, customerCode: c.customerCode, customerName: c.customerName } : {},
		userInfo: staff ? { userId: staff.employeeCode, fullName: staff.employeeName, email: staff.email } : {},
		statusName: STATUS_NAMES[status], isEdit: status !== 2, isDelete: status !== 2, isApprove: status === 2, reason: o.reason, total: d.subTotal,
		buyer: party(c?.customerName ?? null, c?.customerType === 1 ? c.customerName : null, d.recipient?.address ?? null, c?.customerTaxNo ?? null),
		seller: party('Venio Sandbox', 'Venio Sandbox Co., Ltd.', '1 Sukhumvit Rd, Bangkok 10110', '0105550000001'),
		customerIds: [d.customerId],
		currency: {
			currencyCode: d.currencyCode, currencyName: 'Thai Baht', currencySymbol: '฿', currencyNumber: 764, dateCreated: '2020-01-01T00:00:00.000Z',
			isActive: true, currencyUnitTH: 'บาท', currencyUnitEN: 'Baht', currencySubUnitTH: 'สตางค์', currencySubUnitEN: 'Satang',
		},
		comments: [], isExcludeVat: d.vatCalculation !== 2, subTotal: d.subTotal, saleOrderId: id, orderType: 1, refNo: d.referenceNo,
		saleOrderNo: d.salesOrderNo, subject: d.salesOrderSubject, status, dateOrder: iso(parseWhen(d.salesOrderDate)!), customerId: d.customerId,
		contactId: d.contactId ?? 0, contactName: c?.contacts?.contactName ?? null, siteId: 0, isActive: true, remarkTemplateId: 0, remark: d.remark,
		createdByUserId: d.staffCode, dateCreated: iso(o.dateCreated), waitingApproveByUserId: status === 1 ? 'approver' : null,
		waitingApproveByRoleId: status === 1 ? 'sales-manager' : null, approvedByUserId: status === 1 ? null : 'api', modifiedByUserId: d.staffCode,
		dateModified: iso(o.dateModified), dateApproved: iso(o.dateApproved), activityId: 0, discount: round2(d.subTotal - d.subTotalWithDiscount),
		discountPercentage: d.discountType ? d.discountValue : 0, isDiscountPercentage: d.discountType, discountNote: d.discountName,
		grandTotal: d.grandTotal, privateNote: d.privateNote, currencyCode: d.currencyCode, shipToId: d.customerAddressId ?? 0,
		shipToAddress: d.recipient?.address ?? null, shipToAddressName: d.recipient?.name ?? null, shipToAddressType: 2, creditTerm: 0,
		paymentTermDescription: d.paymentTerm, vatType: d.vatCalculation, vat: d.totalVat, totalVat: d.totalVat,
		totalWht: round2(d.salesorderDetails.reduce((sum, l) => sum + (l.totalPrice * l.whtTaxValue) / 100, 0)), note: d.salesOrderNote,
		saleOrderHeaderTemplateId: d.headerTemplateId ?? 0, dealId: 0, isShowContact: true, refId: 0, ownerUserId: d.staffCode,
		saleOrderDetails: d.salesorderDetails.map((l, i) => ({
			name: l.productName, unit: l.productUnitName, totalQty: l.qty, saleOrderDetailId: id * 100 + i + 1, saleOrderId: id,
			partId: sim.products.get(l.productCode.toUpperCase())?.productId ?? 0, qty: l.qty, unitId: l.unitId, unitName: l.productUnitName,
			price: l.price, discount: round2(l.qty * l.price - l.totalPrice), discountPercentage: l.discountType ? l.discountValue : 0,
			isDiscountPercentage: l.discountType, vatTaxId: l.vatTaxValue > 0 ? 1 : 0, vatTaxValue: l.vatTaxValue, whtTaxId: l.whtTaxValue > 0 ? 1 : 0,
			whtTaxValue: l.whtTaxValue, totalPrice: l.totalPrice, partCode: l.productCode, itemName: l.productName, note: l.productDescription,
			dateCreated: iso(o.dateCreated), seq: i + 1,
		})),
		saleOrderStates: o.states.map((s, i) => ({
			saleOrderStatesId: id * 100 + i + 1, saleOrderId: id, statusId: s.statusId, reason: s.reason, createdByUserId: d.staffCode,
			dateCreated: iso(s.at), approveLevel: s.statusId === 2 ? 1 : 0, seq: i + 1,
		})),
	};
}

/** [INF] Sales-order search: no search is documented; shaped like Quotation Enquiry. */
export function orderEnquiry(sim: VenioSim, req: SimRequest): SimResponse {
	const body = objectBody(req, true);
	const withNo = { ...req, body: { ...body, documentNo: body.salesOrderNo } };
	const answer = documentEnquiry(sim, withNo, [...sim.orders.values()].map((o) => o.doc), (d) => ({
		no: d.salesOrderNo,
		status: d.salesOrderStatus,
		text: `${d.salesOrderNo} ${d.salesOrderSubject ?? ''} ${d.customerCode} ${d.referenceNo ?? ''}`,
	}));
	const data = (answer.body as Body).data;
	if (Array.isArray(data)) (answer.body as Body).data = data.map((d: SalesOrder['doc']) => structuredClone(d));
	return answer;
}
