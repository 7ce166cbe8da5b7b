/**
 * MeeDee POS Partner API simulator (read-only API; seed 001 and vendors.md section B).
 *
 * Mounted under `/meedee`: the tenant base URL a user enters is `<server>/meedee`, and every path
 * below sits under `/api/partner/v1`.
 *
 * Endpoints (scope in brackets):
 *   POST   /oauth/token                      form: grant_type=client_credentials, client_id, client_secret
 *   GET    /customers                        [read:customers]  is_active, membership_tier_id, q, limit, cursor
 *                                             PII keys only with [read:customers:pii]
 *   GET    /sales                            [read:sales]      from, to, branch_id (repeatable), status, limit, cursor
 *   GET    /sales/:id/items                  [read:sales]      not paginated
 *   GET    /products                         [read:products]   q, is_active, limit, cursor              [INF params]
 *   GET    /inventory                        [read:inventory]  branch_id, product_sku_id, low_stock, limit, cursor [INF params]
 *   GET    /inventory/movements              [read:inventory]  branch_id, product_sku_id, movement_type, from, to, limit, cursor [INF]
 *   GET    /purchase-orders                  [read:purchasing] branch_id, supplier_id, status, limit, cursor [INF params]
 *   GET    /purchase-orders/:id/items        [read:purchasing] not paginated                           [INF, like sale items]
 *   GET    /suppliers                        [read:purchasing] status=ACTIVE|INACTIVE, q, limit, cursor
 *   GET    /reports/sales-summary            [read:reports]    branch_id (required), from, to
 *   GET    /reports/inventory-summary        [read:reports]    branch_id (required)                   [INF shape]
 *   GET    /webhooks, POST /webhooks         [read:webhooks]
 *   GET    /webhooks/:id, PATCH, DELETE      [read:webhooks]
 *   GET    /webhooks/:id/deliveries          [read:webhooks]
 *   POST   /webhooks/:id/ping                [read:webhooks]   -> {data:{webhook_id, delivered, response_status, response_body}}
 *
 * Envelopes: lists `{data:[...], pagination:{next_cursor, has_more, limit}}`; single objects `{data:{...}}`;
 * errors flat `{error, message}` (invalid_request 400, invalid_client 401, unsupported_grant_type 400,
 * invalid_token 401, insufficient_scope 403, access_denied 403 [INF], not_found 404 [INF]).
 *
 * Guesses, all marked `// [INF]` below and adjustable through `MeeDeeOptions` or `control({action:'configure'})`:
 *   - token is a HS256 JWT carrying `scopes` and `allowed_branch_ids`; TTL 3600 s (documented) configurable
 *   - a missing Authorization header also answers 401 invalid_token
 *   - `/oauth/token` refuses JSON bodies and an Authorization header with 400 invalid_request; bad client 401
 *   - lists are ordered oldest first by an internal insertion key; the cursor encodes that key
 *   - `q` matches full_name or customer_code case-insensitively as a substring
 *   - sales `from`/`to`: date-only values are MeeDee days, UTC days (MEEDEE_DAY_OFFSET_MS, the one place of
 *     this guess), a date-only `to` includes that whole day;
 *     the 30-day range is measured between the values as written; the lookback rule compares UTC dates
 *     (from >= today - salesMaxLookbackDays). vendors.md [PUB 07] says 30 days back, the default here;
 *     a defaulted `from` (to minus 30 days) is clamped to that limit rather than refused.
 *   - sale object fields, status values (completed|voided|refunded), payment methods, service charge
 *   - a `branch_id` outside the token's allowed_branch_ids answers 403 access_denied; a sale of another
 *     branch answers 404 not_found
 *   - product, inventory, movement, purchase-order, supplier objects; report totals and inventory summary
 *   - webhook body {endpoint_url, events, description?, is_active?}, event names, secret format,
 *     delivery body {id, event, created_at, data}, headers and signature (see MEEDEE_SIGNATURE),
 *     3 retries, ping event name `ping` (one attempt, recorded as a delivery), DELETE answers 204,
 *     subscriptions are private to an application, subscribing to events needs the matching read scope,
 *     events only reach applications whose scopes and branches cover the object (PII stripped likewise)
 *   - decimal strings drop a zero fraction ("120") and otherwise carry two places ("45.50")
 *
 * Control (`POST /__sandbox/control/meedee`): {action:'emit', event, branch_id?, customer_id?, sale_id?,
 * product_id?, product_sku_id?, quantity?} | {action:'redeliver', deliveryId} | {action:'seed', customers}
 * | {action:'expireTokens'} | {action:'configure', ...MeeDeeOptions numbers/booleans}
 * | {action:'addApplication', clientId, clientSecret, scopes, allowedBranchIds?}. In-process tests can
 * `await sim.idle()` to wait for outbound deliveries.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
	INVALID_JSON,
	type Json,
	type SimRequest,
	type SimResponse,
	TokenIssuer,
	Vendor,
	bearer,
	deliverWebhook,
	rng,
} from './core';
import { PRODUCTS, person, seededTime } from './data';
import { DEFAULTS as SHOPLINE_SEED } from './shopline/model';

/**
 * Deterministic UUID for record `index` of `kind`. Not data.ts `uuid()`: that one seeds its PRNG from
 * the kind's length and first letter only, so e.g. 'customer' and 'supplier' ids collide.
 */
