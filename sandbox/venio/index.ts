/**
 * Venio CRM (Gofive OpenAPI) simulator: vendors.md section A/D, seed 000 (current portal) and
 * seed 003 (legacy "Get Sale Order").
 *
 * Layout: this file holds the server core (options, token, the APIM/bearer gate, the envelope guard,
 * the route table, inspection and control); model.ts the options, records and error texts; helpers.ts
 * time, envelope and validation helpers; one file per resource holds its rules and JSON
 * (customers, events (+ satisfaction, employees), salesOrders, quotations, documents (what both share),
 * products, webhook, seed).
 *
 * Mounted under `/venio`. The base URL a user enters is
 *   current  <server>/venio       (stands for https://api.gofive.co.th)
 *   legacy   <server>/venio/dev   (stands for https://api.veniocrm.com/dev)
 * [INF] With `mirrorUnderDev` (default on) every route is answered under both bases, so a node
 * configured with either one works; with it off, legacy routes live only under /dev.
 *
 * Auth: POST /authorization/connect/token (legacy /dev/authorization/Connect/Token), form body
 * grant_type=client_credentials, client_id, client_secret, header Ocp-Apim-Subscription-Key
 *   → 200 {access_token, expires_in, token_type:"Bearer", scope}
 *   → 400 {error:"invalid_client"|"unsupported_grant_type"|"invalid_request"}  (IdentityServer style)
 * Every other call needs `Authorization: Bearer <token>` AND `Ocp-Apim-Subscription-Key`:
 *   key missing/wrong → 401 {statusCode:401, message:"Access denied due to … subscription key …"} (Azure APIM)
 *   token missing/unknown/expired → 401 {status:{code:"401", description:"User authentication required V2."}, data:null}
 *
 * Envelope {status:{code:"1000",description:"Success"}, data}; create answers 201, everything else 200.
 * Failures {status:{code, description}, data:null}: 4001 (one problem) / 4002 (several, descriptions
 * joined with "; ") on HTTP 400; "403" Forbidden on 403; "E9905" on 500.
 * Legacy GET /v1/SalesOrders/{id} and /v1/Customers/* use {data:{value, formatters:[], statusCode:200},
 * statusCode:1000, httpStatusCode:200} (seed 003).
 *
 * Endpoints (route key → method path; every path can be overridden with options.paths[key]):
 *   token                 POST   /authorization/connect/token            [PUB]
 *   customerUpsert        POST   /v3/customers                           [SEED A] no customerCode → 201 create
 *   customerByCode        GET    /v3/customers/{customerCode}            [PUB code]
 *   customerByName        GET    /v3/customers/name/{customerName}       [INF] path
 *   customerEnquiry       POST   /v3/customers/enquiry                   [INF] path; body as legacy enquiry
 *   customerByTaxId       GET    /v3/customers/taxid/{taxId}             [PUB menu "Get Customer By TaxID"] [INF] path; data:[customers]
 *   legacyCustomerEnquiry POST   /v1/Customers/Enquiry                   [PUB legacy] customerType 11100/11200/11300
 *   legacyCustomerByCode  GET    /v1/Customers/{customerCode}            [PUB legacy]
 *   satisfaction          POST   /v1/customers/satisfaction              [INF] {customerCode, score 1–5, comment}
 *   eventCreate           POST   /v1/customerEvent                       [PUB]
 *   eventFilter           GET    /v1/customerEvent/filter?customerCode=&eventTypeIds=  [PUB] (+ optional GET body DateFrom/DateTo)
 *   eventTypes            GET    /v1/customerEvent/types                 [INF] path
 *   eventUpdate           PUT    /v1/customerEvent/{id}                  [INF] path
 *   eventDelete           DELETE /v1/customerEvent/{id}                  [INF] path
 *   employees             GET    /v1/employees                           [INF] → [{employeeCode, employeeName, email}]
 *   employeeEnquiry       POST   /v1/Employees/Enquiry                   [PUB code] {keyword?, skip?, pageLength?}
 *   employeeGet, expense* GET /v1/employees/{code}; POST /v1/expenses, /v1/expenses/enquiry; GET|PUT /v1/expenses/{id}  [INF] (expenses.ts)
 *   contract*             GET /v1/contracts/types|templates|{no}; POST /v1/contracts, …/service-agreement, …/{no}/send  [INF] (contracts.ts)
 *   storage*, fileCategories, customerAttach  POST|GET|DELETE /v1/storage/attachments[/{id}] (multipart upload); GET /v1/customers/files/categories; POST /v1/customers/files  [INF] (storage.ts)
 *   chatSend              POST   /v1/chat/messages {roomId, message}      [INF] (chat.ts)
 *   soUpsert              POST   /v2/salesorder                          [INF] body mirrors GET; no salesOrderNo → 201
 *   soEnquiry             POST   /v2/salesorder/enquiry {skip, take|pageLength, referenceNo?, keyword?, customerCode?, statuses?} [INF] no search is documented; shaped like Quotation Enquiry
 *   soById                GET    /v2/salesorder/id/{salesOrderId}        [INF] path; data:[order]
 *   soByNo                GET    /v2/salesorder/{salesOrderNo}           [PUB]
 *   soApprove             PUT    /v2/salesorder/{no}/approve             [INF] → data:true
 *   soReject              PUT    /v2/salesorder/{no}/reject {reason}     [INF] → data:true
 *   soPayment             PUT    /v2/salesorder/{no}/payment {payments:[{periodNo|InstallmentNumber, status 1|2}]} [PUB] → data:true
 *   soTracking            PUT    /v2/salesorder/{no}/tracking {trackingNo} [INF] → data:true
 *   soAttachment          GET    /v2/salesorder/{no}/attachment          [INF] → PDF bytes, content-disposition filename
 *   legacySoById          GET    /v1/SalesOrders/{id}                    [SEED D] legacy envelope and field names
 *   qtUpsert              POST   /v1/quotation                           [INF] no quotationNo → 201
 *   qtEnquiry             POST   /v1/quotation/enquiry {skip, take|pageLength, quotationNo?, keyword?, customerCode?, statuses?, referenceNo?} [PUB take/skip/quotationNo/customerCode] [INF] the rest
 *   qtGet                 GET    /v1/quotation/{quotationNo}             [INF]
 *   qtConvert             POST   /v1/quotation/{quotationNo}/convert-to-salesorder {QuotationNo} [PUB] → 201 order
 *   qtCancel              PUT    /v1/quotation/{quotationNo}/cancel      [INF] → data:true
 *   productUpsert         POST   /v3/products                            [INF] by productCode; new → 201
 *   productList           GET    /v3/products?take=&status=&skip=&keyword=&groupId=  [INF] skip/keyword/groupId
 *   productGet            GET    /v3/products/{productCode}              [INF]
 *   productStock          PUT    /v3/products/{productCode}/stock {qty, warehouseCode} [INF] sets that warehouse's qty
 *   units                 GET    /v1/products/units                      [SEED A]
 *   groups                GET    /v1/products/groups                     [INF] path
 *   productFilter, serialVerify  POST /v1/products/getProduct, /v3/products/serials/verification [PUB]; serialStatus GET /v3/products/serials/status [PUB menu]
 *   productTicket, productProperties, codeguardUpsert  GET /v3/products/tickets/{no}, /v3/products/properties; POST /v3/products/codeguard [INF] (productExtras.ts)
 *
 * Outbound webhook (sales orders): POST {"Data":{"SaleOrderNo","Event","DateModified", + [INF] extras}}
 * to every configured URL on create/update/approve/reject/payment; unsigned; deliveries recorded and
 * re-sendable unchanged (control {action:'redeliver', index}). Deals, customers and activities:
 * {Topic, Event, Data} on demand (control {action:'emitTopic', topic, event, key?}; topics.ts).
 *
 * Guesses, each marked `// [INF]` below and adjustable through VenioOptions / control({action:'configure'}):
 *  - paths marked [INF] above; the /dev mirror; not-found answers HTTP 400 with 4001.
 *  - 401 envelope code "401"; 403 body; E9905 description; all English error wording.
 *  - Token endpoint error bodies; the `scope` value; the APIM "invalid key" message.
 *  - Customer: update needs name and state too (seed marks them Required), unsent fields kept;
 *    name uniqueness ignores case; owners/primaryOwner must be employee codes; dates must be real
 *    calendar dates; customFieldValue entries are strings; extra stored fields echoed in answers;
 *    dateCreated/dateModified ("YYYY-MM-DDTHH:mm:ss+07:00") added for polling.
 *  - Enquiry: pageLength 1–100 required; states[] or customerType; keyword over name/code/phones/email;
 *    orderBy "<field> asc|desc"; modifiedSince (dateModified ≥); no total unless enquiryIncludesTotal.
 *  - Sales order / quotation lines: discountType true = percent, vatTaxValue = VAT %, totalPrice =
 *    net of line discount before VAT; header discount lowers subTotalWithDiscount and VAT pro rata;
 *    statuses 1 waiting / 2 approved / 3 rejected; approved orders cannot be edited; payment status
 *    1 = unpaid, 2 = paid; numbering C000123, SO2601-0001, QT2601-0001.
 *  - Webhook event names and extra fields; no retries by default.
 *  - Seeded people repeat every 4,099 customers (names made unique with the code; mobiles and emails
 *    unique per customer), because data.ts person() is slow inside Jest's VM.
 */
