/**
 * Venio customers, sales orders and products in the pack's common shape (nodes/shared/shapes.ts).
 * Venio writes Bangkok time (+07:00, sometimes "+0700"): the offset is kept, only its spelling is
 * made ISO. Date-only fields (birthdays) come back as Bangkok midnight and become "YYYY-MM-DD".
 * What has no common field but matters in Venio (state, owners, payment) travels under `extra`.
 */
import type { IDataObject } from 'n8n-workflow';

import { withOffset } from '../shared/dates';
import { toE164 } from '../shared/phone';
import { textOrNull, toAmount, type CommonCustomer, type CommonOrder, type CommonOrderLine, type CommonProduct } from '../shared/shapes';

export type VenioCustomer = CommonCustomer & { extra: IDataObject };
export type VenioOrder = CommonOrder & { extra: IDataObject };
export type VenioProduct = CommonProduct & { extra: IDataObject };

const BANGKOK_MINUTES = 7 * 60;

const STATE_NAMES: Record<number, string> = { 1: 'Lead', 2: 'Prospect', 3: 'Customer' };
const STATUS_NAMES: Record<number, string> = { 0: 'Active', 1: 'Ended', 2: 'Closed' };
// [INF] salesOrderStatus meanings (Venio publishes only the number).
const ORDER_STATUS_NAMES: Record<number, string> = { 1: 'Waiting for Approval', 2: 'Approved', 3: 'Rejected' };

/** "2026-06-05T00:00:00+0700" → "2026-06-05T00:00:00+07:00"; a UTC instant → Bangkok time. */
export function venioDateTime(value: unknown): string | null {
	const text = textOrNull(value);
	if (!text) return null;
	const own = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)([+-]\d{2}):?(\d{2})$/.exec(text);
	if (own) return `${own[1]}${own[2]}:${own[3]}`;
	if (/Z$/i.test(text) && !Number.isNaN(Date.parse(text))) return withOffset(new Date(text), BANGKOK_MINUTES);
	return text;
}

/** The calendar date as Venio wrote it, without any time-zone conversion. */
function calendarDate(value: unknown): string | null {
	const match = /^(\d{4}-\d{2}-\d{2})/.exec(textOrNull(value) ?? '');
	return match ? match[1] : null;
}

/** E.164 when the number can be read; otherwise as Venio has it, rather than losing it. */
function phone(value: unknown): string | null {
	return toE164(value, 'TH') ?? textOrNull(value);
}

const list = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

export function toCommonCustomer(raw: IDataObject): VenioCustomer {
	const addresses = list(raw.addresses);
	// The billing address when there is one, as it is the customer's own.
	const address = addresses.find((a) => a.locationType === 1) ?? addresses[0];
	return {
		source: 'venio',
		id: String(raw.customerId ?? raw.customerCode),
		code: textOrNull(raw.customerCode),
		name: textOrNull(raw.customerName),
		firstName: null,
		lastName: null,
		email: textOrNull(raw.customerEmail ?? raw.email),
		phone: phone(raw.customerMobile) ?? phone(raw.customerPhone),
		address: address ? { line1: textOrNull(address.locationAddress), line2: null, city: null, state: null, postcode: null, country: null } : null,
		birthday: calendarDate(raw.customerBirthdate),
		tags: strings(raw.customerTags),
		createdAt: venioDateTime(raw.dateCreated),
		updatedAt: venioDateTime(raw.dateModified),
		extra: {
			state: STATE_NAMES[Number(raw.customerState)] ?? null,
			status: STATUS_NAMES[Number(raw.customerStatus)] ?? null,
			leadStatus: toAmount(raw.leadStatus),
			customerGroup: textOrNull(raw.customerGroupName),
			owners: strings(raw.owners),
			primaryOwner: textOrNull(raw.primaryOwner),
			taxId: textOrNull(raw.customerTaxNo),
		},
	};
}

function lineDiscount(line: IDataObject): number | null {
	const value = toAmount(line.discountValue);
	if (value === null) return null;
	if (line.discountType !== true) return value;
	return Math.round((toAmount(line.qty) ?? 0) * (toAmount(line.price) ?? 0) * value) / 100;
}

