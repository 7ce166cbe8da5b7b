/**
 * SHOPLINE Open API simulator (open.shopline.io/v1), mounted under `/shopline`: users enter
 * `<server>/shopline/v1` as the base URL.
 *
 * Sources: seed 002 (Create Customer) and ../shared/vendors.md section C. Shapes of objects that the
 * seed does not show follow the public SDK generated from SHOPLINE's docs (HsOjo/shopline-sdk-python).
 *
 * Every request (all routes below):
 *   - `User-Agent` header required ("must-have"); missing, or not the merchant handle → 400
 *     `{error, code:"InvalidUserAgent"}` [INF status, body and the handle match; see options.userAgent].
 *   - `Authorization: Bearer <token>`; unknown → 401 `{message, code:"Unauthorized"}`, expired → 401
 *     `{message, code:"TokenExpired"}` [INF codes]; scope missing → 403 `{message, code:"Forbidden"}` [INF].
 *   - 20 requests per sliding 1 s window per token; the 21st → 429
 *     `{"error":"Rate limit exceeded for attempts to access Open API. please try again later","code":"RateLimitExceeded"}`
 *     with no Retry-After (documented: no rate-limit headers).
 *
 * Endpoints (paths below the prefix):
 *   GET    /v1/token/info                      → {staff, merchant, scopes, expires_at}
 *   GET    /v1/customers                       updated_after/updated_before, sort_by, per_page, page | previous_id
 *   POST   /v1/customers                       seed 002 rules; excludes[]/fields[] shape the response
 *   GET    /v1/customers/search                query, search_fields[], email, mobile_phone, phone(s), name, gender, tags, id[], …
 *   GET    /v1/customers/:id
 *   PUT    /v1/customers/:id
 *   DELETE /v1/customers/:id                   → {message}
 *   GET    /v1/orders                          created_after/before, updated_after/before, order_ids[], status/statuses[], customer_id, sort_by, paging
 *   GET    /v1/orders/search                   query, order_number, customer_*, name, phone_number, status; sort_by → 422
 *   POST   /v1/orders                          {order:{…}, mail_notify?}; documented required fields
 *   GET    /v1/orders/:id                      archived → 410
 *   PATCH  /v1/orders/:id/status               {status: pending|confirmed|completed|cancelled, mail_notify=false}
 *   PATCH  /v1/orders/:id/cancel               {cancelled_reason, revert_credits, revert_member_points, operated_by, refund_order, mail_notify}
 *   GET    /v1/products, GET /v1/products/:id
 *   GET    /v1/webhooks, POST /v1/webhooks, GET/PUT/DELETE /v1/webhooks/:id
 * Lists answer `{items, pagination:{current_page, per_page, total_count, total_pages}}`.
 *
 * Guesses ([INF], each adjustable through ShoplineOptions):
 *   - error bodies: `{message, code}` plus `extras.field` on 422; 401/403/404/410 codes named above.
 *   - per_page max 999 (documented for search endpoints, assumed for all lists); page together with
 *     previous_id → 422; unknown previous_id → 422.
 *   - duplicate email or mobile phone on create/update → 422.
 *   - created_by / registered_by values: shop, admin, openapi, shop_crm, pos (SDK enum).
 *   - minimum age (admin setting) 0, mobile sign-up countries list, SMS feature off, welcome credit 50.
 *   - archived orders: the oldest share of seeded orders (5 %); 410 wording.
 *   - create order: subtotal must equal the items' totals, each item total = price × quantity; a
 *     product with variations needs variation_id; customer_email of no customer makes a guest order.
 *   - create answers 200 (not 201).
 *   - webhook payload `{id, topic, merchant_id, resource_id, resource, created_at}`; headers
 *     X-Shopline-Topic, X-Shopline-Event-Id (same on every retry), X-Shopline-Webhook-Id,
 *     X-Shopline-Merchant-Id; success is exactly HTTP 200; retries 1 s apart.
 *   - DELETE /webhooks/:id answers the removed subscription with status "removed".
 */
import {
	deliverWebhook,
	INVALID_JSON,
	intParam,
	rng,
	Vendor,
	type Handler,
	type SimRequest,
	type SimResponse,
} from './core';
import { person, PRODUCTS } from './data';

// ---------------------------------------------------------------------------------------------
// Constants
// ---------------------------------------------------------------------------------------------

export const SHOPLINE_RATE_LIMIT_BODY = {
	error: 'Rate limit exceeded for attempts to access Open API. please try again later',
	code: 'RateLimitExceeded',
};

/** Every documented webhook topic (vendors.md C). */
export const SHOPLINE_TOPICS = [
	'user/create',
	'user/update',
	'user/remove',
	'user/sign_in',
	'user/mobile_sign_in',
	'user/mobile_sign_up',
	'order/create',
	'order/update',
	'order/cancel',
	'member_point/create',
	'user_credit/create',
	'order_payment/complete',
	'order_payment/refund',
	'invoice/create',
	'order_delivery/update',
	'product/create',
	'product/update',
	'product/remove',
	'merchant/update',
] as const;

export const ORDER_STATUSES = ['pending', 'confirmed', 'completed', 'cancelled'] as const;
export const GENDERS = ['male', 'female', 'other'] as const;
/** [INF] values from the public SDK's enum; the seed shows "Allowed:" with the list cut off. */
export const CREATION_SOURCES = ['shop', 'admin', 'openapi', 'shop_crm', 'pos'];

const MERCHANT_ID = '5f1a2b3c4d5e6f7081920a1b';

export const SHOPLINE_DEMO = {
	accessToken: 'shopline-demo-7c1e5a0b9d3f4e2a8b6c',
	/** The merchant handle SHOPLINE asks for in the User-Agent header. */
	userAgent: 'asiademoshop',
};

export const MEMBERSHIP_TIERS = [
	{ id: '60a1b2c3d4e5f60718293a01', level: 1, name_translations: { en: 'Silver', 'zh-hant': '銀卡會員' } },
	{ id: '60a1b2c3d4e5f60718293a02', level: 2, name_translations: { en: 'Gold', 'zh-hant': '金卡會員' } },
];

/** Delivery options; documented: Create Order cannot use third-party logistics. */
export const DELIVERY_OPTIONS = [
	{ id: '61b0c0ffee00000000000001', name_translations: { en: 'Home delivery', 'zh-hant': '宅配' }, third_party: false },
	{ id: '61b0c0ffee00000000000002', name_translations: { en: 'Store pickup', 'zh-hant': '門市自取' }, third_party: false },
	{ id: '61b0c0ffee00000000000003', name_translations: { en: '7-ELEVEN B2C', 'zh-hant': '7-11 取貨' }, third_party: true },
];

/** Payment methods; documented: no third-party payment and no SHOPLINE Payments on Create Order. */
export const PAYMENT_METHODS = [
	{ id: '62c0ffee0000000000000001', name_translations: { en: 'Bank transfer', 'zh-hant': '銀行轉帳' }, type: 'bank_transfer' },
	{ id: '62c0ffee0000000000000002', name_translations: { en: 'Cash on delivery', 'zh-hant': '貨到付款' }, type: 'cash_on_delivery' },
	{ id: '62c0ffee0000000000000003', name_translations: { en: 'SHOPLINE Payments', 'zh-hant': 'SHOPLINE Payments' }, type: 'shopline_payments' },
	{ id: '62c0ffee0000000000000004', name_translations: { en: 'ECPay credit card', 'zh-hant': '綠界信用卡' }, type: 'third_party' },
];
const ALLOWED_PAYMENT_TYPES = ['bank_transfer', 'cash_on_delivery'];

const PRODUCT_TRANSLATIONS: Record<string, Record<string, string>> = {
	'P-THAI-TEA': { en: 'Thai tea', 'zh-hant': '泰式奶茶', th: 'ชาไทย' },
	'P-PHO': { en: 'Beef pho', 'zh-hant': '越南牛肉河粉', vi: 'Phở bò' },
	'P-BOBA': { en: 'Bubble tea', 'zh-hant': '珍珠奶茶' },
	'P-EGG-TART': { en: 'Egg tart', 'zh-hant': '蛋撻' },
	'P-MANGO': { en: 'Mango sticky rice', 'zh-hant': '芒果糯米飯', th: 'ข้าวเหนียวมะม่วง' },
	'P-BANH-MI': { en: 'Banh mi', 'zh-hant': '越南法國麵包', vi: 'Bánh mì' },
};

const CURRENCY_SYMBOLS: Record<string, string> = { TWD: 'NT$', HKD: 'HK$', THB: '฿', VND: '₫', MYR: 'RM', SGD: 'S$' };

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export interface ShoplineToken {
	token: string;
	/** Merchant handle; with `userAgent: 'handle'` the User-Agent header must equal it. */
	handle: string;
	merchantId: string;
	/** [INF] scope names: customers, orders, products, webhooks. */
	scopes: string[];
	/** ISO time or null: a token made without "Expired At" never expires. */
	expiresAt: string | null;
	staffName?: string;
}

export interface ShoplineOptions {
	tokens?: ShoplineToken[];
	currency?: string;
	/** Requests allowed per token per window (documented 20 per second). */
	rateLimit?: number;
	rateWindowMs?: number;
	/** [INF] 'handle': the header must equal the token's handle; 'present': any non-empty value. */
	userAgent?: 'handle' | 'present';
	/** [INF] status for a missing or wrong User-Agent. */
	userAgentStatus?: 400 | 401;
	defaultPerPage?: number;
	/** [INF] documented "Max: 999" on the search endpoints; used for every list. */
	maxPerPage?: number;
	/** [INF] status when page and previous_id are both sent, and for other bad query values. */
	badQueryStatus?: number;
	/** [INF] status for a duplicate email or mobile phone. */
	duplicateStatus?: number;
	/** [INF] status of successful creates. */
	createStatus?: number;
	/** Admin "age limit" setting checked against birthday; [INF] default 0 (no limit, future dates invalid). */
	minimumAge?: number;
	/** Admin "Mobile sign up country" setting (calling codes); [INF] default list. */
	mobileSignUpCountries?: string[];
	/** "SMS can be sent only after enabling feature"; [INF] default off. */
	smsEnabled?: boolean;
	/** Welcome credit granted when asked and enabled in admin; 0 = disabled. [INF] default 50. */
	welcomeCredit?: number;
	/** [INF] share of seeded orders (the oldest) that are archived. */
	archivedShare?: number;
	seedCustomers?: number;
	seedOrders?: number;
	seed?: number;
	webhookTimeoutMs?: number;
	webhookRetries?: number;
	webhookRetryDelayMs?: number;
	/** [INF] header names on webhook deliveries. */
	topicHeader?: string;
	eventIdHeader?: string;
	/** Extra topics accepted by POST /webhooks (the SDK lists more than vendors.md documents). */
	extraTopics?: string[];
}

