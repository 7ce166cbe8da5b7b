/**
 * Salekit.io simulator (vendors.md section E, seed 004).
 *
 * Mounted under `/salekit`; the base URL a user enters is `<server>/salekit/api/v1`.
 * Every call needs the header `Token: <static HS256 JWT>` (payload `{iat, shop_id}`); see SALEKIT_DEMO.
 * Every answer is JSON; failures are `{"error":true,"msg":"<Vietnamese text>"}`.
 *
 * Endpoints (paths below the base URL):
 *   POST /audience/create          create or update a customer (seed 004). Body: full_name, email, phone,
 *                                  tag, un_tag (comma-separated), src, cid, gender ("Nam"|"Nữ"), address,
 *                                  note, custom_field {key: value}, type (0..7).
 *                                  → 200 {"error":false,"msg":"Thành công"}
 *   POST /order/create             create an order (documented for salekit.com only; [INF] same on .io).
 *                                  → 200 {"error":false,"msg":"OK","data":{id, ...order}}
 *   POST /order/update?id=ORDER_ID body {"status": 0..7} (help.salekit.io/api-order)
 *                                  → 200 {"data":<order>,"msg":"OK","error":false}
 *   POST /product/create           create a product (documented for salekit.com only; [INF] same on .io).
 *                                  → 200 {"status":200,"msg":"OK","error":false,"data":{id, ...product}}
 *   GET  /audience/create          [INF] the credential test: the token is checked as for any call, then
 *                                  the request is refused as a create without fields; it never creates.
 * No read endpoint is documented, so none is simulated: state is read through snapshot() / public fields.
 *
 * Outbound "Bán hàng > Đồng bộ" (Sales > Sync): three URLs (order created, processing-status change,
 * payment-status change) receive an unsigned JSON POST of the order; every attempt lands in a sync
 * history that can be re-sent, as in the admin.
 *
 * Guesses, each marked `// [INF]` below and adjustable through SalekitOptions or control():
 *  - HTTP status per error kind: auth 401, everything else 200 with error:true.
 *  - Vietnamese wording of every error message (only "Thành công" and "OK" are documented).
 *  - Audience: dedupe key (email, case-insensitive, then phone by digits); tag then un_tag (removal
 *    wins); un_tag of an unknown tag is ignored; tag names trimmed, NFC, case-sensitive; an update
 *    keeps unsent fields and merges custom_field; a new audience gets type 0; no `data` in the answer.
 *  - At least one of full_name/email/phone is always required (so an empty body never creates anything).
 *  - custom_field values must be strings or numbers.
 *  - Email and phone format checks; strict JSON types (String/Int/Double as documented); unknown body
 *    keys ignored; a non-empty body must be application/json.
 *  - Order: lines {product_id | sku, quantity ≥ 1, price?} (sku used when product_id is absent, as on
 *    salekit.com combo/create); unknown products rejected; money fields non-negative; pay_time is a
 *    Unix time or a date string; fields not sent are null (pay_status 0); the answer carries `data`.
 *  - order/update: an unchanged status answers OK but does not sync; other body keys are ignored.
 *  - Product: duplicate sku rejected; numeric fields non-negative; the answer carries `data`.
 *  - Sync payload = order detail plus `event` (order_created | order_status_changed |
 *    order_payment_changed); unsigned; no retry; sent one at a time in order; API writes also sync.
 *  - Rate-limit (injected 429) body {error:true,msg}; record ids are integers.
 *  - Time format "YYYY-MM-DD HH:mm:ss" in Vietnam time (UTC+7), like a PHP/MySQL back end.
 *
 * Layout: this file holds the simulator class (the token and body guard, seeding, control API);
 * audience.ts, orders.ts, products.ts and sync.ts one resource each (routes, rules, records); model.ts
 * the value sets, options and record types; messages.ts the answer texts; validation.ts the field
 * checks; auth.ts the demo token and the Token header.
 */
import { Vendor, type SimResponse, type SimRequest } from '../core';
import { refuseBodilessAudience, sameKey, seedAudiences, upsertAudience } from './audience';
import { headerToken, parseBody } from './auth';
import { SALEKIT_MSG } from './messages';
import { type Audience, type AudienceField, defaultSalekitOptions, type Order, type Product, salekitTime, type SalekitOptions, type SyncRecord, type SyncUrls } from './model';
import { changeOrderStatus, createOrder, markOrderPaid, seedOrders, updateOrder } from './orders';
import { createProduct, seedProducts } from './products';
import { resendSync } from './sync';
import { type Body, fail, Failure, isStatus } from './validation';