/** A sales order from GET /v2/salesorder/{no} (or an upsert answer). */
export function toCommonOrder(raw: IDataObject): VenioOrder {
	const details = list(raw.salesorderDetails);
	const shippingLines = details.filter((l) => l.isShipping === true);
	const subTotal = toAmount(raw.subTotal);
	const withDiscount = toAmount(raw.subTotalWithDiscount);
	const recipient = (raw.recipient ?? {}) as IDataObject;
	const payment = (raw.payment ?? {}) as IDataObject;
	return {
		source: 'venio',
		id: String(raw.salesOrderId ?? raw.salesOrderNo),
		number: textOrNull(raw.salesOrderNo),
		date: venioDateTime(raw.salesOrderDate),
		status: ORDER_STATUS_NAMES[Number(raw.salesOrderStatus)] ?? textOrNull(raw.salesOrderStatus),
		customer: {
			id: textOrNull(raw.customerId),
			code: textOrNull(raw.customerCode),
			// The v2 order carries no customer name; the recipient is the closest Venio gives.
			name: textOrNull(recipient.name ?? raw.recipientName),
			email: null,
			phone: null,
		},
		lines: details.map(
			(l): CommonOrderLine => ({
				sku: textOrNull(l.productCode),
				name: textOrNull(l.productName),
				quantity: toAmount(l.qty) ?? 0,
				unitPrice: toAmount(l.price),
				discount: lineDiscount(l),
				total: toAmount(l.totalPrice),
			}),
		),
		subtotal: subTotal,
		discount: subTotal !== null && withDiscount !== null ? Math.round((subTotal - withDiscount) * 100) / 100 : null,
		tax: toAmount(raw.totalVat),
		shipping: shippingLines.length ? shippingLines.reduce((sum, l) => sum + (toAmount(l.totalPrice) ?? 0), 0) : null,
		total: toAmount(raw.grandTotal),
		currency: textOrNull(raw.currencyCode),
		createdAt: null,
		updatedAt: null,
		extra: {
			statusCode: toAmount(raw.salesOrderStatus),
			paymentStatus: toAmount(payment.paymentStatus),
			trackingNo: textOrNull(raw.trackingNo),
			staffCode: textOrNull(raw.staffCode),
			referenceNo: textOrNull(raw.referenceNo),
			subject: textOrNull(raw.salesOrderSubject),
		},
	};
}

/** A sales order from the legacy GET /v1/SalesOrders/{id} (seed 003's field names). */
export function toCommonOrderFromLegacy(raw: IDataObject): VenioOrder {
	const customer = (raw.customer ?? {}) as IDataObject;
	return {
		source: 'venio',
		id: String(raw.saleOrderId ?? raw.orderId),
		number: textOrNull(raw.saleOrderNo),
		date: venioDateTime(raw.dateOrder),
		status: textOrNull(raw.statusName) ?? textOrNull(raw.status),
		customer: {
			id: textOrNull(raw.customerId),
			code: textOrNull(customer.customerCode),
			name: textOrNull(customer.customerName),
			email: null,
			phone: null,
		},
		lines: list(raw.saleOrderDetails).map(
			(l): CommonOrderLine => ({
				sku: textOrNull(l.partCode),
				name: textOrNull(l.name ?? l.itemName),
				quantity: toAmount(l.qty) ?? 0,
				unitPrice: toAmount(l.price),
				discount: toAmount(l.discount),
				total: toAmount(l.totalPrice),
			}),
		),
		subtotal: toAmount(raw.subTotal),
		discount: toAmount(raw.discount),
		tax: toAmount(raw.totalVat ?? raw.vat),
		shipping: null,
		total: toAmount(raw.grandTotal),
		currency: textOrNull(raw.currencyCode),
		createdAt: venioDateTime(raw.dateCreated),
		updatedAt: venioDateTime(raw.dateModified),
		extra: {
			statusCode: toAmount(raw.status),
			subject: textOrNull(raw.subject),
			referenceNo: textOrNull(raw.refNo),
			remark: textOrNull(raw.remark),
		},
	};
}

const PRODUCT_STATUS_NAMES: Record<number, string> = { 1: 'Active', 2: 'Inactive' };

/**
 * A product: its code is the SKU, stock is the sum over warehouses. Venio sends no currency on a
 * product, and has neither sale prices nor variations.
 */
export function toCommonProduct(raw: IDataObject): VenioProduct {
	const stocks = Array.isArray(raw.stocks) ? (raw.stocks as IDataObject[]) : [];
	const summed = stocks.length ? stocks.reduce((sum, s) => sum + (toAmount(s.qty) ?? 0), 0) : null;
	return {
		source: 'venio',
		id: String(raw.productId ?? raw.productCode ?? ''),
		sku: textOrNull(raw.productCode),
		name: textOrNull(raw.productName),
		price: toAmount(raw.price),
		salePrice: null,
		currency: null,
		stock: toAmount(raw.stockQty) ?? summed,
		status: PRODUCT_STATUS_NAMES[Number(raw.status)] ?? textOrNull(raw.status),
		variations: [],
		createdAt: venioDateTime(raw.dateCreated),
		updatedAt: venioDateTime(raw.dateModified),
		extra: {
			description: textOrNull(raw.productDescription),
			unitName: textOrNull(raw.unitName),
			productGroupName: textOrNull(raw.productGroupName),
			barcode: textOrNull(raw.barcode),
			vatTaxValue: toAmount(raw.vatTaxValue),
			stocks,
		},
	};
}