type Config = Required<Omit<ShoplineOptions, 'tokens'>>;

const DEFAULTS: Config = {
	currency: 'TWD',
	rateLimit: 20,
	rateWindowMs: 1000,
	userAgent: 'handle',
	userAgentStatus: 400,
	defaultPerPage: 24,
	maxPerPage: 999,
	badQueryStatus: 422,
	duplicateStatus: 422,
	createStatus: 200,
	minimumAge: 0,
	mobileSignUpCountries: ['886', '852', '853', '86', '60', '65', '66', '84', '1'],
	smsEnabled: false,
	welcomeCredit: 50,
	archivedShare: 0.05,
	seedCustomers: 60,
	seedOrders: 240,
	seed: 2,
	webhookTimeoutMs: 15_000,
	webhookRetries: 3,
	webhookRetryDelayMs: 1000,
	topicHeader: 'X-Shopline-Topic',
	eventIdHeader: 'X-Shopline-Event-Id',
	extraTopics: [],
};

const DEMO_TOKEN: ShoplineToken = {
	token: SHOPLINE_DEMO.accessToken,
	handle: SHOPLINE_DEMO.userAgent,
	merchantId: MERCHANT_ID,
	scopes: ['customers', 'orders', 'products', 'webhooks'],
	expiresAt: null,
	staffName: 'OpenAPI staff',
};

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export interface DeliveryAddress {
	[key: string]: unknown;
}

export interface CustomerRec {
	id: string;
	seq: number;
	seeded: boolean;
	name: string;
	email: string | null;
	mobile_phone: string | null;
	mobile_phone_country_calling_code: string | null;
	phones: string[];
	phone_country_code: string | null;
	gender: string | null;
	birthday: string | null;
	birth_year: number | null;
	birth_month: number | null;
	birth_day: number | null;
	is_member: boolean;
	is_accept_marketing: boolean;
	is_subscribed_marketing_email: boolean;
	is_subscribed_marketing_sms: boolean;
	credit_balance: number;
	member_point_balance: number;
	membership_tier_id: string | null;
	tier_expires_at: string | null;
	delivery_addresses: DeliveryAddress[];
	tags: string[];
	memo: string | null;
	ref_user_id: string | null;
	created_by: string;
	created_by_channel_id: string | null;
	registered_by: string | null;
	registered_by_channel_id: string | null;
	created_at: string;
	updated_at: string;
}

interface OrderItemRec {
	id: string;
	productId: string;
	variationId: string | null;
	priceCents: number;
	quantity: number;
}

export interface OrderRec {
	id: string;
	seq: number;
	seeded: boolean;
	order_number: string;
	status: string;
	archived: boolean;
	customer_id: string | null;
	customer_name: string | null;
	customer_email: string | null;
	customer_phone: string | null;
	customer_phone_country_code: string | null;
	items: OrderItemRec[];
	subtotalCents: number;
	totalCents: number;
	userCreditCents: number;
	order_points: number;
	delivery_address: DeliveryAddress;
	delivery_option_id: string;
	payment_method_id: string;
	order_remarks: string | null;
	created_by: string;
	created_at: string;
	updated_at: string;
	cancelled_at: string | null;
	cancelled_reason: { key?: string; message?: string } | null;
	credits_reverted: boolean;
	member_points_reverted: boolean;
}

interface VariationRec {
	id: string;
	sku: string;
	fields_translations: Record<string, string[]>;
	priceCents: number;
	quantity: number;
}

export interface ProductRec {
	id: string;
	sku: string;
	status: string;
	title_translations: Record<string, string>;
	priceCents: number;
	/** 0 = not on sale; otherwise the sale price is the current price. */
	priceSaleCents: number;
	quantity: number;
	variations: VariationRec[];
	created_at: string;
	updated_at: string;
}

export interface WebhookRec {
	id: string;
	address: string;
	topics: string[];
	status: 'active' | 'removed';
	webhook_version: string | null;
	created_at: string;
	updated_at: string;
}

export interface DeliveryAttempt {
	at: string;
	status: number;
	ms: number;
}

export interface DeliveryRec {
	eventId: string;
	webhookId: string;
	topic: string;
	address: string;
	payload: unknown;
	headers: Record<string, string>;
	attempts: DeliveryAttempt[];
	delivered: boolean;
}

