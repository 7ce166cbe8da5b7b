/**
 * Venio CRM (Gofive OpenAPI) simulator: vendors.md section A/D, seed 000 (current portal) and
 * seed 003 (legacy "Get Sale Order").
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
 *
 * Outbound webhook (sales orders): POST {"Data":{"SaleOrderNo","Event","DateModified", + [INF] extras}}
 * to every configured URL on create/update/approve/reject/payment; unsigned; deliveries recorded and
 * re-sendable unchanged (control {action:'redeliver', index}).
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
import { bearer, deliverWebhook, intParam, INVALID_JSON, TokenIssuer, Vendor, type SimRequest, type SimResponse } from './core';
import { person, PRODUCTS, seededTime, type Person } from './data';

// ---------------------------------------------------------------------------------------------
// Demo credentials, options
// ---------------------------------------------------------------------------------------------

export const VENIO_DEMO = {
	clientId: 'venio-sandbox-client',
	clientSecret: 'venio-sandbox-secret-8f3c1d',
	subscriptionKey: '0f6e2b9c4a7d4e1f8b3a5c6d7e8f9a0b',
};

export type RouteKey =
	| 'token' | 'customerUpsert' | 'customerByCode' | 'customerByName' | 'customerByTaxId' | 'customerEnquiry' | 'legacyCustomerEnquiry'
	| 'legacyCustomerByCode' | 'satisfaction' | 'eventCreate' | 'eventFilter' | 'eventTypes' | 'eventUpdate'
	| 'eventDelete' | 'employees' | 'employeeEnquiry' | 'soUpsert' | 'soEnquiry' | 'soById' | 'soByNo' | 'soApprove' | 'soReject'
	| 'soPayment' | 'soTracking' | 'soAttachment' | 'legacySoById' | 'qtUpsert' | 'qtEnquiry' | 'qtGet' | 'qtConvert'
	| 'qtCancel' | 'productUpsert' | 'productList' | 'productGet' | 'productStock' | 'units' | 'groups';

export type WebhookEvent = 'created' | 'updated' | 'approved' | 'rejected' | 'payment';

export interface VenioOptions {
	clientId: string;
	clientSecret: string;
	subscriptionKey: string;
	tokenTtlSeconds: number;
	// [INF] The token answer's scope text.
	scope: string;
	// [INF] Undocumented paths can be moved here (only read when the simulator is built).
	paths: Partial<Record<RouteKey, string>>;
	// [INF] Serve every route under both bases (`/…` and `/dev/…`).
	mirrorUnderDev: boolean;
	// [INF] The 401 envelope's status.code (the docs only show the description).
	authErrorCode: string;
	// [INF] Unknown record: HTTP status (the docs list only 400/401/403/500).
	notFoundStatus: number;
	// [INF] Path prefixes answered 403 (a subscription without that product).
	forbiddenPaths: string[];
	// [INF] Enquiry pageLength upper bound; a `total` beside `data` in enquiry answers.
	maxPageLength: number;
	enquiryIncludesTotal: boolean;
	// [INF] customerName uniqueness ignores case and outer spaces.
	nameCaseInsensitive: boolean;
	// [INF] owners / primaryOwner / staffCode must be known employee codes.
	validateEmployees: boolean;
	// [INF] Order and quotation lines must name a known productCode.
	requireKnownProducts: boolean;
	// [INF] Webhook: extra PascalCase fields beside SaleOrderNo/Event/DateModified; retries.
	webhookUrls: string[];
	webhookEvents: WebhookEvent[];
	webhookExtraFields: boolean;
	webhookRetries: number;
	webhookTimeoutMs: number;
	/** Seeded customer count (fixture customers first, generated ones after). */
	seedCustomers: number;
	now: () => Date;
}

export const defaultVenioOptions = (): VenioOptions => ({
	...VENIO_DEMO,
	tokenTtlSeconds: 3600,
	scope: 'openapi venio', // [INF]
	paths: {},
	mirrorUnderDev: true,
	authErrorCode: '401',
	notFoundStatus: 400,
	forbiddenPaths: [],
	maxPageLength: 100,
	enquiryIncludesTotal: false,
	nameCaseInsensitive: true,
	validateEmployees: true,
	requireKnownProducts: true,
	webhookUrls: [],
	webhookEvents: ['created', 'updated', 'approved', 'rejected', 'payment'],
	webhookExtraFields: true,
	webhookRetries: 0,
	webhookTimeoutMs: 10_000,
	seedCustomers: 12,
	now: () => new Date(),
});

export const APIM_MISSING_KEY =
	'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
// [INF] APIM's usual wording for a wrong key.
export const APIM_INVALID_KEY =
	'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';
export const AUTH_REQUIRED = 'User authentication required V2.';

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

/** A stored customer: the seed's body fields plus id and timestamps (epoch ms). */
export interface Customer {
	customerId: number;
	customerCode: string;
	customerName: string;
	customerState: number;
	customerStatus: number;
	leadStatus: number;
	owners: string[];
	customerGroupName: string | null;
	dateCreated: number;
	dateModified: number;
	[field: string]: any;
}

export interface Line {
	productCode: string;
	productName: string;
	productDescription: string | null;
	productUnitName: string;
	unitId: number;
	qty: number;
	price: number;
	discountValue: number;
	discountType: boolean;
	vatTaxValue: number;
	whtTaxValue: number;
	totalPrice: number;
	isShipping: boolean;
	warehouseCode: string | null;
}

/** The documented GET /v2/salesorder data fields live in `doc`; the rest is bookkeeping. */
export interface SalesOrder {
	doc: Record<string, any> & { salesOrderNo: string; salesOrderId: number; salesOrderStatus: number; salesorderDetails: Line[] };
	dateCreated: number;
	dateModified: number;
	dateApproved: number | null;
	reason: string | null;
	states: { statusId: number; reason: string | null; at: number }[];
	quotationNo: string | null;
}

export interface Quotation {
	[field: string]: any;
	quotationId: number;
	quotationNo: string;
	quotationStatus: number;
	quotationDetails: Line[];
	dateCreated: number;
	dateModified: number;
}

export interface Product {
	productId: number;
	productCode: string;
	productName: string;
	productDescription: string | null;
	price: number;
	unitId: number;
	unitName: string;
	productGroupId: number | null;
	productGroupName: string | null;
	barcode: string | null;
	vatTaxValue: number;
	status: number;
	stocks: { warehouseCode: string; qty: number }[];
	dateCreated: number;
	dateModified: number;
}

export interface CustomerEvent {
	customerEventId: number;
	customerCode: string;
	eventName: string;
	eventType: number;
	eventDate: string;
	description: string | null;
	dateCreated: number;
	dateModified: number;
}

export interface Delivery {
	index: number;
	url: string;
	event: WebhookEvent;
	payload: { Data: Record<string, unknown> };
	status: number;
	attempts: number;
	redeliveryOf: number | null;
}

// ---------------------------------------------------------------------------------------------
// Helpers: time, envelope, validation
// ---------------------------------------------------------------------------------------------

const BKK = 7 * 3600_000;
/** "2026-01-01T16:00:00+07:00": Venio's Bangkok wall time. */
export const bkkTime = (ms: number): string => `${new Date(ms + BKK).toISOString().slice(0, 19)}+07:00`;
/** Date-only values come back as midnight in Bangkok, written like the seed: "2000-12-30T00:00:00+0700". */
export const bkkDay = (day: string | null): string | null => (day ? `${day}T00:00:00+0700` : null);
const yymm = (ms: number) => new Date(ms + BKK).toISOString().slice(2, 7).replace('-', '');
const round2 = (n: number) => Math.round(n * 100) / 100;
const pad = (n: number, width: number) => `${n}`.padStart(width, '0');