function uuid(kind: string, index: number): string {
	const h = createHash('sha1').update(`meedee:${kind}:${index}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Public constants: scopes, branches, demo applications, the webhook signature scheme
// ---------------------------------------------------------------------------------------------

export const MEEDEE_SCOPES = [
	'read:sales',
	'read:products',
	'read:inventory',
	'read:purchasing',
	'read:customers',
	'read:customers:pii',
	'read:reports',
	'read:webhooks',
] as const;

export const MEEDEE_BRANCHES = [
	{ id: uuid('meedee-branch', 0), code: 'SIAM', name: 'สาขาสยามสแควร์' },
	{ id: uuid('meedee-branch', 1), code: 'CNX', name: 'สาขาเชียงใหม่ นิมมาน' },
];

export interface MeeDeeApplication {
	name: string;
	clientId: string;
	clientSecret: string;
	scopes: string[];
	allowedBranchIds: string[];
}

const ALL_BRANCH_IDS = MEEDEE_BRANCHES.map((b) => b.id);

/** Every read scope, both branches. */
export const MEEDEE_DEMO: MeeDeeApplication = {
	name: 'Demo CRM sync',
	clientId: 'meed_7f3a9c41d2e84b06',
	clientSecret: 'msk_demo_4e1b7c2a9f6d4380b5a1c7e2d9f0a3b6',
	scopes: [...MEEDEE_SCOPES],
	allowedBranchIds: ALL_BRANCH_IDS,
};

/** Same as MEEDEE_DEMO without `read:customers:pii`. */
export const MEEDEE_DEMO_NO_PII: MeeDeeApplication = {
	name: 'Demo marketing (no PII)',
	clientId: 'meed_2b8d6e0f4a1c9753',
	clientSecret: 'msk_demo_9a3c5e7b1d2f4068a4c6e8b0d2f4a6c8',
	scopes: MEEDEE_SCOPES.filter((s) => s !== 'read:customers:pii'),
	allowedBranchIds: ALL_BRANCH_IDS,
};

/** Every read scope, but only the first branch (SIAM): for branch-scoping tests. */
export const MEEDEE_DEMO_ONE_BRANCH: MeeDeeApplication = {
	name: 'Demo Siam branch only',
	clientId: 'meed_5c0e2a4b6d8f1397',
	clientSecret: 'msk_demo_1f3e5d7c9b0a2486c8e0a2c4e6b8d0f2',
	scopes: [...MEEDEE_SCOPES],
	allowedBranchIds: [MEEDEE_BRANCHES[0].id],
};

export const MEEDEE_EVENTS = [
	'sale.created',
	'sale.updated',
	'sale.voided',
	'customer.created',
	'customer.updated',
	'product.updated',
	'inventory.updated',
] as const; // [INF] names not retrievable from the vendor's pages 20-25

/**
 * The delivery signature scheme, in one place so the trigger node can mirror it. [INF] the vendor's
 * pages say deliveries are signed but the header and algorithm were not retrievable.
 * Header value: `sha256=` + lowercase hex HMAC-SHA256 of the raw request body, keyed with the
 * subscription's `secret` (returned once by POST /webhooks).
 */
export const MEEDEE_SIGNATURE = {
	signatureHeader: 'X-MeeDee-Signature',
	eventHeader: 'X-MeeDee-Event',
	deliveryHeader: 'X-MeeDee-Delivery',
	algorithm: 'sha256',
	prefix: 'sha256=',
} as const;

export function meedeeSignature(secret: string, rawBody: string | Buffer): string {
	return MEEDEE_SIGNATURE.prefix + createHmac(MEEDEE_SIGNATURE.algorithm, secret).update(rawBody).digest('hex');
}

/** Constant-time check of a received signature header against the raw body. */
export function verifyMeeDeeSignature(secret: string, rawBody: string | Buffer, header: string | undefined): boolean {
	if (!header) return false;
	const expected = Buffer.from(meedeeSignature(secret, rawBody));
	const got = Buffer.from(header);
	return got.length === expected.length && timingSafeEqual(got, expected);
}

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

export interface MeeDeeOptions {
	/** Token lifetime in seconds (documented 3600). */
	tokenTtlSeconds?: number;
	/** Customers seeded on reset. */
	customers?: number;
	/** Days of seeded sales, ending yesterday. */
	salesDays?: number;
	salesPerDay?: number;
	/** Longest allowed `from`..`to` span for GET /sales (documented 30). */
	salesMaxRangeDays?: number;
	/** How far back `from` may reach for GET /sales, in days before today (UTC). */
	salesMaxLookbackDays?: number;
	/** Extra delivery attempts after a failed one. */
	webhookRetries?: number;
	webhookRetryDelayMs?: number;
	webhookTimeoutMs?: number;
	/** Refuse plain-http endpoint URLs. */
	requireHttps?: boolean;
	/** Extra applications besides the demo ones. */
	applications?: MeeDeeApplication[];
	/** The simulator's clock (seeding, range rules, timestamps). */
	now?: () => number;
}

type Settings = {
	tokenTtlSeconds: number;
	customers: number;
	salesDays: number;
	salesPerDay: number;
	salesMaxRangeDays: number;
	salesMaxLookbackDays: number;
	webhookRetries: number;
	webhookRetryDelayMs: number;
	webhookTimeoutMs: number;
	requireHttps: boolean;
};

const DEFAULTS: Settings = {
	tokenTtlSeconds: 3600,
	customers: 120,
	salesDays: 90,
	salesPerDay: 6,
	salesMaxRangeDays: 30,
	salesMaxLookbackDays: 30, // [PUB 07] "at most 30 days back from today"; the brief guessed 365 [INF]
	webhookRetries: 3, // [INF] retry count not documented; 3 like SHOPLINE
	webhookRetryDelayMs: 200, // [INF]
	webhookTimeoutMs: 10_000, // [INF]
	requireHttps: false, // [INF] the real service likely wants https; loopback receivers are http
};

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

type Obj = Record<string, Json>;
/** A stored record plus its insertion key, which orders lists and is what a cursor remembers. */
interface Row<T extends Obj = Obj> {
	seq: number;
	data: T;
}

interface Grant {
	app: MeeDeeApplication;
	scopes: string[];
	branches: string[];
}

interface Subscription {
	seq: number;
	owner: string;
	secret: string;
	data: Obj;
}

interface Delivery {
	seq: number;
	webhookId: string;
	payload: Obj;
	data: Obj;
}

const PII_KEYS = ['phone', 'email', 'date_of_birth', 'address', 'city', 'state', 'postal_code', 'country', 'tax_id'];
const SALE_STATUSES = ['completed', 'voided', 'refunded']; // [INF]
const PO_STATUSES = ['DRAFT', 'ORDERED', 'RECEIVED', 'CANCELLED']; // [INF] upper case like supplier status
const MOVEMENT_TYPES = ['sale', 'purchase', 'adjustment']; // [INF]
const PAYMENT_METHODS = ['cash', 'card', 'promptpay', 'transfer']; // [INF]
const TIERS = [uuid('meedee-tier', 0), uuid('meedee-tier', 1), uuid('meedee-tier', 2)];
const DAY = 86_400_000;
/** Which scope an event family needs. [INF] */
const EVENT_SCOPE: Record<string, string> = { sale: 'read:sales', customer: 'read:customers', product: 'read:products', inventory: 'read:inventory' };
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE_RE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const API = '/api/partner/v1';

/** Money and quantities travel as decimal strings; amounts are kept in hundredths. */
export function dec(hundredths: number): string {
	const sign = hundredths < 0 ? '-' : '';
	const abs = Math.abs(Math.round(hundredths));
	const whole = Math.floor(abs / 100);
	const frac = abs % 100;
	return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, '0')}`;
}

const iso = (ms: number) => new Date(ms).toISOString();
/**
 * [INF] MeeDee's days are UTC days: a date in `from`/`to` runs from its midnight UTC, and "today"
 * for the lookback is today in UTC (the docs give `to` the default "now, UTC" and name no zone for
 * dates). The one place this guess lives: set another offset here to model another reading.
 */
export const MEEDEE_DAY_OFFSET_MS = 0;
const dayStart = (ms: number) => ms - ((((ms + MEEDEE_DAY_OFFSET_MS) % DAY) + DAY) % DAY);

class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
	) {
		super(message);
	}
}
const invalid = (message: string) => new ApiError(400, 'invalid_request', message);
const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`); // [INF] code
const fail = (status: number, error: string, message: string): SimResponse => ({ status, body: { error, message } });
const ok = (body: unknown, status = 200): SimResponse => ({ status, body });

function b64url(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

// ---------------------------------------------------------------------------------------------
// Query helpers (throw ApiError on bad input)
// ---------------------------------------------------------------------------------------------

function single(req: SimRequest, name: string): string | undefined {
	const v = req.query[name];
	if (Array.isArray(v)) throw invalid(`${name} may be given only once`);
	return v;
}

function many(req: SimRequest, name: string): string[] {
	const v = req.query[name];
	if (v === undefined) return [];
	return (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(',')).filter((s) => s !== '');
}

function boolParam(req: SimRequest, name: string): boolean | undefined {
	const v = single(req, name);
	if (v === undefined) return undefined;
	if (v !== 'true' && v !== 'false') throw invalid(`${name} must be true or false`);
	return v === 'true';
}

function uuidParam(req: SimRequest, name: string): string | undefined {
	const v = single(req, name);
	if (v !== undefined && !UUID_RE.test(v)) throw invalid(`${name} must be a UUID`);
	return v;
}

function enumParam(req: SimRequest, name: string, allowed: readonly string[]): string | undefined {
	const v = single(req, name);
	if (v !== undefined && !allowed.includes(v)) throw invalid(`${name} must be one of ${allowed.join(', ')}`);
	return v;
}

function searchParam(req: SimRequest): string | undefined {
	const q = single(req, 'q');
	if (q !== undefined && (q.length < 1 || q.length > 255)) throw invalid('q must be 1 to 255 characters');
	return q?.toLowerCase();
}

interface Instant {
	ms: number;
	dateOnly: boolean;
}

/** `YYYY-MM-DD` (midnight of MeeDee's day, see MEEDEE_DAY_OFFSET_MS) or an ISO 8601 date-time (no zone = UTC). [INF] */
function dateParam(req: SimRequest, name: string): Instant | undefined {
	const v = single(req, name);
	if (v === undefined) return undefined;
	const m = DATE_RE.exec(v);
	const date = m ? new Date(`${m[1]}T00:00:00Z`) : undefined;
	if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== m[1]) {
		throw invalid(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`);
	}
	if (!m[2]) return { ms: date.getTime() - MEEDEE_DAY_OFFSET_MS, dateOnly: true };
	const ms = Date.parse(m[5] ? v : `${v}Z`);
	if (Number.isNaN(ms)) throw invalid(`${name} must be a date (YYYY-MM-DD) or an ISO 8601 date-time`);
	return { ms, dateOnly: false };
}

