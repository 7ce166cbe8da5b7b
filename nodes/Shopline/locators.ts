/**
 * SHOPLINE's record pickers (customer, order, product, return order) and the one paged search that fills their
 * "From List": SHOPLINE's own search endpoints, a page number at a time.
 * No "By URL" mode: SHOPLINE documents its admin panel's address (admin.shoplineapp.com/admin/<shop>)
 * but not the address of one record's page.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { SEARCH_PAGE_SIZE, searchText, type RecordLocator } from '../shared/locator';
import { translated } from './simplify';
import { shoplineRequest } from './transport';

// [INF] SHOPLINE documents no ID format (the ones seen are 24 hex digits); one word without
// spaces or slashes is all we check, so the ID stays one path segment.
const ID_REGEX = '^[^\\s/?#]+$';

const id = (label: string, placeholder: string) => ({ mode: 'id' as const, label, placeholder: `e.g. ${placeholder}`, regex: ID_REGEX, format: `a SHOPLINE ID without spaces or slashes, e.g. ${placeholder}` });

export const LOCATORS = {
	customer: {
		name: 'customerId',
		displayName: 'Customer',
		description: 'The SHOPLINE customer: pick one (search by name, email or phone) or enter its ID',
		searchListMethod: 'searchCustomers',
		key: id('Customer ID', '61a0c0ffee00000000000001'),
	},
	order: {
		name: 'orderId',
		displayName: 'Order',
		description: 'The SHOPLINE order: pick one (search by order number, customer name, email or phone) or enter its ID (not the order number people see)',
		searchListMethod: 'searchOrders',
		key: id('Order ID', '63b0c0ffee00000000000001'),
	},
	product: {
		name: 'productId',
		displayName: 'Product',
		description: 'The SHOPLINE product: pick one (search by title or SKU) or enter its ID',
		searchListMethod: 'searchProducts',
		key: id('Product ID', '62c0c0ffee00000000000001'),
	},
	returnOrder: {
		name: 'returnOrderId',
		displayName: 'Return Order',
		description: 'The SHOPLINE return order: pick one (search by return order number, customer name, email or phone) or enter its ID (not the return order number people see)',
		searchListMethod: 'searchReturnOrders',
		key: id('Return Order ID', '65e0c0ffee00000000000001'),
	},
} satisfies Record<string, RecordLocator>;

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const joined = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' · ');

interface SearchSource {
	/** The search endpoint (takes `query`) and the plain list used when nothing is typed. */
	searchPath: string;
	listPath: string;
	/** False where the list has no `sort_by` (it keeps its own order). */
	sortable?: false;
	item(record: IDataObject): INodeListSearchItems | undefined;
}

const item = (name: string, value: string): INodeListSearchItems | undefined => (value ? { name: name || value, value } : undefined);

const SOURCES: Record<'customers' | 'orders' | 'products' | 'returnOrders', SearchSource> = {
	customers: {
		// [PUB] GET /customers/search?query= looks in name, email and phones.
		searchPath: '/customers/search',
		listPath: '/customers',
		item: (c) => item(joined(c.name, c.email || c.mobile_phone), text(c.id)),
	},
	orders: {
		// [PUB] GET /orders/search?query=
		searchPath: '/orders/search',
		listPath: '/orders',
		item: (o) => item(joined(o.order_number ? `#${text(o.order_number)}` : '', o.customer_name, (o.total as IDataObject | undefined)?.label), text(o.id)),
	},
	products: {
		// [PUB] a product search exists; [INF] it takes `query` as the other searches do.
		searchPath: '/products/search',
		listPath: '/products',
		item: (p) => item(joined(translated(p.title_translations, 'en'), p.sku), text(p.id)),
	},
	returnOrders: {
		// [PUB SDK] Get Return Orders takes `query` itself (return order number, customer, recipient)
		// and lists newest first; it documents no sort_by.
		searchPath: '/return_orders',
		listPath: '/return_orders',
		sortable: false,
		item: (r) => item(joined(r.return_order_number, r.order_number ? `order #${text(r.order_number)}` : '', r.customer_name), text(r.id)),
	},
};

/** One "From List" page: SHOPLINE's page `paginationToken` (1 first), newest first. */
async function search(ctx: ILoadOptionsFunctions, source: SearchSource, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const query = searchText(filter);
	const page = Number.isSafeInteger(Number(paginationToken)) && Number(paginationToken) > 1 ? Number(paginationToken) : 1;
	const qs: IDataObject = { page, per_page: SEARCH_PAGE_SIZE, ...(query ? { query } : source.sortable === false ? {} : { sort_by: 'desc' }) };
	const response = (await shoplineRequest.call(ctx, 'GET', query ? source.searchPath : source.listPath, { qs })) as IDataObject;
	const records = (Array.isArray(response?.items) ? response.items : []) as IDataObject[];
	const totalPages = Number((response?.pagination as IDataObject | undefined)?.total_pages);
	const more = Number.isFinite(totalPages) ? page < totalPages : records.length >= SEARCH_PAGE_SIZE;
	return {
		results: records.map(source.item).filter((r): r is INodeListSearchItems => r !== undefined),
		paginationToken: more && records.length > 0 ? String(page + 1) : undefined,
	};
}

export const listSearch = {
	async searchCustomers(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.customers, filter, paginationToken);
	},
	async searchOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.orders, filter, paginationToken);
	},
	async searchProducts(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.products, filter, paginationToken);
	},
	async searchReturnOrders(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.returnOrders, filter, paginationToken);
	},
};
