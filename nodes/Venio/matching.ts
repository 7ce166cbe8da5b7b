/**
 * Finding the Venio record an earlier run made ("Match Existing By"): customers by name, email,
 * mobile, tax ID; sales orders and quotations by their reference number. Every answer is checked
 * again here (exact key, same customer), so a search that matches loosely never picks a wrong record.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { samePhone, sameText, settle } from '../shared/matching';
import { toE164 } from '../shared/phone';
import { segment, venioRequest } from './transport';

// [INF] Where Venio is searched. The portal lists "Get a Customer By CustomerName", "Get Customer By
// TaxID", "Customers Enquiry" and "Quotation Enquiry" [PUB menu, vendors.md A/D] but publishes no
// path for the first two and no sales-order search at all; the guesses below follow the documented
// ones (GET by key like Get by Code; enquiries paged by skip + take/pageLength in the body).
// Answers are read tolerantly: a record, a list, or a list under `value` / `items`.
export const VENIO_SEARCH = {
	customerByName: (name: string) => `/v3/customers/name/${segment(name)}`,
	customerByTaxId: (taxId: string) => `/v3/customers/taxid/${segment(taxId)}`,
	customerEnquiry: '/v3/customers/enquiry',
	salesOrderEnquiry: '/v2/salesorder/enquiry',
	quotationEnquiry: '/v1/quotation/enquiry',
	pageSize: 100,
	/** Pages read per search at most; a search that is still not narrowed after them is an error. */
	maxPages: 10,
	/** A converted quotation names its sales order in `salesOrderNo`; else Venio's refusal names it. */
	convertedOrderNo: (quotation: IDataObject, refusal?: string): string | undefined => {
		const own = quotation.salesOrderNo ?? quotation.SalesOrderNo;
		if (typeof own === 'string' && own.trim()) return own.trim();
		return /sales ?order(?: no\.?| number)? ([A-Z0-9][\w-]*)/i.exec(refusal ?? '')?.[1];
	},
};

// [INF] Venio's words for outcomes that mean "already done" (only its codes are documented).
export const VENIO_REFUSALS = {
	/** customerName must be unique: "customerName … already exists". */
	nameTaken: /customer ?name\b.*\b(already exists|duplicate)/i,
	/** A quotation converts once: "… already converted …". */
	alreadyConverted: /already (been )?converted/i,
	/** An approved order or a converted quotation: "… can no longer be changed". */
	frozen: /can ?not be (changed|edited)|can no longer be changed/i,
};

const isRecord = (v: unknown): v is IDataObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** A record, a list, or a list under `value` / `items` / `data`, as a list. */
function listOf(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return data.filter(isRecord);
	if (isRecord(data)) {
		for (const key of ['value', 'items', 'data']) if (Array.isArray(data[key])) return (data[key] as unknown[]).filter(isRecord);
		return [data];
	}
	return [];
}

/** Venio's "not found" for a GET by key: HTTP 404, or its 4001 with "not found" (seen on 400). */
function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && (error.httpCode === '404' || /not found/i.test(error.message));
}

async function getByKey(ctx: IExecuteFunctions, path: string, i: number): Promise<IDataObject[]> {
	const answer = await settle(async () => await venioRequest.call(ctx, { method: 'GET', path, itemIndex: i }));
	if (answer.ok) return listOf(answer.value);
	if (isNotFound(answer.error)) return [];
	throw answer.error;
}

/** Reads enquiry pages until `accept` finds records or the pages end; bounded by maxPages. */
async function searchPages(ctx: IExecuteFunctions, path: string, filters: IDataObject, accept: (r: IDataObject) => boolean, what: string, i: number): Promise<IDataObject[]> {
	const size = VENIO_SEARCH.pageSize;
	for (let page = 0; page < VENIO_SEARCH.maxPages; page++) {
		// Both page-size names go along: quotations document `take`, customer enquiries `pageLength`.
		const body = { ...filters, skip: page * size, take: size, pageLength: size };
		const rows = listOf(await venioRequest.call(ctx, { method: 'POST', path, body, idempotent: true, itemIndex: i }));
		const found = rows.filter(accept);
		if (found.length || rows.length < size) return found;
	}
	throw new NodeOperationError(ctx.getNode(), `Venio's search for ${what} did not narrow down within ${VENIO_SEARCH.maxPages * size} records, so it is not safe to create a new one`, {
		itemIndex: i,
		description: 'Match by a key Venio can search exactly (Customer Name), or fill in the record’s own code or number.',
	});
}