import { bearer, INVALID_JSON, type SimRequest, type SimResponse, TokenIssuer, Vendor } from '../core';
import { type Person } from '../data';
import { APIM_INVALID_KEY, APIM_MISSING_KEY, AUTH_REQUIRED, type Customer, type CustomerEvent, defaultVenioOptions, type Delivery, type Product, type Quotation, type RouteKey, type SalesOrder, type VenioOptions } from './model';
import { blank, invalid, ok, query1, VenioError } from './helpers';
import { customerEnquiry, customerOut, customersByTaxId, getCustomerByName, legacyCustomer, upsertCustomer } from './customers';
import { createEvent, createSatisfaction, deleteEvent, employeeEnquiry, eventOut, filterEvents, updateEvent } from './events';
import { listProducts, productOut, updateStock, upsertProduct } from './products';
import { cancelQuotation, convertQuotation, quotationEnquiry, quotationOut, upsertQuotation } from './quotations';
import { attachment, attachmentBytes, decide, legacyOrder, legacyOrderOut, orderById, orderEnquiry, orderOut, payOrder, trackOrder, upsertOrder } from './salesOrders';
import { type Case, CASE_ROUTES, caseOut } from './cases';
import { type Activity, ACTIVITY_ROUTES, activityOut, type Task, taskOut } from './activities';
import { type Deal, DEAL_ROUTES, type DealLists, dealOut, seedDealLists } from './deals';
import { CONTRACT_ROUTES, ContractBook, contractOut } from './contracts';
import { EXPENSE_ROUTES, ExpenseBook, expenseOut } from './expenses';
import { SETTING_ROUTES } from './settings';
import { attachmentOut, StorageBook, STORAGE_ROUTES } from './storage';
import { ChatBook, CHAT_ROUTES, chatMessageOut } from './chat';
import { seed } from './seed';
import { flush, redeliver } from './webhook';
import { PRODUCT_EXTRA_ROUTES, ProductExtrasBook } from './productExtras';
import { emitTopic } from './topics';