export { salekitToken, SALEKIT_DEMO } from './auth';
export { splitTags } from './audience';
export { SALEKIT_MSG } from './messages';
export { AUDIENCE_TYPES, defaultSalekitOptions, GENDERS, ORDER_STATUSES, PRODUCT_TYPES, salekitTime } from './model';
export type { Audience, AudienceField, Order, OrderLine, Product, SalekitErrorStatus, SalekitOptions, SyncEvent, SyncRecord, SyncUrls } from './model';

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

export class SalekitSim extends Vendor {
	options: SalekitOptions;
	audiences: Audience[] = [];
	products: Product[] = [];
	orders: Order[] = [];
	/** Every tag the shop knows (tags are auto-created by audience/create). */
	tags = new Set<string>();
	customAttributes = new Set<string>();
	syncUrls: SyncUrls = { orderCreated: '', statusChanged: '', paymentChanged: '' };
	syncHistory: SyncRecord[] = [];
	// Members below are public so that the resource files can use them; tests read only the ones above.
	nextAudienceId = 1;
	nextOrderId = 1;
	nextProductId = 1;
	nextSyncId = 1;
	deliveries: Promise<void> = Promise.resolve();

	constructor(private readonly initial: Partial<SalekitOptions> = {}) {
		super('salekit', '/salekit', () => ({
			status: 429,
			body: { error: true, msg: SALEKIT_MSG.rateLimited }, // [INF] no rate limit documented
		}));
		this.options = this.freshOptions();
		this.route('POST', '/api/v1/audience/create', (req) => this.guard(req, (body) => upsertAudience(this, body)));
		this.route('GET', '/api/v1/audience/create', (req) => this.guard(req, () => refuseBodilessAudience(this)));
		this.route('POST', '/api/v1/order/create', (req) => this.guard(req, (body) => createOrder(this, body)));
		this.route('POST', '/api/v1/order/update', (req) => this.guard(req, (body) => updateOrder(this, req, body)));
		this.route('POST', '/api/v1/product/create', (req) => this.guard(req, (body) => createProduct(this, body)));
		this.onReset = () => this.seed();
		this.seed();
	}

	private freshOptions(): SalekitOptions {
		const defaults = defaultSalekitOptions();
		return {
			...defaults,
			...this.initial,
			errorStatus: { ...defaults.errorStatus, ...(this.initial.errorStatus ?? {}) },
		};
	}

	// ----- request plumbing ------------------------------------------------------------------

	private answer(body: Record<string, unknown>): SimResponse {
		return { status: 200, body, headers: { 'content-type': 'application/json; charset=utf-8' } };
	}

	private failure(f: Failure): SimResponse {
		return { ...this.answer({ error: true, msg: f.msg }), status: this.options.errorStatus[f.kind] };
	}

	/** Token check, then body parsing; the handler gets a plain object. */
	private guard(req: SimRequest, handler: (body: Body) => Record<string, unknown> | Failure): SimResponse {
		const token = headerToken(req);
		if (token === undefined) return this.failure(fail('auth', SALEKIT_MSG.tokenMissing));
		if (token !== this.options.token) return this.failure(fail('auth', SALEKIT_MSG.tokenInvalid));
		const body = parseBody(this, req);
		if (body instanceof Failure) return this.failure(body);
		const result = handler(body);
		return result instanceof Failure ? this.failure(result) : this.answer(result);
	}

	/** The current time in Salekit's format (UTC+7). */
	now(): string {
		return salekitTime(this.options.now());
	}

	/** Resolves when every queued sync delivery has finished (tests await this). */
	async flush(): Promise<void> {
		let seen: Promise<void> | undefined;
		while (seen !== this.deliveries) {
			seen = this.deliveries;
			await seen;
		}
	}

	/** Re-sends a recorded delivery with the identical payload, to the event's current URL (else the recorded one). */
	resync(historyId: number): SyncRecord | undefined {
		return resendSync(this, historyId);
	}