/** A real YYYY-MM-DD calendar date. [INF] the seed only gives the pattern. */
export function isDay(value: unknown): value is string {
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
	const d = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * A date-only or date-time value (order dates, event dates, modifiedSince). Returns epoch ms. Venio
 * writes Bangkok times with their offset ("2026-06-05T00:00:00+0700" [PUB]); an offset or Z sent is
 * honoured. [INF] (the one guess for dates) a value without one is Bangkok: a date is its Bangkok
 * midnight, a date-time its Bangkok wall time.
 */
function parseWhen(value: unknown): number | undefined {
	if (isDay(value)) return Date.parse(`${value}T00:00:00+07:00`);
	if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || !isDay(value.slice(0, 10))) return undefined;
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}+07:00`;
	const ms = Date.parse(zoned.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
	return Number.isNaN(ms) ? undefined : ms;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const oneOf = (v: unknown, allowed: number[]) => typeof v === 'number' && allowed.includes(v);
const strOrNull = (v: unknown) => (blank(v) ? null : String(v).trim());

export const ok = (data: unknown, status = 200): SimResponse => ({
	status,
	body: { status: { code: '1000', description: 'Success' }, data },
});

/** A refusal thrown from a handler; the guard turns it into the error envelope. */
export class VenioError extends Error {
	constructor(
		readonly http: number,
		readonly code: string,
		readonly problems: string[],
	) {
		super(problems.join('; '));
	}
	response(): SimResponse {
		return { status: this.http, body: { status: { code: this.code, description: this.message }, data: null } };
	}
}

/** 4001 for one problem, 4002 for several. */
export const invalid = (problems: string[]) => new VenioError(400, problems.length > 1 ? '4002' : '4001', problems);

/** Collects every validation problem of a request, then throws them together. */
class Problems {
	readonly list: string[] = [];
	check(good: boolean, problem: string): boolean {
		if (!good) this.list.push(problem);
		return good;
	}
	done(): void {
		if (this.list.length) throw invalid(this.list);
	}
}

type Body = Record<string, any>;

function objectBody(req: SimRequest, allowEmpty = false): Body {
	if (req.body === undefined && allowEmpty) return {};
	if (!req.body || typeof req.body !== 'object' || Array.isArray(req.body)) throw invalid(['Request body must be a JSON object']);
	return req.body as Body;
}

const query1 = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// ---------------------------------------------------------------------------------------------
// Customer field tables (seed 000)
// ---------------------------------------------------------------------------------------------

/** Body fields stored by POST /v3/customers and the JSON type each must have. */
const CUSTOMER_FIELDS: Record<string, 'string' | 'number' | 'array' | 'object'> = {
	customerName: 'string', customerState: 'number', customerStatus: 'number', customerType: 'number',
	customerPicture: 'string', customer2ndName: 'string', customerAliases: 'array', customerTaxNo: 'string',
	creditLimit: 'string', branchCode: 'string', customerPhone: 'string', customerMobile: 'string',
	customerEmail: 'string', customerPosition: 'string', customerGender: 'number', customerMaritalStatus: 'number',
	customerBirthdate: 'string', customerIncome: 'string', addresses: 'array', sourceName: 'string',
	customerGroupName: 'string', leadStatus: 'number', unqulifiedReasonName: 'string', unqulifiedReasonNote: 'string',
	interestsName: 'array', customerTags: 'array', classificationName: 'string', customFields: 'array',
	contacts: 'object', customerSocialAccount: 'object', customerNote: 'string', owners: 'array', primaryOwner: 'string',
};

const CUSTOMER_ENUMS: [string, number[], string][] = [
	['customerState', [1, 2, 3], '1 (Lead), 2 (Prospect) or 3 (Customer)'],
	['customerStatus', [0, 1, 2], '0 (active), 1 (ended) or 2 (closed)'],
	['customerType', [1, 2], '1 (Business) or 2 (Individual)'],
	['customerGender', [1, 2], '1 (Male) or 2 (Female)'],
	['customerMaritalStatus', [1, 2, 3, 4, 5, 6], '1 (Single) to 6 (Widowed)'],
	['leadStatus', [1, 2, 3, 4], '1 (New), 2 (Followup), 3 (Unqualified) or 4 (Interested)'],
];

/** A new customer before the body is applied: lists empty, other fields null. */
const BLANK_CUSTOMER = {
	...Object.fromEntries(Object.entries(CUSTOMER_FIELDS).map(([field, kind]) => [field, kind === 'array' ? [] : null])),
	customerName: '', customerState: 1, customerStatus: 0, leadStatus: 1, customerGroupName: null,
};

/** Answer field order: the seed's 201 example, then [INF] the other stored fields. */
const CUSTOMER_OUT = [
	'customerName', 'customerCode', 'customerState', 'customerPicture', 'customer2ndName', 'customerAliases', 'branchCode',
	'customerPhone', 'customerMobile', 'customerEmail', 'customerSocialAccount', 'customerPosition', 'customerGender',
	'customerMaritalStatus', 'customerBirthdate', 'addresses', 'interestsName', 'classificationName', 'customFields',
	'customerType', 'customerNote', 'owners', 'customerStatus', 'leadStatus', 'customerIncome',
	'customerTaxNo', 'creditLimit', 'sourceName', 'customerGroupName', 'customerTags', 'contacts', 'primaryOwner',
	'unqulifiedReasonName', 'unqulifiedReasonNote',
];

/** Legacy enquiry customerType codes, in customerState order (Lead, Prospect, Customer). */
const LEGACY_TYPES = [11100, 11200, 11300];
// [INF] Enquiry orderBy fields and keyword fields.
const SORTABLE = ['customerId', 'customerCode', 'customerName', 'dateCreated', 'dateModified'];
const KEYWORD_FIELDS = ['customerName', 'customerCode', 'customer2ndName', 'customerPhone', 'customerMobile', 'customerEmail'];

/** Seed 003's legacy envelope. */
export const legacyOk = (value: unknown): SimResponse => ({
	status: 200,
	body: { data: { value, formatters: [], statusCode: 200 }, statusCode: 1000, httpStatusCode: 200 },
});

/** [INF] A legacy refusal keeps the legacy envelope: value null, the business code, the HTTP code and a message. */
function legacyWrap(run: () => SimResponse): SimResponse {
	try {
		return run();
	} catch (error) {
		if (!(error instanceof VenioError)) throw error;
		const code = /^\d+$/.test(error.code) ? Number(error.code) : error.code;
		return {
			status: error.http,
			body: { data: { value: null, formatters: [], statusCode: error.http }, statusCode: code, httpStatusCode: error.http, message: error.message },
		};
	}
}

// ---------------------------------------------------------------------------------------------
// Sales-order field tables (vendors.md "Get SalesOrder by No")
// ---------------------------------------------------------------------------------------------

/** The documented GET /v2/salesorder/{no} data fields, in the documented order. */
const SO_OUT = [
	'salesOrderSubject', 'customerCode', 'customerId', 'salesOrderNo', 'salesOrderStatus', 'salesOrderDate', 'recipientName',
	'recipientAddress', 'headerTemplateId', 'warehouseCode', 'salesorderDetails', 'discountName', 'discountValue', 'discountType',
	'paymentTerm', 'remark', 'staffCode', 'salesOrderNote', 'vatCalculation', 'subTotal', 'subTotalWithDiscount', 'grandTotal',
	'totalVat', 'privateNote', 'referenceNo', 'contactId', 'customerAddressId', 'currencyCode', 'salesOrderId', 'payment',
	'invoiceInfo', 'shippingDocumentUrl', 'trackingNo', 'discounts', 'integrationPlatform', 'isIntegrationOrderPaid',
	'recipient', 'salesOrderCustomerAddress',
];
// [INF] Header fields a create/update body may set as they are (the body mirrors the GET shape).
const SO_COPY = [
	'salesOrderSubject', 'recipientName', 'recipientAddress', 'headerTemplateId', 'warehouseCode', 'discountName', 'paymentTerm',
	'remark', 'staffCode', 'salesOrderNote', 'vatCalculation', 'privateNote', 'referenceNo', 'contactId', 'customerAddressId',
	'currencyCode', 'invoiceInfo', 'shippingDocumentUrl', 'discounts', 'integrationPlatform', 'isIntegrationOrderPaid',
];
// [INF] salesOrderStatus values.
export const STATUS_NAMES: Record<number, string> = { 1: 'Waiting for approval', 2: 'Approved', 3: 'Rejected' };

const SEED_START = Date.parse(seededTime(0));
const PEOPLE_POOL = 4099;
const SEED_GROUPS = ['Retail', 'Wholesale', 'VIP'];
const SEED_SOURCES = ['Facebook', 'LINE', 'Walk-in'];

// [INF] Quotation body fields stored as sent, and the quotation statuses.
const QT_COPY = ['quotationSubject', 'staffCode', 'remark', 'referenceNo', 'discountName', 'paymentTerm', 'validUntil', 'privateNote'];
export const QT_STATUS: Record<number, string> = { 1: 'Open', 2: 'Converted', 3: 'Cancelled' };

// ---------------------------------------------------------------------------------------------
// The simulator
// ---------------------------------------------------------------------------------------------

export class VenioSim extends Vendor {
	options: VenioOptions;
	readonly tokens = new TokenIssuer(3600);
	/** Every request to the token endpoint, successful or not. */
	tokenRequests = 0;
	customers: Customer[] = [];
	private customerByCode = new Map<string, Customer>();
	private customerByName = new Map<string, Customer>();
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
	private seq = { customer: 0, order: 0, orderId: 0, quotation: 0, quotationId: 0, product: 0, event: 0, satisfaction: 0 };
	private queue: Promise<void> = Promise.resolve();
	private people: Person[] = [];

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

	private now(): number {
		return this.options.now().getTime();
	}

	// ----- routing and the gate -----------------------------------------------------------------

	private registerRoutes(): void {
		type H = (req: SimRequest) => SimResponse | Promise<SimResponse>;
		// [key, method, default path, handler, legacy?]
		const table: [RouteKey, string, string, H, boolean?][] = [
			['token', 'POST', '/authorization/connect/token', (r) => this.token(r), true],
			['customerUpsert', 'POST', '/v3/customers', (r) => this.upsertCustomer(r)],
			['customerByName', 'GET', '/v3/customers/name/:customerName', (r) => this.getCustomerByName(r)],
			['customerEnquiry', 'POST', '/v3/customers/enquiry', (r) => this.customerEnquiry(r, false)],
			['customerByTaxId', 'GET', '/v3/customers/taxid/:taxId', (r) => this.customersByTaxId(r)],
			['customerByCode', 'GET', '/v3/customers/:customerCode', (r) => ok(this.customerOut(this.customer(r.params.customerCode)))],
			['legacyCustomerEnquiry', 'POST', '/v1/Customers/Enquiry', (r) => this.customerEnquiry(r, true), true],
			['legacyCustomerByCode', 'GET', '/v1/Customers/:customerCode', (r) => this.legacyCustomer(r), true],
			['satisfaction', 'POST', '/v1/customers/satisfaction', (r) => this.createSatisfaction(r)],
			['eventCreate', 'POST', '/v1/customerEvent', (r) => this.createEvent(r)],
			['eventFilter', 'GET', '/v1/customerEvent/filter', (r) => this.filterEvents(r)],
			['eventTypes', 'GET', '/v1/customerEvent/types', () => ok(structuredClone(this.eventTypes))],
			['eventUpdate', 'PUT', '/v1/customerEvent/:id', (r) => this.updateEvent(r)],
			['eventDelete', 'DELETE', '/v1/customerEvent/:id', (r) => this.deleteEvent(r)],
			['employees', 'GET', '/v1/employees', () => ok(structuredClone(this.employees))],
			['employeeEnquiry', 'POST', '/v1/Employees/Enquiry', (r) => this.employeeEnquiry(r)],
			['soUpsert', 'POST', '/v2/salesorder', (r) => this.upsertOrder(r)],
			['soEnquiry', 'POST', '/v2/salesorder/enquiry', (r) => this.orderEnquiry(r)],
			['soById', 'GET', '/v2/salesorder/id/:salesOrderId', (r) => ok([this.orderOut(this.orderById(r.params.salesOrderId))])],
			['soByNo', 'GET', '/v2/salesorder/:salesOrderNo', (r) => ok(this.orderOut(this.order(r.params.salesOrderNo)))],
			['soApprove', 'PUT', '/v2/salesorder/:salesOrderNo/approve', (r) => this.decide(r, 2)],
			['soReject', 'PUT', '/v2/salesorder/:salesOrderNo/reject', (r) => this.decide(r, 3)],
			['soPayment', 'PUT', '/v2/salesorder/:salesOrderNo/payment', (r) => this.payOrder(r)],
			['soTracking', 'PUT', '/v2/salesorder/:salesOrderNo/tracking', (r) => this.trackOrder(r)],
			['soAttachment', 'GET', '/v2/salesorder/:salesOrderNo/attachment', (r) => this.attachment(r)],
			['legacySoById', 'GET', '/v1/SalesOrders/:id', (r) => this.legacyOrder(r), true],
			['qtUpsert', 'POST', '/v1/quotation', (r) => this.upsertQuotation(r)],
			['qtEnquiry', 'POST', '/v1/quotation/enquiry', (r) => this.quotationEnquiry(r)],
			['qtGet', 'GET', '/v1/quotation/:quotationNo', (r) => ok(this.quotationOut(this.quotation(r.params.quotationNo)))],
			['qtConvert', 'POST', '/v1/quotation/:quotationNo/convert-to-salesorder', (r) => this.convertQuotation(r)],
			['qtCancel', 'PUT', '/v1/quotation/:quotationNo/cancel', (r) => this.cancelQuotation(r)],
			['productUpsert', 'POST', '/v3/products', (r) => this.upsertProduct(r)],
			['productList', 'GET', '/v3/products', (r) => this.listProducts(r)],
			['productGet', 'GET', '/v3/products/:productCode', (r) => ok(this.productOut(this.product(r.params.productCode)))],
			['productStock', 'PUT', '/v3/products/:productCode/stock', (r) => this.updateStock(r)],
			['units', 'GET', '/v1/products/units', () => ok(structuredClone(this.units))],
			['groups', 'GET', '/v1/products/groups', () => ok(structuredClone(this.groups))],
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
				if (req.body === INVALID_JSON) throw invalid(['Request body is not valid JSON']);
				return await handler(req);
			} catch (error) {
				if (error instanceof VenioError) return error.response();
				// [INF] description wording
				return new VenioError(500, 'E9905', ['An unexpected error occurred, please try again later']).response();
			}
		};
	}

	private notFound(what: string, key: string): VenioError {
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

	private nameKey(name: string): string {
		return this.options.nameCaseInsensitive ? name.trim().toLowerCase() : name; // [INF]
	}

	/** The customer with this code, or a not-found refusal. */
	customer(code: string): Customer {
		const found = this.customerByCode.get(code.toUpperCase());
		if (!found) throw this.notFound('Customer', code);
		return found;
	}

	private isEmployee(code: unknown): boolean {
		return !this.options.validateEmployees || this.employees.some((e) => e.employeeCode === code); // [INF]
	}

	private upsertCustomer(req: SimRequest): SimResponse {
		const body = objectBody(req);
		const existing = blank(body.customerCode) ? undefined : this.customer(String(body.customerCode));
		this.checkCustomer(body, existing);
		if (existing) this.customerByName.delete(this.nameKey(existing.customerName));
		const c = existing ?? this.blankCustomer();
		for (const [field, kind] of Object.entries(CUSTOMER_FIELDS)) {
			if (body[field] === undefined || (body[field] === null && kind === 'number')) continue; // null number = not sent [INF]
			c[field] = body[field] === null && kind === 'array' ? [] : body[field];
		}
		c.customerName = String(body.customerName).trim();
		// Seed: without leadStatus a Lead starts as 1 (New), a Prospect or Customer as 4 (Interested).
		if (!existing && body.leadStatus === undefined) c.leadStatus = c.customerState === 1 ? 1 : 4;
		if (!blank(c.primaryOwner) && !c.owners.includes(c.primaryOwner)) c.owners = [...c.owners, c.primaryOwner]; // [INF]
		c.dateModified = Math.max(this.now(), existing ? existing.dateModified + 1 : 0);
		this.storeCustomer(c);
		return ok(this.customerOut(c), existing ? 200 : 201);
	}

	/** Every seed 000 rule; all problems are reported together (4002 when more than one). */
	private checkCustomer(body: Body, existing: Customer | undefined): void {
		const p = new Problems();
		if (p.check(!blank(body.customerName), 'customerName is required') && typeof body.customerName === 'string') {
			const other = this.customerByName.get(this.nameKey(body.customerName));
			p.check(!other || other === existing, `customerName ${body.customerName.trim()} already exists`);
		}
		p.check(body.customerState !== undefined && body.customerState !== null, 'customerState is required');
		for (const [field, kind] of Object.entries(CUSTOMER_FIELDS)) {
			const v = body[field];
			if (v === undefined || v === null) continue;
			const good = kind === 'array' ? Array.isArray(v) : kind === 'object' ? typeof v === 'object' && !Array.isArray(v) : typeof v === kind;
			p.check(good, `${field} must be ${kind === 'array' ? 'an array' : `a${kind === 'object' ? 'n' : ''} ${kind}`}`);
		}
		for (const [field, allowed, words] of CUSTOMER_ENUMS) {
			if (typeof body[field] === 'number') p.check(oneOf(body[field], allowed), `${field} must be ${words}`);
		}
		if (!blank(body.customerBirthdate)) p.check(isDay(body.customerBirthdate), 'customerBirthdate must be a date in the format YYYY-MM-DD');
		if (typeof body.classificationName === 'string') p.check(body.classificationName.length <= 3, 'classificationName must be at most 3 characters');
		if (Array.isArray(body.addresses)) {
			body.addresses.forEach((a: Body, i: number) => {
				p.check(!blank(a?.locationAddress), `addresses[${i}].locationAddress is required`);
				p.check(!blank(a?.locationName), `addresses[${i}].locationName is required`);
				p.check(oneOf(a?.locationType, [1, 2]), `addresses[${i}].locationType is required: 1 (billing) or 2 (shipping)`);
			});
		}
		if (Array.isArray(body.customFields)) {
			body.customFields.forEach((f: Body, i: number) => {
				p.check(!blank(f?.customFieldName), `customFields[${i}].customFieldName is required`);
				const values = f?.customFieldValue;
				p.check(Array.isArray(values) && values.length > 0 && values.every((v: unknown) => typeof v === 'string'), `customFields[${i}].customFieldValue is required (a list of strings)`);
			});
		}
		if (body.contacts && typeof body.contacts === 'object') {
			p.check(!blank(body.contacts.contactName), 'contacts.contactName is required');
			if (!blank(body.contacts.contactBirthdate)) p.check(isDay(body.contacts.contactBirthdate), 'contacts.contactBirthdate must be a date in the format YYYY-MM-DD');
		}
		for (const owner of Array.isArray(body.owners) ? body.owners : []) p.check(this.isEmployee(owner), `owner ${owner} is not an employee code`);
		if (!blank(body.primaryOwner)) p.check(this.isEmployee(body.primaryOwner), `primaryOwner ${body.primaryOwner} is not an employee code`);
		// Cross-field rules look at the record as it will be after the update.
		const merged = (field: string) => (body[field] !== undefined ? body[field] : existing?.[field]);
		if (oneOf(merged('customerStatus'), [1, 2])) p.check(!blank(merged('customerNote')), 'customerNote is required when customerStatus is 1 (ended) or 2 (closed)');
		if (merged('leadStatus') === 3 && merged('customerState') === 1) {
			p.check(!blank(merged('unqulifiedReasonName')), 'unqulifiedReasonName is required when leadStatus is 3 (Unqualified) and customerState is 1 (Lead)');
			p.check(!blank(merged('unqulifiedReasonNote')), 'unqulifiedReasonNote is required when leadStatus is 3 (Unqualified) and customerState is 1 (Lead)');
		}
		p.done();
	}

	private blankCustomer(now = this.now()): Customer {
		const id = ++this.seq.customer;
		// One spread of a fixed template keeps 100,000 seeded records fast; lists are fresh per record.
		return {
			...BLANK_CUSTOMER,
			customerId: id,
			customerCode: `C${pad(id, 6)}`,
			customerAliases: [],
			addresses: [],
			interestsName: [],
			customerTags: [],
			customFields: [],
			owners: [],
			dateCreated: now,
			dateModified: now,
		};
	}

	private storeCustomer(c: Customer): void {
		if (!this.customerByCode.has(c.customerCode)) this.customers.push(c);
		this.customerByCode.set(c.customerCode, c);
		this.customerByName.set(this.nameKey(c.customerName), c);
	}

	/** The seed's 201 example shape, then [INF] the other stored fields and the timestamps. */
	customerOut(c: Customer): Record<string, unknown> {
		const out: Record<string, unknown> = { customerId: String(c.customerId) };
		for (const field of CUSTOMER_OUT) out[field] = structuredClone(c[field]);
		out.customerBirthdate = bkkDay(c.customerBirthdate);
		out.addresses = (c.addresses as Body[]).map((a) => ({
			locationName: a.locationName,
			locationAddress: a.locationAddress,
			locationType: a.locationType,
			latitude: a.latitude ?? 0,
			longitude: a.longitude ?? 0,
		}));
		out.dateCreated = bkkTime(c.dateCreated);
		out.dateModified = bkkTime(c.dateModified);
		return out;
	}

	private getCustomerByName(req: SimRequest): SimResponse {
		const found = this.customerByName.get(this.nameKey(req.params.customerName));
		if (!found) throw this.notFound('Customer', req.params.customerName);
		return ok(this.customerOut(found));
	}

	/** [INF] Every customer with this tax ID (a company's branches share one), oldest first. */
	private customersByTaxId(req: SimRequest): SimResponse {
		const taxId = req.params.taxId.trim();
		const found = this.customers.filter((c) => typeof c.customerTaxNo === 'string' && c.customerTaxNo.trim() === taxId);
		if (!found.length) throw this.notFound('Customer with tax ID', taxId);
		return ok(found.map((c) => this.customerOut(c)));
	}

	// ----- Customers enquiry (current [INF] and legacy) -------------------------------------------

	private customerEnquiry(req: SimRequest, legacy: boolean): SimResponse {
		const b = objectBody(req);
		const p = new Problems();
		const max = this.options.maxPageLength;
		p.check(Number.isInteger(b.pageLength) && b.pageLength >= 1 && b.pageLength <= max, `pageLength is required and must be from 1 to ${max}`); // [INF] bound
		p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
		const typeState = LEGACY_TYPES.indexOf(b.customerType) + 1;
		if (legacy || b.customerType !== undefined) p.check(typeState > 0, 'customerType is required: 11100 (Lead), 11200 (Prospect) or 11300 (Customer)');
		for (const field of ['states', 'owners', 'groups', 'statuses']) p.check(b[field] === undefined || Array.isArray(b[field]), `${field} must be an array`);
		if (Array.isArray(b.states)) p.check(b.states.every((s: unknown) => oneOf(s, [1, 2, 3])), 'states must contain 1, 2 or 3');
		const order = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(String(b.orderBy ?? 'customerId asc'));
		p.check(!!order && SORTABLE.includes(order[1]), `orderBy must be "<field> asc|desc" with field one of ${SORTABLE.join(', ')}`);
		const since = b.modifiedSince === undefined ? undefined : parseWhen(b.modifiedSince);
		p.check(b.modifiedSince === undefined || since !== undefined, 'modifiedSince must be a date or date-time'); // [INF]
		p.done();

		const states = typeState > 0 ? [typeState] : (b.states as number[] | undefined);
		const keyword = blank(b.keyword) ? undefined : String(b.keyword).toLowerCase();
		const matches = this.customers.filter(
			(c) =>
				(!states?.length || states.includes(c.customerState)) &&
				(!b.owners?.length || c.owners.some((o) => b.owners.includes(o))) &&
				(!b.groups?.length || b.groups.includes(c.customerGroupName)) &&
				(!b.statuses?.length || b.statuses.includes(c.customerStatus)) &&
				(since === undefined || c.dateModified >= since) &&
				(!keyword || KEYWORD_FIELDS.some((f) => typeof c[f] === 'string' && c[f].toLowerCase().includes(keyword))),
		);
		const [, field, dir] = order!;
		if (field !== 'customerId' || dir?.toLowerCase() === 'desc') {
			const sign = dir?.toLowerCase() === 'desc' ? -1 : 1;
			matches.sort((x, y) => sign * (x[field] < y[field] ? -1 : x[field] > y[field] ? 1 : x.customerId - y.customerId));
		}
		const page = matches.slice(b.skip ?? 0, (b.skip ?? 0) + b.pageLength);
		if (legacy) return legacyOk(page.map((c) => this.legacyCustomerOut(c)));
		const answer = ok(page.map((c) => this.customerOut(c)));
		if (this.options.enquiryIncludesTotal) (answer.body as Body).total = matches.length; // [INF]
		return answer;
	}

	/** Legacy v1 customer fields (veniocrm.developer.azure-api.net GetCustomer). */
	private legacyCustomerOut(c: Customer): Record<string, unknown> {
		return {
			customerId: c.customerId,
			companyId: 1,
			customerCode: c.customerCode,
			customerName: c.customerName,
			customerType: LEGACY_TYPES[c.customerState - 1],
			isActive: c.customerStatus === 0,
			dateCreated: new Date(c.dateCreated).toISOString(),
			dateModified: new Date(c.dateModified).toISOString(),
			leadStatus: c.leadStatus,
			customerStateId: c.customerState,
			email: c.customerEmail,
			addresses: structuredClone(c.addresses),
			customerInterests: structuredClone(c.interestsName),
		};
	}

	private legacyCustomer(req: SimRequest): SimResponse {
		return legacyWrap(() => legacyOk(this.legacyCustomerOut(this.customer(req.params.customerCode))));
	}

	// ----- Satisfaction, events, employees ------------------------------------------------------

	private createSatisfaction(req: SimRequest): SimResponse {
		const b = objectBody(req);
		const p = new Problems();
		p.check(!blank(b.customerCode), 'customerCode is required');
		p.check(Number.isInteger(b.score) && b.score >= 1 && b.score <= 5, 'score is required and must be from 1 to 5');
		p.check(b.comment === undefined || b.comment === null || typeof b.comment === 'string', 'comment must be a string');
		p.done();
		const c = this.customer(String(b.customerCode));
		const record = { satisfactionId: ++this.seq.satisfaction, customerCode: c.customerCode, score: b.score as number, comment: strOrNull(b.comment), dateCreated: bkkTime(this.now()) };
		this.satisfactions.push(record);
		return ok(structuredClone(record), 201);
	}

	private checkEvent(b: Body, creating: boolean): void {
		const p = new Problems();
		const has = (f: string) => creating || b[f] !== undefined;
		if (has('eventName')) p.check(!blank(b.eventName), 'eventName is required');
		if (has('eventType')) p.check(this.eventTypes.some((t) => t.eventTypeId === b.eventType), `eventType is required and must be one of ${this.eventTypes.map((t) => t.eventTypeId).join(', ')}`);
		if (has('eventDate')) p.check(parseWhen(b.eventDate) !== undefined, 'eventDate is required (YYYY-MM-DD or a date-time)');
		if (has('customerCode')) p.check(!blank(b.customerCode), 'customerCode is required');
		p.done();
		if (!blank(b.customerCode)) this.customer(String(b.customerCode));
	}

	private eventOut(e: CustomerEvent): Record<string, unknown> {
		const type = this.eventTypes.find((t) => t.eventTypeId === e.eventType);
		const { dateCreated, dateModified, ...rest } = e;
		return { ...rest, eventTypeName: type?.eventTypeName ?? null, dateCreated: bkkTime(dateCreated), dateModified: bkkTime(dateModified) };
	}

	private createEvent(req: SimRequest): SimResponse {
		const b = objectBody(req);
		this.checkEvent(b, true);
		const e: CustomerEvent = {
			customerEventId: ++this.seq.event,
			customerCode: this.customer(String(b.customerCode)).customerCode,
			eventName: String(b.eventName).trim(),
			eventType: b.eventType,
			eventDate: b.eventDate,
			description: strOrNull(b.description),
			dateCreated: this.now(),
			dateModified: this.now(),
		};
		this.events.push(e);
		return ok(this.eventOut(e), 201);
	}

	private event(id: string): CustomerEvent {
		const found = this.events.find((e) => String(e.customerEventId) === id);
		if (!found) throw this.notFound('Customer event', id);
		return found;
	}

	private updateEvent(req: SimRequest): SimResponse {
		const e = this.event(req.params.id);
		const b = objectBody(req);
		this.checkEvent(b, false);
		if (b.eventName !== undefined) e.eventName = String(b.eventName).trim();
		if (b.eventType !== undefined) e.eventType = b.eventType;
		if (b.eventDate !== undefined) e.eventDate = b.eventDate;
		if (b.description !== undefined) e.description = strOrNull(b.description);
		if (b.customerCode !== undefined) e.customerCode = this.customer(String(b.customerCode)).customerCode;
		e.dateModified = this.now();
		return ok(this.eventOut(e));
	}

	private deleteEvent(req: SimRequest): SimResponse {
		const e = this.event(req.params.id);
		this.events = this.events.filter((x) => x !== e);
		return ok(true);
	}

	/** GET with customerCode and eventTypeIds in the query; DateFrom/DateTo in a JSON body (or the query [INF]). */
	private filterEvents(req: SimRequest): SimResponse {
		const code = query1(req.query.customerCode);
		if (blank(code)) throw invalid(['customerCode is required']);
		const customer = this.customer(String(code));
		const rawIds = req.query.eventTypeIds;
		const ids = (Array.isArray(rawIds) ? rawIds : String(rawIds ?? '').split(',')).filter((s) => s.trim() !== '').map(Number);
		const body = req.body && typeof req.body === 'object' ? (req.body as Body) : {};
		const from = body.DateFrom ?? body.dateFrom ?? query1(req.query.dateFrom);
		const to = body.DateTo ?? body.dateTo ?? query1(req.query.dateTo);
		const p = new Problems();
		p.check(ids.every(Number.isInteger), 'eventTypeIds must be whole numbers separated by commas');
		p.check(blank(from) || parseWhen(from) !== undefined, 'DateFrom must be a date');
		p.check(blank(to) || parseWhen(to) !== undefined, 'DateTo must be a date');
		p.done();
		const fromMs = blank(from) ? -Infinity : parseWhen(from)!;
		const toMs = blank(to) ? Infinity : parseWhen(to)! + (isDay(to) ? 86_399_999 : 0);
		const list = this.events
			.filter((e) => e.customerCode === customer.customerCode && (!ids.length || ids.includes(e.eventType)))
			.filter((e) => parseWhen(e.eventDate)! >= fromMs && parseWhen(e.eventDate)! <= toMs)
			.sort((x, y) => parseWhen(x.eventDate)! - parseWhen(y.eventDate)! || x.customerEventId - y.customerEventId);
		return ok(list.map((e) => this.eventOut(e)));
	}

	private employeeEnquiry(req: SimRequest): SimResponse {
		const b = objectBody(req, true);
		const p = new Problems();
		p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
		p.check(b.pageLength === undefined || (Number.isInteger(b.pageLength) && b.pageLength >= 1 && b.pageLength <= this.options.maxPageLength), `pageLength must be from 1 to ${this.options.maxPageLength}`);
		p.done();
		const keyword = blank(b.keyword) ? '' : String(b.keyword).toLowerCase();
		const list = this.employees.filter((e) => `${e.employeeCode} ${e.employeeName} ${e.email}`.toLowerCase().includes(keyword));
		return ok(structuredClone(list.slice(b.skip ?? 0, (b.skip ?? 0) + (b.pageLength ?? this.options.maxPageLength))));
	}

	// ----- Sales orders and quotations: shared document reading --------------------------------

	/** Lines of an order or quotation; every problem goes to `p`. */
	private readLines(raw: unknown, field: string, p: Problems): Line[] {
		if (!p.check(Array.isArray(raw) && raw.length > 0, `${field} is required (at least one line)`)) return [];
		return (raw as Body[]).map((l, i) => {
			const at = `${field}[${i}]`;
			const product = blank(l?.productCode) ? undefined : this.products.get(String(l.productCode).toUpperCase());
			if (p.check(!blank(l?.productCode), `${at}.productCode is required`) && this.options.requireKnownProducts) {
				p.check(!!product, `${at}.productCode ${l.productCode} not found`); // [INF]
			}
			p.check(typeof l?.qty === 'number' && l.qty > 0, `${at}.qty must be greater than 0`);
			for (const f of ['price', 'discountValue', 'whtTaxValue']) p.check(l?.[f] === undefined || (typeof l[f] === 'number' && l[f] >= 0), `${at}.${f} must be 0 or more`);
			p.check(l?.vatTaxValue === undefined || (typeof l.vatTaxValue === 'number' && l.vatTaxValue >= 0 && l.vatTaxValue <= 100), `${at}.vatTaxValue must be a VAT percentage from 0 to 100`); // [INF]
			p.check(l?.discountType === undefined || typeof l.discountType === 'boolean', `${at}.discountType must be true (percent) or false (amount)`);
			if (l?.discountType === true) p.check(!(l.discountValue > 100), `${at}.discountValue must be at most 100 when discountType is true`);
			const qty = Number(l?.qty) || 0;
			const price = typeof l?.price === 'number' ? l.price : (product?.price ?? 0); // [INF] product price when not sent
			const discountValue = typeof l?.discountValue === 'number' ? l.discountValue : 0;
			const discountType = l?.discountType === true;
			const gross = qty * price;
			return {
				productCode: product?.productCode ?? String(l?.productCode ?? ''),
				productName: strOrNull(l?.productName) ?? product?.productName ?? '',
				productDescription: strOrNull(l?.productDescription) ?? product?.productDescription ?? null,
				productUnitName: product?.unitName ?? '',
				unitId: product?.unitId ?? 0,
				qty,
				price,
				discountValue,
				discountType,
				vatTaxValue: typeof l?.vatTaxValue === 'number' ? l.vatTaxValue : (product?.vatTaxValue ?? 0),
				whtTaxValue: typeof l?.whtTaxValue === 'number' ? l.whtTaxValue : 0,
				totalPrice: round2(gross - (discountType ? (gross * discountValue) / 100 : discountValue)),
				isShipping: l?.isShipping === true,
				warehouseCode: strOrNull(l?.warehouseCode),
			};
		});
	}

	/**
	 * Header checks common to orders and quotations. On an update, unsent customer, lines and discount
	 * keep their stored values [INF]. Returns the customer, lines and the computed totals.
	 */
	private readDocument(b: Body, prev: Body | undefined, dateField: string, detailsField: string) {
		const p = new Problems();
		const code = b.customerCode ?? prev?.customerCode;
		if (p.check(!blank(code), 'customerCode is required')) p.check(this.customerByCode.has(String(code).toUpperCase()), `customerCode ${code} not found`);
		const lines: Line[] = b[detailsField] === undefined && prev ? prev[detailsField] : this.readLines(b[detailsField], detailsField, p);
		if (b[dateField] !== undefined) p.check(parseWhen(b[dateField]) !== undefined, `${dateField} must be YYYY-MM-DD or a date-time`);
		if (!blank(b.staffCode)) p.check(this.isEmployee(b.staffCode), `staffCode ${b.staffCode} is not an employee code`);
		p.check(b.discountValue === undefined || (typeof b.discountValue === 'number' && b.discountValue >= 0), 'discountValue must be 0 or more');
		p.check(b.discountType === undefined || typeof b.discountType === 'boolean', 'discountType must be true (percent) or false (amount)');
		p.done();
		const discountValue: number = b.discountValue ?? prev?.discountValue ?? 0;
		const discountType: boolean = b.discountType ?? prev?.discountType ?? false;
		// [INF] Totals: lines net of their discounts; the header discount lowers VAT pro rata.
		const subTotal = round2(lines.reduce((sum, l) => sum + l.totalPrice, 0));
		const subTotalWithDiscount = round2(Math.max(0, subTotal - (discountType ? (subTotal * discountValue) / 100 : discountValue)));
		const vat = lines.reduce((sum, l) => sum + (l.totalPrice * l.vatTaxValue) / 100, 0);
		const totalVat = round2(subTotal > 0 ? (vat * subTotalWithDiscount) / subTotal : 0);
		const day = b[dateField] === undefined ? (prev?.[dateField] ?? this.today()) : bkkDay(new Date(parseWhen(b[dateField])! + BKK).toISOString().slice(0, 10));
		return { customer: this.customer(String(code)), lines, discountValue, discountType, day, subTotal, subTotalWithDiscount, totalVat, grandTotal: round2(subTotalWithDiscount + totalVat) };
	}

	private today(): string {
		return bkkDay(new Date(this.now() + BKK).toISOString().slice(0, 10))!;
	}

	// ----- Sales orders (/v2/salesorder) ---------------------------------------------------------

	order(no: string): SalesOrder {
		const found = this.orders.get(no.toUpperCase());
		if (!found) throw this.notFound('Sales order', no);
		return found;
	}

	private orderById(id: string): SalesOrder {
		for (const o of this.orders.values()) if (String(o.doc.salesOrderId) === id) return o;
		throw this.notFound('Sales order id', id);
	}

	orderOut(o: SalesOrder): Record<string, unknown> {
		return structuredClone(o.doc);
	}

	/** Creates (no salesOrderNo) or updates an order from a request body; no webhook here. */
	private writeOrder(b: Body, existing?: SalesOrder): SalesOrder {
		if (existing?.doc.salesOrderStatus === 2) throw invalid([`Sales order ${existing.doc.salesOrderNo} is approved and can no longer be changed`]); // [INF]
		const d = this.readDocument(b, existing?.doc, 'salesOrderDate', 'salesorderDetails');
		const now = this.now();
		const o: SalesOrder = existing ?? {
			doc: Object.assign(Object.fromEntries(SO_OUT.map((f) => [f, null])), {
				salesOrderNo: `SO${yymm(now)}-${pad(++this.seq.order, 4)}`, // [INF] numbering
				salesOrderId: ++this.seq.orderId,
				salesOrderStatus: 1,
				salesorderDetails: [],
				discounts: [],
				payment: { paymentStatus: 1, periods: [] },
				invoiceInfo: {},
				isIntegrationOrderPaid: false,
			}) as SalesOrder['doc'],
			dateCreated: now,
			dateModified: now,
			dateApproved: null,
			reason: null,
			states: [{ statusId: 1, reason: null, at: now }],
			quotationNo: null,
		};
		for (const f of SO_COPY) if (b[f] !== undefined) o.doc[f] = structuredClone(b[f]);
		const address = (d.customer.addresses as Body[])[Math.max(0, Number(o.doc.customerAddressId ?? 1) - 1)];
		Object.assign(o.doc, {
			customerCode: d.customer.customerCode,
			customerId: d.customer.customerId,
			salesOrderDate: d.day,
			salesorderDetails: d.lines,
			discountValue: d.discountValue,
			discountType: d.discountType,
			subTotal: d.subTotal,
			subTotalWithDiscount: d.subTotalWithDiscount,
			totalVat: d.totalVat,
			grandTotal: d.grandTotal,
			currencyCode: o.doc.currencyCode ?? 'THB',
			vatCalculation: o.doc.vatCalculation ?? 1,
			recipient: { name: o.doc.recipientName ?? d.customer.customerName, address: o.doc.recipientAddress ?? address?.locationAddress ?? null },
			salesOrderCustomerAddress: address
				? { addressId: Number(o.doc.customerAddressId ?? 1), locationName: address.locationName, location: address.locationAddress, fullAddress: `${address.locationName}, ${address.locationAddress}` }
				: null,
		});
		if (existing && o.doc.salesOrderStatus === 3) {
			o.doc.salesOrderStatus = 1; // [INF] editing a rejected order sends it back for approval
			o.states.push({ statusId: 1, reason: null, at: now });
		}
		o.dateModified = Math.max(now, existing ? existing.dateModified + 1 : now);
		this.orders.set(o.doc.salesOrderNo.toUpperCase(), o);
		return o;
	}

	private upsertOrder(req: SimRequest): SimResponse {
		const b = objectBody(req);
		const existing = blank(b.salesOrderNo) ? undefined : this.order(String(b.salesOrderNo));
		const o = this.writeOrder(b, existing);
		this.notify(o, existing ? 'updated' : 'created');
		return ok(this.orderOut(o), existing ? 200 : 201);
	}

	/** Approve / reject: only an order waiting for approval (status 1) can be decided [INF]. */
	private decide(req: SimRequest, statusId: 2 | 3): SimResponse {
		const o = this.order(req.params.salesOrderNo);
		const b = objectBody(req, true);
		const reason = strOrNull(b.reason);
		if (statusId === 3 && !reason) throw invalid(['reason is required']);
		if (o.doc.salesOrderStatus !== 1) throw invalid([`Sales order ${o.doc.salesOrderNo} is ${STATUS_NAMES[o.doc.salesOrderStatus]}, not waiting for approval`]);
		const now = Math.max(this.now(), o.dateModified + 1);
		o.doc.salesOrderStatus = statusId;
		o.reason = reason;
		o.states.push({ statusId, reason, at: now });
		if (statusId === 2) o.dateApproved = now;
		o.dateModified = now;
		this.notify(o, statusId === 2 ? 'approved' : 'rejected');
		return ok(true);
	}

	/** PUT …/payment {payments:[{periodNo | InstallmentNumber, status 1|2}]} → data:true. */
	private payOrder(req: SimRequest): SimResponse {
		const o = this.order(req.params.salesOrderNo);
		const b = objectBody(req);
		const p = new Problems();
		const list: Body[] = Array.isArray(b.payments) ? b.payments : [];
		p.check(list.length > 0, 'payments is required (at least one period)');
		list.forEach((x, i) => {
			const period = x?.periodNo ?? x?.InstallmentNumber;
			p.check(Number.isInteger(period) && period >= 1, `payments[${i}].periodNo is required (a whole number from 1)`);
			p.check(oneOf(x?.status, [1, 2]), `payments[${i}].status must be 1 (unpaid) or 2 (paid)`); // [INF] meaning
		});
		p.done();
		const periods: { periodNo: number; status: number }[] = o.doc.payment.periods;
		for (const x of list) {
			const periodNo = x.periodNo ?? x.InstallmentNumber;
			const found = periods.find((q) => q.periodNo === periodNo);
			if (found) found.status = x.status;
			else periods.push({ periodNo, status: x.status });
		}
		periods.sort((x, y) => x.periodNo - y.periodNo);
		o.doc.payment.paymentStatus = periods.every((q) => q.status === 2) ? 2 : 1;
		o.dateModified = Math.max(this.now(), o.dateModified + 1);
		this.notify(o, 'payment');
		return ok(true);
	}

	private trackOrder(req: SimRequest): SimResponse {
		const o = this.order(req.params.salesOrderNo);
		const b = objectBody(req);
		if (blank(b.trackingNo) || typeof b.trackingNo !== 'string') throw invalid(['trackingNo is required']);
		o.doc.trackingNo = b.trackingNo.trim();
		o.dateModified = Math.max(this.now(), o.dateModified + 1);
		return ok(true);
	}

	/** The order's printable document: a small PDF naming the order and its totals. [INF] */
	attachmentBytes(o: SalesOrder): Buffer {
		const d = o.doc;
		const lines = d.salesorderDetails.map((l) => `% ${l.productCode} x${l.qty} @ ${l.price} = ${l.totalPrice}`);
		const text = ['%PDF-1.4', `% Sales order ${d.salesOrderNo} for ${d.customerCode}`, ...lines, `% grandTotal ${d.grandTotal.toFixed(2)} ${d.currencyCode}`, '%%EOF', ''];
		return Buffer.from(text.join('\n'), 'utf8');
	}

	private attachment(req: SimRequest): SimResponse {
		const o = this.order(req.params.salesOrderNo);
		return {
			status: 200,
			raw: this.attachmentBytes(o),
			headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${o.doc.salesOrderNo}.pdf"` },
		};
	}

	// ----- Legacy GET /v1/SalesOrders/{id} (seed 003) ----------------------------------------------

	private legacyOrder(req: SimRequest): SimResponse {
		return legacyWrap(() => {
			if (!/^\d+$/.test(req.params.id)) throw invalid([`Invalid sale order id ${req.params.id}`]);
			return legacyOk(this.legacyOrderOut(this.orderById(req.params.id)));
		});
	}

	/** Seed 003's field names, filled from the stored order. */
	legacyOrderOut(o: SalesOrder): Record<string, unknown> {
		const d = o.doc;
		const id = d.salesOrderId;
		const status = d.salesOrderStatus;
		const c = this.customerByCode.get(d.customerCode);
		const staff = this.employees.find((e) => e.employeeCode === d.staffCode);
		const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
		const party = (name: string | null, companyName: string | null, address: string | null, taxId: string | null) => ({ name, companyName, address, taxId, pictureLogo: null });
		// [INF] Values the current API does not carry (ids of sites, deals, templates; approver ids) are placeholders.
		return {
			orderId: id,
			attachments: [{
				attachmentId: id, refId: id, type: 1, filename: `${d.salesOrderNo}.pdf`, extension: 'pdf', fileSize: this.attachmentBytes(o).length,
				isActive: true, createdByUserId: d.staffCode, dateCreated: iso(o.dateCreated), resourceUrl: null, companyId: 1, isProcessed: true,
				url: `/v2/salesorder/${d.salesOrderNo}/attachment`, urlResponseUpload: null, thumbnail: null,
			}],
			customer: c ? { customerId: c.customerId, customerCode: c.customerCode, customerName: c.customerName } : {},
			userInfo: staff ? { userId: staff.employeeCode, fullName: staff.employeeName, email: staff.email } : {},
			statusName: STATUS_NAMES[status], isEdit: status !== 2, isDelete: status !== 2, isApprove: status === 2, reason: o.reason, total: d.subTotal,
			buyer: party(c?.customerName ?? null, c?.customerType === 1 ? c.customerName : null, d.recipient?.address ?? null, c?.customerTaxNo ?? null),
			seller: party('Venio Sandbox', 'Venio Sandbox Co., Ltd.', '1 Sukhumvit Rd, Bangkok 10110', '0105550000001'),
			customerIds: [d.customerId],
			currency: {
				currencyCode: d.currencyCode, currencyName: 'Thai Baht', currencySymbol: '฿', currencyNumber: 764, dateCreated: '2020-01-01T00:00:00.000Z',
				isActive: true, currencyUnitTH: 'บาท', currencyUnitEN: 'Baht', currencySubUnitTH: 'สตางค์', currencySubUnitEN: 'Satang',
			},
			comments: [], isExcludeVat: d.vatCalculation !== 2, subTotal: d.subTotal, saleOrderId: id, orderType: 1, refNo: d.referenceNo,
			saleOrderNo: d.salesOrderNo, subject: d.salesOrderSubject, status, dateOrder: iso(parseWhen(d.salesOrderDate)!), customerId: d.customerId,
			contactId: d.contactId ?? 0, contactName: c?.contacts?.contactName ?? null, siteId: 0, isActive: true, remarkTemplateId: 0, remark: d.remark,
			createdByUserId: d.staffCode, dateCreated: iso(o.dateCreated), waitingApproveByUserId: status === 1 ? 'approver' : null,
			waitingApproveByRoleId: status === 1 ? 'sales-manager' : null, approvedByUserId: status === 1 ? null : 'api', modifiedByUserId: d.staffCode,
			dateModified: iso(o.dateModified), dateApproved: iso(o.dateApproved), activityId: 0, discount: round2(d.subTotal - d.subTotalWithDiscount),
			discountPercentage: d.discountType ? d.discountValue : 0, isDiscountPercentage: d.discountType, discountNote: d.discountName,
			grandTotal: d.grandTotal, privateNote: d.privateNote, currencyCode: d.currencyCode, shipToId: d.customerAddressId ?? 0,
			shipToAddress: d.recipient?.address ?? null, shipToAddressName: d.recipient?.name ?? null, shipToAddressType: 2, creditTerm: 0,
			paymentTermDescription: d.paymentTerm, vatType: d.vatCalculation, vat: d.totalVat, totalVat: d.totalVat,
			totalWht: round2(d.salesorderDetails.reduce((sum, l) => sum + (l.totalPrice * l.whtTaxValue) / 100, 0)), note: d.salesOrderNote,
			saleOrderHeaderTemplateId: d.headerTemplateId ?? 0, dealId: 0, isShowContact: true, refId: 0, ownerUserId: d.staffCode,
			saleOrderDetails: d.salesorderDetails.map((l, i) => ({
				name: l.productName, unit: l.productUnitName, totalQty: l.qty, saleOrderDetailId: id * 100 + i + 1, saleOrderId: id,
				partId: this.products.get(l.productCode.toUpperCase())?.productId ?? 0, qty: l.qty, unitId: l.unitId, unitName: l.productUnitName,
				price: l.price, discount: round2(l.qty * l.price - l.totalPrice), discountPercentage: l.discountType ? l.discountValue : 0,
				isDiscountPercentage: l.discountType, vatTaxId: l.vatTaxValue > 0 ? 1 : 0, vatTaxValue: l.vatTaxValue, whtTaxId: l.whtTaxValue > 0 ? 1 : 0,
				whtTaxValue: l.whtTaxValue, totalPrice: l.totalPrice, partCode: l.productCode, itemName: l.productName, note: l.productDescription,
				dateCreated: iso(o.dateCreated), seq: i + 1,
			})),
			saleOrderStates: o.states.map((s, i) => ({
				saleOrderStatesId: id * 100 + i + 1, saleOrderId: id, statusId: s.statusId, reason: s.reason, createdByUserId: d.staffCode,
				dateCreated: iso(s.at), approveLevel: s.statusId === 2 ? 1 : 0, seq: i + 1,
			})),
		};
	}

	// ----- Outbound webhook -------------------------------------------------------------------------

	/** `{Data:{SaleOrderNo, Event, DateModified, …}}` to every configured URL, one delivery at a time. */
	private notify(o: SalesOrder, event: WebhookEvent): void {
		if (!this.options.webhookEvents.includes(event)) return;
		const Data: Record<string, unknown> = { SaleOrderNo: o.doc.salesOrderNo, Event: event, DateModified: bkkTime(o.dateModified) };
		if (this.options.webhookExtraFields) {
			Object.assign(Data, { SaleOrderId: o.doc.salesOrderId, CustomerCode: o.doc.customerCode, Status: o.doc.salesOrderStatus, GrandTotal: o.doc.grandTotal }); // [INF]
		}
		for (const url of this.options.webhookUrls) this.deliver(url, event, { Data }, null);
	}

	private deliver(url: string, event: WebhookEvent, payload: Delivery['payload'], redeliveryOf: number | null): Delivery {
		const d: Delivery = { index: this.deliveries.length, url, event, payload, status: 0, attempts: 0, redeliveryOf };
		this.deliveries.push(d);
		const options = { retries: this.options.webhookRetries, timeoutMs: this.options.webhookTimeoutMs, retryDelayMs: 50 };
		this.queue = this.queue.then(async () => {
			const result = await deliverWebhook(url, payload, options);
			d.status = result.status;
			d.attempts = result.attempts;
		});
		return d;
	}

	/** Re-sends delivery `index` with the identical payload (a duplicate the receiver must drop). */
	redeliver(index: number): Delivery | undefined {
		const original = this.deliveries[index];
		return original && this.deliver(original.url, original.event, structuredClone(original.payload), original.index);
	}

	/** Resolves when every queued delivery has finished. */
	async flush(): Promise<void> {
		let seen: Promise<void> | undefined;
		while (seen !== this.queue) {
			seen = this.queue;
			await seen;
		}
	}

	// ----- Quotations (/v1/quotation) ---------------------------------------------------------------

	quotation(no: string): Quotation {
		const found = this.quotations.get(no.toUpperCase());
		if (!found) throw this.notFound('Quotation', no);
		return found;
	}

	quotationOut(q: Quotation): Record<string, unknown> {
		const { dateCreated, dateModified, ...rest } = structuredClone(q);
		return { ...rest, quotationStatusName: QT_STATUS[q.quotationStatus], dateCreated: bkkTime(dateCreated), dateModified: bkkTime(dateModified) };
	}

	private upsertQuotation(req: SimRequest): SimResponse {
		const b = objectBody(req);
		const existing = blank(b.quotationNo) ? undefined : this.quotation(String(b.quotationNo));
		if (existing && existing.quotationStatus !== 1) throw invalid([`Quotation ${existing.quotationNo} is ${QT_STATUS[existing.quotationStatus]} and can no longer be changed`]);
		const d = this.readDocument(b, existing, 'quotationDate', 'quotationDetails');
		const now = this.now();
		const q: Quotation = existing ?? {
			quotationId: ++this.seq.quotationId,
			quotationNo: `QT${yymm(now)}-${pad(++this.seq.quotation, 4)}`, // [INF] numbering
			quotationStatus: 1,
			quotationDetails: [],
			salesOrderNo: null,
			dateCreated: now,
			dateModified: now,
		};
		for (const f of QT_COPY) if (b[f] !== undefined || !existing) q[f] = b[f] ?? null;
		Object.assign(q, {
			customerCode: d.customer.customerCode, customerId: d.customer.customerId, quotationDate: d.day, quotationDetails: d.lines,
			discountValue: d.discountValue, discountType: d.discountType, subTotal: d.subTotal, subTotalWithDiscount: d.subTotalWithDiscount,
			totalVat: d.totalVat, grandTotal: d.grandTotal, dateModified: Math.max(now, existing ? existing.dateModified + 1 : now),
		});
		this.quotations.set(q.quotationNo.toUpperCase(), q);
		return ok(this.quotationOut(q), existing ? 200 : 201);
	}

	/**
	 * The enquiry body both document searches take: skip + `take` (documented for quotations) or
	 * `pageLength`, and filters. [INF] referenceNo matches exactly (any case), keyword is "contains".
	 */
	private documentEnquiry<T extends Body>(req: SimRequest, docs: T[], fields: (d: T) => { no: string; status: number; text: string }): SimResponse {
		const b = objectBody(req, true);
		const p = new Problems();
		const max = this.options.maxPageLength;
		const size = b.take ?? b.pageLength;
		p.check(size === undefined || (Number.isInteger(size) && size >= 1 && size <= max), `take (or pageLength) must be from 1 to ${max}`);
		p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
		p.check(b.statuses === undefined || Array.isArray(b.statuses), 'statuses must be an array');
		p.done();
		const keyword = blank(b.keyword) ? '' : String(b.keyword).toLowerCase();
		const list = docs.filter((d) => {
			const f = fields(d);
			return (
				(blank(b.customerCode) || d.customerCode === String(b.customerCode).trim().toUpperCase()) &&
				(blank(b.referenceNo) || (typeof d.referenceNo === 'string' && d.referenceNo.trim().toLowerCase() === String(b.referenceNo).trim().toLowerCase())) &&
				(blank(b.documentNo) || f.no.toUpperCase() === String(b.documentNo).trim().toUpperCase()) &&
				(!b.statuses?.length || b.statuses.includes(f.status)) &&
				f.text.toLowerCase().includes(keyword)
			);
		});
		const skip = b.skip ?? 0;
		const answer = ok(list.slice(skip, skip + (size ?? 20))); // [INF] default page 20
		if (this.options.enquiryIncludesTotal) (answer.body as Body).total = list.length;
		return answer;
	}

	private quotationEnquiry(req: SimRequest): SimResponse {
		const body = objectBody(req, true);
		// [PUB] quotationNo is one of the documented filters.
		const withNo = { ...req, body: { ...body, documentNo: body.quotationNo } };
		const answer = this.documentEnquiry(withNo, [...this.quotations.values()], (q) => ({
			no: q.quotationNo,
			status: q.quotationStatus,
			text: `${q.quotationNo} ${q.quotationSubject ?? ''} ${q.customerCode} ${q.referenceNo ?? ''}`,
		}));
		const data = (answer.body as Body).data;
		if (Array.isArray(data)) (answer.body as Body).data = data.map((q: Quotation) => this.quotationOut(q));
		return answer;
	}

	/** [INF] Sales-order search: no search is documented; shaped like Quotation Enquiry. */
	private orderEnquiry(req: SimRequest): SimResponse {
		const body = objectBody(req, true);
		const withNo = { ...req, body: { ...body, documentNo: body.salesOrderNo } };
		const answer = this.documentEnquiry(withNo, [...this.orders.values()].map((o) => o.doc), (d) => ({
			no: d.salesOrderNo,
			status: d.salesOrderStatus,
			text: `${d.salesOrderNo} ${d.salesOrderSubject ?? ''} ${d.customerCode} ${d.referenceNo ?? ''}`,
		}));
		const data = (answer.body as Body).data;
		if (Array.isArray(data)) (answer.body as Body).data = data.map((d: SalesOrder['doc']) => structuredClone(d));
		return answer;
	}

	/** Creates a sales order from an open quotation; a second conversion is refused (4001). */
	private convertQuotation(req: SimRequest): SimResponse {
		const q = this.quotation(req.params.quotationNo);
		const b = objectBody(req, true);
		if (!blank(b.QuotationNo) && String(b.QuotationNo).toUpperCase() !== q.quotationNo.toUpperCase()) {
			throw invalid([`QuotationNo ${b.QuotationNo} does not match the path (${q.quotationNo})`]); // [INF]
		}
		if (q.quotationStatus === 2) throw invalid([`Quotation ${q.quotationNo} was already converted to sales order ${q.salesOrderNo}`]);
		if (q.quotationStatus === 3) throw invalid([`Quotation ${q.quotationNo} is cancelled`]);
		const o = this.writeOrder({
			customerCode: q.customerCode, salesOrderSubject: q.quotationSubject, staffCode: q.staffCode, remark: q.remark,
			referenceNo: q.quotationNo, discountValue: q.discountValue, discountType: q.discountType,
			salesorderDetails: q.quotationDetails.map((l) => ({ ...l })),
		});
		o.quotationNo = q.quotationNo;
		Object.assign(q, { quotationStatus: 2, salesOrderNo: o.doc.salesOrderNo, dateModified: Math.max(this.now(), q.dateModified + 1) });
		this.notify(o, 'created');
		return ok(this.orderOut(o), 201);
	}

	private cancelQuotation(req: SimRequest): SimResponse {
		const q = this.quotation(req.params.quotationNo);
		if (q.quotationStatus !== 1) throw invalid([`Quotation ${q.quotationNo} is ${QT_STATUS[q.quotationStatus]} and cannot be cancelled`]);
		Object.assign(q, { quotationStatus: 3, dateModified: Math.max(this.now(), q.dateModified + 1) });
		return ok(true);
	}

	// ----- Products ---------------------------------------------------------------------------------

	product(code: string): Product {
		const found = this.products.get(code.toUpperCase());
		if (!found) throw this.notFound('Product', code);
		return found;
	}

	productOut(p: Product): Record<string, unknown> {
		const { dateCreated, dateModified, ...rest } = structuredClone(p);
		const stockQty = p.stocks.reduce((sum, s) => sum + s.qty, 0);
		return { ...rest, stockQty, dateCreated: bkkTime(dateCreated), dateModified: bkkTime(dateModified) };
	}

	/** [INF] Upsert by productCode; unitName / productGroupName must be known (see /v1/products/units, groups). */
	private upsertProduct(req: SimRequest): SimResponse {
		const b = objectBody(req);
		const existing = blank(b.productCode) ? undefined : this.products.get(String(b.productCode).toUpperCase());
		const p = new Problems();
		p.check(!blank(b.productCode), 'productCode is required');
		if (!existing) p.check(!blank(b.productName), 'productName is required');
		for (const f of ['price', 'vatTaxValue']) p.check(b[f] === undefined || (typeof b[f] === 'number' && b[f] >= 0), `${f} must be 0 or more`);
		p.check(b.status === undefined || oneOf(b.status, [1, 2]), 'status must be 1 (active) or 2 (inactive)');
		const unit = this.units.find((u) => u.unitName === b.unitName || u.unitId === b.unitId);
		if (b.unitName !== undefined || b.unitId !== undefined) p.check(!!unit, `unit ${b.unitName ?? b.unitId} not found`);
		const group = this.groups.find((g) => g.productGroupName === b.productGroupName || g.productGroupId === b.productGroupId);
		if (b.productGroupName !== undefined || b.productGroupId !== undefined) p.check(!!group, `product group ${b.productGroupName ?? b.productGroupId} not found`);
		p.done();
		const now = this.now();
		const product: Product = existing ?? {
			productId: ++this.seq.product, productCode: String(b.productCode).trim(), productName: '', productDescription: null, price: 0,
			unitId: this.units[0].unitId, unitName: this.units[0].unitName, productGroupId: null, productGroupName: null, barcode: null,
			vatTaxValue: 7, status: 1, stocks: [], dateCreated: now, dateModified: now,
		};
		for (const f of ['productName', 'productDescription', 'barcode'] as const) if (b[f] !== undefined) product[f] = strOrNull(b[f]) as string;
		for (const f of ['price', 'vatTaxValue', 'status'] as const) if (b[f] !== undefined) product[f] = b[f];
		if (unit) Object.assign(product, unit);
		if (group) Object.assign(product, group);
		product.dateModified = Math.max(now, existing ? existing.dateModified + 1 : now);
		this.products.set(product.productCode.toUpperCase(), product);
		return ok(this.productOut(product), existing ? 200 : 201);
	}

	/** GET /v3/products?take=&status=&skip=&keyword=&groupId= */
	private listProducts(req: SimRequest): SimResponse {
		const take = intParam(req.query.take, 20, 1, this.options.maxPageLength); // [INF] default 20
		const skip = intParam(req.query.skip, 0, 0, Number.MAX_SAFE_INTEGER);
		const status = intParam(req.query.status, 0, 1, 2);
		const groupId = intParam(req.query.groupId, 0, 1, Number.MAX_SAFE_INTEGER);
		const p = new Problems();
		for (const [name, value] of Object.entries({ take, skip, status, groupId })) p.check(typeof value === 'number', `${name} ${value}`);
		p.done();
		const keyword = String(query1(req.query.keyword) ?? '').toLowerCase();
		const list = [...this.products.values()].filter(
			(x) => (!status || x.status === status) && (!groupId || x.productGroupId === groupId) && `${x.productCode} ${x.productName}`.toLowerCase().includes(keyword),
		);
		return ok(list.slice(skip as number, (skip as number) + (take as number)).map((x) => this.productOut(x)));
	}

	/** [INF] {qty, warehouseCode}: sets that warehouse's on-hand quantity. */
	private updateStock(req: SimRequest): SimResponse {
		const product = this.product(req.params.productCode);
		const b = objectBody(req);
		const p = new Problems();
		p.check(typeof b.qty === 'number' && Number.isFinite(b.qty) && b.qty >= 0, 'qty is required and must be 0 or more');
		p.check(this.warehouses.includes(b.warehouseCode), `warehouseCode is required: one of ${this.warehouses.join(', ')}`);
		p.done();
		const stock = product.stocks.find((s) => s.warehouseCode === b.warehouseCode);
		if (stock) stock.qty = b.qty;
		else product.stocks.push({ warehouseCode: b.warehouseCode, qty: b.qty });
		product.dateModified = Math.max(this.now(), product.dateModified + 1);
		return ok(this.productOut(product));
	}

	// ----- Seed -------------------------------------------------------------------------------------

	/**
	 * Replaces all records with the fixtures and `customers` seeded customers (100,000 take about 1 s).
	 * Options, tokens and counters are kept; `reset()` restores those too.
	 */
	seed(customers = this.options.seedCustomers): void {
		this.seq = { customer: 0, order: 0, orderId: 5000, quotation: 0, quotationId: 700, product: 0, event: 0, satisfaction: 0 };
		this.customers = [];
		this.customerByCode.clear();
		this.customerByName.clear();
		this.events = [];
		this.satisfactions = [];
		this.orders.clear();
		this.quotations.clear();
		this.deliveries = [];
		this.queue = Promise.resolve();
		this.employees = [
			['E001', 'สมศักดิ์ ใจดี (Somsak Jaidee)'], ['E002', 'Nguyễn Thị Lan'], ['E003', '陳志明 (Chen Chih-ming)'], ['E004', 'Kanya Srisuk'],
		].map(([employeeCode, employeeName], i) => ({ employeeCode, employeeName, email: `sales${i + 1}@venio-sandbox.example` }));
		this.units = ['ชิ้น (piece)', 'แก้ว (cup)', 'กล่อง (box)', 'ชุด (set)'].map((unitName, i) => ({ unitId: i + 1, unitName }));
		this.groups = ['Drinks', 'Food', 'Desserts'].map((productGroupName, i) => ({ productGroupId: i + 1, productGroupName }));
		this.warehouses = ['WH-BKK', 'WH-CNX'];
		this.eventTypes = ['Birthday', 'Anniversary', 'Meeting', 'Follow-up call'].map((eventTypeName, i) => ({ eventTypeId: i + 1, eventTypeName }));
		this.products.clear();
		PRODUCTS.forEach((x, i) => {
			const at = Date.parse(seededTime(i, Date.UTC(2025, 11, 1)));
			const groupId = /TEA|BOBA/.test(x.code) ? 1 : /TART|MANGO/.test(x.code) ? 3 : 2;
			this.products.set(x.code, {
				productId: ++this.seq.product, productCode: x.code, productName: x.name, productDescription: null, price: x.price,
				unitId: groupId === 1 ? 2 : 1, unitName: this.units[groupId === 1 ? 1 : 0].unitName, productGroupId: groupId,
				productGroupName: this.groups[groupId - 1].productGroupName, barcode: `885${pad(i + 1, 10)}`, vatTaxValue: 7,
				status: i === PRODUCTS.length - 1 ? 2 : 1, stocks: [{ warehouseCode: 'WH-BKK', qty: 100 + i * 10 }], dateCreated: at, dateModified: at,
			});
		});
		for (let i = 0; i < customers; i++) this.storeCustomer(this.seededCustomer(i));
		this.seedDocuments();
	}

	/** Customer `i`: states cycle Lead/Prospect/Customer; every tenth is ended, every eleventh closed. */
	private seededCustomer(i: number): Customer {
		// [INF] People repeat every PEOPLE_POOL records (person() is costly inside test VMs); names stay unique.
		const who = (this.people[i % PEOPLE_POOL] ??= person(i % PEOPLE_POOL, 7));
		const state = (i % 3) + 1;
		const status = i % 10 === 9 ? 1 : i % 11 === 10 ? 2 : 0;
		const lead = state === 1 ? (i % 4) + 1 : 4;
		const created = SEED_START + i * 180_000; // three minutes apart
		const c = this.blankCustomer(created);
		const owner = this.employees[i % 4].employeeCode;
		c.customerName = this.customerByName.has(this.nameKey(who.fullName)) ? `${who.fullName} ${c.customerCode}` : who.fullName;
		c.customerState = state;
		c.customerStatus = status;
		c.leadStatus = lead;
		c.customerType = i % 4 === 0 ? 1 : 2;
		c.customerMobile = `${who.mobile.slice(0, -5)}${pad(i % 100_000, 5)}`;
		c.customerEmail = `customer${i}@example.${who.market.toLowerCase()}`;
		c.customerGender = (i % 2) + 1;
		c.customerBirthdate = who.birthday;
		c.addresses.push({ locationName: 'Home', locationAddress: `${who.street}, ${who.city} ${who.postcode}, ${who.country}`, locationType: 2, latitude: 0, longitude: 0 });
		c.customerGroupName = SEED_GROUPS[i % 3];
		c.owners.push(owner);
		c.primaryOwner = owner;
		c.customerNote = status ? 'Account closed at the customer’s request' : null;
		c.sourceName = SEED_SOURCES[i % 3];
		c.unqulifiedReasonName = lead === 3 ? 'Budget' : null;
		c.unqulifiedReasonNote = lead === 3 ? 'No budget this year' : null;
		c.dateModified = created + (i % 5) * 86_400_000;
		return c;
	}

	/** A few orders (waiting, approved, rejected), quotations (open, cancelled) and events on the first customers. */
	private seedDocuments(): void {
		const codes = this.customers.slice(0, 3).map((c) => c.customerCode);
		if (codes.length < 3) return;
		const start = Date.UTC(2026, 0, 5, 2);
		const clock = this.options.now;
		const at = (n: number) => () => new Date(start + n * 3_600_000);
		const lines = (a: string, b: string) => [{ productCode: a, qty: 2, vatTaxValue: 7 }, { productCode: b, qty: 1, discountValue: 10, discountType: true, vatTaxValue: 7 }];
		try {
			codes.forEach((customerCode, i) => {
				this.options.now = at(i);
				const o = this.writeOrder({ customerCode, salesOrderSubject: `Sandbox order ${i + 1}`, staffCode: 'E001', salesorderDetails: lines(PRODUCTS[i].code, PRODUCTS[i + 1].code) });
				if (i > 0) {
					this.options.now = at(i + 10);
					const body = i === 1 ? {} : { reason: 'Price not agreed' };
					this.decide({ params: { salesOrderNo: o.doc.salesOrderNo }, body } as unknown as SimRequest, i === 1 ? 2 : 3);
				}
			});
			this.deliveries = [];
			codes.slice(0, 2).forEach((customerCode, i) => {
				this.options.now = at(20 + i);
				const r = this.upsertQuotation({ body: { customerCode, quotationSubject: `Sandbox quotation ${i + 1}`, staffCode: 'E002', quotationDetails: lines(PRODUCTS[2].code, PRODUCTS[3].code) } } as unknown as SimRequest);
				if (i === 1) this.cancelQuotation({ params: { quotationNo: (r.body as Body).data.quotationNo } } as unknown as SimRequest);
				this.events.push({ customerEventId: ++this.seq.event, customerCode, eventName: 'Birthday', eventType: 1, eventDate: '2026-03-15', description: null, dateCreated: start, dateModified: start });
			});
		} finally {
			this.options.now = clock;
		}
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
			events: this.events.map((e) => this.eventOut(e)),
			satisfactions: this.satisfactions,
			deliveries: this.deliveries,
			webhookUrls: this.options.webhookUrls,
		};
	}

	/**
	 * Control actions (POST /__sandbox/control/venio):
	 *  {action:'setWebhook', url | urls}   replace the webhook URL list ('' or [] switches it off)
	 *  {action:'redeliver', index}          re-send delivery `index` unchanged
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
				const { action: _a, paths: _p, seedCustomers: _s, now: _n, ...rest } = body;
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
