/**
 * SHOPLINE Open API simulator (open.shopline.io/v1), mounted under `/shopline`: users enter
 * `<server>/shopline/v1` as the base URL.
 *
 * Layout: this file holds the server side (auth, the 20/s limiter, paging, seeding, control API);
 * one file per resource (customers, orders, products, webhooks) holds its routes, rules and JSON;
 * model.ts the constants and records, helpers.ts the small pure helpers.
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
 *   PUT    /v1/customers/:id/tags, PATCH /v1/customers/:id/tags        (customers.ts)
 *   GET    /v1/membership_tiers, /v1/customers/membership_info           (loyalty.ts)
 *   GET|POST /v1/customers/:id/member_points, POST /v1/member_points/bulk_update
 *   GET|POST /v1/customers/:id/store_credits, POST /v1/user_credits/bulk_update
 *   GET    /v1/customers/:id/membership_tier/action_logs, /v1/customers/:customer_id/promotions
 *   GET    /v1/customer_groups, /search, /:id, /:id/customer_ids           (customerGroups.ts)
 *   PATCH  /v1/orders/:id/order_delivery_status, /order_payment_status; PUT /v1/orders/:id/tags;
 *   GET    /v1/orders/:id/action_logs, /v1/orders/transactions?orderIds[]  (orderActions.ts)
 *   GET    /v1/return_orders, /v1/return_orders/:id                        (returnOrders.ts)
 *   GET    /v1/categories, /warehouses, /delivery_options, /payments, /promotions   (catalog.ts)
 *   PATCH  /v1/orders/:id/execute_shipment, /v1/orders/execute_shipment     (shipments.ts)
 *   PUT    /v1/products/bulk_update_stocks; POST /v1/products/locked_inventory_count (stock.ts)
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
import { INVALID_JSON, intParam, rng, Vendor, type Handler, type SimRequest, type SimResponse } from '../core';
import { registerCatalogRoutes } from './catalog';
import { registerCustomerGroupRoutes, seedCustomerGroups } from './customerGroups';
import { addSeededCustomer, customerJson, registerCustomerRoutes } from './customers';
import { type Query, byCreated, fail, first, objectId, ok, parseTime, stripUndefined } from './helpers';
import { CURRENCY_SYMBOLS, type Config, type CustomerGroupRec, type CustomerRec, DEFAULTS, DEMO_TOKEN, type DeliveryRec, MERCHANT_ID, type MemberPointRec, type NotificationRec, type OrderLogRec, type OrderRec, type ProductRec, type ReturnOrderRec, SHOPLINE_RATE_LIMIT_BODY, type ShoplineOptions, type ShoplineToken, type StoreCreditRec, type TierLogRec, type WebhookRec } from './model';
import { registerLoyaltyRoutes, seedLoyalty } from './loyalty';
import { registerOrderActionRoutes } from './orderActions';
import { addSeededOrder, orderJson, registerOrderRoutes } from './orders';
import { productJson, registerProductRoutes, seedProducts } from './products';
import { registerReturnOrderRoutes, seedReturnOrders } from './returnOrders';
import { emit, knownTopics, registerWebhookRoutes, subscribersOf, webhookJson } from './webhooks';
import { eventResource } from './events';

export {
	CREATION_SOURCES,
	DELIVERY_OPTIONS,
	GENDERS,
	MEMBERSHIP_TIERS,
	ORDER_STATUSES,
	PAYMENT_METHODS,
	SHOPLINE_DEMO,
	SHOPLINE_RATE_LIMIT_BODY,
	SHOPLINE_TOPICS,
} from './model';
export type {
	CustomerRec,
	DeliveryAddress,
	DeliveryAttempt,
	DeliveryRec,
	NotificationRec,
	OrderRec,
	ProductRec,
	ShoplineOptions,
	ShoplineToken,
	WebhookRec,
} from './model';

/** Registers one route under `/v1` behind the guard (User-Agent, token, scope, rate limit). */
export type Route = (method: string, path: string, scope: string | null, handler: Handler) => void;

