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
 */
import { createHmac } from 'node:crypto';

import { deliverWebhook, INVALID_JSON, Vendor, type SimRequest, type SimResponse } from '../core';
import { person, PRODUCTS, seededTime } from '../data';

// ---------------------------------------------------------------------------------------------
// Demo credentials
// ---------------------------------------------------------------------------------------------

const base64url = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

/** Builds a token shaped like Salekit's: `{"typ":"jwt","alg":"HS256"}` header, `{iat, shop_id}` payload. */
export function salekitToken(shopId: string, iat: string, secret = 'salekit-sandbox-secret'): string {
	const head = base64url(JSON.stringify({ typ: 'jwt', alg: 'HS256' }));
	const body = base64url(JSON.stringify({ iat, shop_id: shopId }));
	const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
	return `${head}.${body}.${signature}`;
}

const DEMO_SHOP_ID = '5a1e4b17d3c0f00ddeadbeefcafe0004';

export const SALEKIT_DEMO = {
	token: salekitToken(DEMO_SHOP_ID, '2026-01-01T09:00:00+0700'),
	shopId: DEMO_SHOP_ID,
};

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

/** Error messages. Only the success texts are documented; every wording here is ours. */
export const SALEKIT_MSG = {
	success: 'Thành công',
	ok: 'OK',
	tokenMissing: 'Thiếu Token xác thực trong header', // [INF] wording
	tokenInvalid: 'Token không hợp lệ hoặc đã bị thu hồi', // [INF] wording
	invalidJson: 'Dữ liệu gửi lên không đúng định dạng JSON', // [INF] wording
	notObject: 'Nội dung request phải là một đối tượng JSON', // [INF] wording
	contentType: 'Content-Type phải là application/json', // [INF] wording
	rateLimited: 'Quá nhiều yêu cầu, vui lòng thử lại sau', // [INF] wording
	required: (field: string) => `Trường ${field} là bắt buộc`,
	needContact: 'Cần ít nhất một trong các trường full_name, email hoặc phone',
	wrongType: (field: string, kind: string) => `Trường ${field} phải là ${kind}`,
	negative: (field: string) => `Trường ${field} không được âm`,
	email: 'Email không hợp lệ',
	phone: 'Số điện thoại không hợp lệ',
	gender: 'Giới tính (gender) chỉ nhận "Nam" hoặc "Nữ"',
	audienceType: 'Loại khách hàng (type) phải là số nguyên từ 0 đến 7',
	customFieldUnknown: (key: string) =>
		`Trường tùy chỉnh "${key}" chưa được khai báo trong Custom Attribute. Vào Audience, chọn một khách hàng > Chỉnh sửa > Thêm mới để tạo trước`,
	customFieldValue: (key: string) => `Giá trị của trường tùy chỉnh "${key}" phải là chuỗi hoặc số`,
	orderStatus: 'Trạng thái đơn hàng (status) phải là số nguyên từ 0 đến 7',
	payStatus: 'Trạng thái thanh toán (pay_status) chỉ nhận 0 hoặc 1',
	orderId: 'Thiếu hoặc sai tham số id của đơn hàng',
	orderNotFound: (id: string) => `Không tìm thấy đơn hàng có id ${id}`,
	productsEmpty: 'Đơn hàng phải có ít nhất một sản phẩm (products)',
	lineIdent: (n: number) => `Sản phẩm thứ ${n} cần product_id hoặc sku`,
	lineUnknown: (n: number) => `Không tìm thấy sản phẩm thứ ${n} (product_id/sku)`,
	lineQuantity: (n: number) => `Số lượng (quantity) của sản phẩm thứ ${n} phải là số nguyên lớn hơn 0`,
	linePrice: (n: number) => `Giá (price) của sản phẩm thứ ${n} phải là số không âm`,
	productType: 'Phân loại sản phẩm (type) chỉ nhận 0, 1 hoặc 2',
	photos: 'Trường photos phải là mảng các đường dẫn ảnh',
	duplicateSku: (sku: string) => `Mã sản phẩm (sku) "${sku}" đã tồn tại`,
};

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