/** The last instant a `to` value covers: a date-only `to` includes that whole day. [INF] */
const toEnd = (to: Instant) => (to.dateOnly ? to.ms + DAY - 1 : to.ms);

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

export class MeeDeeSim extends Vendor {
	readonly settings: Settings;
	readonly applications = new Map<string, MeeDeeApplication>();
	readonly issuer: TokenIssuer;
	/** Every POST /oauth/token, successful or not. */
	tokenRequests = 0;

	customers: Row[] = [];
	private customerById = new Map<string, Row>();
	sales: Row[] = [];
	private saleItems = new Map<string, Obj[]>();
	products: Row[] = [];
	inventory: Row[] = [];
	movements: Row[] = [];
	suppliers: Row[] = [];
	purchaseOrders: Row[] = [];
	private poItems = new Map<string, Obj[]>();
	webhooks: Subscription[] = [];
	deliveries: Delivery[] = [];

	private seq = 0;
	private customerCount = 0;
	private receiptCount = 0;
	private readonly signingKey = randomBytes(32);
	private readonly inflight = new Set<Promise<void>>();
	private readonly clock: () => number;
	private readonly initialSettings: Settings;
	private readonly initialApps: MeeDeeApplication[];

	constructor(options: MeeDeeOptions = {}) {
		super('meedee', '/meedee', () => ({
			status: 429,
			body: { error: 'rate_limit_exceeded', message: 'Too many requests, slow down' }, // [INF] no limit documented
		}));
		const { applications = [], now, ...rest } = options;
		this.settings = { ...DEFAULTS, ...stripUndefined(rest) };
		this.clock = now ?? Date.now;
		this.issuer = new TokenIssuer(this.settings.tokenTtlSeconds);
		this.initialSettings = { ...this.settings };
		this.initialApps = [MEEDEE_DEMO, MEEDEE_DEMO_NO_PII, MEEDEE_DEMO_ONE_BRANCH, ...applications];
		for (const app of this.initialApps) this.applications.set(app.clientId, app);
		this.onReset = () => {
			Object.assign(this.settings, this.initialSettings);
			this.applications.clear();
			for (const app of this.initialApps) this.applications.set(app.clientId, app);
			this.seedAll();
		};
		this.defineRoutes();
		this.seedAll();
	}

	// ----------------------------------------------------------------------------- routing

	private defineRoutes(): void {
		this.route('POST', `${API}/oauth/token`, (r) => this.token(r));
		this.get('/customers', 'read:customers', (r, g) => this.listCustomers(r, g));
		this.get('/sales', 'read:sales', (r, g) => this.listSales(r, g));
		this.get('/sales/:id/items', 'read:sales', (r, g) => this.saleItemsOf(r, g));
		this.get('/products', 'read:products', (r) => this.listProducts(r));
		this.get('/inventory', 'read:inventory', (r, g) => this.listInventory(r, g));
		this.get('/inventory/movements', 'read:inventory', (r, g) => this.listMovements(r, g));
		this.get('/purchase-orders', 'read:purchasing', (r, g) => this.listPurchaseOrders(r, g));
		this.get('/purchase-orders/:id/items', 'read:purchasing', (r, g) => this.purchaseOrderItems(r, g));
		this.get('/suppliers', 'read:purchasing', (r) => this.listSuppliers(r));
		this.get('/reports/sales-summary', 'read:reports', (r, g) => this.salesSummary(r, g));
		this.get('/reports/inventory-summary', 'read:reports', (r, g) => this.inventorySummary(r, g));
		this.get('/webhooks', 'read:webhooks', (r, g) => this.listWebhooks(r, g));
		this.on('POST', '/webhooks', 'read:webhooks', (r, g) => this.createWebhook(r, g));
		this.get('/webhooks/:id', 'read:webhooks', (r, g) => ok({ data: this.ownWebhook(r, g).data }));
		this.on('PATCH', '/webhooks/:id', 'read:webhooks', (r, g) => this.updateWebhook(r, g));
		this.on('DELETE', '/webhooks/:id', 'read:webhooks', (r, g) => this.deleteWebhook(r, g));
		this.get('/webhooks/:id/deliveries', 'read:webhooks', (r, g) => this.listDeliveries(r, g));
		this.on('POST', '/webhooks/:id/ping', 'read:webhooks', (r, g) => this.ping(r, g));
	}

	private get(path: string, scope: string, handler: (req: SimRequest, grant: Grant) => SimResponse | Promise<SimResponse>): void {
		this.on('GET', path, scope, handler);
	}

	/** Registers a route behind Bearer auth and one scope; ApiErrors become flat error bodies. */
	private on(
		method: string,
		path: string,
		scope: string,
		handler: (req: SimRequest, grant: Grant) => SimResponse | Promise<SimResponse>,
	): void {
		this.route(method, API + path, async (req) => {
			try {
				const grant = this.authenticate(req);
				if (!grant.scopes.includes(scope)) {
					throw new ApiError(403, 'insufficient_scope', `This endpoint requires the ${scope} scope`); // [INF] body
				}
				return await handler(req, grant);
			} catch (error) {
				if (error instanceof ApiError) return fail(error.status, error.code, error.message);
				throw error;
			}
		});
	}

	// ----------------------------------------------------------------------------- auth

	private token(req: SimRequest): SimResponse {
		this.tokenRequests++;
		if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
			return fail(400, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded'); // [INF]
		}
		if (req.headers.authorization) {
			return fail(400, 'invalid_request', 'Send client_id and client_secret in the form body, not an Authorization header'); // [INF]
		}
		const form = (req.body ?? {}) as Record<string, string>;
		if (!form.grant_type) return fail(400, 'invalid_request', 'grant_type is required');
		if (form.grant_type !== 'client_credentials') {
			return fail(400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported');
		}
		if (!form.client_id || !form.client_secret) return fail(400, 'invalid_request', 'client_id and client_secret are required');
		const app = this.applications.get(form.client_id);
		if (!app || app.clientSecret !== form.client_secret) {
			return fail(401, 'invalid_client', 'Client authentication failed'); // [INF] status 401
		}
		return ok(this.issueToken(app), 200);
	}

	/** A HS256 JWT whose `jti` is a core TokenIssuer token, so expiry and "expire all" use the core. */
	private issueToken(app: MeeDeeApplication): Obj {
		const { token: jti, expiresIn } = this.issuer.issue(app.clientId, app.scopes);
		const now = Math.floor(Date.now() / 1000);
		const header = b64url({ alg: 'HS256', typ: 'JWT' });
		const payload = b64url({
			iss: 'meedee-pos',
			sub: app.clientId,
			aud: 'partner-api',
			scopes: app.scopes,
			allowed_branch_ids: app.allowedBranchIds,
			iat: now,
			exp: now + expiresIn,
			jti,
		});
		const signature = createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest('base64url');
		return { access_token: `${header}.${payload}.${signature}`, token_type: 'Bearer', expires_in: expiresIn };
	}

	private authenticate(req: SimRequest): Grant {
		const token = bearer(req);
		if (!token) throw new ApiError(401, 'invalid_token', 'Missing bearer access token'); // [INF] same code as a bad token
		const [header, payload, signature] = token.split('.');
		const expected = header && payload ? createHmac('sha256', this.signingKey).update(`${header}.${payload}`).digest('base64url') : '';
		if (!signature || signature !== expected) throw new ApiError(401, 'invalid_token', 'The access token is invalid');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
			sub: string;
			jti: string;
			scopes: string[];
			allowed_branch_ids: string[];
		};
		const live = this.issuer.check(claims.jti);
		const app = this.applications.get(claims.sub);
		if (!live || !app) throw new ApiError(401, 'invalid_token', 'The access token is invalid or has expired');
		return { app, scopes: claims.scopes, branches: claims.allowed_branch_ids };
	}

	/** The branch filter for a request: the given branch_id values, each of which must be allowed. */
	private branchFilter(req: SimRequest, grant: Grant): Set<string> {
		const asked = many(req, 'branch_id');
		for (const id of asked) {
			if (!UUID_RE.test(id)) throw invalid('branch_id must be a UUID');
			if (!grant.branches.includes(id)) {
				throw new ApiError(403, 'access_denied', `Branch ${id} is not allowed for this application`); // [INF]
			}
		}
		return new Set(asked.length ? asked : grant.branches);
	}