	/** An admin marks an order paid (or unpaid): pay_status changes and the payment sync fires. */
	payOrder(id: number, payStatus = 1): Order | undefined {
		return markOrderPaid(this, id, payStatus);
	}

	/** An admin changes the processing status in the back office (always synced). */
	changeStatus(id: number, status: number): Order | undefined {
		return changeOrderStatus(this, id, status);
	}

	// ----- Inspection and control ---------------------------------------------------------------

	/** The stored audience with this email or phone (same matching as the upsert). */
	audienceBy(key: AudienceField, value: string): Audience | undefined {
		return this.audiences.find((a) => a[key] !== null && sameKey(key, a[key] as string, value));
	}

	snapshot() {
		return structuredClone({
			audiences: this.audiences,
			products: this.products,
			orders: this.orders,
			tags: [...this.tags],
			customAttributes: [...this.customAttributes],
			syncUrls: this.syncUrls,
			syncHistory: this.syncHistory,
			options: { ...this.options, now: undefined },
		});
	}

	/**
	 * Control actions (POST /__sandbox/control/salekit):
	 *  {action:'setSyncUrls', orderCreated?, statusChanged?, paymentChanged?}   the three Sync URLs
	 *  {action:'payOrder', id, pay_status?}        admin marks an order paid (1, default) or unpaid (0)
	 *  {action:'changeStatus', id, status}         admin changes the processing status
	 *  {action:'resync', id}                        re-send sync history entry `id`
	 *  {action:'setCustomAttributes', keys}         replace the declared Custom Attributes
	 *  {action:'configure', ...options}             change options (token, errorStatus, audienceRequired, ...)
	 */
	control(body: any): unknown {
		switch (body?.action) {
			case 'setSyncUrls':
				for (const key of ['orderCreated', 'statusChanged', 'paymentChanged'] as const) {
					if (typeof body[key] === 'string') this.syncUrls[key] = body[key];
				}
				return { ok: true, syncUrls: this.syncUrls };
			case 'payOrder':
				return this.found(this.payOrder(Number(body.id), body.pay_status === 0 ? 0 : 1));
			case 'changeStatus':
				if (!isStatus(body.status)) return { ok: false, error: SALEKIT_MSG.orderStatus };
				return this.found(this.changeStatus(Number(body.id), body.status));
			case 'resync':
				return this.found(this.resync(Number(body.id)));
			case 'setCustomAttributes':
				this.customAttributes = new Set((body.keys ?? []).map(String));
				return { ok: true, customAttributes: [...this.customAttributes] };
			case 'configure':
				return { ok: true, options: this.configure(body) };
			default:
				return { ok: false, error: `unknown action ${String(body?.action)}` };
		}
	}

	private found(record: object | undefined): unknown {
		return record ? { ok: true, record: structuredClone(record) } : { ok: false, error: 'not found' };
	}

	/** Merges option changes (everything except the seed counts and the clock). */
	configure(changes: Partial<SalekitOptions> & { action?: string }): Omit<SalekitOptions, 'now'> {
		const { action: _action, seedAudiences: _a, seedOrders: _o, now: _n, ...rest } = changes;
		this.options = {
			...this.options,
			...rest,
			errorStatus: { ...this.options.errorStatus, ...(rest.errorStatus ?? {}) },
		};
		if (rest.customAttributes) this.customAttributes = new Set(rest.customAttributes);
		const { now: _clock, ...visible } = this.options;
		return visible;
	}

	// ----- Seed ---------------------------------------------------------------------------------

	private seed(): void {
		this.options = this.freshOptions();
		this.audiences = [];
		this.products = [];
		this.orders = [];
		this.tags = new Set(['Khách hàng mới', 'Đã mua', 'VIP']);
		this.customAttributes = new Set(this.options.customAttributes);
		this.syncUrls = { orderCreated: '', statusChanged: '', paymentChanged: '' };
		this.syncHistory = [];
		this.nextAudienceId = 120001;
		this.nextProductId = 1907501;
		this.nextOrderId = 235686;
		this.nextSyncId = 1;
		this.deliveries = Promise.resolve();
		seedProducts(this);
		seedAudiences(this, this.options.seedAudiences);
		seedOrders(this, this.options.seedOrders);
	}
}

export function createSalekit(options: Partial<SalekitOptions> = {}): SalekitSim {
	return new SalekitSim(options);
}
