/**
 * SHOPLINE simulator: the shop's lists a product or an order refers to by ID — categories,
 * warehouses, delivery options, payment methods, promotions — read-only here [PUB SDK]:
 *   GET /v1/categories        updated_after/before (UTC), created_by_filter admin|pos (default admin),
 *                             category_ids[], page/per_page | previous_id
 *   GET /v1/warehouses        page/per_page | previous_id
 *   GET /v1/delivery_options  page/per_page
 *   GET /v1/payments          updated_after/before, sort_by asc|desc, order_by created_at|priority, page/per_page
 *   GET /v1/promotions        created/updated/start/end after/before (UTC), promotion_ids[] (alone),
 *                             page/per_page (per_page at most 100)
 * [INF] scopes: categories and warehouses need `products`, the others `orders`; unknown filter
 * values → 422 naming the parameter; promotion_ids with another filter → 422; lists newest first.
 */
import type { SimRequest, SimResponse } from '../core';
import { first, inRange, isResponse, list, ok } from './helpers';
import { DELIVERY_OPTIONS, MEMBERSHIP_TIERS, PAYMENT_METHODS } from './model';
import type { Route, ShoplineSim } from './index';

const at = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString();

export const CATEGORIES = [
	{ id: '63c0ffee0000000000000001', name_translations: { en: 'Drinks', 'zh-hant': '飲品', th: 'เครื่องดื่ม' }, parent_id: null, created_by: 'admin', product_count: 2, created_at: at(0), updated_at: at(10) },
	{ id: '63c0ffee0000000000000002', name_translations: { en: 'Tea', 'zh-hant': '茶飲' }, parent_id: '63c0ffee0000000000000001', created_by: 'admin', product_count: 2, created_at: at(1), updated_at: at(20) },
	{ id: '63c0ffee0000000000000003', name_translations: { en: 'Snacks', 'zh-hant': '點心', vi: 'Đồ ăn vặt' }, parent_id: null, created_by: 'admin', product_count: 3, created_at: at(2), updated_at: at(30) },
	{ id: '63c0ffee0000000000000004', name_translations: { en: 'Noodles', 'zh-hant': '麵食' }, parent_id: null, created_by: 'admin', product_count: 1, created_at: at(3), updated_at: at(40) },
	{ id: '63c0ffee0000000000000005', name_translations: { en: 'Counter specials', 'zh-hant': '門市特選' }, parent_id: null, created_by: 'pos', product_count: 1, created_at: at(4), updated_at: at(50) },
];

export const WAREHOUSES = [
	{ id: '64c0ffee0000000000000001', name: 'Taipei main warehouse', status: 'active' },
	{ id: '64c0ffee0000000000000002', name: 'Kowloon store', status: 'active' },
	{ id: '64c0ffee0000000000000003', name: 'Bangkok overflow', status: 'transferring' },
];

/** Region types from the SDK's list [PUB SDK]; [INF] which provider is a pickup. */
const deliveryJson = (d: (typeof DELIVERY_OPTIONS)[number]) => ({
	id: d.id,
	status: 'active',
	name_translations: d.name_translations,
	region_type: d.region_type,
	delivery_type: d.region_type.startsWith('tw_711') ? 'pickup' : 'custom',
	fee_type: 'flat',
	requires_customer_address: !d.region_type.startsWith('tw_711'),
	support_cod: true,
});

const paymentJson = (p: (typeof PAYMENT_METHODS)[number], n: number) => ({
	id: p.id,
	status: 'active',
	name_translations: p.name_translations,
	type: p.type,
	fee_percent: 0,
	excluded_delivery_option_ids: [],
	priority: n + 1,
	created_at: at(n),
	updated_at: at(10 * (n + 1)),
});

