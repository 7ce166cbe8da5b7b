/** Venio simulator: demo credentials, options (every guess adjustable), error texts and the stored records. */
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
	| 'qtCancel' | 'productUpsert' | 'productList' | 'productGet' | 'productStock' | 'units' | 'groups'
	| 'productProperties' | 'productTicket' | 'productFilter' | 'serialVerify' | 'serialStatus' | 'codeguardUpsert'
	| 'dealCreate' | 'dealEnquiry' | 'dealBoards' | 'dealStages' | 'dealInterests' | 'dealLabels' | 'dealMissedReasons' | 'dealGet' | 'dealUpdate'
	| 'employeeGet' | 'expenseCreate' | 'expenseEnquiry' | 'expenseGet' | 'expenseUpdate'
	| 'contractTypes' | 'contractTemplates' | 'contractUpsert' | 'contractServiceUpsert' | 'contractSend' | 'contractGet' | 'headerTemplates'
	| 'activityUpsert' | 'activityEnquiry' | 'keyActivities' | 'activityByNo' | 'activityById' | 'taskCreate'
	| 'caseCreate' | 'caseCategories' | 'caseGet' | 'caseUpdate'
	| 'storageUpload' | 'storageGet' | 'storageDelete' | 'fileCategories' | 'customerAttach' | 'chatSend';

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
	// [INF] Largest file Storage → Upload takes (Gofive publishes none; the node's limit, endpoints.ts).
	maxAttachmentBytes: number;
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
	/** Seeded deals (open stages of both boards, on the first customers); 120 fill two enquiry pages. */
	seedDeals: number;
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
	maxAttachmentBytes: 10 * 1024 * 1024,
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
	seedDeals: 120,
	now: () => new Date(),
});

export const APIM_MISSING_KEY =
	'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.';
// [INF] APIM's usual wording for a wrong key.
export const APIM_INVALID_KEY =
	'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.';
export const AUTH_REQUIRED = 'User authentication required V2.';

// Records

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
	/** A sales-order event, or a topic delivery's `Deal.Created` (topics.ts). */
	event: WebhookEvent | `${string}.${string}`;
	payload: { Data: Record<string, unknown>; Topic?: string; Event?: string };
	status: number;
	attempts: number;
	redeliveryOf: number | null;
}
