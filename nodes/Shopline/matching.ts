/**
 * Finding the SHOPLINE record an earlier run made ("Match Existing By"): customers by email and/or
 * mobile phone (SHOPLINE keeps both unique), orders by their Order Remarks for the same customer.
 * Every answer is checked again here, so a search that matches loosely never picks a wrong record.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { sameText } from '../shared/matching';
import { shoplineRequest } from './transport';

// [INF] How SHOPLINE is searched. Search Customers (release 1.4.0) and Search Orders are documented
// endpoints, but the exact-match query keys are not in what we retrieved: `email` / `mobile_phone`
// on customers and `customer_email` / `customer_id` on orders follow the public SDK, and every
// result is compared again here. Order Remarks being returned as sent is also assumed.
export const SHOPLINE_SEARCH = {
	customers: '/customers/search',
	orders: '/orders/search',
	pageSize: 100,
	/** Pages of a customer's orders read at most when looking for one by its remarks. */
	maxOrderPages: 10,
};

const digits = (v: unknown) =>
	String(v ?? '')
		.replace(/\D/g, '')
		.replace(/^0+/, '');

export type CustomerMatch = 'emailOrPhone' | 'email' | 'phone';

async function searchCustomers(ctx: IExecuteFunctions, qs: IDataObject, i: number): Promise<IDataObject[]> {
	const response = await shoplineRequest.call(ctx, 'GET', SHOPLINE_SEARCH.customers, { qs: { ...qs, per_page: 10 }, itemIndex: i });
	return Array.isArray(response.items) ? (response.items as IDataObject[]) : [];
}

const useEmail = (by: CustomerMatch) => by !== 'phone';
const usePhone = (by: CustomerMatch) => by !== 'email';

/** The customer with this body's email, else its mobile phone (as `by` allows), or undefined. */
export async function findCustomer(ctx: IExecuteFunctions, body: IDataObject, by: CustomerMatch, i: number): Promise<IDataObject | undefined> {
	if (useEmail(by) && typeof body.email === 'string') {
		const email = body.email.trim().toLowerCase();
		const found = (await searchCustomers(ctx, { email }, i)).find((c) => sameText(c.email, email));
		if (found) return found;
	}
	if (usePhone(by) && typeof body.mobile_phone === 'string') {
		// The body's phone is already split: national number + country calling code.
		const mobile = body.mobile_phone.split(',')[0];
		const code = String(body.mobile_phone_country_calling_code ?? '');
		const found = (await searchCustomers(ctx, { mobile_phone: mobile }, i)).find(
			(c) =>
				String(c.mobile_phone ?? '')
					.split(',')
					.some((own) => digits(own) === digits(mobile)) && String(c.mobile_phone_country_calling_code ?? '') === code,
		);
		if (found) return found;
	}
	return undefined;
}

/** What findCustomer matches on: items sharing one of these must not search and write at the same time. */
export function customerLockKeys(body: IDataObject, by: CustomerMatch): string[] {
	const keys: string[] = [];
	if (useEmail(by) && typeof body.email === 'string') keys.push(`email:${body.email.trim().toLowerCase()}`);
	if (usePhone(by) && typeof body.mobile_phone === 'string') {
		keys.push(`mobile:${String(body.mobile_phone_country_calling_code ?? '')}:${digits(body.mobile_phone.split(',')[0])}`);
	}
	return keys;
}

/** True when the body carries the key `by` matches on. */
export function hasCustomerKey(body: IDataObject, by: CustomerMatch): boolean {
	return customerLockKeys(body, by).length > 0;
}

/**
 * The order of this customer whose Order Remarks are exactly `remarks`, or undefined. The customer's
 * orders are read newest first, at most maxOrderPages pages; a customer with more orders than that
 * and no match is an error rather than a guess.
 */
export async function findOrderByRemarks(ctx: IExecuteFunctions, order: IDataObject, i: number): Promise<IDataObject | undefined> {
	const remarks = String(order.order_remarks ?? '').trim();
	const customer = order.customer_email ? { customer_email: order.customer_email } : { customer_id: order.customer_id };
	const size = SHOPLINE_SEARCH.pageSize;
	for (let page = 1; page <= SHOPLINE_SEARCH.maxOrderPages; page++) {
		const response = await shoplineRequest.call(ctx, 'GET', SHOPLINE_SEARCH.orders, { qs: { ...customer, page, per_page: size }, itemIndex: i });
		const rows = Array.isArray(response.items) ? (response.items as IDataObject[]) : [];
		const sameCustomer = (o: IDataObject) => (order.customer_email ? sameText(o.customer_email, order.customer_email) : o.customer_id === order.customer_id);
		const found = rows.find((o) => sameCustomer(o) && sameText(o.order_remarks, remarks));
		if (found) return found;
		const pages = Number((response.pagination as IDataObject | undefined)?.total_pages ?? 0);
		if (rows.length < size || (pages && page >= pages)) return undefined;
	}
	throw new NodeOperationError(ctx.getNode(), `The customer has more than ${SHOPLINE_SEARCH.maxOrderPages * size} orders, too many to look for "${remarks}" in their remarks`, {
		itemIndex: i,
		description: 'Set Match Existing By to "Do Not Match" for this customer, or check in SHOPLINE whether the order exists.',
	});
}