export class ShoplineSim extends Vendor {
	// Members are public so that the resource files can use them; tests read only the documented ones.
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
	hits = new Map<string, number[]>();
	sortedOrders?: OrderRec[];
	sortedCustomers?: CustomerRec[];
	orderCounts?: Map<string, number>;
	counter = 0;
	pending = new Set<Promise<void>>();
	memberPoints: MemberPointRec[] = [];
	storeCredits: StoreCreditRec[] = [];
	tierLogs: TierLogRec[] = [];
	customerGroups = new Map<string, CustomerGroupRec>();
	orderLogs: OrderLogRec[] = [];
	returnOrders = new Map<string, ReturnOrderRec>();

	constructor(private readonly options: ShoplineOptions = {}) {
		super('shopline', '/shopline', () => ({ status: 429, body: { ...SHOPLINE_RATE_LIMIT_BODY } }));
		this.config = { ...DEFAULTS, ...stripUndefined(options) };
		this.onReset = () => this.init();
		this.registerRoutes();
		this.reset();
	}

	// --- lifecycle ----------------------------------------------------------------------------

	init(): void {
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
		seedProducts(this);
		this.seed(this.config.seedOrders, this.config.seedCustomers);
	}

	/** Replaces customers and orders with `orders` seeded orders and `customers` seeded customers. */
	seed(orders: number, customers = Math.max(1, Math.ceil(orders / 4))): { customers: number; orders: number } {
		this.customers.clear();
		this.orders.clear();
		this.invalidate();
		const random = rng(this.config.seed);
		const customerStart = Date.UTC(2022, 0, 1);
		for (let i = 0; i < customers; i++) addSeededCustomer(this, i, customerStart + i * 60_000, random);
		const customerList = [...this.customers.values()];
		const orderStart = Date.UTC(2023, 0, 1);
		const archived = Math.floor(orders * this.config.archivedShare);
		const products = [...this.products.values()];
		for (let i = 0; i < orders; i++) {
			const customer = customerList[i % customerList.length];
			addSeededOrder(this, i, orderStart + i * 120_000, customer, products, random, i < archived);
		}
		seedLoyalty(this);
		seedCustomerGroups(this, this.config.seedCustomerGroups);
		this.orderLogs = [];
		seedReturnOrders(this);
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

	controlEmit(body: Record<string, any>): unknown {
		const topic = String(body.topic ?? '');
		if (!knownTopics(this).includes(topic)) return { error: `unknown topic ${topic}` };
		const id = body.id === undefined ? null : String(body.id);
		const resource = body.data ?? this.resourceFor(topic, id) ?? { id };
		const eventId = this.emit(topic, id ?? String((resource as any)?.id ?? ''), resource);
		return { event_id: eventId, subscriptions: subscribersOf(this, topic).length };
	}

	resourceFor(topic: string, id: string | null): unknown {
		return eventResource(this, topic, id);
	}

	// --- routing and auth ---------------------------------------------------------------------

	registerRoutes(): void {
		const r: Route = (method, path, scope, handler) =>
			this.route(method, `/v1${path}`, this.guarded(scope, handler));
		r('GET', '/token/info', null, (req) => this.tokenInfo(req));
		// Loyalty first: /customers/membership_info must not be read as /customers/:id.
		registerLoyaltyRoutes(this, r);
		registerCustomerRoutes(this, r);
		registerCustomerGroupRoutes(this, r);
		// Order actions first: /orders/transactions must not be read as /orders/:id.
		registerOrderActionRoutes(this, r);
		registerOrderRoutes(this, r);
		registerReturnOrderRoutes(this, r);
		registerProductRoutes(this, r);
		registerCatalogRoutes(this, r);
		registerWebhookRoutes(this, r);
	}

	/** User-Agent, Bearer token, expiry, scope and the per-token rate limit, then the handler. */
	guarded(scope: string | null, handler: Handler): Handler {
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

	userAgentError(message: string): SimResponse {
		return { status: this.config.userAgentStatus, body: { error: message, code: 'InvalidUserAgent' } };
	}

	/** Sliding window: a request is allowed when fewer than `rateLimit` were allowed in the last window. */
	takeSlot(token: string): boolean {
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

	tokenOf(req: SimRequest): ShoplineToken {
		return this.tokens.get(String(req.headers.authorization).slice(7).trim())!;
	}

	tokenInfo(req: SimRequest): SimResponse {
		const t = this.tokenOf(req);
		return ok({
			staff: { id: objectId(Date.UTC(2021, 0, 1), 0x5a, 1), name: t.staffName ?? 'OpenAPI staff', merchant_id: t.merchantId },
			merchant: { id: t.merchantId, handle: t.handle, name: `${t.handle} store`, base_currency_iso: this.config.currency },
			scopes: t.scopes, // [INF] top-level copy for credential tests
			expires_at: t.expiresAt,
		});
	}

	// --- pagination ---------------------------------------------------------------------------

	/** page/per_page or previous_id keyset over an already filtered and ordered list. */
	paginate<T extends { id: string }>(rows: T[], q: Query): { items: T[]; pagination: Record<string, number> } | SimResponse {
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

	badQuery(field: string, message: string): SimResponse {
		return fail(this.config.badQueryStatus, 'UnprocessableEntity', message, field);
	}

	/** Sort direction from sort_by (asc|desc, default desc). */
	direction(q: Query): 'asc' | 'desc' | SimResponse {
		const sortBy = first(q.sort_by) ?? 'desc';
		if (sortBy !== 'asc' && sortBy !== 'desc') return this.badQuery('sort_by', 'sort_by must be asc or desc');
		return sortBy;
	}

	/** Reads the named time-range query values; an error response when one is not a time. */
	timeRange(q: Query, names: string[]): Record<string, number | undefined> | SimResponse {
		const out: Record<string, number | undefined> = {};
		for (const name of names) {
			const t = parseTime(q[name]);
			if (typeof t === 'string') return this.badQuery(name, `${name} ${t}`);
			out[name] = t;
		}
		return out;
	}

	invalidate(): void {
		this.sortedOrders = undefined;
		this.sortedCustomers = undefined;
		this.orderCounts = undefined;
	}

	ordersByCreated(): OrderRec[] {
		this.sortedOrders ??= [...this.orders.values()].sort(byCreated);
		return this.sortedOrders;
	}

	customersByCreated(): CustomerRec[] {
		this.sortedCustomers ??= [...this.customers.values()].sort(byCreated);
		return this.sortedCustomers;
	}

	/** Money object: {cents, currency_symbol, currency_iso, label, dollars}. */
	money(cents: number): Record<string, unknown> {
		const iso = this.config.currency;
		const symbol = CURRENCY_SYMBOLS[iso] ?? iso;
		const dollars = cents / 100;
		const label = `${symbol}${Number.isInteger(dollars) ? dollars : dollars.toFixed(2)}`;
		return { cents, currency_symbol: symbol, currency_iso: iso, label, dollars };
	}

	// --- seeding ------------------------------------------------------------------------------

	merchantId(): string {
		return this.tokens.values().next().value?.merchantId ?? MERCHANT_ID;
	}

	now(): string {
		return new Date().toISOString();
	}

	// --- resource JSON and events (the resource files hold the code) -------------------------

	customerJson(c: CustomerRec): Record<string, unknown> {
		return customerJson(this, c);
	}

	orderJson(o: OrderRec): Record<string, unknown> {
		return orderJson(this, o);
	}

	productJson(p: ProductRec): Record<string, unknown> {
		return productJson(this, p);
	}

	webhookJson(w: WebhookRec): Record<string, unknown> {
		return webhookJson(this, w);
	}

	/** Sends one event to every active subscription of `topic`; returns the event id. */
	emit(topic: string, resourceId: string, resource: unknown): string {
		return emit(this, topic, resourceId, resource);
	}
}

export function createShopline(options?: ShoplineOptions): ShoplineSim {
	return new ShoplineSim(options);
}
