/**
 * MeeDee customers, sales and products in the pack's common shape (nodes/shared/shapes.ts). PII keys the
 * token may not read are absent in MeeDee's answer; here they become null, as the shape documents,
 * and `extra.piiWithheld`/`extra.piiWithheldFields` say so, so that withheld is not read as empty.
 * Loyalty, branch and service-charge data have no common field, so they travel under `extra`.
 */
import type { IDataObject } from 'n8n-workflow';

import { toE164 } from '../shared/phone';
import { textOrNull, toAmount, type CommonCustomer, type CommonOrder, type CommonOrderLine, type CommonProduct } from '../shared/shapes';

export type MeeDeeCustomer = CommonCustomer & { extra: IDataObject };
export type MeeDeeOrder = CommonOrder & { extra: IDataObject };
export type MeeDeeProduct = CommonProduct & { extra: IDataObject };

/** MeeDee writes calendar dates as midnight UTC ("1990-04-01T00:00:00.000Z"): keep the date part as written. */
function calendarDate(value: unknown): string | null {
	const text = textOrNull(value);
	const match = text ? /^(\d{4}-\d{2}-\d{2})/.exec(text) : null;
	return match ? match[1] : null;
}

/** E.164 when the number can be read; otherwise the number as MeeDee has it, rather than losing it. */
function phone(value: unknown): string | null {
	return toE164(value, 'TH') ?? textOrNull(value);
}

const ADDRESS_KEYS = ['address', 'city', 'state', 'postal_code', 'country'];

/** The common fields that carry PII, with the MeeDee keys each is read from. */
const PII_SOURCES: Array<[field: string, keys: string[]]> = [
	['email', ['email']],
	['phone', ['phone']],
	['birthday', ['date_of_birth']],
	['address', ADDRESS_KEYS],
	['taxId', ['tax_id']],
];

/** Fields MeeDee left out (keys absent: no read:customers:pii), as opposed to sent as null (empty). */
function withheldFields(raw: IDataObject): string[] {
	return PII_SOURCES.filter(([, keys]) => keys.every((k) => raw[k] === undefined)).map(([field]) => field);
}

export function toCommonCustomer(raw: IDataObject): MeeDeeCustomer {
	const hasAddress = ADDRESS_KEYS.some((k) => textOrNull(raw[k]) !== null);
	const withheld = withheldFields(raw);
	return {
		source: 'meedee',
		id: String(raw.id),
		code: textOrNull(raw.customer_code),
		name: textOrNull(raw.full_name),
		firstName: textOrNull(raw.first_name),
		lastName: textOrNull(raw.last_name),
		email: textOrNull(raw.email),
		phone: phone(raw.phone),
		address: hasAddress
			? {
					line1: textOrNull(raw.address),
					line2: null,
					city: textOrNull(raw.city),
					state: textOrNull(raw.state),
					postcode: textOrNull(raw.postal_code),
					country: textOrNull(raw.country),
				}
			: null,
		birthday: calendarDate(raw.date_of_birth),
		tags: [],
		createdAt: textOrNull(raw.created_at),
		updatedAt: textOrNull(raw.updated_at),
		extra: {
			taxId: textOrNull(raw.tax_id),
			isActive: raw.is_active ?? null,
			membershipTierId: textOrNull(raw.membership_tier_id),
			membershipNumber: textOrNull(raw.membership_number),
			totalPoints: raw.total_points ?? null,
			availablePoints: raw.available_points ?? null,
			totalSpent: raw.total_spent ?? null,
			totalVisits: raw.total_visits ?? null,
			lastVisitDate: textOrNull(raw.last_visit_date),
			piiWithheld: withheld.length > 0,
			piiWithheldFields: withheld,
		},
	};
}

function toCommonLine(raw: IDataObject): CommonOrderLine {
	return {
		sku: textOrNull(raw.sku_code),
		name: textOrNull(raw.sku_name) ?? textOrNull(raw.product_name),
		quantity: toAmount(raw.quantity) ?? 0,
		unitPrice: toAmount(raw.unit_price),
		discount: toAmount(raw.discount_amount),
		total: toAmount(raw.line_total),
	};
}

/** A sale; its lines are filled when the items were fetched (Include Items) and attached as `items`. */
export function toCommonOrder(raw: IDataObject): MeeDeeOrder {
	const items = Array.isArray(raw.items) ? (raw.items as IDataObject[]) : [];
	return {
		source: 'meedee',
		id: String(raw.id),
		number: textOrNull(raw.receipt_no),
		date: textOrNull(raw.sold_at),
		status: textOrNull(raw.status),
		customer: { id: textOrNull(raw.customer_id), code: null, name: null, email: null, phone: null },
		lines: items.map(toCommonLine),
		subtotal: toAmount(raw.subtotal),
		discount: toAmount(raw.discount),
		tax: toAmount(raw.tax),
		shipping: null, // a till sale has no shipping
		total: toAmount(raw.total),
		currency: 'THB', // [INF] MeeDee sends no currency; it is a Thai POS priced in baht
		createdAt: textOrNull(raw.created_at),
		updatedAt: textOrNull(raw.updated_at),
		extra: {
			branchId: textOrNull(raw.branch_id),
			serviceCharge: toAmount(raw.service_charge),
			paymentMethod: textOrNull(raw.payment_method),
		},
	};
}

/**
 * A product with its SKUs as variations. The product's price is the lowest price of the SKUs on
 * sale (what a "from" price shows); stock is null: MeeDee keeps it per branch (Inventory), not on
 * the product.
 */
export function toCommonProduct(raw: IDataObject): MeeDeeProduct {
	const skus = Array.isArray(raw.skus) ? (raw.skus as IDataObject[]) : [];
	const selling = skus.filter((s) => s.is_active !== false);
	const prices = (selling.length ? selling : skus).map((s) => toAmount(s.price)).filter((p): p is number => p !== null);
	return {
		source: 'meedee',
		id: String(raw.id),
		sku: textOrNull(raw.product_code),
		name: textOrNull(raw.name),
		price: prices.length ? Math.min(...prices) : null,
		salePrice: null,
		currency: 'THB', // [INF] as for sales: MeeDee sends no currency
		stock: null,
		status: raw.is_active === true ? 'active' : raw.is_active === false ? 'inactive' : null,
		variations: skus.map((s) => ({
			id: textOrNull(s.id),
			sku: textOrNull(s.sku_code),
			name: textOrNull(s.sku_name),
			price: toAmount(s.price),
			salePrice: null,
			stock: null,
		})),
		createdAt: textOrNull(raw.created_at),
		updatedAt: textOrNull(raw.updated_at),
		extra: { categoryName: textOrNull(raw.category_name) },
	};
}
