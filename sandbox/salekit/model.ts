/** Salekit simulator: documented value sets, options with their defaults, and the stored records. */
import { SALEKIT_DEMO } from './auth';

// ---------------------------------------------------------------------------------------------
// Documented value sets
// ---------------------------------------------------------------------------------------------

/** Audience `type` (seed 004). */
export const AUDIENCE_TYPES = ['Customer', 'VIP', 'Lead', 'Partner', 'Reseller', 'Competitor', 'Affiliate', 'Other'];
/** Order processing `status` (salekit.com/help/api-order). */
export const ORDER_STATUSES = ['Chờ xử lý', 'Đang xử lý', 'Đang giao', 'Thành công', 'Hủy', 'Xóa đơn', 'Hoàn đơn', 'Hoàn tiền'];
/** Product `type`: 0 product, 1 service, 2 course. */
export const PRODUCT_TYPES = ['Sản phẩm', 'Dịch vụ', 'Khóa học'];
export const GENDERS = ['Nam', 'Nữ'];

export type SyncEvent = 'order_created' | 'order_status_changed' | 'order_payment_changed';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

/** Error kinds whose HTTP status is configurable (the body is always {error:true, msg}). */
export interface SalekitErrorStatus {
	auth: number;
	validation: number;
	notFound: number;
	conflict: number;
}

export type AudienceField = 'full_name' | 'email' | 'phone';

export interface SalekitOptions {
	/** The token the shop's admin shows; only this value is accepted. */
	token: string;
	// [INF] Salekit is known to answer failures with HTTP 200; only auth is assumed to be 401.
	errorStatus: SalekitErrorStatus;
	// The seed marks full_name and email without "Không" (required) and phone "Không" (optional).
	audienceRequired: AudienceField[];
	// [INF] Dedupe key for the upsert: first key that matches an existing audience wins.
	dedupeKeys: AudienceField[];
	// [INF] When a tag is in both `tag` and `un_tag`: add then remove (removal wins) or the reverse.
	tagOrder: 'addThenRemove' | 'removeThenAdd';
	/** Custom Attribute keys the shop has declared (custom_field keys must be one of these). */
	customAttributes: string[];
	// [INF] The seed shows no `data` in the audience answer; switch on to get the stored audience.
	audienceReturnsData: boolean;
	// [INF] The product doc shows no `data`; we return the new id so a node can chain calls.
	productReturnsData: boolean;
	// [INF] Duplicate sku on product/create → error:true.
	rejectDuplicateSku: boolean;
	// [INF] Order lines must name a product that exists (by product_id, else sku).
	requireKnownProducts: boolean;
	// [INF] JSON types as documented (String/Int/Double) are enforced; false accepts numeric strings
	// and numbers for strings, like a lenient PHP back end.
	strictTypes: boolean;
	// [INF] Email / phone format checks.
	validateEmail: boolean;
	validatePhone: boolean;
	// [INF] A non-empty body must be sent as application/json (the doc's header table).
	requireJsonContentType: boolean;
	// [INF] Sync payload: the order detail with an `event` key ('flat') or `{event, data: order}`.
	syncPayload: 'flat' | 'wrapped';
	// [INF] Writes made through the API also fire the sync webhooks (not only admin actions).
	syncOnApiWrites: boolean;
	// [INF] No retry documented; attempts = retries + 1.
	syncRetries: number;
	syncTimeoutMs: number;
	/** Seeded record counts (deterministic). */
	seedAudiences: number;
	seedOrders: number;
	/** Clock for created_at/updated_at; defaults to the real time. */
	now: () => Date;
}

