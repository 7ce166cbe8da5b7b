/**
 * Venio's record pickers (customer, quotation, sales order, product; the pipeline's and back
 * office's in pipelineLocators.ts) and the paged search that fills their "From List". Venio records are known by code or number; a sales order also by its ID.
 * No "By URL" mode: Venio documents no page address for a record.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { offsetSearchPage, searchText, type RecordLocator } from '../shared/locator';
import { PIPELINE_LOCATORS, pipelineListSearch } from './pipelineLocators';
import { venioRequest } from './transport';

// [INF] Venio documents no format for codes and numbers; one word (no spaces) is all we check.
const CODE_REGEX = '^\\S+$';
const ID_REGEX = '^\\d+$';

const code = (label: string, placeholder: string) => ({ mode: 'code' as const, label, placeholder: `e.g. ${placeholder}`, regex: CODE_REGEX, format: `a code without spaces, e.g. ${placeholder}` });

export const LOCATORS = {
	customer: {
		name: 'customerCode',
		displayName: 'Customer',
		description: 'The Venio customer: pick one (search by name, code, phone or email) or enter its code',
		searchListMethod: 'searchCustomers',
		key: code('Customer Code', 'C000123'),
	},
	quotation: {
		name: 'quotationNo',
		displayName: 'Quotation',
		description: 'The Venio quotation: pick one (search by number, subject or customer code) or enter its number',
		searchListMethod: 'searchQuotations',
		key: { ...code('Quotation Number', 'QT2601-0001'), format: 'a quotation number without spaces, e.g. QT2601-0001' },
	},
	salesOrder: {
		name: 'salesOrderNo',
		displayName: 'Sales Order',
		description: 'The Venio sales order: pick one (search by number, subject or customer code) or enter its number',
		searchListMethod: 'searchSalesOrders',
		key: { ...code('Sales Order Number', 'SO2601-0001'), format: 'a sales order number without spaces, e.g. SO2601-0001' },
	},
	salesOrderById: {
		name: 'salesOrderId',
		displayName: 'Sales Order',
		description: 'The Venio sales order: pick one (search by number, subject or customer code) or enter its numeric ID (saleOrderId)',
		searchListMethod: 'searchSalesOrdersById',
		key: { mode: 'id', label: 'Sales Order ID', placeholder: 'e.g. 5001', regex: ID_REGEX, format: 'a number, e.g. 5001' },
	},
	product: {
		name: 'productCode',
		displayName: 'Product',
		description: 'The Venio product: pick one (search by code or name) or enter its code',
		searchListMethod: 'searchProducts',
		key: code('Product Code', 'P-THAI-TEA'),
	},
	// Typed only: seed 000's menu names Get a Product Ticket but no ticket list to search.
	productTicket: {
		name: 'ticketNo',
		displayName: 'Product Ticket',
		description: 'The product ticket: enter its number as Venio shows it. Venio offers no ticket list to pick from.',
		key: { ...code('Ticket Number', 'PT2601-0001'), format: 'a ticket number without spaces, e.g. PT2601-0001' },
	},
	...PIPELINE_LOCATORS,
} satisfies Record<string, RecordLocator>;

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const joined = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' · ');

interface SearchSource {
	/** One page: `size` records from `skip`, matching `keyword` when given. */
	page(ctx: ILoadOptionsFunctions, keyword: string | undefined, skip: number, size: number): Promise<IDataObject[]>;
	item(record: IDataObject): INodeListSearchItems | undefined;
}

/**
 * POST enquiries paged by `skip` and a page size with Venio's `keyword` filter. The customer enquiry
 * names the size `pageLength` [PUB legacy]; the quotation enquiry requires `take` [PUB api-3590357].
 */
const enquiry = (path: string, sizeKey: 'pageLength' | 'take', extra: IDataObject = {}) => async (ctx: ILoadOptionsFunctions, keyword: string | undefined, skip: number, size: number) => {
	const data = await venioRequest.call(ctx, { method: 'POST', path, body: { ...extra, ...(keyword ? { keyword } : {}), skip, [sizeKey]: size }, idempotent: true });
	return Array.isArray(data) ? (data as IDataObject[]) : [];
};

const item = (name: string, value: string): INodeListSearchItems | undefined => (value ? { name, value } : undefined);

const salesOrderPage = enquiry('/v2/salesorder/enquiry', 'take'); // [INF] shaped like the quotation enquiry

const SOURCES: Record<'customers' | 'quotations' | 'salesOrders' | 'salesOrdersById' | 'products', SearchSource> = {
	customers: {
		// Same enquiry as Customer → Get Many; its keyword matches name, code, phone, mobile or email.
		page: enquiry('/v3/customers/enquiry', 'pageLength', { orderBy: 'customerName asc' }),
		item: (c) => item(`${text(c.customerName) || text(c.customerCode)} (${text(c.customerCode)})`, text(c.customerCode)),
	},
	quotations: {
		page: enquiry('/v1/quotation/enquiry', 'take'),
		item: (q) => item(joined(q.quotationNo, q.quotationSubject, q.customerCode), text(q.quotationNo)),
	},
	salesOrders: {
		page: salesOrderPage,
		item: (o) => item(joined(o.salesOrderNo, o.salesOrderSubject, o.customerCode), text(o.salesOrderNo)),
	},
	salesOrdersById: {
		page: salesOrderPage,
		item: (o) => item(`${joined(o.salesOrderNo, o.salesOrderSubject, o.customerCode)} (ID ${text(o.salesOrderId)})`, text(o.salesOrderId)),
	},
	products: {
		// Same list as Product → Get Many: GET /v3/products?take=&skip=&keyword= ([INF] skip, keyword).
		page: async (ctx, keyword, skip, take) => {
			const data = await venioRequest.call(ctx, { method: 'GET', path: '/v3/products', qs: { ...(keyword ? { keyword } : {}), skip, take } });
			return Array.isArray(data) ? (data as IDataObject[]) : [];
		},
		item: (p) => item(`${text(p.productName) || text(p.productCode)} (${text(p.productCode)})`, text(p.productCode)),
	},
};

/** One "From List" page of `source`, searched for `filter` through Venio's own search. */
async function search(ctx: ILoadOptionsFunctions, source: SearchSource, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const keyword = searchText(filter);
	return await offsetSearchPage(paginationToken, async (skip, size) => await source.page(ctx, keyword, skip, size), source.item);
}

export const listSearch = {
	...pipelineListSearch,
	async searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.customers, filter, paginationToken);
	},
	async searchQuotations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.quotations, filter, paginationToken);
	},
	async searchSalesOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.salesOrders, filter, paginationToken);
	},
	async searchSalesOrdersById(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.salesOrdersById, filter, paginationToken);
	},
	async searchProducts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.products, filter, paginationToken);
	},
};