	// ----------------------------------------------------------------------------- paging

	private encodeCursor(resource: string, seq: number): string {
		return b64url({ r: resource, k: seq });
	}

	private decodeCursor(req: SimRequest, resource: string): number {
		const cursor = single(req, 'cursor');
		if (cursor === undefined) return 0;
		try {
			const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { r?: unknown; k?: unknown };
			if (parsed.r === resource && Number.isInteger(parsed.k) && (parsed.k as number) >= 0) return parsed.k as number;
		} catch {
			// fall through
		}
		throw invalid('cursor is invalid');
	}

	private limitParam(req: SimRequest): number {
		const v = single(req, 'limit');
		if (v === undefined) return 50;
		const n = Number(v);
		if (v === '' || !Number.isInteger(n) || n < 1 || n > 200) throw invalid('limit must be a whole number from 1 to 200');
		return n;
	}

	/** One page of `rows` (ordered by seq) after the cursor, keeping rows that pass `keep`. */
	private page<T extends Obj>(
		req: SimRequest,
		resource: string,
		rows: { seq: number; data: T }[],
		keep: (d: T) => boolean,
		view: (d: T) => Obj = (d) => d,
	): SimResponse {
		const limit = this.limitParam(req);
		const after = this.decodeCursor(req, resource);
		let i = firstAfter(rows, after);
		const data: Obj[] = [];
		let last = after;
		let hasMore = false;
		for (; i < rows.length; i++) {
			if (!keep(rows[i].data)) continue;
			if (data.length === limit) {
				hasMore = true;
				break;
			}
			data.push(view(rows[i].data));
			last = rows[i].seq;
		}
		return ok({ data, pagination: { next_cursor: hasMore ? this.encodeCursor(resource, last) : null, has_more: hasMore, limit } });
	}

	// ----------------------------------------------------------------------------- customers

	private listCustomers(req: SimRequest, grant: Grant): SimResponse {
		const active = boolParam(req, 'is_active');
		const tier = uuidParam(req, 'membership_tier_id');
		const q = searchParam(req);
		const keep = (c: Obj) =>
			(active === undefined || c.is_active === active) &&
			(tier === undefined || c.membership_tier_id === tier) &&
			(q === undefined || String(c.full_name).toLowerCase().includes(q) || String(c.customer_code).toLowerCase().includes(q));
		return this.page(req, 'customers', this.customers, keep, (c) => customerView(c, grant.scopes));
	}

	// ----------------------------------------------------------------------------- sales

	private listSales(req: SimRequest, grant: Grant): SimResponse {
		const { from, to } = this.salesWindow(req);
		const branches = this.branchFilter(req, grant);
		const status = enumParam(req, 'status', SALE_STATUSES);
		const keep = (s: Obj) => {
			const at = Date.parse(String(s.sold_at));
			return at >= from && at <= to && branches.has(String(s.branch_id)) && (status === undefined || s.status === status);
		};
		return this.page(req, 'sales', this.sales, keep);
	}

	/** Applies the documented window rules; returns inclusive millisecond bounds. */
	private salesWindow(req: SimRequest): { from: number; to: number } {
		const now = this.clock();
		const toIn = dateParam(req, 'to') ?? { ms: now, dateOnly: false };
		const oldest = dayStart(now) - this.settings.salesMaxLookbackDays * DAY;
		// [INF] a defaulted `from` (to minus the range) is clamped to the lookback limit instead of failing
		const fromIn = dateParam(req, 'from') ?? { ms: Math.max(toIn.ms - this.settings.salesMaxRangeDays * DAY, oldest), dateOnly: false };
		if (fromIn.ms > toIn.ms) throw invalid('from must not be after to');
		if (toIn.ms - fromIn.ms > this.settings.salesMaxRangeDays * DAY) {
			throw invalid(`The range from..to must not exceed ${this.settings.salesMaxRangeDays} days`);
		}
		if (dayStart(fromIn.ms) < oldest) {
			throw invalid(`from must not be more than ${this.settings.salesMaxLookbackDays} days back from today`);
		}
		return { from: fromIn.ms, to: toEnd(toIn) };
	}

	private saleItemsOf(req: SimRequest, grant: Grant): SimResponse {
		const sale = this.sales.find((s) => s.data.id === req.params.id);
		if (!sale || !grant.branches.includes(String(sale.data.branch_id))) throw notFound('Sale');
		return ok({ data: this.saleItems.get(req.params.id) ?? [] });
	}

	// ----------------------------------------------------------------------------- catalogue and stock

	private listProducts(req: SimRequest): SimResponse {
		const q = searchParam(req);
		const active = boolParam(req, 'is_active');
		const keep = (p: Obj) =>
			(active === undefined || p.is_active === active) &&
			(q === undefined ||
				String(p.name).toLowerCase().includes(q) ||
				String(p.product_code).toLowerCase().includes(q) ||
				(p.skus as Obj[]).some((s) => String(s.sku_code).toLowerCase().includes(q)));
		return this.page(req, 'products', this.products, keep);
	}

	private listInventory(req: SimRequest, grant: Grant): SimResponse {
		const branches = this.branchFilter(req, grant);
		const sku = uuidParam(req, 'product_sku_id');
		const low = boolParam(req, 'low_stock');
		const keep = (l: Obj) =>
			branches.has(String(l.branch_id)) &&
			(sku === undefined || l.product_sku_id === sku) &&
			(low === undefined || (Number(l.quantity_on_hand) <= Number(l.reorder_point)) === low);
		return this.page(req, 'inventory', this.inventory, keep);
	}

	private listMovements(req: SimRequest, grant: Grant): SimResponse {
		const branches = this.branchFilter(req, grant);
		const sku = uuidParam(req, 'product_sku_id');
		const type = enumParam(req, 'movement_type', MOVEMENT_TYPES);
		const from = dateParam(req, 'from');
		const to = dateParam(req, 'to');
		if (from && to && from.ms > to.ms) throw invalid('from must not be after to');
		const keep = (m: Obj) => {
			const at = Date.parse(String(m.created_at));
			return (
				branches.has(String(m.branch_id)) &&
				(sku === undefined || m.product_sku_id === sku) &&
				(type === undefined || m.movement_type === type) &&
				(!from || at >= from.ms) &&
				(!to || at <= toEnd(to))
			);
		};
		return this.page(req, 'inventory-movements', this.movements, keep);
	}

	// ----------------------------------------------------------------------------- purchasing

	private listPurchaseOrders(req: SimRequest, grant: Grant): SimResponse {
		const branches = this.branchFilter(req, grant);
		const supplier = uuidParam(req, 'supplier_id');
		const status = enumParam(req, 'status', PO_STATUSES);
		const keep = (p: Obj) =>
			branches.has(String(p.branch_id)) && (supplier === undefined || p.supplier_id === supplier) && (status === undefined || p.status === status);
		return this.page(req, 'purchase-orders', this.purchaseOrders, keep);
	}

	private purchaseOrderItems(req: SimRequest, grant: Grant): SimResponse {
		const po = this.purchaseOrders.find((p) => p.data.id === req.params.id);
		if (!po || !grant.branches.includes(String(po.data.branch_id))) throw notFound('Purchase order');
		return ok({ data: this.poItems.get(req.params.id) ?? [] });
	}

	private listSuppliers(req: SimRequest): SimResponse {
		const status = enumParam(req, 'status', ['ACTIVE', 'INACTIVE']);
		const q = searchParam(req);
		const keep = (s: Obj) =>
			(status === undefined || s.status === status) &&
			(q === undefined || String(s.name).toLowerCase().includes(q) || String(s.supplier_code).toLowerCase().includes(q));
		return this.page(req, 'suppliers', this.suppliers, keep);
	}

	// ----------------------------------------------------------------------------- reports