export * from './model';
export { bkkDay, bkkTime, invalid, isDay, legacyOk, ok, VenioError } from './helpers';
export { STATUS_NAMES } from './salesOrders';
export { QT_STATUS } from './quotations';
export { DEAL_STATUS, type Deal, type DealStage } from './deals';
export { ACTIVITY_STATUS, KEY_ACTIVITIES, type Activity, type Task } from './activities';
export { CASE_CATEGORIES, type Case, userIdOf } from './cases';

export class VenioSim extends Vendor {
	options: VenioOptions;
	readonly tokens = new TokenIssuer(3600);
	/** Every request to the token endpoint, successful or not. */
	tokenRequests = 0;
	customers: Customer[] = [];
	customerByCode = new Map<string, Customer>();
	customerByName = new Map<string, Customer>();
	employees: { employeeCode: string; employeeName: string; email: string }[] = [];
	products = new Map<string, Product>();
	units: { unitId: number; unitName: string }[] = [];
	groups: { productGroupId: number; productGroupName: string }[] = [];
	warehouses: string[] = [];
	eventTypes: { eventTypeId: number; eventTypeName: string }[] = [];
	events: CustomerEvent[] = [];
	satisfactions: { satisfactionId: number; customerCode: string; score: number; comment: string | null; dateCreated: string }[] = [];
	orders = new Map<string, SalesOrder>();
	quotations = new Map<string, Quotation>();
	deliveries: Delivery[] = [];
	/** The next N API calls fail with 500 E9905 (control {action:'failNext'}). */
	failNext = 0;
	seq = { customer: 0, order: 0, orderId: 0, quotation: 0, quotationId: 0, product: 0, event: 0, satisfaction: 0, deal: 0, activity: 0, task: 0, case: 0 };
	queue: Promise<void> = Promise.resolve();
	people: Person[] = [];
	deals = new Map<number, Deal>();
	dealLists: DealLists = seedDealLists();
	expenseBook = new ExpenseBook();
	productExtras = new ProductExtrasBook();
	contractBook = new ContractBook();
	activities: Activity[] = [];
	tasks: Task[] = [];
	cases: Case[] = [];
	storageBook = new StorageBook();
	chatBook = new ChatBook();