export interface NotificationRec {
	to: string;
	channel: 'email' | 'sms';
	kind: string;
	resource_id: string;
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

type Query = Record<string, string | string[]>;

const fail = (status: number, code: string, message: string, field?: string): SimResponse => ({
	status,
	body: field ? { message, code, extras: { field } } : { message, code },
});
const invalid = (field: string, message: string): SimResponse => fail(422, 'UnprocessableEntity', message, field);
const notFound = (what: string): SimResponse => fail(404, 'NotFound', `${what} not found`);
const ok = (body: unknown, status = 200): SimResponse => ({ status, body });

/** Deterministic 24-hex id (MongoDB ObjectId-like): 8 hex of creation seconds, 4 hex kind, 12 hex counter. */
function objectId(createdMs: number, kind: number, n: number): string {
	const secs = Math.floor(createdMs / 1000).toString(16).padStart(8, '0').slice(-8);
	return `${secs}${kind.toString(16).padStart(4, '0')}${n.toString(16).padStart(12, '0')}`;
}

function first(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** `x[]=a&x[]=b`, repeated `x`, or `x=a,b` → ['a','b']. */
function list(value: string | string[] | undefined): string[] {
	if (value === undefined) return [];
	const values = Array.isArray(value) ? value : value.split(',');
	return values.map((v) => v.trim()).filter(Boolean);
}

function digits(text: string): string {
	return text.replace(/\D/g, '');
}

/** [INF] phone matching: national digits without leading zeros, or the same with the calling code. */
function phoneMatches(query: string, stored: string, callingCode: string | null): boolean {
	const q = digits(query).replace(/^0+/, '');
	const s = digits(stored).replace(/^0+/, '');
	if (!q || !s) return false;
	return q === s || (callingCode !== null && q === `${callingCode}${s}`);
}

function isPlainObject(v: unknown): v is Record<string, any> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isValidEmail(v: string): boolean {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v);
}

const TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * A time filter value. [PUB] SHOPLINE's times are UTC+0, so a date-time without Z or an offset is
 * read as UTC, and one with an offset is that instant. [INF] (the one guess here) a date alone is
 * its midnight UTC. Anything else, and impossible days, are refused.
 */
function parseTime(value: string | string[] | undefined): number | undefined | string {
	const v = first(value);
	if (v === undefined || v === '') return undefined;
	const m = TIME_RE.exec(v.trim());
	const zone = m?.[3] === undefined || /^z$/i.test(m[3]) ? 'Z' : m[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
	const t = m ? Date.parse(`${m[1]}T${m[2] ?? '00:00'}${zone}`) : Number.NaN;
	const day = m ? Date.parse(`${m[1]}T00:00:00Z`) : Number.NaN;
	const realDay = !Number.isNaN(day) && new Date(day).toISOString().slice(0, 10) === m![1];
	return Number.isNaN(t) || !realDay ? `is not a valid time: ${v}` : t;
}

/** Keeps or drops top-level keys per `fields[]` (wins) or `excludes[]`. */
function shape(obj: Record<string, unknown>, q: Query): Record<string, unknown> {
	const fields = list(q.fields);
	if (fields.length) return Object.fromEntries(fields.filter((f) => f in obj).map((f) => [f, obj[f]]));
	const excludes = list(q.excludes);
	if (!excludes.length) return obj;
	return Object.fromEntries(Object.entries(obj).filter(([k]) => !excludes.includes(k)));
}

function ageOn(birthday: Date, today: Date): number {
	let age = today.getUTCFullYear() - birthday.getUTCFullYear();
	const beforeBirthday =
		today.getUTCMonth() < birthday.getUTCMonth() ||
		(today.getUTCMonth() === birthday.getUTCMonth() && today.getUTCDate() < birthday.getUTCDate());
	if (beforeBirthday) age--;
	return age;
}

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

export class ShoplineSim extends Vendor {
	config: Config;
	tokens = new Map<string, ShoplineToken>();
	customers = new Map<string, CustomerRec>();
	orders = new Map<string, OrderRec>();
	products = new Map<string, ProductRec>();
	webhooks = new Map<string, WebhookRec>();
	deliveries: DeliveryRec[] = [];
	notifications: NotificationRec[] = [];
	/** 429s answered by the simulator's own limiter (injected faults are counted in the server log). */
	rateLimited = 0;
	private hits = new Map<string, number[]>();
	private sortedOrders?: OrderRec[];
	private sortedCustomers?: CustomerRec[];
	private orderCounts?: Map<string, number>;
	private counter = 0;
	private pending = new Set<Promise<void>>();

	constructor(private readonly options: ShoplineOptions = {}) {
		super('shopline', '/shopline', () => ({ status: 429, body: { ...SHOPLINE_RATE_LIMIT_BODY } }));
		this.config = { ...DEFAULTS, ...stripUndefined(options) };
		this.onReset = () => this.init();
		this.registerRoutes();
		this.reset();
	}

	// --- lifecycle ---------------------------------------------------------------------------

	private init(): void {
		// Documented: SHOPLINE sends no rate-limit headers, so injected 429s carry no Retry-After either.
		this.faults.retryAfter = '';
		this.config = { ...DEFAULTS, ...stripUndefined(this.options) };
		this.tokens = new Map((this.options.tokens ?? [DEMO_TOKEN]).map((t) => [t.token, { ...t }]));
		this.webhooks.clear();
		this.deliveries = [];
		this.notifications = [];
		this.rateLimited = 0;
		this.hits.clear();
		this.counter = 0;
		this.seedProducts();
		this.seed(this.config.seedOrders, this.config.seedCustomers);
	}

	/** Replaces customers and orders with `orders` seeded orders and `customers` seeded customers. */
	seed(orders: number, customers = Math.max(1, Math.ceil(orders / 4))): { customers: number; orders: number } {
		this.customers.clear();
		this.orders.clear();
		this.invalidate();
		const random = rng(this.config.seed);
		const customerStart = Date.UTC(2022, 0, 1);
		for (let i = 0; i < customers; i++) this.addSeededCustomer(i, customerStart + i * 60_000, random);
		const customerList = [...this.customers.values()];
		const orderStart = Date.UTC(2023, 0, 1);
		const archived = Math.floor(orders * this.config.archivedShare);
		const products = [...this.products.values()];
		for (let i = 0; i < orders; i++) {
			const customer = customerList[i % customerList.length];
			this.addSeededOrder(i, orderStart + i * 120_000, customer, products, random, i < archived);
		}
		return { customers, orders };
	}

	/** Waits until every webhook delivery started so far has finished (with its retries). */
	async idle(): Promise<void> {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	snapshot(): unknown {
		return {
			counts: {
				customers: this.customers.size,
				orders: this.orders.size,
				archived_orders: [...this.orders.values()].filter((o) => o.archived).length,
				products: this.products.size,
				webhooks: this.webhooks.size,
				deliveries: this.deliveries.length,
			},
			rate_limited: this.rateLimited,
			customers: [...this.customers.values()].filter((c) => !c.seeded).map((c) => this.customerJson(c)),
			orders: [...this.orders.values()].filter((o) => !o.seeded).map((o) => this.orderJson(o)),
			webhooks: [...this.webhooks.values()].map((w) => this.webhookJson(w)),
			deliveries: this.deliveries,
			notifications: this.notifications,
		};
	}

	/**
	 * Control API: `{action:'emit', topic, id?, data?}` fires an event to subscribers;
	 * `{action:'seed', orders, customers?}`; `{action:'settings', ...ShoplineOptions fields}`;
	 * `{action:'archive', id}`; `{action:'addToken', token: ShoplineToken}`; `{action:'expireTokens'}`.
	 */
	control(body: Record<string, any>): unknown {
		switch (body?.action) {
			case 'emit':
				return this.controlEmit(body);
			case 'seed':
				return this.seed(Number(body.orders ?? this.config.seedOrders), body.customers === undefined ? undefined : Number(body.customers));
			case 'settings': {
				const { action: _ignored, ...rest } = body;
				this.config = { ...this.config, ...stripUndefined(rest as ShoplineOptions) };
				return this.config;
			}
			case 'archive': {
				const order = this.orders.get(String(body.id));
				if (!order) return { error: 'order not found' };
				order.archived = true;
				return { id: order.id, archived: true };
			}
			case 'addToken':
				this.tokens.set(body.token.token, { ...DEMO_TOKEN, ...body.token });
				return { ok: true };
			case 'expireTokens':
				for (const t of this.tokens.values()) t.expiresAt = new Date(Date.now() - 1000).toISOString();
				return { ok: true, expired: this.tokens.size };
			default:
				return { error: `unknown action ${String(body?.action)}` };
		}
	}

	private controlEmit(body: Record<string, any>): unknown {
		const topic = String(body.topic ?? '');
		if (!this.knownTopics().includes(topic)) return { error: `unknown topic ${topic}` };
		const id = body.id === undefined ? null : String(body.id);
		const resource = body.data ?? this.resourceFor(topic, id) ?? { id };
		const eventId = this.emit(topic, id ?? String((resource as any)?.id ?? ''), resource);
		return { event_id: eventId, subscriptions: this.subscribersOf(topic).length };
	}

	private resourceFor(topic: string, id: string | null): unknown {
		if (!id) return undefined;
		if (topic.startsWith('user')) {
			const c = this.customers.get(id);
			return c && this.customerJson(c);
		}
		if (topic.startsWith('order')) {
			const o = this.orders.get(id);
			return o && this.orderJson(o);
		}
		if (topic.startsWith('product')) {
			const p = this.products.get(id);
			return p && this.productJson(p);
		}
		return undefined;
	}

	// --- routing and auth --------------------------------------------------------------------

	private registerRoutes(): void {
		const r = (method: string, path: string, scope: string | null, handler: Handler) =>
			this.route(method, `/v1${path}`, this.guarded(scope, handler));
		r('GET', '/token/info', null, (req) => this.tokenInfo(req));
		r('GET', '/customers', 'customers', (req) => this.listCustomers(req));
		r('POST', '/customers', 'customers', (req) => this.createCustomer(req));
		r('GET', '/customers/search', 'customers', (req) => this.searchCustomers(req));
		r('GET', '/customers/:id', 'customers', (req) => this.getCustomer(req));
		r('PUT', '/customers/:id', 'customers', (req) => this.updateCustomer(req));
		r('DELETE', '/customers/:id', 'customers', (req) => this.deleteCustomer(req));
		r('GET', '/orders', 'orders', (req) => this.listOrders(req));
		r('GET', '/orders/search', 'orders', (req) => this.searchOrders(req));
		r('POST', '/orders', 'orders', (req) => this.createOrder(req));
		r('GET', '/orders/:id', 'orders', (req) => this.getOrder(req));
		r('PATCH', '/orders/:id/status', 'orders', (req) => this.updateOrderStatus(req));
		r('PATCH', '/orders/:id/cancel', 'orders', (req) => this.cancelOrder(req));
		r('GET', '/products', 'products', (req) => this.listProducts(req));
		r('GET', '/products/:id', 'products', (req) => this.getProduct(req));
		r('GET', '/webhooks', 'webhooks', (req) => this.listWebhooks(req));
		r('POST', '/webhooks', 'webhooks', (req) => this.createWebhook(req));
		r('GET', '/webhooks/:id', 'webhooks', (req) => this.getWebhook(req));
		r('PUT', '/webhooks/:id', 'webhooks', (req) => this.updateWebhook(req));
		r('DELETE', '/webhooks/:id', 'webhooks', (req) => this.deleteWebhook(req));
	}

	/** User-Agent, Bearer token, expiry, scope and the per-token rate limit, then the handler. */
	private guarded(scope: string | null, handler: Handler): Handler {
		return (req) => {
			const userAgent = String(req.headers['user-agent'] ?? '').trim();
			if (!userAgent) return this.userAgentError('User-Agent header is required');
			const header = req.headers.authorization;
			const presented = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
			const token = presented ? this.tokens.get(presented) : undefined;
			if (!token) return fail(401, 'Unauthorized', 'The access token is invalid');
			if (token.expiresAt && Date.parse(token.expiresAt) <= Date.now()) {
				return fail(401, 'TokenExpired', 'The access token has expired');
			}
			if (this.config.userAgent === 'handle' && userAgent !== token.handle) {
				return this.userAgentError('User-Agent header must be the merchant handle');
			}
			if (scope && !token.scopes.includes(scope)) {
				return fail(403, 'Forbidden', `The access token has no permission for ${scope}`);
			}
			if (!this.takeSlot(token.token)) {
				this.rateLimited++;
				return this.rateLimitBody();
			}
			if (req.body === INVALID_JSON) return fail(400, 'BadRequest', 'The request body is not valid JSON');
			return handler(req);
		};
	}

	private userAgentError(message: string): SimResponse {
		return { status: this.config.userAgentStatus, body: { error: message, code: 'InvalidUserAgent' } };
	}

	/** Sliding window: a request is allowed when fewer than `rateLimit` were allowed in the last window. */
	private takeSlot(token: string): boolean {
		const now = Date.now();
		const recent = (this.hits.get(token) ?? []).filter((t) => now - t < this.config.rateWindowMs);
		if (recent.length >= this.config.rateLimit) {
			this.hits.set(token, recent);
			return false;
		}
		recent.push(now);
		this.hits.set(token, recent);
		return true;
	}

	private tokenOf(req: SimRequest): ShoplineToken {
		return this.tokens.get(String(req.headers.authorization).slice(7).trim())!;
	}

	private tokenInfo(req: SimRequest): SimResponse {
		const t = this.tokenOf(req);
		return ok({
			staff: { id: objectId(Date.UTC(2021, 0, 1), 0x5a, 1), name: t.staffName ?? 'OpenAPI staff', merchant_id: t.merchantId },
			merchant: { id: t.merchantId, handle: t.handle, name: `${t.handle} store`, base_currency_iso: this.config.currency },
			scopes: t.scopes, // [INF] top-level copy for credential tests
			expires_at: t.expiresAt,
		});
	}

	// --- pagination --------------------------------------------------------------------------

	/** page/per_page or previous_id keyset over an already filtered and ordered list. */
	private paginate<T extends { id: string }>(rows: T[], q: Query): { items: T[]; pagination: Record<string, number> } | SimResponse {
		const perPage = intParam(q.per_page, this.config.defaultPerPage, 1, this.config.maxPerPage);
		if (typeof perPage === 'string') return this.badQuery('per_page', `per_page ${perPage}`);
		const previousId = first(q.previous_id);
		const pageParam = first(q.page);
		if (previousId && pageParam) return this.badQuery('previous_id', 'Use either page or previous_id, not both');
		let start = 0;
		let currentPage: number;
		if (previousId) {
			const index = rows.findIndex((r) => r.id === previousId);
			if (index < 0) return this.badQuery('previous_id', `previous_id ${previousId} is not in this result set`);
			start = index + 1;
			currentPage = Math.floor(start / perPage) + 1; // [INF]
		} else {
			const page = intParam(q.page, 1, 1, 1_000_000);
			if (typeof page === 'string') return this.badQuery('page', `page ${page}`);
			start = (page - 1) * perPage;
			currentPage = page;
		}
		return {
			items: rows.slice(start, start + perPage),
			pagination: {
				current_page: currentPage,
				per_page: perPage,
				total_count: rows.length,
				total_pages: Math.ceil(rows.length / perPage),
			},
		};
	}

	private badQuery(field: string, message: string): SimResponse {
		return fail(this.config.badQueryStatus, 'UnprocessableEntity', message, field);
	}

	/** Sort direction from sort_by (asc|desc, default desc). */
	private direction(q: Query): 'asc' | 'desc' | SimResponse {
		const sortBy = first(q.sort_by) ?? 'desc';
		if (sortBy !== 'asc' && sortBy !== 'desc') return this.badQuery('sort_by', 'sort_by must be asc or desc');
		return sortBy;
	}

	/** Reads the named time-range query values; an error response when one is not a time. */
	private timeRange(q: Query, names: string[]): Record<string, number | undefined> | SimResponse {
		const out: Record<string, number | undefined> = {};
		for (const name of names) {
			const t = parseTime(q[name]);
			if (typeof t === 'string') return this.badQuery(name, `${name} ${t}`);
			out[name] = t;
		}
		return out;
	}

	private invalidate(): void {
		this.sortedOrders = undefined;
		this.sortedCustomers = undefined;
		this.orderCounts = undefined;
	}

	private ordersByCreated(): OrderRec[] {
		this.sortedOrders ??= [...this.orders.values()].sort(byCreated);
		return this.sortedOrders;
	}

	private customersByCreated(): CustomerRec[] {
		this.sortedCustomers ??= [...this.customers.values()].sort(byCreated);
		return this.sortedCustomers;
	}

	// --- customers ---------------------------------------------------------------------------

	private listCustomers(req: SimRequest): SimResponse {
		const q = req.query;
		const dir = this.direction(q);
		if (typeof dir !== 'string') return dir;
		const range = this.timeRange(q, ['updated_after', 'updated_before']);
		if (isResponse(range)) return range;
		let rows = this.customersByCreated().filter((c) => inRange(c.updated_at, range.updated_after, range.updated_before));
		if (dir === 'desc') rows = rows.slice().reverse();
		return this.pageOfCustomers(rows, q);
	}

	private pageOfCustomers(rows: CustomerRec[], q: Query): SimResponse {
		const page = this.paginate(rows, q);
		if (isResponse(page)) return page;
		return ok({ items: page.items.map((c) => shape(this.customerJson(c), q)), pagination: page.pagination });
	}

	private searchCustomers(req: SimRequest): SimResponse {
		const q = req.query;
		const ids = list(q.id);
		const tests: ((c: CustomerRec) => boolean)[] = [];
		const text = first(q.query)?.toLowerCase();
		if (text) {
			const fields = list(q.search_fields);
			const use = fields.length ? fields : ['name', 'email', 'phones', 'mobile_phone'];
			tests.push((c) => use.some((f) => this.customerFieldContains(c, f, text)));
		}
		const exact = (name: string, test: (c: CustomerRec, v: string) => boolean) => {
			const v = first(q[name]);
			if (v !== undefined && v !== '') tests.push((c) => test(c, v));
		};
		exact('email', (c, v) => c.email?.toLowerCase() === v.toLowerCase());
		exact('name', (c, v) => c.name === v);
		exact('mobile_phone', (c, v) => !!c.mobile_phone && phoneMatches(v, c.mobile_phone, c.mobile_phone_country_calling_code));
		exact('phone', (c, v) => c.phones.some((p) => phoneMatches(v, p, c.phone_country_code)));
		exact('phones', (c, v) => c.phones.some((p) => phoneMatches(v, p, c.phone_country_code)));
		exact('gender', (c, v) => c.gender === v);
		exact('tags', (c, v) => c.tags.includes(v));
		exact('membership_tier_id', (c, v) => c.membership_tier_id === v);
		exact('ref_user_id', (c, v) => c.ref_user_id === v);
		exact('is_member', (c, v) => String(c.is_member) === v);
		if (ids.length) tests.push((c) => ids.includes(c.id));
		const rows = this.customersByCreated()
			.filter((c) => tests.every((t) => t(c)))
			.reverse();
		return this.pageOfCustomers(rows, q);
	}

	private customerFieldContains(c: CustomerRec, field: string, text: string): boolean {
		if (field === 'name') return c.name.toLowerCase().includes(text);
		if (field === 'email') return !!c.email && c.email.toLowerCase().includes(text);
		if (field === 'mobile_phone') return !!c.mobile_phone && phoneMatches(text, c.mobile_phone, c.mobile_phone_country_calling_code);
		if (field === 'phones') return c.phones.some((p) => phoneMatches(text, p, c.phone_country_code));
		return false;
	}

	private getCustomer(req: SimRequest): SimResponse {
		const c = this.customers.get(req.params.id);
		return c ? ok(shape(this.customerJson(c), req.query)) : notFound('Customer');
	}

	private createCustomer(req: SimRequest): SimResponse {
		const body = req.body;
		if (!isPlainObject(body)) return invalid('body', 'The request body must be a JSON object');
		const error = this.validateCustomer(body, undefined);
		if (error) return error;
		const now = this.now();
		const customer = this.newCustomer(body, now);
		this.customers.set(customer.id, customer);
		this.invalidate();
		this.notifyNewCustomer(customer, body);
		this.grantWelcomeCredit(customer, body);
		const json = this.customerJson(customer);
		this.emit('user/create', customer.id, json);
		return ok(shape(json, req.query), this.config.createStatus);
	}

	private newCustomer(body: Record<string, any>, now: string): CustomerRec {
		const seq = ++this.counter;
		const isMember = body.is_member === true;
		const customer: CustomerRec = {
			...emptyCustomer(),
			id: objectId(Date.now(), 0xc0, 0x100000 + seq),
			seq: 1_000_000 + seq,
			seeded: false,
			name: String(body.name).trim(),
			is_member: isMember,
			created_by: body.created_by ?? 'openapi',
			registered_by: body.registered_by ?? (isMember ? 'openapi' : null), // [INF]
			created_at: now,
			updated_at: now,
		};
		this.applyCustomerFields(customer, body);
		return customer;
	}

	/** Copies the writable fields present in `body` onto the record. */
	private applyCustomerFields(c: CustomerRec, body: Record<string, any>): void {
		const copy = <K extends keyof CustomerRec>(key: K) => {
			if (key in body) (c as any)[key] = body[key];
		};
		if ('name' in body) c.name = String(body.name).trim();
		if ('email' in body) c.email = body.email ? String(body.email).trim().toLowerCase() : null;
		(['mobile_phone', 'mobile_phone_country_calling_code', 'phone_country_code', 'gender', 'memo', 'ref_user_id'] as const).forEach(copy);
		(['is_member', 'is_accept_marketing', 'is_subscribed_marketing_email', 'is_subscribed_marketing_sms'] as const).forEach(copy);
		(['created_by_channel_id', 'registered_by_channel_id', 'membership_tier_id', 'tier_expires_at', 'tags'] as const).forEach(copy);
		if ('delivery_addresses' in body) c.delivery_addresses = body.delivery_addresses.map((a: DeliveryAddress) => ({ ...a }));
		if ('phones' in body || 'phone' in body) c.phones = phonesFrom(body);
		if ('birthday' in body) this.setBirthday(c, body.birthday);
		if (['birth_year', 'birth_month', 'birth_day'].some((k) => k in body)) {
			c.birth_year = body.birth_year ?? c.birth_year;
			c.birth_month = body.birth_month ?? c.birth_month;
			c.birth_day = body.birth_day ?? c.birth_day;
			c.birthday = legacyBirthday(c);
		}
	}

	private setBirthday(c: CustomerRec, birthday: string | null): void {
		c.birthday = birthday;
		const [y, m, d] = birthday ? birthday.split('-').map(Number) : [null, null, null];
		c.birth_year = y;
		c.birth_month = m;
		c.birth_day = d;
	}

	/** Every seed 002 rule; `selfId` is the customer being updated (PUT), undefined on create. */
	private validateCustomer(body: Record<string, any>, selfId: string | undefined): SimResponse | undefined {
		const creating = selfId === undefined;
		const existing = selfId ? this.customers.get(selfId) : undefined;
		const checks = [
			() => this.checkName(body, creating),
			() => this.checkContact(body, existing),
			() => this.checkMobile(body, existing),
			() => (!creating ? checkPhoneCountry(body) : undefined),
			() => checkStringFields(body),
			() => checkBooleans(body),
			() => checkEnum(body, 'gender', [...GENDERS], true),
			() => checkEnum(body, 'created_by', CREATION_SOURCES, false),
			() => checkEnum(body, 'registered_by', CREATION_SOURCES, false),
			() => this.checkBirthday(body),
			() => checkDeliveryAddresses(body),
			() => checkNotificationTypes(body),
			() => checkTags(body),
			() => this.checkTier(body),
			() => (!creating ? checkTierExpiry(body) : undefined),
			() => this.checkDuplicates(body, selfId),
		];
		for (const check of checks) {
			const error = check();
			if (error) return error;
		}
		return undefined;
	}

	private checkName(body: Record<string, any>, creating: boolean): SimResponse | undefined {
		if (!creating && !('name' in body)) return undefined;
		if (typeof body.name !== 'string' || !body.name.trim()) return invalid('name', 'name is required');
		return undefined;
	}

	/** Email or mobile phone is required (on update: must not leave the customer with neither). */
	private checkContact(body: Record<string, any>, existing: CustomerRec | undefined): SimResponse | undefined {
		const email = 'email' in body ? body.email : existing?.email;
		const mobile = 'mobile_phone' in body ? body.mobile_phone : existing?.mobile_phone;
		if (!email && !mobile) return invalid('email', 'email or mobile_phone is required');
		if ('email' in body && body.email && (typeof body.email !== 'string' || !isValidEmail(body.email.trim()))) {
			return invalid('email', 'email is invalid');
		}
		return undefined;
	}

	/** mobile_phone and mobile_phone_country_calling_code go together; the code must be a sign-up country. */
	private checkMobile(body: Record<string, any>, existing: CustomerRec | undefined): SimResponse | undefined {
		const mobile = 'mobile_phone' in body ? body.mobile_phone : existing?.mobile_phone;
		const code = 'mobile_phone_country_calling_code' in body ? body.mobile_phone_country_calling_code : existing?.mobile_phone_country_calling_code;
		if (mobile && !code) {
			return invalid('mobile_phone_country_calling_code', 'mobile_phone_country_calling_code is required with mobile_phone');
		}
		if (code && !mobile) return invalid('mobile_phone', 'mobile_phone is required with mobile_phone_country_calling_code');
		if (code && !this.config.mobileSignUpCountries.includes(String(code).replace(/^\+/, ''))) {
			return invalid('mobile_phone_country_calling_code', `Country code ${code} is not a mobile sign-up country of this shop`);
		}
		if (mobile && String(mobile).split(',').some((m) => digits(m).length < 6)) return invalid('mobile_phone', 'mobile_phone is invalid');
		return undefined;
	}

	private checkBirthday(body: Record<string, any>): SimResponse | undefined {
		const parts = ['birth_year', 'birth_month', 'birth_day'].filter((k) => body[k] !== undefined && body[k] !== null);
		const hasBirthday = body.birthday !== undefined && body.birthday !== null;
		if (hasBirthday && parts.length) {
			return invalid('birthday', 'birthday cannot be used together with birth_year, birth_month or birth_day');
		}
		if (hasBirthday) return this.checkBirthdayDate(body.birthday);
		return checkBirthParts(body);
	}

	private checkBirthdayDate(value: unknown): SimResponse | undefined {
		const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
		const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
		if (!match || !date || date.getUTCDate() !== +match[3]) return invalid('birthday', 'birthday must be a date YYYY-MM-DD');
		if (+match[1] < 1900) return invalid('birthday', 'birthday is invalid'); // documented: 18xx is invalid
		const age = ageOn(date, new Date());
		if (date.getTime() > Date.now() || age < this.config.minimumAge) {
			return invalid('birthday', `birthday does not meet the age limit (${this.config.minimumAge})`);
		}
		return undefined;
	}

	private checkTier(body: Record<string, any>): SimResponse | undefined {
		const id = body.membership_tier_id;
		if (id === undefined || id === null || id === '') return undefined;
		if (!MEMBERSHIP_TIERS.some((t) => t.id === id)) return invalid('membership_tier_id', `Membership tier ${id} not found`);
		return undefined;
	}

	/** [INF] duplicate email or mobile phone (same calling code) is rejected. */
	private checkDuplicates(body: Record<string, any>, selfId: string | undefined): SimResponse | undefined {
		const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
		const mobiles = typeof body.mobile_phone === 'string' ? body.mobile_phone.split(',').filter(Boolean) : [];
		const code = body.mobile_phone_country_calling_code ?? (selfId ? this.customers.get(selfId)?.mobile_phone_country_calling_code : null);
		for (const c of this.customers.values()) {
			if (c.id === selfId) continue;
			if (email && c.email === email) return fail(this.config.duplicateStatus, 'UnprocessableEntity', 'Email has already been taken', 'email');
			const sameMobile = c.mobile_phone && String(c.mobile_phone_country_calling_code) === String(code) &&
				mobiles.some((m: string) => c.mobile_phone!.split(',').some((own) => phoneMatches(m, own, null)));
			if (sameMobile) return fail(this.config.duplicateStatus, 'UnprocessableEntity', 'Mobile phone has already been taken', 'mobile_phone');
		}
		return undefined;
	}

	/** send_notification (default true): reset-password mail plus welcome email/SMS per notification_types. */
	private notifyNewCustomer(c: CustomerRec, body: Record<string, any>): void {
		if (body.send_notification === false) return;
		const types: string[] = Array.isArray(body.notification_types) && body.notification_types.length ? body.notification_types : ['email', 'sms'];
		if (c.email) this.notifications.push({ to: c.email, channel: 'email', kind: 'reset_password', resource_id: c.id });
		if (types.includes('email') && c.email) this.notifications.push({ to: c.email, channel: 'email', kind: 'welcome', resource_id: c.id });
		if (types.includes('sms') && c.mobile_phone && this.config.smsEnabled) {
			const to = `+${c.mobile_phone_country_calling_code}${digits(c.mobile_phone).replace(/^0+/, '')}`;
			this.notifications.push({ to, channel: 'sms', kind: 'welcome', resource_id: c.id });
		}
	}

	/** is_send_welcome_credit (seed) or legacy is_allow_welcome_credit, default false. */
	private grantWelcomeCredit(c: CustomerRec, body: Record<string, any>): void {
		const asked = body.is_send_welcome_credit === true || body.is_allow_welcome_credit === true;
		if (!asked || this.config.welcomeCredit <= 0) return;
		c.credit_balance += this.config.welcomeCredit;
		if (c.email) this.notifications.push({ to: c.email, channel: 'email', kind: 'welcome_credit', resource_id: c.id });
	}

	private updateCustomer(req: SimRequest): SimResponse {
		const c = this.customers.get(req.params.id);
		if (!c) return notFound('Customer');
		const body = req.body;
		if (!isPlainObject(body)) return invalid('body', 'The request body must be a JSON object');
		const error = this.validateCustomer(body, c.id);
		if (error) return error;
		if ('birthday' in body && body.birthday !== null) c.birth_year = c.birth_month = c.birth_day = null;
		this.applyCustomerFields(c, body);
		c.updated_at = this.now();
		const json = this.customerJson(c);
		this.emit('user/update', c.id, json);
		return ok(shape(json, req.query));
	}

	private deleteCustomer(req: SimRequest): SimResponse {
		const c = this.customers.get(req.params.id);
		if (!c) return notFound('Customer');
		const json = this.customerJson(c);
		this.customers.delete(c.id);
		this.invalidate();
		this.emit('user/remove', c.id, json);
		return ok({ message: 'Customer deleted' }); // [INF] wording
	}

	customerJson(c: CustomerRec): Record<string, unknown> {
		const tier = MEMBERSHIP_TIERS.find((t) => t.id === c.membership_tier_id);
		return {
			id: c.id,
			name: c.name,
			email: c.email,
			mobile_phone: c.mobile_phone,
			mobile_phone_verified: false,
			mobile_phone_country_calling_code: c.mobile_phone_country_calling_code,
			phones: c.phones,
			phone: c.phones.length ? c.phones[c.phones.length - 1] : null,
			phone_country_code: c.phone_country_code,
			gender: c.gender,
			birthday: c.birthday,
			birth_year: c.birth_year,
			birth_month: c.birth_month,
			birth_day: c.birth_day,
			is_member: c.is_member,
			is_blacklisted: false,
			is_accept_marketing: c.is_accept_marketing,
			is_subscribed_marketing_email: c.is_subscribed_marketing_email,
			is_subscribed_marketing_sms: c.is_subscribed_marketing_sms,
			credit_balance: c.credit_balance,
			member_point_balance: c.member_point_balance,
			membership_tier: tier ? { id: tier.id, level: tier.level, name_translations: tier.name_translations, status: 'active' } : null,
			tier_expires_at: c.tier_expires_at,
			delivery_addresses: c.delivery_addresses,
			tags: c.tags,
			memo: c.memo,
			ref_user_id: c.ref_user_id,
			created_by: c.created_by,
			created_by_channel_id: c.created_by_channel_id,
			registered_by: c.registered_by,
			registered_by_channel_id: c.registered_by_channel_id,
			order_count: this.orderCountOf(c.id),
			created_at: c.created_at,
			updated_at: c.updated_at,
		};
	}

	private orderCountOf(customerId: string): number {
		if (!this.orderCounts) {
			this.orderCounts = new Map();
			for (const o of this.orders.values()) {
				if (o.customer_id) this.orderCounts.set(o.customer_id, (this.orderCounts.get(o.customer_id) ?? 0) + 1);
			}
		}
		return this.orderCounts.get(customerId) ?? 0;
	}

	// --- orders ------------------------------------------------------------------------------

	private listOrders(req: SimRequest): SimResponse {
		const q = req.query;
		const dir = this.direction(q);
		if (typeof dir !== 'string') return dir;
		const filter = this.orderFilter(q);
		if (isResponse(filter)) return filter;
		return this.pageOfOrders(this.filteredOrders(filter, dir), q);
	}

	private searchOrders(req: SimRequest): SimResponse {
		const q = req.query;
		if (q.sort_by !== undefined) return this.badQuery('sort_by', 'Search Orders does not support sort_by');
		const filter = this.orderFilter(q);
		if (isResponse(filter)) return filter;
		const tests = [filter, ...this.orderSearchTests(q)];
		return this.pageOfOrders(this.filteredOrders((o) => tests.every((t) => t(o)), 'desc'), q);
	}

	private filteredOrders(test: (o: OrderRec) => boolean, dir: 'asc' | 'desc'): OrderRec[] {
		const rows = this.ordersByCreated().filter(test);
		return dir === 'desc' ? rows.reverse() : rows;
	}

	private pageOfOrders(rows: OrderRec[], q: Query): SimResponse {
		const page = this.paginate(rows, q);
		if (isResponse(page)) return page;
		return ok({ items: page.items.map((o) => shape(this.orderJson(o), q)), pagination: page.pagination });
	}

	/** Shared Get Orders filters: time ranges, order_ids[], status / statuses[], customer_id. */
	private orderFilter(q: Query): ((o: OrderRec) => boolean) | SimResponse {
		const range = this.timeRange(q, ['created_after', 'created_before', 'updated_after', 'updated_before']);
		if (isResponse(range)) return range;
		const ids = list(q.order_ids);
		const statuses = [...list(q.status), ...list(q.statuses)];
		const unknown = statuses.find((s) => ![...ORDER_STATUSES, 'temp', 'removed'].includes(s));
		if (unknown) return this.badQuery('status', `Unknown status ${unknown}`);
		const customerId = first(q.customer_id);
		return (o) =>
			inRange(o.created_at, range.created_after, range.created_before) &&
			inRange(o.updated_at, range.updated_after, range.updated_before) &&
			(!ids.length || ids.includes(o.id)) &&
			(!statuses.length || statuses.includes(o.status)) &&
			(!customerId || o.customer_id === customerId);
	}

	private orderSearchTests(q: Query): ((o: OrderRec) => boolean)[] {
		const tests: ((o: OrderRec) => boolean)[] = [];
		const add = (name: string, test: (o: OrderRec, v: string) => boolean) => {
			const v = first(q[name]);
			if (v) tests.push((o) => test(o, v));
		};
		add('order_number', (o, v) => o.order_number === v);
		add('customer_email', (o, v) => o.customer_email?.toLowerCase() === v.toLowerCase());
		add('name', (o, v) => o.customer_name === v || o.delivery_address.recipient_name === v);
		add('phone_number', (o, v) => [o.customer_phone, o.delivery_address.recipient_phone].some((p) => typeof p === 'string' && phoneMatches(v, p, o.customer_phone_country_code)));
		add('item_id', (o, v) => o.items.some((i) => i.productId === v));
		add('query', (o, v) => this.orderContains(o, v.toLowerCase()));
		return tests;
	}

	private orderContains(o: OrderRec, text: string): boolean {
		const fields = [o.order_number, o.customer_id, o.customer_name, o.customer_email, o.customer_phone, o.delivery_address.recipient_name];
		if (fields.some((f) => typeof f === 'string' && f.toLowerCase().includes(text))) return true;
		return o.items.some((i) => Object.values(this.products.get(i.productId)?.title_translations ?? {}).some((t) => t.toLowerCase().includes(text)));
	}

	private getOrder(req: SimRequest): SimResponse {
		const o = this.orders.get(req.params.id);
		if (!o) return notFound('Order');
		if (o.archived) return archivedError(o);
		return ok(shape(this.orderJson(o), req.query));
	}

	private createOrder(req: SimRequest): SimResponse {
		const body = req.body;
		if (!isPlainObject(body) || !isPlainObject(body.order)) return invalid('order', 'order is required');
		const order = body.order as Record<string, any>;
		const error = this.validateOrder(order);
		if (error) return error;
		const record = this.newOrder(order);
		this.orders.set(record.id, record);
		this.invalidate();
		if (body.mail_notify === true && record.customer_email) {
			this.notifications.push({ to: record.customer_email, channel: 'email', kind: 'order_confirmation', resource_id: record.id });
		}
		const json = this.orderJson(record);
		this.emit('order/create', record.id, json);
		return ok(shape(json, req.query), this.config.createStatus);
	}

	private validateOrder(order: Record<string, any>): SimResponse | undefined {
		for (const field of ['delivery_option_id', 'payment_method_id', 'subtotal', 'total', 'items', 'delivery_address']) {
			if (order[field] === undefined || order[field] === null || order[field] === '') return invalid(field, `${field} is required`);
		}
		if (!order.customer_id && !order.customer_email) return invalid('customer_id', 'customer_id or customer_email is required');
		const checks = [
			() => checkDeliveryOption(order.delivery_option_id),
			() => checkPaymentMethod(order.payment_method_id),
			() => (isPlainObject(order.delivery_address) ? undefined : invalid('delivery_address', 'delivery_address must be an object')),
			() => this.checkOrderCustomer(order),
			() => this.checkOrderItems(order.items),
			() => this.checkOrderTotals(order),
		];
		for (const check of checks) {
			const error = check();
			if (error) return error;
		}
		return undefined;
	}

	private checkOrderCustomer(order: Record<string, any>): SimResponse | undefined {
		if (order.customer_id && !this.customers.has(String(order.customer_id))) {
			return invalid('customer_id', `Customer ${order.customer_id} not found`);
		}
		if (order.customer_email && !isValidEmail(String(order.customer_email))) return invalid('customer_email', 'customer_email is invalid');
		return undefined;
	}

	private checkOrderItems(items: unknown): SimResponse | undefined {
		if (!Array.isArray(items) || !items.length) return invalid('items', 'items must be a non-empty array');
		for (let i = 0; i < items.length; i++) {
			const error = this.checkOrderItem(items[i], `items[${i}]`);
			if (error) return error;
		}
		return undefined;
	}

	private checkOrderItem(item: any, at: string): SimResponse | undefined {
		if (!isPlainObject(item)) return invalid(at, `${at} must be an object`);
		for (const field of ['item_type', 'item_id', 'item_price', 'quantity', 'total']) {
			if (item[field] === undefined || item[field] === null || item[field] === '') return invalid(`${at}.${field}`, `${at}.${field} is required`);
		}
		if (item.item_type !== 'Product') return invalid(`${at}.item_type`, `${at}.item_type must be Product`);
		const product = this.products.get(String(item.item_id));
		if (!product || product.status !== 'active') return invalid(`${at}.item_id`, `Product ${item.item_id} not found`);
		const variation = product.variations.find((v) => v.id === item.variation_id);
		if (item.variation_id && !variation) return invalid(`${at}.variation_id`, `Variation ${item.variation_id} not found in product ${product.id}`);
		if (!item.variation_id && product.variations.length) return invalid(`${at}.variation_id`, `${at}.variation_id is required for a product with variations`); // [INF]
		if (!Number.isInteger(item.quantity) || item.quantity < 1) return invalid(`${at}.quantity`, `${at}.quantity must be a whole number above 0`);
		const priceCents = currentPriceCents(product, variation);
		if (toCents(item.item_price) !== priceCents) {
			return invalid(`${at}.item_price`, `${at}.item_price must equal the current price ${priceCents / 100}`);
		}
		if (toCents(item.total) !== priceCents * item.quantity) return invalid(`${at}.total`, `${at}.total must equal item_price × quantity`); // [INF]
		return undefined;
	}

	private checkOrderTotals(order: Record<string, any>): SimResponse | undefined {
		if (typeof order.subtotal !== 'number' || order.subtotal < 0) return invalid('subtotal', 'subtotal must be a number');
		if (typeof order.total !== 'number' || order.total < 0) return invalid('total', 'total must be a number');
		const sum = (order.items as any[]).reduce((acc, i) => acc + toCents(i.total), 0);
		if (toCents(order.subtotal) !== sum) return invalid('subtotal', 'subtotal must equal the sum of the items\' totals'); // [INF]
		return undefined;
	}

	private newOrder(order: Record<string, any>): OrderRec {
		const seq = ++this.counter;
		const now = this.now();
		const email = order.customer_email ? String(order.customer_email).toLowerCase() : null;
		const customer = order.customer_id
			? this.customers.get(String(order.customer_id))
			: [...this.customers.values()].find((c) => c.email === email);
		return {
			id: objectId(Date.now(), 0x0d, 0x100000 + seq),
			seq: 1_000_000 + seq,
			seeded: false,
			order_number: `${now.slice(0, 10).replace(/-/g, '')}${String(900000 + seq).padStart(8, '0')}`,
			status: 'pending',
			archived: false,
			customer_id: customer?.id ?? null, // [INF] unknown customer_email → guest order
			customer_name: order.customer_name ?? customer?.name ?? null,
			customer_email: email ?? customer?.email ?? null,
			customer_phone: order.customer_phone ?? customer?.mobile_phone ?? null,
			customer_phone_country_code: order.customer_phone_country_code ?? customer?.mobile_phone_country_calling_code ?? null,
			items: (order.items as any[]).map((i, n) => ({
				id: objectId(Date.now(), 0x1e, seq * 100 + n),
				productId: String(i.item_id),
				variationId: i.variation_id ? String(i.variation_id) : null,
				priceCents: toCents(i.item_price),
				quantity: i.quantity,
			})),
			subtotalCents: toCents(order.subtotal),
			totalCents: toCents(order.total),
			userCreditCents: Number.isInteger(order.user_credit) ? order.user_credit * 100 : 0,
			order_points: typeof order.member_point === 'number' ? order.member_point : 0,
			delivery_address: { ...order.delivery_address },
			delivery_option_id: String(order.delivery_option_id),
			payment_method_id: String(order.payment_method_id),
			order_remarks: order.order_remarks ?? null,
			created_by: 'openapi',
			created_at: now,
			updated_at: now,
			cancelled_at: null,
			cancelled_reason: null,
			credits_reverted: false,
			member_points_reverted: false,
		};
	}

	private updateOrderStatus(req: SimRequest): SimResponse {
		const o = this.orders.get(req.params.id);
		if (!o) return notFound('Order');
		if (o.archived) return archivedError(o);
		const body = isPlainObject(req.body) ? req.body : {};
		if (!ORDER_STATUSES.includes(body.status)) return invalid('status', `status must be one of ${ORDER_STATUSES.join(', ')}`);
		if (body.mail_notify !== undefined && typeof body.mail_notify !== 'boolean') return invalid('mail_notify', 'mail_notify must be a boolean');
		const changed = o.status !== body.status;
		o.status = body.status;
		o.updated_at = this.now();
		if (o.status === 'cancelled' && changed) o.cancelled_at = o.updated_at;
		if (body.mail_notify === true && o.customer_email) {
			this.notifications.push({ to: o.customer_email, channel: 'email', kind: `order_${o.status}`, resource_id: o.id });
		}
		const json = this.orderJson(o);
		this.emit('order/update', o.id, json);
		if (o.status === 'cancelled' && changed) this.emit('order/cancel', o.id, json);
		return ok(shape(json, req.query));
	}

	private cancelOrder(req: SimRequest): SimResponse {
		const o = this.orders.get(req.params.id);
		if (!o) return notFound('Order');
		if (o.archived) return archivedError(o);
		const body = isPlainObject(req.body) ? req.body : {};
		const error = checkCancelBody(body);
		if (error) return error;
		if (o.status === 'cancelled') return invalid('status', 'The order is already cancelled'); // [INF]
		o.status = 'cancelled';
		o.updated_at = o.cancelled_at = this.now();
		o.cancelled_reason = body.cancelled_reason ?? null;
		this.revertBalances(o, body);
		if (body.mail_notify !== false && o.customer_email) {
			this.notifications.push({ to: o.customer_email, channel: 'email', kind: 'order_cancelled', resource_id: o.id });
		}
		const json = this.orderJson(o);
		this.emit('order/cancel', o.id, json);
		this.emit('order/update', o.id, json);
		return ok({ order_items_stock_tag: [] });
	}

	/** revert_credits / revert_member_points {strategy: 'revert'} give the customer back what the order used. */
	private revertBalances(o: OrderRec, body: Record<string, any>): void {
		const customer = o.customer_id ? this.customers.get(o.customer_id) : undefined;
		if (body.revert_credits?.strategy === 'revert') {
			o.credits_reverted = true;
			if (customer) customer.credit_balance += Math.round(o.userCreditCents / 100);
		}
		if (body.revert_member_points?.strategy === 'revert') {
			o.member_points_reverted = true;
			if (customer) customer.member_point_balance += o.order_points;
		}
		if (customer && (o.credits_reverted || o.member_points_reverted)) customer.updated_at = o.updated_at;
	}

	orderJson(o: OrderRec): Record<string, unknown> {
		const delivery = DELIVERY_OPTIONS.find((d) => d.id === o.delivery_option_id);
		const payment = PAYMENT_METHODS.find((p) => p.id === o.payment_method_id);
		return {
			id: o.id,
			order_number: o.order_number,
			status: o.status,
			archived: o.archived,
			customer_id: o.customer_id,
			customer_name: o.customer_name,
			customer_email: o.customer_email,
			customer_phone: o.customer_phone,
			customer_phone_country_code: o.customer_phone_country_code,
			is_guest_checkout: o.customer_id === null,
			currency_iso: this.config.currency,
			subtotal: this.money(o.subtotalCents),
			total: this.money(o.totalCents),
			user_credit: this.money(o.userCreditCents),
			order_points: o.order_points,
			subtotal_items: o.items.map((i) => this.orderItemJson(i)),
			delivery_address: o.delivery_address,
			order_delivery: { delivery_option_id: o.delivery_option_id, name_translations: delivery?.name_translations ?? null, status: 'pending' },
			order_payment: { payment_method_id: o.payment_method_id, name_translations: payment?.name_translations ?? null, status: 'pending' },
			order_remarks: o.order_remarks,
			created_by: o.created_by,
			cancelled_reason: o.cancelled_reason,
			revert_credits: o.credits_reverted,
			revert_member_points: o.member_points_reverted,
			cancelled_at: o.cancelled_at,
			created_at: o.created_at,
			updated_at: o.updated_at,
		};
	}

	private orderItemJson(i: OrderItemRec): Record<string, unknown> {
		const product = this.products.get(i.productId);
		const variation = product?.variations.find((v) => v.id === i.variationId);
		return {
			id: i.id,
			item_type: 'Product',
			item_id: i.productId,
			item_variation_id: i.variationId,
			title_translations: product?.title_translations ?? {},
			fields_translations: variation?.fields_translations ?? null,
			sku: variation?.sku ?? product?.sku ?? null,
			item_price: this.money(i.priceCents),
			price: this.money(i.priceCents),
			quantity: i.quantity,
			total: this.money(i.priceCents * i.quantity),
		};
	}

	/** Money object: {cents, currency_symbol, currency_iso, label, dollars}. */
	money(cents: number): Record<string, unknown> {
		const iso = this.config.currency;
		const symbol = CURRENCY_SYMBOLS[iso] ?? iso;
		const dollars = cents / 100;
		const label = `${symbol}${Number.isInteger(dollars) ? dollars : dollars.toFixed(2)}`;
		return { cents, currency_symbol: symbol, currency_iso: iso, label, dollars };
	}

	// --- products ----------------------------------------------------------------------------

	private listProducts(req: SimRequest): SimResponse {
		const q = req.query;
		const dir = this.direction(q);
		if (typeof dir !== 'string') return dir;
		const range = this.timeRange(q, ['updated_after', 'updated_before']);
		if (isResponse(range)) return range;
		let rows = [...this.products.values()].filter((p) => p.status !== 'removed' && inRange(p.updated_at, range.updated_after, range.updated_before));
		if (dir === 'desc') rows = rows.reverse();
		const page = this.paginate(rows, q);
		if (isResponse(page)) return page;
		return ok({ items: page.items.map((p) => shape(this.productJson(p), q)), pagination: page.pagination });
	}

	private getProduct(req: SimRequest): SimResponse {
		const p = this.products.get(req.params.id);
		return p && p.status !== 'removed' ? ok(shape(this.productJson(p), req.query)) : notFound('Product');
	}

	productJson(p: ProductRec): Record<string, unknown> {
		return {
			id: p.id,
			status: p.status,
			title_translations: p.title_translations,
			sku: p.sku,
			price: this.money(p.priceCents),
			price_sale: this.money(p.priceSaleCents),
			same_price: p.variations.every((v) => v.priceCents === p.priceCents),
			quantity: p.quantity,
			unlimited_quantity: false,
			variations: p.variations.map((v) => ({
				id: v.id,
				sku: v.sku,
				fields_translations: v.fields_translations,
				price: this.money(v.priceCents),
				price_sale: this.money(0),
				quantity: v.quantity,
			})),
			created_at: p.created_at,
			updated_at: p.updated_at,
		};
	}

	// --- webhooks ----------------------------------------------------------------------------

	private knownTopics(): string[] {
		return [...SHOPLINE_TOPICS, ...this.config.extraTopics];
	}

	private listWebhooks(req: SimRequest): SimResponse {
		const page = this.paginate([...this.webhooks.values()], req.query);
		if (isResponse(page)) return page;
		return ok({ items: page.items.map((w) => this.webhookJson(w)), pagination: page.pagination });
	}

	private getWebhook(req: SimRequest): SimResponse {
		const w = this.webhooks.get(req.params.id);
		return w ? ok(this.webhookJson(w)) : notFound('Webhook');
	}

	private createWebhook(req: SimRequest): SimResponse {
		const body = isPlainObject(req.body) ? req.body : {};
		const error = this.checkWebhookBody(body, true);
		if (error) return error;
		const now = this.now();
		const w: WebhookRec = {
			id: objectId(Date.now(), 0x3b, 0x100000 + ++this.counter),
			address: String(body.address),
			topics: [...new Set<string>(body.topics)],
			status: 'active',
			webhook_version: body.webhook_version ?? null,
			created_at: now,
			updated_at: now,
		};
		this.webhooks.set(w.id, w);
		return ok(this.webhookJson(w), this.config.createStatus);
	}

	private updateWebhook(req: SimRequest): SimResponse {
		const w = this.webhooks.get(req.params.id);
		if (!w) return notFound('Webhook');
		const body = isPlainObject(req.body) ? req.body : {};
		const error = this.checkWebhookBody(body, false);
		if (error) return error;
		if (body.address !== undefined) w.address = String(body.address);
		if (body.topics !== undefined) w.topics = [...new Set<string>(body.topics)];
		if (body.webhook_version !== undefined) w.webhook_version = body.webhook_version;
		w.updated_at = this.now();
		return ok(this.webhookJson(w));
	}

	private deleteWebhook(req: SimRequest): SimResponse {
		const w = this.webhooks.get(req.params.id);
		if (!w) return notFound('Webhook');
		this.webhooks.delete(w.id);
		w.status = 'removed';
		w.updated_at = this.now();
		return ok(this.webhookJson(w));
	}

	private checkWebhookBody(body: Record<string, any>, creating: boolean): SimResponse | undefined {
		if (creating || body.address !== undefined) {
			if (typeof body.address !== 'string' || !/^https?:\/\/[^\s]+$/.test(body.address)) {
				return invalid('address', 'address must be an http(s) URL');
			}
		}
		if (creating || body.topics !== undefined) {
			if (!Array.isArray(body.topics) || !body.topics.length) return invalid('topics', 'topics must be a non-empty array');
			const unknown = body.topics.find((t: unknown) => !this.knownTopics().includes(String(t)));
			if (unknown !== undefined) return invalid('topics', `Unknown topic ${String(unknown)}`);
		}
		return undefined;
	}

	webhookJson(w: WebhookRec): Record<string, unknown> {
		return {
			id: w.id,
			format: 'json',
			address: w.address,
			status: w.status,
			merchant_id: this.merchantId(),
			topics: w.topics,
			webhook_version: w.webhook_version,
			created_at: w.created_at,
			updated_at: w.updated_at,
		};
	}

	private subscribersOf(topic: string): WebhookRec[] {
		return [...this.webhooks.values()].filter((w) => w.status === 'active' && w.topics.includes(topic));
	}

	/** Sends one event to every active subscription of `topic`; returns the event id. */
	emit(topic: string, resourceId: string, resource: unknown): string {
		const eventId = objectId(Date.now(), 0xe7, 0x100000 + ++this.counter);
		const payload = { id: eventId, topic, merchant_id: this.merchantId(), resource_id: resourceId, resource, created_at: this.now() };
		for (const w of this.subscribersOf(topic)) {
			const headers = {
				[this.config.topicHeader]: topic,
				[this.config.eventIdHeader]: eventId,
				'X-Shopline-Webhook-Id': w.id,
				'X-Shopline-Merchant-Id': this.merchantId(),
				'User-Agent': 'SHOPLINE-Webhook/1.0',
			};
			const record: DeliveryRec = { eventId, webhookId: w.id, topic, address: w.address, payload, headers, attempts: [], delivered: false };
			this.deliveries.push(record);
			const job = this.deliver(record).finally(() => this.pending.delete(job));
			this.pending.add(job);
		}
		return eventId;
	}

	/** First attempt plus up to `webhookRetries` retries; only HTTP 200 within the timeout counts. */
	private async deliver(record: DeliveryRec): Promise<void> {
		for (let attempt = 0; attempt <= this.config.webhookRetries; attempt++) {
			if (attempt > 0) await new Promise((r) => setTimeout(r, this.config.webhookRetryDelayMs));
			const started = Date.now();
			const { status } = await deliverWebhook(record.address, record.payload, {
				headers: record.headers,
				retries: 0,
				timeoutMs: this.config.webhookTimeoutMs,
			});
			record.attempts.push({ at: new Date(started).toISOString(), status, ms: Date.now() - started });
			if (status === 200) {
				record.delivered = true;
				return;
			}
		}
	}

	// --- seeding -----------------------------------------------------------------------------

	private merchantId(): string {
		return this.tokens.values().next().value?.merchantId ?? MERCHANT_ID;
	}

	private now(): string {
		return new Date().toISOString();
	}

	private seedProducts(): void {
		this.products.clear();
		PRODUCTS.forEach((p, i) => {
			const created = Date.UTC(2021, 5, 1) + i * 86_400_000;
			const id = objectId(created, 0x9d, i + 1);
			const withSizes = p.code === 'P-BOBA' || p.code === 'P-THAI-TEA';
			const priceCents = p.price * 100;
			this.products.set(id, {
				id,
				sku: p.code,
				status: 'active',
				title_translations: PRODUCT_TRANSLATIONS[p.code] ?? { en: p.name, 'zh-hant': p.name },
				priceCents,
				priceSaleCents: p.code === 'P-EGG-TART' ? priceCents - 500 : 0,
				quantity: 500,
				variations: withSizes ? sizeVariations(created, i, p.code, priceCents) : [],
				created_at: new Date(created).toISOString(),
				updated_at: new Date(created + 3_600_000).toISOString(),
			});
		});
	}

	private addSeededCustomer(i: number, createdMs: number, random: () => number): void {
		const p = person(i, this.config.seed);
		const created = new Date(createdMs).toISOString();
		const tier = i % 7 === 0 ? MEMBERSHIP_TIERS[1] : i % 3 === 0 ? MEMBERSHIP_TIERS[0] : undefined;
		const [y, m, d] = p.birthday.split('-').map(Number);
		const c: CustomerRec = {
			...emptyCustomer(),
			id: objectId(createdMs, 0xc0, i + 1),
			seq: i,
			seeded: true,
			name: p.fullName,
			email: p.email,
			mobile_phone: p.mobile,
			mobile_phone_country_calling_code: p.countryCallingCode,
			gender: GENDERS[Math.floor(random() * 3)],
			birthday: p.birthday,
			birth_year: y,
			birth_month: m,
			birth_day: d,
			is_member: i % 5 !== 4,
			is_subscribed_marketing_email: i % 2 === 0,
			credit_balance: (i % 4) * 25,
			member_point_balance: (i % 10) * 10,
			membership_tier_id: tier?.id ?? null,
			delivery_addresses: [seededAddress(p)],
			tags: [p.market.toLowerCase(), ...(i % 6 === 0 ? ['vip'] : [])],
			created_by: CREATION_SOURCES[i % CREATION_SOURCES.length],
			registered_by: i % 5 !== 4 ? 'shop' : null,
			created_at: created,
			updated_at: new Date(createdMs + (i % 48) * 3_600_000).toISOString(),
		};
		this.customers.set(c.id, c);
	}

	private addSeededOrder(i: number, createdMs: number, c: CustomerRec, products: ProductRec[], random: () => number, archived: boolean): void {
		const lines = 1 + Math.floor(random() * 3);
		const items: OrderItemRec[] = [];
		for (let n = 0; n < lines; n++) {
			const product = products[(i + n * 2) % products.length];
			const variation = product.variations.length ? product.variations[(i + n) % product.variations.length] : undefined;
			items.push({
				id: objectId(createdMs, 0x1e, i * 4 + n + 1),
				productId: product.id,
				variationId: variation?.id ?? null,
				priceCents: currentPriceCents(product, variation),
				quantity: 1 + Math.floor(random() * 3),
			});
		}
		const subtotal = items.reduce((sum, it) => sum + it.priceCents * it.quantity, 0);
		const status = ORDER_STATUSES[Math.floor(random() * 10) % 4];
		const created = new Date(createdMs).toISOString();
		this.orders.set(objectId(createdMs, 0x0d, i + 1), {
			id: objectId(createdMs, 0x0d, i + 1),
			seq: i,
			seeded: true,
			order_number: `${created.slice(0, 10).replace(/-/g, '')}${String(i + 1).padStart(8, '0')}`,
			status,
			archived,
			customer_id: c.id,
			customer_name: c.name,
			customer_email: c.email,
			customer_phone: c.mobile_phone,
			customer_phone_country_code: c.mobile_phone_country_calling_code,
			items,
			subtotalCents: subtotal,
			totalCents: subtotal + 6000,
			userCreditCents: i % 9 === 0 ? 2500 : 0,
			order_points: i % 4 === 0 ? 10 : 0,
			delivery_address: c.delivery_addresses[0] ?? {},
			delivery_option_id: DELIVERY_OPTIONS[i % 2].id,
			payment_method_id: PAYMENT_METHODS[i % 2].id,
			order_remarks: null,
			created_by: i % 3 === 0 ? 'admin' : 'shop',
			created_at: created,
			updated_at: new Date(createdMs + (i % 72) * 3_600_000).toISOString(),
			cancelled_at: status === 'cancelled' ? created : null,
			cancelled_reason: null,
			credits_reverted: false,
			member_points_reverted: false,
		});
	}
}

// ---------------------------------------------------------------------------------------------
// Pure validation and record helpers
// ---------------------------------------------------------------------------------------------

function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function isResponse(v: unknown): v is SimResponse {
	return isPlainObject(v) && typeof v.status === 'number' && ('body' in v || 'raw' in v);
}

function byCreated(a: { created_at: string; seq: number }, b: { created_at: string; seq: number }): number {
	return a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.seq - b.seq;
}

/** Inclusive UTC range check on an ISO time. */
function inRange(iso: string, after: number | undefined, before: number | undefined): boolean {
	if (after === undefined && before === undefined) return true;
	const t = Date.parse(iso);
	return (after === undefined || t >= after) && (before === undefined || t <= before);
}

function archivedError(o: OrderRec): SimResponse {
	// [INF] wording; documented: archived orders answer 410 and are reached through "Get Archived Orders".
	return fail(
		410,
		'OrderArchived',
		`Order ${o.id} has been archived. Archived orders are only available through Get Archived Orders (an archived orders report).`,
	);
}

function emptyCustomer(): Omit<CustomerRec, 'id' | 'seq' | 'seeded' | 'name' | 'created_at' | 'updated_at'> {
	return {
		email: null,
		mobile_phone: null,
		mobile_phone_country_calling_code: null,
		phones: [],
		phone_country_code: null,
		gender: null,
		birthday: null,
		birth_year: null,
		birth_month: null,
		birth_day: null,
		is_member: false,
		is_accept_marketing: false,
		is_subscribed_marketing_email: false,
		is_subscribed_marketing_sms: false,
		credit_balance: 0,
		member_point_balance: 0,
		membership_tier_id: null,
		tier_expires_at: null,
		delivery_addresses: [],
		tags: [],
		memo: null,
		ref_user_id: null,
		created_by: 'openapi',
		created_by_channel_id: null,
		registered_by: null,
		registered_by_channel_id: null,
	};
}

/** `phones` is a comma-separated string; `phone` becomes the last entry. */
function phonesFrom(body: Record<string, any>): string[] {
	const phones = typeof body.phones === 'string' ? body.phones.split(',').map((p: string) => p.trim()).filter(Boolean) : Array.isArray(body.phones) ? body.phones.map(String) : [];
	if (typeof body.phone === 'string' && body.phone.trim() && !phones.includes(body.phone.trim())) phones.push(body.phone.trim());
	return phones;
}

/** Documented: with only birth parts, birthday reads year 1904, month 1, day 1 for missing parts. */
function legacyBirthday(c: CustomerRec): string | null {
	if (c.birth_year === null && c.birth_month === null && c.birth_day === null) return null;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${c.birth_year ?? 1904}-${pad(c.birth_month ?? 1)}-${pad(c.birth_day ?? 1)}`;
}

const STRING_FIELDS = [
	'email',
	'mobile_phone',
	'mobile_phone_country_calling_code',
	'phone',
	'phone_country_code',
	'memo',
	'membership_tier_id',
	'created_by_channel_id',
	'registered_by_channel_id',
	'ref_user_id',
];

function checkStringFields(body: Record<string, any>): SimResponse | undefined {
	for (const field of STRING_FIELDS) {
		const v = body[field];
		if (v !== undefined && v !== null && typeof v !== 'string') return invalid(field, `${field} must be a string`);
	}
	if (body.phones !== undefined && body.phones !== null && typeof body.phones !== 'string' && !Array.isArray(body.phones)) {
		return invalid('phones', 'phones must be a comma-separated string');
	}
	return undefined;
}

const BOOLEAN_FIELDS = [
	'send_notification',
	'is_member',
	'is_accept_marketing',
	'is_subscribed_marketing_email',
	'is_subscribed_marketing_sms',
	'is_send_welcome_credit',
	'is_allow_welcome_credit',
];

function checkBooleans(body: Record<string, any>): SimResponse | undefined {
	const bad = BOOLEAN_FIELDS.find((f) => body[f] !== undefined && typeof body[f] !== 'boolean');
	return bad ? invalid(bad, `${bad} must be a boolean`) : undefined;
}

function checkEnum(body: Record<string, any>, field: string, allowed: string[], nullable: boolean): SimResponse | undefined {
	const v = body[field];
	if (v === undefined || (nullable && v === null)) return undefined;
	return allowed.includes(v) ? undefined : invalid(field, `${field} must be one of ${allowed.join(', ')}`);
}

/** Documented for Update Customer: if phone is given, phone_country_code must not be blank. */
function checkPhoneCountry(body: Record<string, any>): SimResponse | undefined {
	if (body.phone && !body.phone_country_code) return invalid('phone_country_code', 'phone_country_code is required with phone');
	return undefined;
}

/** [INF] birth parts: whole numbers, year 1900..this year, month 1..12, day 1..31. */
function checkBirthParts(body: Record<string, any>): SimResponse | undefined {
	const limits: [string, number, number][] = [
		['birth_year', 1900, new Date().getUTCFullYear()],
		['birth_month', 1, 12],
		['birth_day', 1, 31],
	];
	for (const [field, min, max] of limits) {
		const v = body[field];
		if (v === undefined || v === null) continue;
		if (!Number.isInteger(v) || v < min || v > max) return invalid(field, `${field} must be a whole number from ${min} to ${max}`);
	}
	return undefined;
}

function checkDeliveryAddresses(body: Record<string, any>): SimResponse | undefined {
	const v = body.delivery_addresses;
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v) || v.some((a) => !isPlainObject(a))) return invalid('delivery_addresses', 'delivery_addresses must be an array of objects');
	if (v.length > 5) return invalid('delivery_addresses', 'delivery_addresses allows at most 5 addresses');
	return undefined;
}

function checkNotificationTypes(body: Record<string, any>): SimResponse | undefined {
	const v = body.notification_types;
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v) || v.some((t) => t !== 'email' && t !== 'sms')) {
		return invalid('notification_types', 'notification_types must be a list of email and/or sms');
	}
	return undefined;
}

function checkTags(body: Record<string, any>): SimResponse | undefined {
	const v = body.tags;
	if (v === undefined || v === null) return undefined;
	return Array.isArray(v) && v.every((t) => typeof t === 'string') ? undefined : invalid('tags', 'tags must be an array of strings');
}

/** Documented for Update Customer: tier_expires_at accepts only a future date. */
function checkTierExpiry(body: Record<string, any>): SimResponse | undefined {
	const v = body.tier_expires_at;
	if (v === undefined || v === null) return undefined;
	const t = typeof v === 'string' ? Date.parse(v) : NaN;
	return Number.isNaN(t) || t <= Date.now() ? invalid('tier_expires_at', 'tier_expires_at must be a future date') : undefined;
}

function checkDeliveryOption(id: unknown): SimResponse | undefined {
	const option = DELIVERY_OPTIONS.find((d) => d.id === id);
	if (!option) return invalid('delivery_option_id', `Delivery option ${String(id)} not found`);
	if (option.third_party) return invalid('delivery_option_id', 'Third-party logistics are not supported by Create Order');
	return undefined;
}

function checkPaymentMethod(id: unknown): SimResponse | undefined {
	const method = PAYMENT_METHODS.find((p) => p.id === id);
	if (!method) return invalid('payment_method_id', `Payment method ${String(id)} not found`);
	if (!ALLOWED_PAYMENT_TYPES.includes(method.type)) {
		return invalid('payment_method_id', 'Third-party payments and SHOPLINE Payments are not supported by Create Order');
	}
	return undefined;
}

function checkCancelBody(body: Record<string, any>): SimResponse | undefined {
	for (const field of ['revert_credits', 'revert_member_points']) {
		const strategy = body[field]?.strategy;
		if (body[field] !== undefined && strategy !== 'none' && strategy !== 'revert') {
			return invalid(`${field}.strategy`, `${field}.strategy must be none or revert`);
		}
	}
	if (body.operated_by !== undefined && body.operated_by !== 'merchant' && body.operated_by !== 'customer') {
		return invalid('operated_by', 'operated_by must be merchant or customer');
	}
	for (const field of ['refund_order', 'mail_notify']) {
		if (body[field] !== undefined && typeof body[field] !== 'boolean') return invalid(field, `${field} must be a boolean`);
	}
	if (body.cancelled_reason !== undefined && !isPlainObject(body.cancelled_reason)) {
		return invalid('cancelled_reason', 'cancelled_reason must be an object {key, message}');
	}
	return undefined;
}

function toCents(v: unknown): number {
	return typeof v === 'number' ? Math.round(v * 100) : typeof v === 'string' && v.trim() !== '' ? Math.round(Number(v) * 100) : NaN;
}

function currentPriceCents(p: ProductRec, v: VariationRec | undefined): number {
	if (v) return v.priceCents;
	return p.priceSaleCents > 0 ? p.priceSaleCents : p.priceCents;
}

function sizeVariations(created: number, i: number, code: string, priceCents: number): VariationRec[] {
	return [
		{ id: objectId(created, 0x7a, i * 10 + 1), sku: `${code}-M`, fields_translations: { en: ['Medium'], 'zh-hant': ['中杯'] }, priceCents, quantity: 200 },
		{ id: objectId(created, 0x7a, i * 10 + 2), sku: `${code}-L`, fields_translations: { en: ['Large'], 'zh-hant': ['大杯'] }, priceCents: priceCents + 1000, quantity: 150 },
	];
}

function seededAddress(p: ReturnType<typeof person>): DeliveryAddress {
	return {
		country: p.country,
		country_code: ({ TH: 'TH', VN: 'VN', TW: 'TW', HK: 'HK' } as const)[p.market],
		city: p.city,
		postcode: p.postcode,
		address_1: p.street,
		address_2: null,
		recipient_name: p.fullName,
		recipient_phone: p.mobile,
		recipient_phone_country_code: p.countryCallingCode,
	};
}

export function createShopline(options?: ShoplineOptions): ShoplineSim {
	return new ShoplineSim(options);
}