	private reportBranch(req: SimRequest, grant: Grant): string {
		const branch = single(req, 'branch_id');
		if (branch === undefined || branch === '') throw invalid('branch_id is required');
		this.branchFilter(req, grant);
		return branch;
	}

	private salesSummary(req: SimRequest, grant: Grant): SimResponse {
		const branch = this.reportBranch(req, grant);
		const from = dateParam(req, 'from');
		const to = dateParam(req, 'to');
		if (from && to && from.ms > to.ms) throw invalid('from must not be after to');
		const t = { orders: 0, revenue: 0, subtotal: 0, discount: 0, tax: 0, service: 0, refunded: 0 };
		for (const { data: s } of this.sales) {
			const at = Date.parse(String(s.sold_at));
			if (s.branch_id !== branch || s.status === 'voided' || (from && at < from.ms) || (to && at > toEnd(to))) continue;
			t.orders++;
			t.revenue += cents(s.total);
			t.subtotal += cents(s.subtotal);
			t.discount += cents(s.discount);
			t.tax += cents(s.tax);
			t.service += cents(s.service_charge);
			if (s.status === 'refunded') t.refunded += cents(s.total);
		}
		return ok({
			data: {
				branch_id: branch,
				from: single(req, 'from') ?? null,
				to: single(req, 'to') ?? null,
				total_orders: t.orders,
				total_revenue: dec(t.revenue),
				total_subtotal: dec(t.subtotal),
				total_discount: dec(t.discount),
				total_tax: dec(t.tax),
				total_service_charge: dec(t.service),
				total_refunded: dec(t.refunded),
				average_order_value: dec(t.orders ? t.revenue / t.orders : 0),
			},
		});
	}

	/** [INF] shape: the page exists per the scope table but its content was not retrievable. */
	private inventorySummary(req: SimRequest, grant: Grant): SimResponse {
		const branch = this.reportBranch(req, grant);
		const levels = this.inventory.filter((l) => l.data.branch_id === branch).map((l) => l.data);
		const qty = (l: Obj) => Number(l.quantity_on_hand);
		return ok({
			data: {
				branch_id: branch,
				total_skus: levels.length,
				total_quantity: dec(levels.reduce((n, l) => n + qty(l) * 100, 0)),
				total_stock_value: dec(levels.reduce((n, l) => n + qty(l) * cents(l.unit_cost), 0)),
				low_stock_skus: levels.filter((l) => qty(l) > 0 && qty(l) <= Number(l.reorder_point)).length,
				out_of_stock_skus: levels.filter((l) => qty(l) <= 0).length,
			},
		});
	}

	// ----------------------------------------------------------------------------- webhooks API

	private listWebhooks(req: SimRequest, grant: Grant): SimResponse {
		const own = this.webhooks.filter((w) => w.owner === grant.app.clientId);
		return this.page(req, 'webhooks', own, () => true);
	}

	private ownWebhook(req: SimRequest, grant: Grant): Subscription {
		const w = this.webhooks.find((x) => x.data.id === req.params.id && x.owner === grant.app.clientId);
		if (!w) throw notFound('Webhook');
		return w;
	}

	private createWebhook(req: SimRequest, grant: Grant): SimResponse {
		const body = this.webhookBody(req, grant, true);
		const now = iso(this.clock());
		const secret = `whsec_${randomBytes(24).toString('hex')}`; // [INF] format
		const data: Obj = {
			id: uuidRandom(),
			endpoint_url: body.endpoint_url as string,
			events: body.events as Json[],
			description: (body.description as string | undefined) ?? null,
			is_active: (body.is_active as boolean | undefined) ?? true,
			created_at: now,
			updated_at: now,
		};
		this.webhooks.push({ seq: ++this.seq, owner: grant.app.clientId, secret, data });
		return ok({ data: { ...data, secret } }, 201);
	}

	private updateWebhook(req: SimRequest, grant: Grant): SimResponse {
		const w = this.ownWebhook(req, grant);
		const body = this.webhookBody(req, grant, false);
		Object.assign(w.data, body, { updated_at: iso(this.clock()) });
		return ok({ data: w.data });
	}

	private deleteWebhook(req: SimRequest, grant: Grant): SimResponse {
		const w = this.ownWebhook(req, grant);
		this.webhooks = this.webhooks.filter((x) => x !== w);
		return { status: 204 }; // [INF]
	}

	/** Validates a subscription body; `creating` makes endpoint_url and events required. [INF] rules */
	private webhookBody(req: SimRequest, grant: Grant, creating: boolean): Obj {
		const body = req.body;
		if (body === INVALID_JSON || !body || typeof body !== 'object' || Array.isArray(body)) {
			throw invalid('The body must be a JSON object');
		}
		const allowed = ['endpoint_url', 'events', 'description', 'is_active'];
		const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
		if (unknown.length) throw invalid(`Unknown field(s): ${unknown.join(', ')}`);
		if (!creating && Object.keys(body).length === 0) throw invalid('Nothing to update');
		const out: Obj = {};
		if (creating || body.endpoint_url !== undefined) out.endpoint_url = this.checkEndpoint(body.endpoint_url);
		if (creating || body.events !== undefined) out.events = checkEvents(body.events, grant);
		if (body.description !== undefined && body.description !== null) {
			if (typeof body.description !== 'string' || body.description.length > 255) {
				throw invalid('description must be a string of at most 255 characters');
			}
			out.description = body.description;
		} else if (body.description === null) out.description = null;
		if (body.is_active !== undefined) {
			if (typeof body.is_active !== 'boolean') throw invalid('is_active must be true or false');
			out.is_active = body.is_active;
		}
		return out;
	}

	private checkEndpoint(value: unknown): string {
		if (typeof value !== 'string' || value === '') throw invalid('endpoint_url is required');
		let url: URL;
		try {
			url = new URL(value);
		} catch {
			throw invalid('endpoint_url must be an absolute URL');
		}
		const schemes = this.settings.requireHttps ? ['https:'] : ['https:', 'http:'];
		if (!schemes.includes(url.protocol)) throw invalid(`endpoint_url must use ${this.settings.requireHttps ? 'https' : 'http or https'}`);
		return value;
	}

	private listDeliveries(req: SimRequest, grant: Grant): SimResponse {
		const w = this.ownWebhook(req, grant);
		const rows = this.deliveries.filter((d) => d.webhookId === w.data.id);
		return this.page(req, `deliveries:${String(w.data.id)}`, rows, () => true);
	}