	constructor(private readonly initial: Partial<VenioOptions> = {}) {
		super('venio', '/venio', () => ({
			status: 429, // [INF] APIM rate-limit policy answer
			body: { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' },
		}));
		this.options = this.freshOptions();
		this.registerRoutes();
		this.onReset = () => {
			this.options = this.freshOptions();
			this.tokens.reset();
			this.tokenRequests = 0;
			this.failNext = 0;
			this.seed();
		};
		this.seed();
	}

	private freshOptions(): VenioOptions {
		return { ...defaultVenioOptions(), ...this.initial };
	}

	now(): number {
		return this.options.now().getTime();
	}

	// ----- routing and the gate -----------------------------------------------------------------

	private registerRoutes(): void {
		type H = (req: SimRequest) => SimResponse | Promise<SimResponse>;
		// [key, method, default path, handler, legacy?]
		const table: [RouteKey, string, string, H, boolean?][] = [
			['token', 'POST', '/authorization/connect/token', (r) => this.token(r), true],
			['customerUpsert', 'POST', '/v3/customers', (r) => upsertCustomer(this, r)],
			['customerByName', 'GET', '/v3/customers/name/:customerName', (r) => getCustomerByName(this, r)],
			['customerEnquiry', 'POST', '/v3/customers/enquiry', (r) => customerEnquiry(this, r, false)],
			['customerByTaxId', 'GET', '/v3/customers/taxid/:taxId', (r) => customersByTaxId(this, r)],
			['customerByCode', 'GET', '/v3/customers/:customerCode', (r) => ok(this.customerOut(this.customer(r.params.customerCode)))],
			['legacyCustomerEnquiry', 'POST', '/v1/Customers/Enquiry', (r) => customerEnquiry(this, r, true), true],
			['legacyCustomerByCode', 'GET', '/v1/Customers/:customerCode', (r) => legacyCustomer(this, r), true],
			['satisfaction', 'POST', '/v1/customers/satisfaction', (r) => createSatisfaction(this, r)],
			['eventCreate', 'POST', '/v1/customerEvent', (r) => createEvent(this, r)],
			['eventFilter', 'GET', '/v1/customerEvent/filter', (r) => filterEvents(this, r)],
			['eventTypes', 'GET', '/v1/customerEvent/types', () => ok(structuredClone(this.eventTypes))],
			['eventUpdate', 'PUT', '/v1/customerEvent/:id', (r) => updateEvent(this, r)],
			['eventDelete', 'DELETE', '/v1/customerEvent/:id', (r) => deleteEvent(this, r)],
			['employees', 'GET', '/v1/employees', () => ok(structuredClone(this.employees))],
			['employeeEnquiry', 'POST', '/v1/Employees/Enquiry', (r) => employeeEnquiry(this, r)],
			['soUpsert', 'POST', '/v2/salesorder', (r) => upsertOrder(this, r)],
			['soEnquiry', 'POST', '/v2/salesorder/enquiry', (r) => orderEnquiry(this, r)],
			['soById', 'GET', '/v2/salesorder/id/:salesOrderId', (r) => ok([this.orderOut(orderById(this, r.params.salesOrderId))])],
			['soByNo', 'GET', '/v2/salesorder/:salesOrderNo', (r) => ok(this.orderOut(this.order(r.params.salesOrderNo)))],
			['soApprove', 'PUT', '/v2/salesorder/:salesOrderNo/approve', (r) => decide(this, r, 2)],
			['soReject', 'PUT', '/v2/salesorder/:salesOrderNo/reject', (r) => decide(this, r, 3)],
			['soPayment', 'PUT', '/v2/salesorder/:salesOrderNo/payment', (r) => payOrder(this, r)],
			['soTracking', 'PUT', '/v2/salesorder/:salesOrderNo/tracking', (r) => trackOrder(this, r)],
			['soAttachment', 'GET', '/v2/salesorder/:salesOrderNo/attachment', (r) => attachment(this, r)],
			['legacySoById', 'GET', '/v1/SalesOrders/:id', (r) => legacyOrder(this, r), true],
			['qtUpsert', 'POST', '/v1/quotation', (r) => upsertQuotation(this, r)],
			['qtEnquiry', 'POST', '/v1/quotation/enquiry', (r) => quotationEnquiry(this, r)],
			['qtGet', 'GET', '/v1/quotation/:quotationNo', (r) => ok(this.quotationOut(this.quotation(r.params.quotationNo)))],
			['qtConvert', 'POST', '/v1/quotation/:quotationNo/convert-to-salesorder', (r) => convertQuotation(this, r)],
			['qtCancel', 'PUT', '/v1/quotation/:quotationNo/cancel', (r) => cancelQuotation(this, r)],
			...PRODUCT_EXTRA_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
			['productUpsert', 'POST', '/v3/products', (r) => upsertProduct(this, r)],
			['productList', 'GET', '/v3/products', (r) => listProducts(this, r)],
			['productGet', 'GET', '/v3/products/:productCode', (r) => ok(this.productOut(this.product(r.params.productCode)))],
			['productStock', 'PUT', '/v3/products/:productCode/stock', (r) => updateStock(this, r)],
			['units', 'GET', '/v1/products/units', () => ok(structuredClone(this.units))],
			['groups', 'GET', '/v1/products/groups', () => ok(structuredClone(this.groups))],
			...CASE_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
			...ACTIVITY_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
			...SETTING_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, () => handler()]),
			...CONTRACT_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
			...EXPENSE_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
			...DEAL_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
			...STORAGE_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
			...CHAT_ROUTES.map(([key, method, path, handler]): [RouteKey, string, string, H] => [key, method, path, (r) => handler(this, r)]),
		];
		for (const [key, method, fallback, handler, legacy] of table) {
			const path = this.options.paths[key] ?? fallback;
			const run = key === 'token' ? handler : this.guarded(handler);
			if (this.options.mirrorUnderDev || !legacy || key === 'token') this.route(method, path, run);
			if (this.options.mirrorUnderDev || legacy) this.route(method, `/dev${path}`, run);
		}
	}

	/** APIM subscription key first, then the bearer token, then product access. */
	private gate(req: SimRequest): SimResponse | undefined {
		const key = req.headers['ocp-apim-subscription-key'] ?? query1(req.query['subscription-key']);
		if (blank(key)) return { status: 401, body: { statusCode: 401, message: APIM_MISSING_KEY } };
		if (key !== this.options.subscriptionKey) return { status: 401, body: { statusCode: 401, message: APIM_INVALID_KEY } };
		if (!this.tokens.check(bearer(req))) {
			return { status: 401, body: { status: { code: this.options.authErrorCode, description: AUTH_REQUIRED }, data: null } };
		}
		const path = req.path.toLowerCase().replace(/^\/dev(?=\/)/, '');
		if (this.options.forbiddenPaths.some((p) => path.startsWith(p.toLowerCase()))) {
			return new VenioError(403, '403', ['Forbidden']).response(); // [INF] body
		}
		return undefined;
	}

	private guarded(handler: (req: SimRequest) => SimResponse | Promise<SimResponse>) {
		return async (req: SimRequest): Promise<SimResponse> => {
			const refused = this.gate(req);
			if (refused) return refused;
			try {
				if (this.failNext > 0) {
					this.failNext--;
					throw new Error('injected failure');
				}
				// A multipart upload is not JSON: its handler reads rawBody.
				if (req.body === INVALID_JSON && !/^multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''))) throw invalid(['Request body is not valid JSON']);
				return await handler(req);
			} catch (error) {
				if (error instanceof VenioError) return error.response();
				// [INF] description wording
				return new VenioError(500, 'E9905', ['An unexpected error occurred, please try again later']).response();
			}
		};
	}

	notFound(what: string, key: string): VenioError {
		return new VenioError(this.options.notFoundStatus, '4001', [`${what} ${key} not found`]); // [INF]
	}

	// ----- POST /authorization/connect/token ----------------------------------------------------

	private token(req: SimRequest): SimResponse {
		this.tokenRequests++;
		const key = req.headers['ocp-apim-subscription-key'];
		if (blank(key)) return { status: 401, body: { statusCode: 401, message: APIM_MISSING_KEY } };
		if (key !== this.options.subscriptionKey) return { status: 401, body: { statusCode: 401, message: APIM_INVALID_KEY } };
		const form = String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
		const body = (form ? req.body : undefined) as Record<string, string> | undefined;
		// [INF] IdentityServer-style error bodies
		if (!body) return { status: 400, body: { error: 'invalid_request', error_description: 'A form-encoded body is required' } };
		if (body.grant_type !== 'client_credentials') return { status: 400, body: { error: 'unsupported_grant_type' } };
		if (body.client_id !== this.options.clientId || body.client_secret !== this.options.clientSecret) {
			return { status: 400, body: { error: 'invalid_client' } };
		}
		this.tokens.ttlSeconds = this.options.tokenTtlSeconds;
		const { token, expiresIn } = this.tokens.issue(body.client_id);
		return {
			status: 200,
			body: { access_token: token, expires_in: expiresIn, token_type: 'Bearer', scope: this.options.scope },
			headers: { 'cache-control': 'no-store' },
		};
	}

	// ----- Customers: POST /v3/customers (seed 000) ------------------------------------------

	nameKey(name: string): string {
		return this.options.nameCaseInsensitive ? name.trim().toLowerCase() : name; // [INF]
	}

	/** The customer with this code, or a not-found refusal. */
	customer(code: string): Customer {
		const found = this.customerByCode.get(code.toUpperCase());
		if (!found) throw this.notFound('Customer', code);
		return found;
	}

	isEmployee(code: unknown): boolean {
		return !this.options.validateEmployees || this.employees.some((e) => e.employeeCode === code); // [INF]
	}

	// ----- Sales orders (/v2/salesorder) ---------------------------------------------------------

	order(no: string): SalesOrder {
		const found = this.orders.get(no.toUpperCase());
		if (!found) throw this.notFound('Sales order', no);
		return found;
	}

	// ----- Quotations (/v1/quotation) ---------------------------------------------------------------

	quotation(no: string): Quotation {
		const found = this.quotations.get(no.toUpperCase());
		if (!found) throw this.notFound('Quotation', no);
		return found;
	}

	// ----- Products ---------------------------------------------------------------------------------

	product(code: string): Product {
		const found = this.products.get(code.toUpperCase());
		if (!found) throw this.notFound('Product', code);
		return found;
	}


	// ----- Records and their answers (the resource files hold the rules) ----------------------------
	customerOut(c: Customer): Record<string, unknown> {
		return customerOut(c);
	}
	orderOut(o: SalesOrder): Record<string, unknown> {
		return orderOut(o);
	}
	legacyOrderOut(o: SalesOrder): Record<string, unknown> {
		return legacyOrderOut(this, o);
	}
	attachmentBytes(o: SalesOrder): Buffer {
		return attachmentBytes(o);
	}
	quotationOut(q: Quotation): Record<string, unknown> {
		return quotationOut(q);
	}
	productOut(p: Product): Record<string, unknown> {
		return productOut(p);
	}
	redeliver(index: number): Delivery | undefined {
		return redeliver(this, index);
	}
	flush(): Promise<void> {
		return flush(this);
	}
	seed(customers = this.options.seedCustomers): void {
		seed(this, customers);
		this.expenseBook.reset(this);
		this.contractBook.reset(this);
		this.productExtras.reset(this);
		this.storageBook.reset();
		this.chatBook.reset();
	}

	// ----- Inspection and control ---------------------------------------------------------------------

	get tokensIssued(): number {
		return this.tokens.issued;
	}

	snapshot() {
		return {
			tokenRequests: this.tokenRequests,
			tokensIssued: this.tokens.issued,
			customerCount: this.customers.length,
			customers: this.customers.length <= 1000 ? this.customers.map((c) => this.customerOut(c)) : undefined,
			employees: this.employees,
			products: [...this.products.values()].map((x) => this.productOut(x)),
			orders: [...this.orders.values()].map((o) => this.orderOut(o)),
			quotations: [...this.quotations.values()].map((q) => this.quotationOut(q)),
			events: this.events.map((e) => eventOut(this, e)),
			satisfactions: this.satisfactions,
			deals: [...this.deals.values()].map((d) => dealOut(this, d)),
			expenses: [...this.expenseBook.byId.values()].map((e) => expenseOut(this, e)),
			contracts: [...this.contractBook.byNo.values()].map((c) => contractOut(this, c)),
			activities: this.activities.map((a) => activityOut(this, a)),
			tasks: this.tasks.map(taskOut),
			cases: this.cases.map((c) => caseOut(this, c)),
			attachments: [...this.storageBook.attachments.values()].map(attachmentOut),
			chatMessages: this.chatBook.messages.map(chatMessageOut),
			deliveries: this.deliveries,
			webhookUrls: this.options.webhookUrls,
		};
	}

	/**
	 * Control actions (POST /__sandbox/control/venio):
	 *  {action:'setWebhook', url | urls}   replace the webhook URL list ('' or [] switches it off)
	 *  {action:'redeliver', index}          re-send delivery `index` unchanged
	 *  {action:'emitTopic', topic, event, key?}  send a {Topic, Event, Data} delivery (topics.ts)
	 *  {action:'expireTokens'}              every issued token stops working now
	 *  {action:'failNext', count}           the next `count` API calls answer 500 E9905
	 *  {action:'seed', customers}           records back to the fixtures, with that many customers
	 *  {action:'configure', ...options}     change options (paths and seed counts excepted)
	 */
	control(body: any): unknown {
		switch (body?.action) {
			case 'setWebhook':
				this.options.webhookUrls = (Array.isArray(body.urls) ? body.urls : [body.url]).filter((u: unknown) => typeof u === 'string' && u);
				return { ok: true, webhookUrls: this.options.webhookUrls };
			case 'emitTopic':
				return emitTopic(this, body);
			case 'redeliver': {
				const d = this.redeliver(Number(body.index));
				return d ? { ok: true, delivery: d } : { ok: false, error: 'no such delivery' };
			}
			case 'expireTokens':
				this.tokens.expireAll();
				return { ok: true };
			case 'failNext':
				this.failNext = Math.max(0, Number(body.count ?? 1));
				return { ok: true, failNext: this.failNext };
			case 'seed': {
				const started = Date.now();
				this.seed(Math.max(0, Number(body.customers ?? this.options.seedCustomers)));
				return { ok: true, customers: this.customers.length, ms: Date.now() - started };
			}
			case 'configure': {
				const { action: _a, paths: _p, seedCustomers: _s, seedDeals: _d, now: _n, ...rest } = body;
				Object.assign(this.options, rest);
				const { now: _clock, ...visible } = this.options;
				return { ok: true, options: visible };
			}
			default:
				return { ok: false, error: `unknown action ${String(body?.action)}` };
		}
	}
}

export function createVenio(options: Partial<VenioOptions> = {}): VenioSim {
	return new VenioSim(options);
}
