/**
 * Paths of the Venio pipeline endpoints (deals and their lists) and the guesses around them, in one
 * place. Documented [PUB developer.gofive.co.th]: POST /v1/deals (api-3608469), PUT /v1/deals/{id}
 * (api-3602937); the legacy portal documents GET /v1/Deals/{id} and POST /v1/Deals/Enquiry
 * (veniocrm.developer.azure-api.net APIs/Deal). docs/vendors/venio.md lists the sources.
 */

export const DEAL_PATHS = {
	create: '/v1/deals',
	update: (id: number | string) => `/v1/deals/${id}`,
	// [INF] The current portal names these on its menu without a path: the legacy paths, lower-cased
	// like the documented create, and the five lists below /v1/deals.
	get: (id: number | string) => `/v1/deals/${id}`,
	enquiry: '/v1/deals/enquiry',
	boards: '/v1/deals/boards',
	stages: '/v1/deals/stages',
	interests: '/v1/deals/interests',
	labels: '/v1/deals/labels',
	missedReasons: '/v1/deals/missed-reason-categories',
};

// [INF] The enquiry's orderBy fields (legacy docs name orderBy, not its values).
export const DEAL_SORT_FIELDS = ['dealsId', 'dealsName', 'dealsValue', 'expectedCloseDate', 'dateCreated', 'dateModified'];

// [INF] Activities and tasks: the current menu names Activities Enquiry, Get a Activity By Id / By
// No, Get Key Activities, Create or Update Activity and CreateTask without paths; the legacy portal
// documents GET /v1/Activities/{id}. Lower-cased and plural like the deal paths; Create or Update
// keyed by activityNo like the other upserts.
export const ACTIVITY_PATHS = {
	upsert: '/v1/activities',
	enquiry: '/v1/activities/enquiry',
	activityTypes: '/v1/activities/key',
	byId: (id: number | string) => `/v1/activities/${id}`,
	byNo: (no: string) => `/v1/activities/no/${encodeURIComponent(no)}`,
};

export const TASK_PATHS = { create: '/v1/tasks' };

// [INF] Activity statusId and task priority values.
export const ACTIVITY_STATUSES = [
	{ name: 'Cancelled', value: 3 },
	{ name: 'Done', value: 2 },
	{ name: 'Open', value: 1 },
];
export const TASK_PRIORITIES = [
	{ name: 'High', value: 3 },
	{ name: 'Low', value: 1 },
	{ name: 'Normal', value: 2 },
];

/**
 * Employees and expenses. Seed 000's menu names Employees Enquiry, Get a Employee and the four
 * expense actions without paths or bodies; public code calls POST /v1/Employees/Enquiry [PUB code].
 */
export const EMPLOYEE_PATHS = {
	enquiry: '/v1/Employees/Enquiry',
	// [INF] by code, below the enquiry's base.
	get: (code: string) => `/v1/employees/${encodeURIComponent(code)}`,
};

// [INF] Every expense path and body key: shaped like the documented deal endpoints (POST creates,
// PUT /{id} updates, POST …/enquiry pages by skip + pageLength, GET /{id} reads).
export const EXPENSE_PATHS = {
	create: '/v1/expenses',
	update: (id: number | string) => `/v1/expenses/${id}`,
	get: (id: number | string) => `/v1/expenses/${id}`,
	enquiry: '/v1/expenses/enquiry',
};

// [INF] Contracts: seed 000's menu names the six contract actions (GET, GET, GET, POST, POST, POST)
// without paths or bodies. Lower-cased and plural like the deal paths; Create or Update keyed by
// contractNo like Venio's other upserts (empty = create).
export const CONTRACT_PATHS = {
	types: '/v1/contracts/types',
	templates: '/v1/contracts/templates',
	upsert: '/v1/contracts',
	serviceAgreement: '/v1/contracts/service-agreement',
	send: (no: string) => `/v1/contracts/${encodeURIComponent(no)}/send`,
	get: (no: string) => `/v1/contracts/${encodeURIComponent(no)}`,
};

// [INF] Setting → Get HeaderTemplate (seed 000's menu, GET, no path published).
export const SETTING_PATHS = { headerTemplates: '/v1/settings/header-templates' };

// Cases: Add Case POST /v1/case and Edit Case by CaseNo PUT /v1/case/{caseNo} are documented [PUB
// api-13759273, api-13759837]. [INF] Get Case by CaseNo and Get Case Categories have no published
// path: the same base, like the edit.
export const CASE_PATHS = {
	add: '/v1/case',
	edit: (caseNo: string) => `/v1/case/${encodeURIComponent(caseNo)}`,
	get: (caseNo: string) => `/v1/case/${encodeURIComponent(caseNo)}`,
	categories: '/v1/case/categories',
};

// [INF] Customer files, storage and chat: seed 000's menu names Customer → Get file categories (GET)
// and Attach files category (POST), Storage → Upload / Get / Delete file attachments and Chat → Post
// Send message without paths or bodies; the portal pages and public code we searched show none. The
// paths below follow the documented ones (lower case, /v1, the record's id last). docs/vendors/venio.md
// lists what each body and answer is assumed to hold.
export const CUSTOMER_FILE_PATHS = {
	categories: '/v1/customers/files/categories',
	attach: '/v1/customers/files',
};

export const STORAGE_PATHS = {
	upload: '/v1/storage/attachments',
	get: (id: string) => `/v1/storage/attachments/${encodeURIComponent(id)}`,
	delete: (id: string) => `/v1/storage/attachments/${encodeURIComponent(id)}`,
};

// [INF] The multipart field that carries the file (the form name most APIs use for one file).
export const STORAGE_FILE_FIELD = 'file';

// [INF] Largest file the node uploads: 10 MB. Gofive publishes no limit; this is the attachment limit
// Venio's web app is assumed to apply. Checked before any upload, so a too-large file never leaves n8n.
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

// [INF] Send Message: roomId (the Chat webhook's Data.ChatMessage.RoomId [PUB code]) and the text.
export const CHAT_PATHS = { send: '/v1/chat/messages' };

// Product extras. Documented [PUB developer.gofive.co.th]: Get Products By Filter POST
// /v1/products/getProduct (api-3607153), Verify Serial Number POST /v3/products/serials/verification
// (api-4028746); the menu names GET /v3/Products/serials/status. [INF] the rest: Get a Product Ticket,
// Get Product Properties and Create or Update Codeguard Products are on the menu without a path;
// below /v3/products like their neighbours. The serial status query key and the codeguard body too.
export const PRODUCT_PATHS = {
	ticket: (ticketNo: string) => `/v3/products/tickets/${encodeURIComponent(ticketNo)}`,
	properties: '/v3/products/properties',
	byFilter: '/v1/products/getProduct',
	verifySerial: '/v3/products/serials/verification',
	serialStatus: '/v3/products/serials/status',
	serialStatusQueryKey: 'serialNumber',
	codeguard: '/v3/products/codeguard',
};

// [INF] Webhook topics: Venio's topic webhooks send {Topic, Event, Data} (Chat/Message seen in public
// code [PUB code]); the deal, customer and activity topic names, their events and the key each Data
// carries are assumed, shaped like that one. The trigger fetches the record by this key.
export const WEBHOOK_TOPICS = {
	Deal: { label: 'Deal', key: 'DealId', events: ['Created', 'Updated'] },
	Customer: { label: 'Customer', key: 'CustomerCode', events: ['Created', 'Updated'] },
	Activity: { label: 'Activity', key: 'ActivityId', events: ['Created', 'Updated'] },
} as const;