export const PROMOTIONS = Array.from({ length: 12 }, (_, n) => ({
	id: `65c0ffee00000000000000${(n + 1).toString(16).padStart(2, '0')}`,
	title_translations: { en: `Promotion ${n + 1}`, 'zh-hant': `優惠 ${n + 1}` },
	discount_on: n % 3 === 0 ? 'item' : 'order',
	discount_type: n % 2 === 0 ? 'percentage' : 'amount',
	discount_percentage: n % 2 === 0 ? 10 : null,
	codes: n % 4 === 0 ? [`SAVE${n + 1}`] : [],
	requires_membership: n % 5 === 0,
	whitelisted_membership_tier_ids: n % 5 === 0 ? [MEMBERSHIP_TIERS[0].id] : [],
	use_count: n * 3,
	start_at: at(30 * n),
	end_at: at(30 * n + 60),
	created_at: at(30 * n - 5),
	updated_at: at(30 * n - 1),
}));

/** [PUB SDK] Get Promotions: "上限 100" per page. */
const MAX_PROMOTIONS_PER_PAGE = 100;

export function registerCatalogRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/categories', 'products', (req) => listCategories(sim, req));
	r('GET', '/warehouses', 'products', (req) => answer(sim, req, [...WAREHOUSES]));
	r('GET', '/delivery_options', 'orders', (req) => answer(sim, req, DELIVERY_OPTIONS.map(deliveryJson)));
	r('GET', '/payments', 'orders', (req) => listPayments(sim, req));
	r('GET', '/promotions', 'orders', (req) => listPromotions(sim, req));
}

function answer(sim: ShoplineSim, req: SimRequest, rows: Array<{ id: string }>): SimResponse {
	const page = sim.paginate(rows, req.query);
	return isResponse(page) ? page : ok({ items: page.items, pagination: page.pagination });
}

function listCategories(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const range = sim.timeRange(q, ['updated_after', 'updated_before']);
	if (isResponse(range)) return range;
	const createdBy = first(q.created_by_filter) ?? 'admin';
	if (createdBy !== 'admin' && createdBy !== 'pos') return sim.badQuery('created_by_filter', 'created_by_filter must be admin or pos');
	const ids = list(q.category_ids);
	const rows = CATEGORIES.filter((c) => c.created_by === createdBy && (!ids.length || ids.includes(c.id)) && inRange(c.updated_at, range.updated_after, range.updated_before));
	return answer(sim, req, rows.map((c) => ({ ...c, status: 'active' })));
}

function listPayments(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const dir = sim.direction(q);
	if (typeof dir !== 'string') return dir;
	const orderBy = first(q.order_by) ?? 'created_at';
	if (orderBy !== 'created_at' && orderBy !== 'priority') return sim.badQuery('order_by', 'order_by must be created_at or priority');
	const range = sim.timeRange(q, ['updated_after', 'updated_before']);
	if (isResponse(range)) return range;
	// created_at and priority follow the same order here.
	const rows = PAYMENT_METHODS.map(paymentJson).filter((p) => inRange(p.updated_at, range.updated_after, range.updated_before));
	return answer(sim, req, dir === 'desc' ? rows.reverse() : rows);
}

const PROMOTION_TIMES = ['created_after', 'created_before', 'updated_after', 'updated_before', 'start_after', 'start_before', 'end_after', 'end_before'];

function listPromotions(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const perPage = Number(first(q.per_page) ?? 0);
	if (perPage > MAX_PROMOTIONS_PER_PAGE) return sim.badQuery('per_page', `per_page must be at most ${MAX_PROMOTIONS_PER_PAGE}`);
	const ids = list(q.promotion_ids);
	const range = sim.timeRange(q, PROMOTION_TIMES);
	if (isResponse(range)) return range;
	if (ids.length && PROMOTION_TIMES.some((t) => range[t] !== undefined)) {
		return sim.badQuery('promotion_ids', 'promotion_ids must be used standalone');
	}
	const within = (iso: string, name: string) => inRange(iso, range[`${name}_after`], range[`${name}_before`]);
	const rows = PROMOTIONS.filter(
		(p) => (!ids.length || ids.includes(p.id)) && within(p.created_at, 'created') && within(p.updated_at, 'updated') && within(p.start_at, 'start') && within(p.end_at, 'end'),
	).reverse();
	return answer(sim, req, rows);
}