/** The oldest of several matches: a re-run then keeps updating the first record made. */
function oldest(records: IDataObject[], idKey: string): IDataObject | undefined {
	return [...records].sort((a, b) => Number(a[idKey] ?? 0) - Number(b[idKey] ?? 0))[0];
}

export type CustomerKey = 'name' | 'email' | 'phone' | 'taxId';

export const CUSTOMER_KEY_LABEL: Record<CustomerKey, string> = { name: 'Customer Name', email: 'Email', phone: 'Mobile', taxId: 'Tax ID' };

/** The body value a customer is matched on, or undefined when the item has none. */
export function customerKeyValue(body: IDataObject, by: CustomerKey): string | undefined {
	const value = { name: body.customerName, email: body.customerEmail, phone: body.customerMobile ?? body.customerPhone, taxId: body.customerTaxNo }[by];
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The Venio customer that already has this item's key, or undefined. */
export async function findCustomer(ctx: IExecuteFunctions, by: CustomerKey, body: IDataObject, i: number): Promise<IDataObject | undefined> {
	const value = customerKeyValue(body, by);
	if (value === undefined) return undefined;
	if (by === 'name') {
		return (await getByKey(ctx, VENIO_SEARCH.customerByName(value), i)).find((c) => sameText(c.customerName, value));
	}
	if (by === 'taxId') {
		const found = (await getByKey(ctx, VENIO_SEARCH.customerByTaxId(value), i)).filter((c) => c.customerTaxNo === undefined || sameText(c.customerTaxNo, value));
		// A company's branches share its tax ID: the branch code tells them apart.
		const branch = typeof body.branchCode === 'string' ? found.filter((c) => sameText(c.branchCode, body.branchCode)) : found;
		if (branch.length > 1) {
			throw new NodeOperationError(ctx.getNode(), `${branch.length} Venio customers have Tax ID ${value}`, {
				itemIndex: i,
				description: 'Fill in "Branch Code" so the right branch is updated, or match by another key.',
			});
		}
		return branch[0];
	}
	if (by === 'email') {
		const found = await searchPages(ctx, VENIO_SEARCH.customerEnquiry, { keyword: value }, (c) => sameText(c.customerEmail ?? c.email, value), `email ${value}`, i);
		return oldest(found, 'customerId');
	}
	// Mobile: searched by the national digits, which both 08x… and +668x… forms contain.
	const national = (toE164(value) ?? value).replace(/^\+(66|84|886|852)/, '').replace(/\D/g, '');
	const found = await searchPages(ctx, VENIO_SEARCH.customerEnquiry, { keyword: national }, (c) => samePhone(c.customerMobile, value) || samePhone(c.customerPhone, value), `mobile ${value}`, i);
	return oldest(found, 'customerId');
}

export type DocumentKind = 'salesOrder' | 'quotation';

/** The sales order or quotation of this customer that carries this reference number, or undefined. */
export async function findByReference(ctx: IExecuteFunctions, kind: DocumentKind, reference: string, customerCode: string | undefined, i: number): Promise<IDataObject | undefined> {
	const path = kind === 'salesOrder' ? VENIO_SEARCH.salesOrderEnquiry : VENIO_SEARCH.quotationEnquiry;
	const filters: IDataObject = { referenceNo: reference, keyword: reference, ...(customerCode ? { customerCode } : {}) };
	const accept = (d: IDataObject) => sameText(d.referenceNo, reference) && (!customerCode || sameText(d.customerCode, customerCode));
	const what = `${kind === 'salesOrder' ? 'sales orders' : 'quotations'} with reference ${reference}`;
	return oldest(await searchPages(ctx, path, filters, accept, what, i), kind === 'salesOrder' ? 'salesOrderId' : 'quotationId');
}

/** The sales order a converted quotation became (looked up), or undefined while it is not converted. */
export async function findConvertedOrder(ctx: IExecuteFunctions, quotationNo: string, refusal: string | undefined, i: number): Promise<IDataObject | undefined> {
	const quotation = (await getByKey(ctx, `/v1/quotation/${segment(quotationNo)}`, i))[0] ?? {};
	const orderNo = VENIO_SEARCH.convertedOrderNo(quotation, refusal);
	if (!orderNo) return undefined;
	return (await getByKey(ctx, `/v2/salesorder/${segment(orderNo)}`, i))[0];
}
