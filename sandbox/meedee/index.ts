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
 *
 * Layout: this file holds the simulator class (routing, auth guard, reset, control entry points);
 * model.ts the constants, options and record types; helpers.ts errors and query parameters;
 * paging.ts cursors; auth.ts tokens and branch scoping; signing.ts the delivery signature; one file per
 * resource (customers, sales, catalogue = products/inventory/movements, purchasing = purchase orders
 * and suppliers, reports, webhooks = the subscription API, deliveries = outbound webhooks, control).
 */
import { randomBytes } from 'node:crypto';
import { type Json, type SimRequest, type SimResponse, TokenIssuer, Vendor } from '../core';
import { authenticate, token } from './auth';
import { listInventory, listMovements, listProducts, seedCatalogue } from './catalogue';
import { emitEvent, runControl } from './control';
import { listCustomers, seedCustomers } from './customers';
import { fireEvent, redeliverDelivery } from './deliveries';
import { ApiError, fail, ok, stripUndefined } from './helpers';
import {
	API,
	DEFAULTS,
	type Delivery,
	type Grant,
	MEEDEE_BRANCHES,
	MEEDEE_DEMO,
	MEEDEE_DEMO_NO_PII,
	MEEDEE_DEMO_ONE_BRANCH,
	type MeeDeeApplication,
	type MeeDeeOptions,
	type Obj,
	type Row,
	type Settings,
	type Subscription,
} from './model';
import { listPurchaseOrders, listSuppliers, purchaseOrderItems, seedSuppliersAndOrders } from './purchasing';
import { inventorySummary, salesSummary } from './reports';
import { listSales, saleItemsOf, seedSales } from './sales';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks, ownWebhook, ping, updateWebhook } from './webhooks';

export {
	MEEDEE_BRANCHES,
	MEEDEE_DAY_OFFSET_MS,
	MEEDEE_DEMO,
	MEEDEE_DEMO_NO_PII,
	MEEDEE_DEMO_ONE_BRANCH,
	MEEDEE_EVENTS,
	MEEDEE_SCOPES,
	dec,
} from './model';
export type { MeeDeeApplication, MeeDeeOptions } from './model';
export { MEEDEE_SIGNATURE, meedeeSignature, verifyMeeDeeSignature } from './signing';

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

export class MeeDeeSim extends Vendor {
	// Members are public so that the resource files can use them; tests read only the documented ones.
	readonly settings: Settings;
	readonly applications = new Map<string, MeeDeeApplication>();
	readonly issuer: TokenIssuer;
	/** Every POST /oauth/token, successful or not. */
	tokenRequests = 0;

	customers: Row[] = [];
	customerById = new Map<string, Row>();
	sales: Row[] = [];
	saleItems = new Map<string, Obj[]>();
	products: Row[] = [];
	inventory: Row[] = [];
	movements: Row[] = [];
	suppliers: Row[] = [];
	purchaseOrders: Row[] = [];
	poItems = new Map<string, Obj[]>();
	webhooks: Subscription[] = [];
	deliveries: Delivery[] = [];

	seq = 0;
	customerCount = 0;
	receiptCount = 0;
	readonly signingKey = randomBytes(32);
	readonly inflight = new Set<Promise<void>>();
	readonly clock: () => number;
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
		this.route('POST', `${API}/oauth/token`, (r) => token(this, r));
		this.get('/customers', 'read:customers', (r, g) => listCustomers(this, r, g));
		this.get('/sales', 'read:sales', (r, g) => listSales(this, r, g));
		this.get('/sales/:id/items', 'read:sales', (r, g) => saleItemsOf(this, r, g));
		this.get('/products', 'read:products', (r) => listProducts(this, r));
		this.get('/inventory', 'read:inventory', (r, g) => listInventory(this, r, g));
		this.get('/inventory/movements', 'read:inventory', (r, g) => listMovements(this, r, g));
		this.get('/purchase-orders', 'read:purchasing', (r, g) => listPurchaseOrders(this, r, g));
		this.get('/purchase-orders/:id/items', 'read:purchasing', (r, g) => purchaseOrderItems(this, r, g));
		this.get('/suppliers', 'read:purchasing', (r) => listSuppliers(this, r));
		this.get('/reports/sales-summary', 'read:reports', (r, g) => salesSummary(this, r, g));
		this.get('/reports/inventory-summary', 'read:reports', (r, g) => inventorySummary(this, r, g));
		this.get('/webhooks', 'read:webhooks', (r, g) => listWebhooks(this, r, g));
		this.on('POST', '/webhooks', 'read:webhooks', (r, g) => createWebhook(this, r, g));
		this.get('/webhooks/:id', 'read:webhooks', (r, g) => ok({ data: ownWebhook(this, r, g).data }));
		this.on('PATCH', '/webhooks/:id', 'read:webhooks', (r, g) => updateWebhook(this, r, g));
		this.on('DELETE', '/webhooks/:id', 'read:webhooks', (r, g) => deleteWebhook(this, r, g));
		this.get('/webhooks/:id/deliveries', 'read:webhooks', (r, g) => listDeliveries(this, r, g));
		this.on('POST', '/webhooks/:id/ping', 'read:webhooks', (r, g) => ping(this, r, g));
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
				const grant = authenticate(this, req);
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

	// ----------------------------------------------------------------------------- outbound deliveries

	/** Fires `event` for `object` to every active subscription whose application may see it. */
	fire(event: string, object: Obj): string[] {
		return fireEvent(this, event, object);
	}

	/** Resolves once every delivery started so far has finished (bounded). */
	async idle(): Promise<void> {
		for (let i = 0; i < 50 && this.inflight.size > 0; i++) await Promise.all([...this.inflight]);
	}

	redeliver(deliveryId: string): Obj {
		return redeliverDelivery(this, deliveryId);
	}

	// ----------------------------------------------------------------------------- control API

	/** `/__sandbox/control/meedee` actions: emit, redeliver, seed, expireTokens, configure, addApplication. */
	control(body: Obj): Json {
		return runControl(this, body);
	}

	/** Changes state for `event` and fires it; returns the object and the delivery ids. */
	emit(body: Obj): Json {
		return emitEvent(this, body);
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
		seedCustomers(this, n);
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
		seedCatalogue(this);
		seedSuppliersAndOrders(this);
		seedSales(this);
	}
}

export function createMeeDee(options: MeeDeeOptions = {}): MeeDeeSim {
	return new MeeDeeSim(options);
}