const SYNC_URL_FOR: Record<SyncEvent, keyof SyncUrls> = {
	order_created: 'orderCreated',
	order_status_changed: 'statusChanged',
	order_payment_changed: 'paymentChanged',
};

// ---------------------------------------------------------------------------------------------
// Field checking
// ---------------------------------------------------------------------------------------------

type Kind = 'string' | 'number' | 'int' | 'array' | 'object';

const KIND_WORDS: Record<Kind, string> = {
	string: 'chuỗi',
	number: 'số',
	int: 'số nguyên',
	array: 'mảng',
	object: 'đối tượng',
};

type Body = Record<string, unknown>;

/** Absent means not sent, null, or an empty/blank string (a PHP back end treats them alike). */
function isAbsent(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Returns the value in the expected kind, or undefined when it has the wrong type. */
function asKind(value: unknown, kind: Kind, strict: boolean): unknown {
	const numeric = typeof value === 'string' && !strict && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
	switch (kind) {
		case 'string':
			if (typeof value === 'string') return value.trim();
			return !strict && typeof value === 'number' ? String(value) : undefined;
		case 'number':
			return typeof numeric === 'number' && Number.isFinite(numeric) ? numeric : undefined;
		case 'int':
			return typeof numeric === 'number' && Number.isInteger(numeric) ? numeric : undefined;
		case 'array':
			return Array.isArray(value) ? value : undefined;
		case 'object':
			return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
	}
}

/**
 * Checks the listed fields of `body`: presence of the required ones, then types.
 * Returns the present fields converted to their kind, or the first error message.
 */
function readFields(
	body: Body,
	kinds: Record<string, Kind>,
	required: string[],
	strict: boolean,
): { values: Record<string, any> } | { error: string } {
	for (const field of required) {
		if (isAbsent(body[field])) return { error: SALEKIT_MSG.required(field) };
	}
	const values: Record<string, any> = {};
	for (const [field, kind] of Object.entries(kinds)) {
		if (isAbsent(body[field])) continue;
		const value = asKind(body[field], kind, strict);
		if (value === undefined) return { error: SALEKIT_MSG.wrongType(field, KIND_WORDS[kind]) };
		values[field] = value;
	}
	return { values };
}

function firstNegative(values: Record<string, any>, fields: string[]): string | undefined {
	return fields.find((f) => typeof values[f] === 'number' && values[f] < 0);
}

/** "Đã mua, Khách hàng mới" → ['Đã mua', 'Khách hàng mới']; NFC so composed and decomposed accents match. */
export function splitTags(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map(String) : String(value ?? '').split(',');
	return [...new Set(parts.map((t) => t.normalize('NFC').trim()).filter(Boolean))];
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// [INF] Lenient: 8–15 digits with optional +, spaces, dots, dashes, parentheses.
const PHONE_RE = /^\+?[\d\s().-]+$/;
const phoneDigits = (phone: string) => phone.replace(/\D/g, '');
const isPhone = (phone: string) => PHONE_RE.test(phone) && phoneDigits(phone).length >= 8 && phoneDigits(phone).length <= 15;

/** "YYYY-MM-DD HH:mm:ss" in UTC+7. [INF] MySQL-style local time, as a PHP back end would print it. */
export function salekitTime(date: Date): string {
	return new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const AUDIENCE_FIELDS: Record<string, Kind> = {
	full_name: 'string',
	email: 'string',
	phone: 'string',
	src: 'string',
	cid: 'string',
	gender: 'string',
	address: 'string',
	note: 'string',
	custom_field: 'object',
	type: 'int',
};

const ORDER_FIELDS: Record<string, Kind> = {
	website_id: 'string',
	total_price: 'number',
	discount: 'number',
	total_pay: 'number',
	revenue: 'number',
	ship_fee: 'number',
	pay_fee: 'number',
	full_name: 'string',
	phone: 'string',
	email: 'string',
	ref: 'string',
	ref_sub: 'string',
	src: 'string',
	province_id: 'int',
	district_id: 'int',
	ward_id: 'int',
	address: 'string',
	store_id: 'int',
	pay_type: 'int',
	pay_status: 'int',
	commission: 'number',
	status: 'int',
	sale_id: 'int',
	note: 'string',
	products: 'array',
};
const ORDER_REQUIRED = ['total_price', 'total_pay', 'full_name', 'phone', 'status', 'products'];
const ORDER_MONEY = ['total_price', 'discount', 'total_pay', 'revenue', 'ship_fee', 'pay_fee', 'commission'];

const PRODUCT_FIELDS: Record<string, Kind> = {
	name: 'string',
	description: 'string',
	content: 'string',
	type: 'int',
	package_width: 'int',
	package_length: 'int',
	package_height: 'int',
	weight: 'number',
	sku: 'string',
	unit_price: 'number',
	price_sale: 'number',
	unit_name: 'string',
	category_id: 'int',
	trademark: 'int',
	photos: 'array',
	slug: 'string',
	seo_title: 'string',
	seo_keyword: 'string',
	seo_description: 'string',
};
// The product doc marks name and type without "Không".
const PRODUCT_REQUIRED = ['name', 'type'];
const PRODUCT_NON_NEGATIVE = ['package_width', 'package_length', 'package_height', 'weight', 'unit_price', 'price_sale'];

/** A refusal: which kind of error (decides the HTTP status) and the Vietnamese message. */
class Failure {
	constructor(
		readonly kind: keyof SalekitErrorStatus,
		readonly msg: string,
	) {}
}
const fail = (kind: Failure['kind'], msg: string) => new Failure(kind, msg);

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
	private nextAudienceId = 1;
	private nextOrderId = 1;
	private nextProductId = 1;
	private nextSyncId = 1;
	private deliveries: Promise<void> = Promise.resolve();

	constructor(private readonly initial: Partial<SalekitOptions> = {}) {
		super('salekit', '/salekit', () => ({
			status: 429,
			body: { error: true, msg: SALEKIT_MSG.rateLimited }, // [INF] no rate limit documented
		}));
		this.options = this.freshOptions();
		this.route('POST', '/api/v1/audience/create', (req) => this.guard(req, (body) => this.upsertAudience(body)));
		this.route('GET', '/api/v1/audience/create', (req) => this.guard(req, () => this.refuseBodilessAudience()));
		this.route('POST', '/api/v1/order/create', (req) => this.guard(req, (body) => this.createOrder(body)));
		this.route('POST', '/api/v1/order/update', (req) => this.guard(req, (body) => this.updateOrder(req, body)));
		this.route('POST', '/api/v1/product/create', (req) => this.guard(req, (body) => this.createProduct(body)));
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
		const token = this.headerToken(req);
		if (token === undefined) return this.failure(fail('auth', SALEKIT_MSG.tokenMissing));
		if (token !== this.options.token) return this.failure(fail('auth', SALEKIT_MSG.tokenInvalid));
		const body = this.parseBody(req);
		if (body instanceof Failure) return this.failure(body);
		const result = handler(body);
		return result instanceof Failure ? this.failure(result) : this.answer(result);
	}

	private headerToken(req: SimRequest): string | undefined {
		const raw = req.headers.token;
		const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
		return value ? value : undefined;
	}

	private parseBody(req: SimRequest): Body | Failure {
		if (req.body === undefined) return {};
		const type = String(req.headers['content-type'] ?? '');
		if (this.options.requireJsonContentType && !type.toLowerCase().includes('application/json')) {
			return fail('validation', SALEKIT_MSG.contentType);
		}
		if (req.body === INVALID_JSON) return fail('validation', SALEKIT_MSG.invalidJson);
		if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) return fail('validation', SALEKIT_MSG.notObject);
		return req.body as Body;
	}

	private now(): string {
		return salekitTime(this.options.now());
	}

	// ----- POST /audience/create ---------------------------------------------------------------

	private upsertAudience(body: Body): Record<string, unknown> | Failure {
		const read = readFields(body, AUDIENCE_FIELDS, this.options.audienceRequired, this.options.strictTypes);
		if ('error' in read) return fail('validation', read.error);
		const v = read.values;
		// [INF] Even when nothing is configured as required, a record needs something to identify it.
		if (v.full_name === undefined && v.email === undefined && v.phone === undefined) {
			return fail('validation', SALEKIT_MSG.needContact);
		}
		const problem = this.checkAudienceValues(v) ?? this.checkTagFields(body) ?? this.checkCustomFields(v.custom_field);
		if (problem) return fail('validation', problem);

		const existing = this.findAudience(v);
		const audience = existing ?? this.newAudience();
		this.applyAudience(audience, v);
		this.applyTags(audience, splitTags(body.tag), splitTags(body.un_tag));
		if (!existing) this.audiences.push(audience);

		const answer: Record<string, unknown> = { error: false, msg: SALEKIT_MSG.success };
		if (this.options.audienceReturnsData) answer.data = structuredClone(audience); // [INF]
		return answer;
	}

	/** [INF] A GET carries no fields: refused as an empty create would be, without ever creating. */
	private refuseBodilessAudience(): Failure {
		const read = readFields({}, AUDIENCE_FIELDS, this.options.audienceRequired, this.options.strictTypes);
		return fail('validation', 'error' in read ? read.error : SALEKIT_MSG.needContact);
	}

	private checkAudienceValues(v: Record<string, any>): string | undefined {
		if (v.email !== undefined && this.options.validateEmail && !EMAIL_RE.test(v.email)) return SALEKIT_MSG.email;
		if (v.phone !== undefined && this.options.validatePhone && !isPhone(v.phone)) return SALEKIT_MSG.phone;
		if (v.gender !== undefined && !GENDERS.includes(v.gender.normalize('NFC'))) return SALEKIT_MSG.gender;
		if (v.type !== undefined && (v.type < 0 || v.type > 7)) return SALEKIT_MSG.audienceType;
		return undefined;
	}

	/** `tag` and `un_tag` are documented as String (comma-separated); arrays only when types are lenient. */
	private checkTagFields(body: Body): string | undefined {
		for (const field of ['tag', 'un_tag']) {
			const value = body[field];
			if (isAbsent(value) || typeof value === 'string') continue;
			const lenientArray = !this.options.strictTypes && Array.isArray(value) && value.every((t) => typeof t === 'string');
			if (!lenientArray) return SALEKIT_MSG.wrongType(field, KIND_WORDS.string);
		}
		return undefined;
	}

	private checkCustomFields(custom: Record<string, unknown> | undefined): string | undefined {
		for (const [key, value] of Object.entries(custom ?? {})) {
			if (!this.customAttributes.has(key)) return SALEKIT_MSG.customFieldUnknown(key);
			if (typeof value !== 'string' && typeof value !== 'number') return SALEKIT_MSG.customFieldValue(key);
		}
		return undefined;
	}

	/** [INF] Dedupe: the first configured key (email, then phone) that matches an existing audience. */
	private findAudience(v: Record<string, any>): Audience | undefined {
		for (const key of this.options.dedupeKeys) {
			if (v[key] === undefined) continue;
			const found = this.audiences.find((a) => a[key] !== null && sameKey(key, a[key] as string, v[key]));
			if (found) return found;
		}
		return undefined;
	}

	private newAudience(): Audience {
		const at = this.now();
		return {
			id: this.nextAudienceId++,
			full_name: null,
			email: null,
			phone: null,
			tags: [],
			src: null,
			cid: null,
			gender: null,
			address: null,
			note: null,
			custom_field: {},
			type: 0, // [INF] "Customer" when not sent
			created_at: at,
			updated_at: at,
		};
	}

	/** [INF] An update only overwrites fields that were sent; custom fields merge key by key. */
	private applyAudience(a: Audience, v: Record<string, any>): void {
		for (const key of ['full_name', 'email', 'phone', 'src', 'cid', 'address', 'note', 'type'] as const) {
			if (v[key] !== undefined) (a as any)[key] = v[key];
		}
		if (v.gender !== undefined) a.gender = v.gender.normalize('NFC');
		if (v.custom_field) Object.assign(a.custom_field, v.custom_field);
		a.updated_at = this.now();
	}

	/** Tags are auto-created shop-wide when first used; un_tag only detaches (unknown names are ignored). */
	private applyTags(a: Audience, add: string[], remove: string[]): void {
		const attach = () => {
			for (const tag of add) {
				this.tags.add(tag);
				if (!a.tags.includes(tag)) a.tags.push(tag);
			}
		};
		const detach = () => {
			a.tags = a.tags.filter((t) => !remove.includes(t));
		};
		if (this.options.tagOrder === 'addThenRemove') {
			attach();
			detach();
		} else {
			detach();
			attach();
		}
	}

	// ----- POST /order/create -------------------------------------------------------------------

	private createOrder(body: Body): Record<string, unknown> | Failure {
		const read = readFields(body, ORDER_FIELDS, ORDER_REQUIRED, this.options.strictTypes);
		if ('error' in read) return fail('validation', read.error);
		const v = read.values;
		const problem = this.checkOrderValues(v) ?? this.checkPayTime(body.pay_time);
		if (problem) return fail('validation', problem);
		const lines = this.readLines(v.products);
		if (typeof lines === 'string') return fail('validation', lines);

		const at = this.now();
		const order: Order = {
			id: this.nextOrderId++,
			website_id: v.website_id ?? null,
			total_price: v.total_price,
			discount: v.discount ?? null,
			total_pay: v.total_pay,
			revenue: v.revenue ?? null,
			ship_fee: v.ship_fee ?? null,
			pay_fee: v.pay_fee ?? null,
			full_name: v.full_name,
			phone: v.phone,
			email: v.email ?? null,
			ref: v.ref ?? null,
			ref_sub: v.ref_sub ?? null,
			src: v.src ?? null,
			province_id: v.province_id ?? null,
			district_id: v.district_id ?? null,
			ward_id: v.ward_id ?? null,
			address: v.address ?? null,
			store_id: v.store_id ?? null,
			pay_type: v.pay_type ?? null,
			pay_status: v.pay_status ?? 0,
			pay_time: isAbsent(body.pay_time) ? null : (body.pay_time as number | string),
			commission: v.commission ?? null,
			status: v.status,
			sale_id: v.sale_id ?? null,
			note: v.note ?? null,
			products: lines,
			created_at: at,
			updated_at: at,
		};
		this.orders.push(order);
		if (this.options.syncOnApiWrites) this.sync('order_created', order);
		return { error: false, msg: SALEKIT_MSG.ok, data: structuredClone(order) };
	}

	private checkOrderValues(v: Record<string, any>): string | undefined {
		const negative = firstNegative(v, ORDER_MONEY);
		if (negative) return SALEKIT_MSG.negative(negative);
		if (!isStatus(v.status)) return SALEKIT_MSG.orderStatus;
		if (v.pay_status !== undefined && v.pay_status !== 0 && v.pay_status !== 1) return SALEKIT_MSG.payStatus;
		if (v.email !== undefined && this.options.validateEmail && !EMAIL_RE.test(v.email)) return SALEKIT_MSG.email;
		if (this.options.validatePhone && !isPhone(v.phone)) return SALEKIT_MSG.phone;
		return undefined;
	}

	/** pay_time is documented as "Timestamp": [INF] a Unix time in seconds or a date string. */
	private checkPayTime(value: unknown): string | undefined {
		if (isAbsent(value)) return undefined;
		const ok = (typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
		return ok ? undefined : SALEKIT_MSG.wrongType('pay_time', 'timestamp');
	}

	/** [INF] Lines: {product_id | sku, quantity, price?}; sku is used when product_id is not sent (as on combo/create). */
	private readLines(items: unknown[]): OrderLine[] | string {
		if (items.length === 0) return SALEKIT_MSG.productsEmpty;
		const lines: OrderLine[] = [];
		for (let i = 0; i < items.length; i++) {
			const line = this.readLine(items[i], i + 1);
			if (typeof line === 'string') return line;
			lines.push(line);
		}
		return lines;
	}

	private readLine(item: unknown, n: number): OrderLine | string {
		if (!item || typeof item !== 'object' || Array.isArray(item)) return SALEKIT_MSG.lineIdent(n);
		const raw = item as Body;
		const strict = this.options.strictTypes;
		const productId = isAbsent(raw.product_id) ? undefined : asKind(raw.product_id, 'int', strict);
		if (!isAbsent(raw.product_id) && productId === undefined) return SALEKIT_MSG.wrongType(`products[${n - 1}].product_id`, KIND_WORDS.int);
		const sku = isAbsent(raw.sku) ? undefined : asKind(raw.sku, 'string', strict);
		if (!isAbsent(raw.sku) && sku === undefined) return SALEKIT_MSG.wrongType(`products[${n - 1}].sku`, KIND_WORDS.string);
		if (productId === undefined && sku === undefined) return SALEKIT_MSG.lineIdent(n);
		const quantity = asKind(raw.quantity, 'int', strict);
		if (typeof quantity !== 'number' || quantity < 1) return SALEKIT_MSG.lineQuantity(n);
		const price = isAbsent(raw.price) ? undefined : asKind(raw.price, 'number', strict);
		if (!isAbsent(raw.price) && (typeof price !== 'number' || price < 0)) return SALEKIT_MSG.linePrice(n);

		const product = productId !== undefined ? this.products.find((p) => p.id === productId) : this.products.find((p) => p.sku === sku);
		if (!product && this.options.requireKnownProducts) return SALEKIT_MSG.lineUnknown(n);
		return {
			product_id: product?.id ?? (productId as number | undefined) ?? 0,
			sku: product?.sku ?? (sku as string | undefined) ?? null,
			name: product?.name ?? '',
			quantity,
			price: (price as number | undefined) ?? product?.price_sale ?? product?.unit_price ?? 0,
		};
	}

	// ----- POST /order/update?id= ---------------------------------------------------------------

	private updateOrder(req: SimRequest, body: Body): Record<string, unknown> | Failure {
		const rawId = Array.isArray(req.query.id) ? req.query.id[0] : req.query.id;
		if (!rawId || !/^\d+$/.test(rawId.trim())) return fail('validation', SALEKIT_MSG.orderId);
		const order = this.orders.find((o) => o.id === Number(rawId));
		if (!order) return fail('notFound', SALEKIT_MSG.orderNotFound(rawId.trim()));
		const read = readFields(body, { status: 'int' }, ['status'], this.options.strictTypes);
		if ('error' in read) return fail('validation', read.error);
		if (!isStatus(read.values.status)) return fail('validation', SALEKIT_MSG.orderStatus);

		this.setStatus(order, read.values.status, this.options.syncOnApiWrites);
		return { data: structuredClone(order), msg: SALEKIT_MSG.ok, error: false };
	}

	/** Changes the processing status; a real change is synced (an unchanged status is not, [INF]). */
	private setStatus(order: Order, status: number, notify: boolean): void {
		if (order.status === status) return;
		order.status = status;
		order.updated_at = this.now();
		if (notify) this.sync('order_status_changed', order);
	}

	// ----- POST /product/create -----------------------------------------------------------------

	private createProduct(body: Body): Record<string, unknown> | Failure {
		const read = readFields(body, PRODUCT_FIELDS, PRODUCT_REQUIRED, this.options.strictTypes);
		if ('error' in read) return fail('validation', read.error);
		const v = read.values;
		if (v.type < 0 || v.type > 2) return fail('validation', SALEKIT_MSG.productType);
		const negative = firstNegative(v, PRODUCT_NON_NEGATIVE);
		if (negative) return fail('validation', SALEKIT_MSG.negative(negative));
		if (v.photos && !v.photos.every((p: unknown) => typeof p === 'string' && p.trim() !== '')) {
			return fail('validation', SALEKIT_MSG.photos);
		}
		if (v.sku !== undefined && this.options.rejectDuplicateSku && this.products.some((p) => p.sku === v.sku)) {
			return fail('conflict', SALEKIT_MSG.duplicateSku(v.sku));
		}
		const product = this.addProduct(v);
		const answer: Record<string, unknown> = { status: 200, msg: SALEKIT_MSG.ok, error: false };
		if (this.options.productReturnsData) answer.data = structuredClone(product); // [INF]
		return answer;
	}

	private addProduct(v: Record<string, any>): Product {
		const product: Product = {
			id: this.nextProductId++,
			name: v.name,
			type: v.type,
			sku: v.sku ?? null,
			description: v.description ?? null,
			content: v.content ?? null,
			unit_price: v.unit_price ?? null,
			price_sale: v.price_sale ?? null,
			unit_name: v.unit_name ?? null,
			category_id: v.category_id ?? null,
			trademark: v.trademark ?? null,
			photos: v.photos ?? [],
			weight: v.weight ?? null,
			package_width: v.package_width ?? null,
			package_length: v.package_length ?? null,
			package_height: v.package_height ?? null,
			slug: v.slug ?? null,
			seo_title: v.seo_title ?? null,
			seo_keyword: v.seo_keyword ?? null,
			seo_description: v.seo_description ?? null,
			created_at: this.now(),
		};
		this.products.push(product);
		return product;
	}

	// ----- Sync webhooks (Bán hàng > Đồng bộ) ---------------------------------------------------

	/** [INF] Payload: the order detail plus the event name; unsigned JSON. */
	private payloadFor(event: SyncEvent, order: Order): Record<string, unknown> {
		const detail = structuredClone(order) as unknown as Record<string, unknown>;
		return this.options.syncPayload === 'wrapped' ? { event, data: detail } : { event, ...detail };
	}

	/** Queues one delivery to the URL configured for `event`; nothing happens when it is empty. */
	private sync(event: SyncEvent, order: Order): SyncRecord | undefined {
		const url = this.syncUrls[SYNC_URL_FOR[event]];
		if (!url) return undefined;
		return this.deliver(event, order.id, url, this.payloadFor(event, order), null);
	}

	private deliver(event: SyncEvent, orderId: number, url: string, payload: Record<string, unknown>, resendOf: number | null): SyncRecord {
		const record: SyncRecord = {
			id: this.nextSyncId++,
			event,
			order_id: orderId,
			url,
			payload,
			state: 'pending',
			http_status: 0,
			attempts: 0,
			resend_of: resendOf,
			created_at: this.now(),
		};
		this.syncHistory.push(record);
		// Deliveries go out one after another, in the order the changes happened.
		this.deliveries = this.deliveries.then(async () => {
			const result = await deliverWebhook(url, payload, {
				retries: this.options.syncRetries,
				timeoutMs: this.options.syncTimeoutMs,
				retryDelayMs: 50,
			});
			record.attempts = result.attempts;
			record.http_status = result.status;
			record.state = result.status >= 200 && result.status < 300 ? 'success' : 'failed';
		});
		return record;
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
		const original = this.syncHistory.find((r) => r.id === historyId);
		if (!original) return undefined;
		const url = this.syncUrls[SYNC_URL_FOR[original.event]] || original.url;
		return this.deliver(original.event, original.order_id, url, original.payload, original.id);
	}

	/** An admin marks an order paid (or unpaid): pay_status changes and the payment sync fires. */
	payOrder(id: number, payStatus = 1): Order | undefined {
		const order = this.orders.find((o) => o.id === id);
		if (!order || order.pay_status === payStatus) return order;
		order.pay_status = payStatus;
		order.pay_time = payStatus === 1 ? Math.floor(this.options.now().getTime() / 1000) : null;
		order.updated_at = this.now();
		this.sync('order_payment_changed', order);
		return order;
	}

	/** An admin changes the processing status in the back office (always synced). */
	changeStatus(id: number, status: number): Order | undefined {
		const order = this.orders.find((o) => o.id === id);
		if (order && isStatus(status)) this.setStatus(order, status, true);
		return order;
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
		this.seedProducts();
		this.seedAudiences(this.options.seedAudiences);
		this.seedOrders(this.options.seedOrders);
	}

	private seedProducts(): void {
		for (const [i, p] of PRODUCTS.entries()) {
			this.products.push({
				...emptyProduct(),
				id: this.nextProductId++,
				name: p.name,
				type: 0,
				sku: p.code,
				unit_price: p.price * 1000,
				price_sale: p.price * 1000,
				unit_name: 'Cái',
				created_at: salekitTime(new Date(seededTime(i))),
			});
		}
	}

	/** Vietnamese people from the shared generator (every fourth person is from VN). */
	private seedAudiences(count: number): void {
		const tagSets = [['Khách hàng mới'], ['Đã mua'], ['Đã mua', 'VIP'], []];
		for (let i = 0; i < count; i++) {
			const p = person(i * 4 + 1);
			const at = salekitTime(new Date(seededTime(i)));
			this.audiences.push({
				id: this.nextAudienceId++,
				full_name: p.fullName,
				email: p.email,
				phone: p.mobile,
				tags: [...tagSets[i % tagSets.length]],
				src: i % 2 === 0 ? 'chatbot' : 'landing_page',
				cid: null,
				gender: p.firstName.includes('Thị') || p.firstName.includes('Thu') ? 'Nữ' : 'Nam',
				address: `${p.street}, ${p.city}`,
				note: null,
				custom_field: { ma_khach: `KH${String(i + 1).padStart(5, '0')}` },
				type: i % 3 === 2 ? 1 : 0,
				created_at: at,
				updated_at: at,
			});
		}
	}

	private seedOrders(count: number): void {
		for (let i = 0; i < count; i++) {
			const a = this.audiences[i % Math.max(1, this.audiences.length)];
			const p = this.products[i % this.products.length];
			const quantity = 1 + (i % 3);
			const total = (p.price_sale ?? 0) * quantity;
			const at = salekitTime(new Date(seededTime(i + 60)));
			this.orders.push({
				...emptyOrder(),
				id: this.nextOrderId++,
				full_name: a?.full_name ?? 'Khách lẻ',
				phone: a?.phone ?? '0900000000',
				email: a?.email ?? null,
				address: a?.address ?? null,
				total_price: total,
				total_pay: total,
				status: i % 4,
				pay_status: i % 2,
				products: [{ product_id: p.id, sku: p.sku, name: p.name, quantity, price: p.price_sale ?? 0 }],
				created_at: at,
				updated_at: at,
			});
		}
	}
}

function sameKey(key: AudienceField, stored: string, sent: string): boolean {
	if (key === 'email') return stored.toLowerCase() === sent.toLowerCase();
	if (key === 'phone') return phoneDigits(stored) === phoneDigits(sent);
	return stored === sent;
}

function isStatus(value: unknown): value is number {
	return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 7;
}

function emptyProduct(): Product {
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

function emptyOrder(): Order {
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

export function createSalekit(options: Partial<SalekitOptions> = {}): SalekitSim {
	return new SalekitSim(options);
}