	/** Sends one signed `ping` now and reports the receiver's answer (no retries). */
	private async ping(req: SimRequest, grant: Grant): Promise<SimResponse> {
		const w = this.ownWebhook(req, grant);
		const d = this.newDelivery(w, 'ping', { webhook_id: w.data.id, message: 'Ping from MeeDee POS' }); // [INF] event name
		const raw = JSON.stringify(d.payload);
		let status: number | null = null;
		let text: string | null = null;
		try {
			const res = await fetch(String(w.data.endpoint_url), {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...this.deliveryHeaders(w, d) },
				body: raw,
				signal: AbortSignal.timeout(this.settings.webhookTimeoutMs),
			});
			status = res.status;
			text = (await res.text()).slice(0, 2000);
		} catch {
			// unreachable endpoint: delivered false, nulls
		}
		this.settle(d, { attempts: 1, status: status ?? 0 });
		return ok({ data: { webhook_id: w.data.id, delivered: status !== null && status >= 200 && status < 300, response_status: status, response_body: text } });
	}

	// ----------------------------------------------------------------------------- outbound deliveries

	private newDelivery(w: Subscription, event: string, data: Obj): Delivery {
		const id = uuidRandom();
		const now = iso(this.clock());
		const d: Delivery = {
			seq: ++this.seq,
			webhookId: String(w.data.id),
			payload: { id, event, created_at: now, data },
			data: { id, webhook_id: w.data.id, event, status: 'pending', attempts: 0, response_status: null, created_at: now, last_attempt_at: null },
		};
		this.deliveries.push(d);
		return d;
	}

	private deliveryHeaders(w: Subscription, d: Delivery): Record<string, string> {
		return {
			[MEEDEE_SIGNATURE.signatureHeader]: meedeeSignature(w.secret, JSON.stringify(d.payload)),
			[MEEDEE_SIGNATURE.eventHeader]: String(d.payload.event),
			[MEEDEE_SIGNATURE.deliveryHeader]: String(d.payload.id),
			'user-agent': 'MeeDee-Webhooks/1.0', // [INF]
		};
	}

	private settle(d: Delivery, result: { attempts: number; status: number }): void {
		d.data.attempts = Number(d.data.attempts) + result.attempts;
		d.data.response_status = result.status || null;
		d.data.status = result.status >= 200 && result.status < 300 ? 'delivered' : 'failed';
		d.data.last_attempt_at = iso(this.clock());
	}

	/** Delivers in the background with the configured retries; `idle()` waits for it. */
	private send(w: Subscription, d: Delivery): void {
		const job = deliverWebhook(String(w.data.endpoint_url), d.payload, {
			headers: this.deliveryHeaders(w, d),
			retries: this.settings.webhookRetries,
			retryDelayMs: this.settings.webhookRetryDelayMs,
			timeoutMs: this.settings.webhookTimeoutMs,
		}).then((result) => this.settle(d, result));
		this.inflight.add(job);
		void job.finally(() => this.inflight.delete(job));
	}

	/** Fires `event` for `object` to every active subscription whose application may see it. */
	fire(event: string, object: Obj): string[] {
		const ids: string[] = [];
		for (const w of this.webhooks) {
			if (!w.data.is_active || !(w.data.events as string[]).includes(event)) continue;
			const view = this.eventView(w, event, object);
			if (!view) continue;
			const d = this.newDelivery(w, event, view);
			ids.push(String(d.data.id));
			this.send(w, d);
		}
		return ids;
	}

	/** What one application may receive of an object; undefined when its scopes or branches exclude it. [INF] */
	private eventView(w: Subscription, event: string, object: Obj): Obj | undefined {
		const app = this.applications.get(w.owner);
		if (!app) return undefined;
		const scope = EVENT_SCOPE[event.split('.')[0]];
		if (!scope || !app.scopes.includes(scope)) return undefined;
		if (object.branch_id !== undefined && !app.allowedBranchIds.includes(String(object.branch_id))) return undefined;
		return event.startsWith('customer.') ? customerView(object, app.scopes) : { ...object };
	}

	/** Resolves once every delivery started so far has finished (bounded). */
	async idle(): Promise<void> {
		for (let i = 0; i < 50 && this.inflight.size > 0; i++) await Promise.all([...this.inflight]);
	}

	redeliver(deliveryId: string): Obj {
		const d = this.deliveries.find((x) => x.data.id === deliveryId);
		if (!d) return { error: 'not_found', message: `Delivery ${deliveryId} not found` };
		const w = this.webhooks.find((x) => x.data.id === d.webhookId);
		if (!w) return { error: 'not_found', message: `Webhook ${d.webhookId} no longer exists` };
		d.data.status = 'pending';
		this.send(w, d);
		return { delivery_id: deliveryId, webhook_id: w.data.id, status: 'pending' };
	}

	// ----------------------------------------------------------------------------- control API

	/** `/__sandbox/control/meedee` actions: emit, redeliver, seed, expireTokens, configure, addApplication. */
	control(body: Obj): Json {
		switch (body.action) {
			case 'emit':
				return this.emit(body);
			case 'redeliver':
				return this.redeliver(String(body.deliveryId));
			case 'seed':
				this.seed(Number(body.customers ?? body.count ?? DEFAULTS.customers));
				return { customers: this.customers.length };
			case 'expireTokens':
				this.issuer.expireAll();
				return { ok: true };
			case 'configure':
				return this.configure(body);
			case 'addApplication':
				return this.addApplication(body);
			default:
				return { error: 'unknown_action', message: `Unknown action ${String(body.action)}` };
		}
	}

	private configure(body: Obj): Json {
		for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
			if (body[key] !== undefined) (this.settings as unknown as Record<string, Json>)[key] = body[key];
		}
		this.issuer.ttlSeconds = this.settings.tokenTtlSeconds;
		return { ...this.settings };
	}

	private addApplication(body: Obj): Json {
		const app: MeeDeeApplication = {
			name: String(body.name ?? 'Test application'),
			clientId: String(body.clientId),
			clientSecret: String(body.clientSecret),
			scopes: (body.scopes as string[]) ?? [],
			allowedBranchIds: (body.allowedBranchIds as string[]) ?? ALL_BRANCH_IDS,
		};
		if (!app.clientId.startsWith('meed_')) return { error: 'invalid_request', message: 'client ids start with meed_' };
		this.applications.set(app.clientId, app);
		return { client_id: app.clientId, scopes: app.scopes, allowed_branch_ids: app.allowedBranchIds };
	}

	/** Changes state for `event` and fires it; returns the object and the delivery ids. */
	emit(body: Obj): Json {
		const event = String(body.event);
		const object = this.applyEvent(event, body);
		if ('error' in object) return object;
		return { event, data: object, deliveries: this.fire(event, object) };
	}

	private applyEvent(event: string, body: Obj): Obj {
		const now = iso(this.clock());
		switch (event) {
			case 'sale.created':
				return this.addSale(String(body.branch_id ?? ALL_BRANCH_IDS[0]), body.customer_id === undefined ? String(this.customers[0]?.data.id ?? '') || null : (body.customer_id as string | null));
			case 'sale.updated':
			case 'sale.voided': {
				const sale = this.findOr(this.sales, body.sale_id);
				if (!sale) return { error: 'not_found', message: 'No such sale' };
				if (event === 'sale.voided') sale.data.status = 'voided';
				else if (body.payment_method) sale.data.payment_method = String(body.payment_method);
				sale.data.updated_at = now;
				return sale.data;
			}
			case 'customer.created':
				return this.addCustomer(this.customerCount, this.clock()).data;
			case 'customer.updated': {
				const c = body.customer_id ? this.customerById.get(String(body.customer_id)) : this.customers[0];
				if (!c) return { error: 'not_found', message: 'No such customer' };
				c.data.total_points = Number(c.data.total_points) + 10;
				c.data.available_points = Number(c.data.available_points) + 10;
				c.data.updated_at = now;
				return c.data;
			}
			case 'product.updated': {
				const p = this.findOr(this.products, body.product_id);
				if (!p) return { error: 'not_found', message: 'No such product' };
				if (typeof body.is_active === 'boolean') p.data.is_active = body.is_active;
				p.data.updated_at = now;
				return p.data;
			}
			case 'inventory.updated': {
				const level = this.inventory.find((l) => (!body.branch_id || l.data.branch_id === body.branch_id) && (!body.product_sku_id || l.data.product_sku_id === body.product_sku_id));
				if (!level) return { error: 'not_found', message: 'No such inventory level' };
				this.moveStock(level, Number(body.quantity ?? 10), 'adjustment', null, null, this.clock());
				return level.data;
			}
			default:
				return { error: 'invalid_request', message: `event must be one of ${MEEDEE_EVENTS.join(', ')}` };
		}
	}

	private findOr(rows: Row[], id: unknown): Row | undefined {
		return id ? rows.find((r) => r.data.id === id) : rows[rows.length - 1];
	}

	/** Inspection for `/__sandbox/state/meedee` (secrets masked, big collections counted). */
	snapshot(): Json {
		return {
			token_requests: this.tokenRequests,
			tokens_issued: this.issuer.issued,
			settings: { ...this.settings },
			applications: [...this.applications.values()].map((a) => ({ name: a.name, client_id: a.clientId, scopes: a.scopes, allowed_branch_ids: a.allowedBranchIds })),
			branches: MEEDEE_BRANCHES,
			counts: {
				customers: this.customers.length,
				sales: this.sales.length,
				products: this.products.length,
				inventory: this.inventory.length,
				movements: this.movements.length,
				suppliers: this.suppliers.length,
				purchase_orders: this.purchaseOrders.length,
				webhooks: this.webhooks.length,
				deliveries: this.deliveries.length,
			},
			webhooks: this.webhooks.map((w) => ({ ...w.data, owner: w.owner, secret: `${w.secret.slice(0, 8)}****` })),
			deliveries: this.deliveries.slice(-100).map((d) => d.data),
		};
	}

	// ----------------------------------------------------------------------------- seeding

	/** Replaces the customer book with `n` deterministic customers (ids stable per index). */
	seed(n: number): void {
		this.customers = [];
		this.customerById.clear();
		this.customerCount = 0;
		const start = Date.UTC(2024, 0, 1);
		const step = Math.max(1, Math.floor((Date.UTC(2026, 0, 1) - start) / Math.max(n, 1)));
		for (let i = 0; i < n; i++) this.addCustomer(i, start + i * step);
	}

	private seedAll(): void {
		this.seq = 0;
		this.receiptCount = 0;
		this.tokenRequests = 0;
		this.issuer.reset();
		this.issuer.ttlSeconds = this.settings.tokenTtlSeconds;
		this.webhooks = [];
		this.deliveries = [];
		this.seed(this.settings.customers);
		this.seedCatalogue();
		this.seedSuppliersAndOrders();
		this.seedSales();
	}

	private addCustomer(index: number, createdMs: number): Row {
		const p = person(index, 17);
		// A Thai customer of the till with a SHOPLINE account of the same index (same email already)
		// gives both the same mobile, so a POS sale can be matched to the online member by phone.
		const sameAsShopline = p.market === 'TH' && index < SHOPLINE_SEED.seedCustomers;
		const mobile = sameAsShopline ? person(index, SHOPLINE_SEED.seed).mobile : p.mobile;
		const r = rng(index * 31 + 5);
		const tier = index % 3 === 2 ? null : TIERS[index % TIERS.length]; // a third have no membership
		const visits = Math.floor(r() * 40);
		const points = Math.floor(r() * 2000);
		const lastNameless = index % 11 === 10; // some customers only give a first name
		const joined = dayStart(createdMs);
		const data: Obj = {
			id: uuid('meedee-customer', index),
			customer_code: `CUS-${String(index + 1).padStart(6, '0')}`,
			full_name: lastNameless ? p.firstName : p.fullName,
			first_name: p.firstName,
			last_name: lastNameless ? null : p.lastName,
			membership_tier_id: tier,
			membership_number: tier ? `MEM${String(17_000_000_000_000 + index * 7_919)}` : null,
			total_points: points,
			available_points: Math.floor(points * r()),
			total_spent: dec(visits * Math.floor(r() * 60_000)),
			total_visits: visits,
			last_visit_date: visits ? iso(joined + Math.floor(r() * 300) * DAY) : null,
			is_active: index % 7 !== 6,
			is_verified: index % 2 === 0,
			joined_date: tier ? iso(joined) : null,
			created_at: iso(createdMs),
			updated_at: iso(createdMs + Math.floor(r() * 60_000)),
			phone: index % 9 === 8 ? null : mobile,
			email: index % 4 === 3 ? null : p.email,
			date_of_birth: index % 5 === 4 ? null : `${p.birthday}T00:00:00.000Z`,
			address: p.street,
			city: p.city,
			state: null, // [INF] the seed example leaves it null
			postal_code: p.postcode,
			country: p.country,
			tax_id: p.market === 'TH' && index % 8 === 0 ? `0${String(105_550_000_000 + index).padStart(12, '0')}` : null,
		};
		const row = { seq: ++this.seq, data };
		this.customers.push(row);
		this.customerById.set(String(data.id), row);
		this.customerCount = Math.max(this.customerCount, index + 1);
		return row;
	}

	private skus(): Obj[] {
		return this.products.flatMap((p) => p.data.skus as Obj[]);
	}

	private seedCatalogue(): void {
		this.products = [];
		this.inventory = [];
		this.movements = [];
		const catalogue = [...PRODUCTS, { code: 'P-MATCHA', name: 'ชาเขียวมัทฉะ (seasonal)', price: 60 }];
		const categories = ['Drinks', 'Food', 'Drinks', 'Dessert', 'Dessert', 'Food', 'Drinks']; // [INF]
		catalogue.forEach((item, i) => {
			const created = seededTime(i * 60);
			const skus = ['Regular', 'Large'].map((size, j) => ({
				id: uuid('meedee-sku', i * 2 + j),
				sku_code: `${item.code.slice(2)}-${size[0]}`,
				sku_name: `${item.name} (${size})`,
				price: dec((item.price + j * 10) * 100),
				cost: dec((item.price + j * 10) * 40),
				barcode: `885${String(1_000_000_000 + i * 2 + j)}`,
				is_active: true,
			}));
			const data: Obj = { id: uuid('meedee-product', i), product_code: item.code, name: item.name, category_name: categories[i], is_active: item.code !== 'P-MATCHA', skus, created_at: created, updated_at: created };
			this.products.push({ seq: ++this.seq, data });
		});
		const r = rng(99);
		for (const branch of MEEDEE_BRANCHES) {
			for (const [i, sku] of this.skus().entries()) {
				const product = this.products.find((p) => (p.data.skus as Obj[]).includes(sku))!.data;
				const qty = i % 7 === 3 ? 0 : 5 + Math.floor(r() * 150);
				const data: Obj = {
					id: uuid(`meedee-stock-${branch.code}`, i),
					branch_id: branch.id,
					product_id: product.id,
					product_sku_id: sku.id,
					sku_code: sku.sku_code,
					sku_name: sku.sku_name,
					product_name: product.name,
					quantity_on_hand: dec(qty * 100),
					reorder_point: '10',
					unit_cost: sku.cost,
					updated_at: seededTime(i),
				};
				this.inventory.push({ seq: ++this.seq, data });
			}
		}
	}

	private seedSuppliersAndOrders(): void {
		this.suppliers = [];
		this.purchaseOrders = [];
		this.poItems.clear();
		const names = ['บริษัท ชาไทยตรามือ จำกัด', 'Công ty TNHH Thực phẩm Sài Gòn', '台灣珍珠粉圓有限公司', 'Bangkok Dairy Co., Ltd.', '香港蛋撻供應', 'Chiang Mai Fresh Produce'];
		names.forEach((name, i) => {
			const p = person(1000 + i, 3);
			const created = seededTime(i * 1440);
			const data: Obj = {
				id: uuid('meedee-supplier', i),
				supplier_code: `SUP-${String(i + 1).padStart(4, '0')}`,
				name,
				contact_name: p.fullName,
				phone: p.mobile,
				email: `orders${i + 1}@supplier.example`,
				tax_id: i % 2 === 0 ? `010555${String(1_000_000 + i)}` : null,
				address: `${p.street}, ${p.city}`,
				status: i === 4 ? 'INACTIVE' : 'ACTIVE',
				created_at: created,
				updated_at: created,
			};
			this.suppliers.push({ seq: ++this.seq, data });
		});
		const r = rng(123);
		const today = dayStart(this.clock());
		const skus = this.skus();
		for (let i = 0; i < 24; i++) {
			const orderedMs = today - (this.settings.salesDays - i * 4) * DAY + 9 * 3_600_000;
			const branch = MEEDEE_BRANCHES[i % 2];
			const status = i === 23 ? 'DRAFT' : i === 22 ? 'ORDERED' : i === 7 ? 'CANCELLED' : 'RECEIVED';
			const id = uuid('meedee-po', i);
			const lines = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, j) => {
				const sku = skus[(i * 3 + j) % skus.length];
				const qty = 24 * (1 + Math.floor(r() * 4));
				return {
					id: uuid('meedee-po-item', i * 10 + j),
					product_sku_id: sku.id,
					sku_code: sku.sku_code,
					sku_name: sku.sku_name,
					quantity: String(qty),
					received_quantity: status === 'RECEIVED' ? String(qty) : '0',
					unit_cost: sku.cost,
					line_total: dec(qty * cents(sku.cost)),
				} as Obj;
			});
			const subtotal = lines.reduce((n, l) => n + cents(l.line_total), 0);
			const tax = Math.round(subtotal * 0.07);
			const receivedMs = orderedMs + 3 * DAY;
			this.purchaseOrders.push({
				seq: ++this.seq,
				data: {
					id,
					po_number: `PO-${branch.code}-${String(i + 1).padStart(5, '0')}`,
					branch_id: branch.id,
					supplier_id: this.suppliers[i % 6 === 4 ? 0 : i % 6].data.id,
					status,
					ordered_at: status === 'DRAFT' ? null : iso(orderedMs),
					expected_at: iso(orderedMs + 3 * DAY),
					received_at: status === 'RECEIVED' ? iso(receivedMs) : null,
					subtotal: dec(subtotal),
					tax: dec(tax),
					total: dec(subtotal + tax),
					note: null,
					created_at: iso(orderedMs),
					updated_at: iso(status === 'RECEIVED' ? receivedMs : orderedMs),
				},
			});
			this.poItems.set(id, lines);
		}
	}

	private seedSales(): void {
		this.sales = [];
		this.saleItems.clear();
		const r = rng(7);
		const firstDay = dayStart(this.clock()) - this.settings.salesDays * DAY;
		const receipts = this.purchaseOrders.filter((p) => p.data.status === 'RECEIVED');
		for (let d = 0; d < this.settings.salesDays; d++) {
			const times = Array.from({ length: this.settings.salesPerDay }, () => 8 * 3_600_000 + Math.floor(r() * 13 * 3_600_000)).sort((a, b) => a - b);
			for (const t of times) {
				const n = this.sales.length;
				const pool = Math.min(this.customerCount, 500);
				const customer = r() < 0.25 || pool === 0 ? null : String(uuid('meedee-customer', Math.floor(r() * pool)));
				const roll = r();
				const status = roll < 0.06 ? 'voided' : roll < 0.1 ? 'refunded' : 'completed';
				this.makeSale(MEEDEE_BRANCHES[n % 2].id, customer, firstDay + d * DAY + t, status, r);
			}
			for (const po of receipts) {
				const at = Date.parse(String(po.data.received_at));
				if (at >= firstDay + d * DAY && at < firstDay + (d + 1) * DAY) this.receivePurchaseOrder(po);
			}
		}
	}

	private receivePurchaseOrder(po: Row): void {
		for (const line of this.poItems.get(String(po.data.id)) ?? []) {
			const level = this.inventory.find((l) => l.data.branch_id === po.data.branch_id && l.data.product_sku_id === line.product_sku_id);
			if (level) this.moveStock(level, Number(line.quantity), 'purchase', 'purchase_order', String(po.data.id), Date.parse(String(po.data.received_at)), false);
		}
	}

	private addSale(branchId: string, customerId: string | null): Obj {
		return this.makeSale(branchId, customerId, this.clock(), 'completed', rng(this.sales.length + 1), true).data;
	}

	/**
	 * Builds a sale with 1-3 lines; a completed sale records a stock movement per line, and a `live`
	 * one (emitted, not seeded history) also lowers the inventory level.
	 */
	private makeSale(branchId: string, customerId: string | null, soldMs: number, status: string, r: () => number, live = false): Row {
		const n = this.sales.length;
		const id = uuid('meedee-sale', n);
		const skus = this.skus().filter((_, i) => i < 12); // the seasonal product is not sold
		const branch = MEEDEE_BRANCHES.find((b) => b.id === branchId) ?? MEEDEE_BRANCHES[0];
		const items = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, j) => {
			const sku = skus[Math.floor(r() * skus.length)];
			const qty = 1 + Math.floor(r() * 3);
			const gross = qty * cents(sku.price);
			const discount = r() < 0.2 ? Math.round(gross * 0.1) : 0;
			const tax = Math.round((gross - discount) * 0.07); // [INF] VAT added per line
			const line = gross - discount + tax;
			const refunded = status === 'refunded';
			return {
				id: uuid('meedee-sale-item', n * 10 + j),
				product_sku_id: sku.id,
				sku_code: sku.sku_code,
				sku_name: sku.sku_name,
				product_name: String(sku.sku_name).replace(/ \((Regular|Large)\)$/, ''),
				quantity: String(qty),
				unit_price: sku.price,
				discount_amount: dec(discount),
				tax_amount: dec(tax),
				line_total: dec(line),
				refunded_quantity: refunded ? String(qty) : '0',
				refunded_amount: refunded ? dec(line) : '0',
				is_fully_refunded: refunded,
				created_at: iso(soldMs),
			} as Obj;
		});
		const sum = (key: string) => items.reduce((t, i) => t + cents(i[key]), 0);
		const subtotal = items.reduce((t, i) => t + Number(i.quantity) * cents(i.unit_price), 0);
		const discount = sum('discount_amount');
		const service = branch === MEEDEE_BRANCHES[1] ? Math.round((subtotal - discount) * 0.05) : 0; // [INF]
		const day = iso(soldMs).slice(0, 10).replace(/-/g, '');
		const data: Obj = {
			id,
			receipt_no: `${branch.code}-${day}-${String(++this.receiptCount).padStart(5, '0')}`,
			branch_id: branch.id,
			status,
			customer_id: customerId,
			sold_at: iso(soldMs),
			subtotal: dec(subtotal),
			discount: dec(discount),
			service_charge: dec(service),
			tax: dec(sum('tax_amount')),
			total: dec(subtotal - discount + service + sum('tax_amount')),
			payment_method: PAYMENT_METHODS[Math.floor(r() * PAYMENT_METHODS.length)],
			created_at: iso(soldMs),
			updated_at: iso(status === 'completed' ? soldMs : soldMs + 15 * 60_000),
		};
		const row = { seq: ++this.seq, data };
		this.sales.push(row);
		this.saleItems.set(id, items);
		if (status === 'completed') {
			for (const item of items) {
				const level = this.inventory.find((l) => l.data.branch_id === branch.id && l.data.product_sku_id === item.product_sku_id);
				if (level) this.moveStock(level, -Number(item.quantity), 'sale', 'sale', id, soldMs, live);
			}
		}
		return row;
	}

	/** Records a movement; `apply` also changes the level (seeded history leaves levels as seeded). */
	private moveStock(level: Row, qty: number, type: string, refType: string | null, refId: string | null, atMs: number, apply = true): void {
		this.movements.push({
			seq: ++this.seq,
			data: {
				id: uuid('meedee-movement', this.movements.length),
				branch_id: level.data.branch_id,
				product_sku_id: level.data.product_sku_id,
				sku_code: level.data.sku_code,
				movement_type: type,
				quantity: dec(qty * 100),
				reference_type: refType,
				reference_id: refId,
				created_at: iso(atMs),
			},
		});
		if (apply) {
			level.data.quantity_on_hand = dec(Number(level.data.quantity_on_hand) * 100 + qty * 100);
			level.data.updated_at = iso(atMs);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

/** The customer as a token sees it: PII keys removed (not nulled) without read:customers:pii. */
function customerView(c: Obj, scopes: string[]): Obj {
	if (scopes.includes('read:customers:pii')) return { ...c };
	const out: Obj = {};
	for (const [k, v] of Object.entries(c)) if (!PII_KEYS.includes(k)) out[k] = v;
	return out;
}

function checkEvents(value: unknown, grant: Grant): Json[] {
	if (!Array.isArray(value) || value.length === 0) throw invalid('events must be a non-empty array');
	for (const e of value) {
		if (!(MEEDEE_EVENTS as readonly unknown[]).includes(e)) throw invalid(`Unknown event ${String(e)}; use ${MEEDEE_EVENTS.join(', ')}`);
		const scope = EVENT_SCOPE[String(e).split('.')[0]];
		if (!grant.scopes.includes(scope)) throw new ApiError(403, 'insufficient_scope', `Event ${String(e)} requires the ${scope} scope`); // [INF]
	}
	return [...new Set(value as string[])];
}

/** Hundredths from a decimal string. */
function cents(value: Json | undefined): number {
	return Math.round(Number(value ?? 0) * 100);
}

/** Index of the first row whose seq is greater than `after` (rows are sorted by seq). */
function firstAfter(rows: { seq: number }[], after: number): number {
	let lo = 0;
	let hi = rows.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (rows[mid].seq <= after) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

function uuidRandom(): string {
	const h = randomBytes(16).toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
	return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function createMeeDee(options: MeeDeeOptions = {}): MeeDeeSim {
	return new MeeDeeSim(options);
}