export const defaultSalekitOptions = (): SalekitOptions => ({
	token: SALEKIT_DEMO.token,
	errorStatus: { auth: 401, validation: 200, notFound: 200, conflict: 200 },
	audienceRequired: ['full_name', 'email'],
	dedupeKeys: ['email', 'phone'],
	tagOrder: 'addThenRemove',
	customAttributes: ['madon', 'ma_khach', 'ngay_mua'],
	audienceReturnsData: false,
	productReturnsData: true,
	rejectDuplicateSku: true,
	requireKnownProducts: true,
	strictTypes: true,
	validateEmail: true,
	validatePhone: true,
	requireJsonContentType: true,
	syncPayload: 'flat',
	syncOnApiWrites: true,
	syncRetries: 0,
	syncTimeoutMs: 10_000,
	seedAudiences: 5,
	seedOrders: 3,
	now: () => new Date(),
});

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export interface Audience {
	id: number;
	full_name: string | null;
	email: string | null;
	phone: string | null;
	tags: string[];
	src: string | null;
	cid: string | null;
	gender: string | null;
	address: string | null;
	note: string | null;
	custom_field: Record<string, string | number>;
	type: number;
	created_at: string;
	updated_at: string;
}

export interface Product {
	id: number;
	name: string;
	type: number;
	sku: string | null;
	description: string | null;
	content: string | null;
	unit_price: number | null;
	price_sale: number | null;
	unit_name: string | null;
	category_id: number | null;
	trademark: number | null;
	photos: string[];
	weight: number | null;
	package_width: number | null;
	package_length: number | null;
	package_height: number | null;
	slug: string | null;
	seo_title: string | null;
	seo_keyword: string | null;
	seo_description: string | null;
	created_at: string;
}

export interface OrderLine {
	product_id: number;
	sku: string | null;
	name: string;
	quantity: number;
	price: number;
}

export interface Order {
	id: number;
	website_id: string | null;
	total_price: number;
	discount: number | null;
	total_pay: number;
	revenue: number | null;
	ship_fee: number | null;
	pay_fee: number | null;
	full_name: string;
	phone: string;
	email: string | null;
	ref: string | null;
	ref_sub: string | null;
	src: string | null;
	province_id: number | null;
	district_id: number | null;
	ward_id: number | null;
	address: string | null;
	store_id: number | null;
	pay_type: number | null;
	pay_status: number;
	pay_time: number | string | null;
	commission: number | null;
	status: number;
	sale_id: number | null;
	note: string | null;
	products: OrderLine[];
	created_at: string;
	updated_at: string;
}

export interface SyncRecord {
	id: number;
	event: SyncEvent;
	order_id: number;
	url: string;
	payload: Record<string, unknown>;
	state: 'pending' | 'success' | 'failed';
	http_status: number;
	attempts: number;
	resend_of: number | null;
	created_at: string;
}

export interface SyncUrls {
	orderCreated: string;
	statusChanged: string;
	paymentChanged: string;
}

/** "YYYY-MM-DD HH:mm:ss" in UTC+7. [INF] MySQL-style local time, as a PHP back end would print it. */
export function salekitTime(date: Date): string {
	return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

/** A product with every optional field empty (seeding fills in the rest). */
export function emptyProduct(): Product {
	return {
		id: 0,
		name: '',
		type: 0,
		sku: null,
		description: null,
		content: null,
		unit_price: null,
		price_sale: null,
		unit_name: null,
		category_id: null,
		trademark: null,
		photos: [],
		weight: null,
		package_width: null,
		package_length: null,
		package_height: null,
		slug: null,
		seo_title: null,
		seo_keyword: null,
		seo_description: null,
		created_at: '',
	};
}

/** An order with every optional field empty (seeding fills in the rest). */
export function emptyOrder(): Order {
	return {
		id: 0,
		website_id: null,
		total_price: 0,
		discount: null,
		total_pay: 0,
		revenue: null,
		ship_fee: null,
		pay_fee: null,
		full_name: '',
		phone: '',
		email: null,
		ref: null,
		ref_sub: null,
		src: null,
		province_id: null,
		district_id: null,
		ward_id: null,
		address: null,
		store_id: null,
		pay_type: null,
		pay_status: 0,
		pay_time: null,
		commission: null,
		status: 0,
		sale_id: null,
		note: null,
		products: [],
		created_at: '',
		updated_at: '',
	};
}
