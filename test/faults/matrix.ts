/**
 * The fault matrix for the action nodes (issue 10, "Fault suite"): vendors × operations (creates,
 * upserts, reads, Return All lists) × fault kinds, each with continueOnFail on and off, against the
 * simulators' fault injection. Every case checks the same invariants:
 *   - continueOnFail on: every input item gets its own output (success or ONE error item paired to
 *     it); nothing unpaired, nothing missing;
 *   - continueOnFail off: all items succeed, or the run fails with one NodeApiError naming the vendor;
 *   - the simulator holds no record twice (counted by the item's own key), and an item reported as
 *     done is really there;
 *   - Return All gives the simulator's whole list, each record once, or fails clearly.
 * Faults are small and few (Retry-After 0, single 5xx/reset/garbled answers, one hang of 1 s) so
 * the matrix stays bounded; the two one-second faults run only where they show something new:
 * Retry-After: 1 on creates (continueOnFail on), timeouts on creates and in the middle of Return All.
 * One test file per vendor (actions.<vendor>.test.ts) calls `describeMatrix`, so jest's two
 * workers share the waiting.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Faults, Vendor } from '../../sandbox/core';
import { PROMOTIONS, WAREHOUSES } from '../../sandbox/shopline/catalog';
import { DELIVERY_OPTIONS, type ProductRec } from '../../sandbox/shopline/model';
import { userIdOf } from '../../sandbox/venio';
import { runNode, type RunResult } from '../harness/n8n';
import { armAfter, byInput, faultTally, isErrorItem, MAX_RATE_LIMIT_ATTEMPTS, useSandbox, VENDOR_NAME, type Env, type Sims, type Tally, type VendorKey } from './env';

let env: Env;

/** Input items per case. */
const ITEMS = 5;
/** Input items for a Return All case: each one reads the whole list. */
const LIST_ITEMS = 2;

type Kind = 'create' | 'upsert' | 'read' | 'list';

interface Op {
	vendor: VendorKey;
	title: string;
	kind: Kind;
	/** Path text the injected faults are aimed at (token endpoints left alone). */
	target: string;
	/** For lists: faults are switched on after this many requests, so they land on a later page. */
	after?: number;
	parameters: IDataObject;
	inputs(tag: string): IDataObject[];
	/** Records in the simulator holding this input's key (creates and upserts). */
	count?(sims: Sims, input: IDataObject): number;
	/**
	 * After an unclear outcome the node looks for the record (a read, on the same path, retried): that
	 * read takes the next injected fault, so a burst fails only the first item.
	 */
	looksUpAfterUnclear?: boolean;
	/** Records the simulator has in total (upserts of existing records must not add any). */
	total?(sims: Sims): number;
	/** The ids a Return All must give, and the id of one output record. */
	listIds?(sims: Sims): string[];
	idOf?(json: IDataObject): string;
}

const venioByName = (sims: Sims, name: unknown) => sims.venio.customers.filter((c) => c.customerName === name).length;
const venioDealsNamed = (sims: Sims, name: unknown) => [...sims.venio.deals.values()].filter((d) => d.dealsName === name).length;
const venioExpensesNamed = (sims: Sims, name: unknown) => [...sims.venio.expenseBook.byId.values()].filter((e) => e.expenseName === name).length;
const venioContractsNamed = (sims: Sims, name: unknown) => [...sims.venio.contractBook.byNo.values()].filter((c) => c.contractName === name).length;
const shoplineByEmail = (sims: Sims, email: unknown) => [...sims.shopline.customers.values()].filter((c) => c.email === email).length;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const largestGroup = (sims: Sims) => [...sims.shopline.customerGroups.values()].sort((a, b) => b.customerIds.length - a.customerIds.length)[0];
/** What a SHOPLINE stock change reaches: each product without variations, and each variation. */
type StockHolder = { product: ProductRec; held: { id: string; sku: string; quantity: number; stocks?: Record<string, number> } };
const stockHolders = (sims: Sims): StockHolder[] =>
	[...sims.shopline.products.values()].flatMap((p): StockHolder[] => (p.variations.length ? p.variations.map((v) => ({ product: p, held: v })) : [{ product: p, held: p }]));
const holderOfSku = (sims: Sims, sku: unknown) => stockHolders(sims).find((h) => h.held.sku === sku)!.held;
const SHOPLINE_MAIN_WAREHOUSE = WAREHOUSES[0].id;
/** ITEMS open SHOPLINE orders made shippable (T-cat, which one and bulk Execute Shipment take; a recipient phone). */
function shippableOrders(sims: Sims): Array<{ id: string }> {
	const tcat = DELIVERY_OPTIONS.find((d) => d.region_type === 'tw_tcat_roomtemp')!.id;
	const open = [...sims.shopline.orders.values()].filter((o) => !o.archived && o.status !== 'cancelled' && (o.delivery_status ?? 'pending') === 'pending').slice(0, ITEMS);
	for (const o of open) {
		o.delivery_option_id = tcat;
		o.delivery_address = { ...o.delivery_address, recipient_phone: '0912345678' };
	}
	return open.map((o) => ({ id: o.id }));
}
const shipmentsOf = (sims: Sims, id: unknown) => sims.shopline.orderLogs.filter((l) => l.order_id === id && l.key === 'order_shipment_executed').length;

const OPS: Op[] = [
	{
		vendor: 'venio',
		title: 'customer create (no code: never repeated blindly)',
		kind: 'create',
		target: '/v3/customers',
		// "Customer Code Only": no lookup before the create, so the faults land on the create itself.
		parameters: { resource: 'customer', operation: 'createOrUpdate', customerName: '={{ $json.name }}', customerState: 3, matchBy: 'code' },
		looksUpAfterUnclear: true,
		inputs: (tag) => range(ITEMS).map((i) => ({ name: `Fault ${tag} ${i}` })),
		count: (sims, input) => venioByName(sims, input.name),
	},
	{
		vendor: 'venio',
		title: 'customer upsert by code',
		kind: 'upsert',
		target: '/v3/customers',
		parameters: { resource: 'customer', operation: 'createOrUpdate', customerCode: '={{ $json.code }}', customerName: '={{ $json.name }}', customerState: 3 },
		inputs: (tag) => range(ITEMS).map((i) => ({ code: `C00000${i + 1}`, name: `Fault ${tag} ${i}` })),
		count: (sims, input) => venioByName(sims, input.name),
		total: (sims) => sims.venio.customers.length,
	},
	{
		vendor: 'venio',
		title: 'customer Return All (3 pages)',
		kind: 'list',
		target: '/v3/customers/enquiry',
		after: 1,
		parameters: { resource: 'customer', operation: 'getMany', returnAll: true, simplify: false },
		inputs: () => range(LIST_ITEMS).map(() => ({})),
		listIds: (sims) => sims.venio.customers.map((c) => String(c.customerCode)),
		idOf: (json) => String(json.customerCode),
	},
	{
		vendor: 'venio',
		title: 'deal create (never repeated blindly)',
		kind: 'create',
		target: '/v1/deals',
		parameters: {
			resource: 'deal',
			operation: 'create',
			customerCodes: 'C000001',
			boardId: 101,
			dealName: '={{ $json.name }}',
			probability: 20,
			dealValue: 1000,
			expectedCloseDate: '2026-06-30T12:00:00',
			assignTo: 'E001',
		},
		inputs: (tag) => range(ITEMS).map((i) => ({ name: `Fault deal ${tag} ${i}` })),
		count: (sims, input) => venioDealsNamed(sims, input.name),
	},
	{
		vendor: 'venio',
		title: 'deal update by ID (reads the deal, then PUT)',
		kind: 'upsert',
		target: '/v1/deals/',
		parameters: { resource: 'deal', operation: 'update', dealId: '={{ $json.id }}', updateFields: { dealName: '={{ $json.name }}' } },
		inputs: (tag) => range(ITEMS).map((i) => ({ id: i + 1, name: `Fault deal ${tag} ${i}` })),
		count: (sims, input) => venioDealsNamed(sims, input.name),
		total: (sims) => sims.venio.deals.size,
	},
	{
		vendor: 'venio',
		title: 'deal Return All (2 pages)',
		kind: 'list',
		target: '/v1/deals/enquiry',
		after: 1,
		parameters: { resource: 'deal', operation: 'getMany', returnAll: true },
		inputs: () => range(LIST_ITEMS).map(() => ({})),
		listIds: (sims) => [...sims.venio.deals.keys()].map(String),
		idOf: (json) => String(json.dealsId),
	},
	{
		vendor: 'venio',
		title: 'activity update by number (an upsert keyed by activityNo)',
		kind: 'upsert',
		target: '/v1/activities',
		parameters: {
			resource: 'activity',
			operation: 'createOrUpdate',
			activityNo: '={{ $json.no }}',
			subject: '={{ $json.subject }}',
			activityTypeId: 302,
			customerCode: '={{ $json.customer }}',
			assignTo: 'E001',
			dateAppointmentStart: '2026-06-01T10:00:00+07:00',
		},
		inputs: (tag) => env.sims.venio.activities.slice(1, 1 + ITEMS).map((a, i) => ({ no: a.activityNo, customer: a.customerCode, subject: `Fault activity ${tag} ${i}` })),
		count: (sims, input) => sims.venio.activities.filter((a) => a.subject === input.subject).length,
		total: (sims) => sims.venio.activities.length,
	},
	{
		vendor: 'venio',
		title: 'task create (never repeated blindly)',
		kind: 'create',
		target: '/v1/tasks',
		parameters: { resource: 'task', operation: 'create', subject: '={{ $json.subject }}', assignTo: 'E002', dateDue: '2026-06-30T09:00:00+07:00' },
		inputs: (tag) => range(ITEMS).map((i) => ({ subject: `Fault task ${tag} ${i}` })),
		count: (sims, input) => sims.venio.tasks.filter((t) => t.subject === input.subject).length,
	},
	{
		vendor: 'venio',
		title: 'case add (never repeated blindly)',
		kind: 'create',
		target: '/v1/case',
		parameters: {
			resource: 'case',
			operation: 'add',
			caseType: 1,
			subject: '={{ $json.subject }}',
			categoryId: 2140016581,
			dateCase: '2026-06-01T09:00:00+07:00',
			dateDue: '2026-06-03T09:00:00+07:00',
			assignedToUserId: userIdOf('E001'),
		},
		inputs: (tag) => range(ITEMS).map((i) => ({ subject: `Fault case ${tag} ${i}` })),
		count: (sims, input) => sims.venio.cases.filter((c) => c.subject === input.subject).length,
	},
	{
		vendor: 'venio',
		title: 'expense create (never repeated blindly)',
		kind: 'create',
		target: '/v1/expenses',
		parameters: { resource: 'expense', operation: 'create', expenseName: '={{ $json.name }}', amount: 120, expenseDate: '2026-06-30', employeeCode: 'E001' },
		inputs: (tag) => range(ITEMS).map((i) => ({ name: `Fault expense ${tag} ${i}` })),
		count: (sims, input) => venioExpensesNamed(sims, input.name),
	},
	{
		vendor: 'venio',
		title: 'expense update by ID (PUT, safe to repeat)',
		kind: 'upsert',
		target: '/v1/expenses/',
		parameters: { resource: 'expense', operation: 'update', expenseId: '={{ $json.id }}', updateFields: { expenseName: '={{ $json.name }}' } },
		inputs: (tag) => range(ITEMS).map((i) => ({ id: i + 1, name: `Fault expense ${tag} ${i}` })),
		count: (sims, input) => venioExpensesNamed(sims, input.name),
		total: (sims) => sims.venio.expenseBook.byId.size,
	},
	{
		vendor: 'venio',
		title: 'contract create (no number: never repeated blindly)',
		kind: 'create',
		target: '/v1/contracts',
		parameters: { resource: 'contract', operation: 'createOrUpdate', contractName: '={{ $json.name }}', customerCode: 'C000001', contractTypeId: 401, startDate: '2026-07-01', endDate: '2027-06-30' },
		inputs: (tag) => range(ITEMS).map((i) => ({ name: `Fault contract ${tag} ${i}` })),
		count: (sims, input) => venioContractsNamed(sims, input.name),
	},
	{
		vendor: 'venio',
		title: 'contract update by number (safe to repeat)',
		kind: 'upsert',
		target: '/v1/contracts',
		parameters: { resource: 'contract', operation: 'createOrUpdate', contractNo: '={{ $json.no }}', contractName: '={{ $json.name }}', customerCode: 'C000001', contractTypeId: 401, startDate: '2026-07-01', endDate: '2027-06-30' },
		inputs: (tag) => range(2).map((i) => ({ no: `CT${new Date(Date.now() + 7 * 3600_000).toISOString().slice(2, 7).replace('-', '')}-000${i + 1}`, name: `Fault contract ${tag} ${i}` })),
		count: (sims, input) => venioContractsNamed(sims, input.name),
		total: (sims) => sims.venio.contractBook.byNo.size,
	},
	{
		vendor: 'meedee',
		title: 'webhook create (never repeated blindly)',
		kind: 'create',
		target: '/webhooks',
		parameters: { resource: 'webhook', operation: 'create', endpoint_url: '={{ $json.url }}', events: ['sale.created'] },
		inputs: (tag) => range(ITEMS).map((i) => ({ url: `https://hooks.example.com/${tag}/${i}` })),
		count: (sims, input) => sims.meedee.webhooks.filter((w) => w.data.endpoint_url === input.url).length,
	},
	{
		vendor: 'meedee',
		title: 'customer Return All (3 pages)',
		kind: 'list',
		target: '/customers',
		after: 1,
		parameters: { resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, options: { pageSize: 50 } },
		inputs: () => range(LIST_ITEMS).map(() => ({})),
		listIds: (sims) => sims.meedee.customers.map((c) => String(c.data.id)),
		idOf: (json) => String(json.id),
	},
	{
		vendor: 'shopline',
		title: 'customer create (never repeated blindly)',
		kind: 'create',
		target: '/customers',
		parameters: { resource: 'customer', operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}' },
		inputs: (tag) => range(ITEMS).map((i) => ({ name: `Fault ${tag} ${i}`, email: `fault-${tag}-${i}@example.tw`.toLowerCase() })),
		count: (sims, input) => shoplineByEmail(sims, input.email),
	},
	{
		vendor: 'shopline',
		title: 'customer get',
		kind: 'read',
		target: '/customers/',
		parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' },
		inputs: () => [...env.sims.shopline.customers.values()].slice(0, ITEMS).map((c) => ({ id: c.id })),
	},
	{
		vendor: 'shopline',
		title: 'customer Return All (2 pages)',
		kind: 'list',
		target: '/customers',
		after: 1,
		parameters: { resource: 'customer', operation: 'getMany', returnAll: true, simplify: false },
		inputs: () => range(LIST_ITEMS).map(() => ({})),
		listIds: (sims) => [...sims.shopline.customers.values()].map((c) => c.id),
		idOf: (json) => String(json.id),
	},
	{
		vendor: 'shopline',
		title: 'member points add (never repeated blindly)',
		kind: 'create',
		target: '/member_points',
		parameters: { resource: 'customer', operation: 'addMemberPoints', customerId: '={{ $json.id }}', value: 7, remarks: '={{ $json.remarks }}' },
		inputs: (tag) => [...env.sims.shopline.customers.values()].slice(0, ITEMS).map((c, i) => ({ id: c.id, remarks: `Fault ${tag} ${i}` })),
		count: (sims, input) => sims.shopline.memberPoints.filter((p) => p.remarks === input.remarks).length,
	},
	{
		vendor: 'shopline',
		title: 'customer group customer IDs Return All (3 last_id pages)',
		kind: 'list',
		target: '/customer_ids',
		after: 1,
		parameters: { resource: 'customerGroup', operation: 'getCustomerIds', customerGroupId: '={{ $json.group }}', returnAll: true },
		inputs: () => range(LIST_ITEMS).map(() => ({ group: largestGroup(env.sims).id })),
		listIds: (sims) => largestGroup(sims).customerIds,
		idOf: (json) => String(json.customer_id),
	},
	{
		vendor: 'shopline',
		title: 'product create (never repeated blindly)',
		kind: 'create',
		target: '/products',
		parameters: { resource: 'product', operation: 'create', title: '={{ $json.title }}', price: 20 },
		inputs: (tag) => range(ITEMS).map((i) => ({ title: `Fault ${tag} ${i}` })),
		count: (sims, input) => [...sims.shopline.products.values()].filter((p) => p.title_translations.en === input.title).length,
	},
	{
		vendor: 'shopline',
		title: 'order Execute Shipment (never repeated blindly)',
		kind: 'create',
		target: '/execute_shipment',
		parameters: { resource: 'order', operation: 'executeShipment', orderId: '={{ $json.id }}' },
		inputs: () => shippableOrders(env.sims),
		count: (sims, input) => shipmentsOf(sims, input.id),
	},
	{
		vendor: 'shopline',
		title: 'order Execute Shipments (Bulk), one order an item (never repeated blindly)',
		kind: 'create',
		target: '/orders/execute_shipment',
		parameters: { resource: 'order', operation: 'bulkExecuteShipment', orderIds: '={{ $json.id }}' },
		inputs: () => shippableOrders(env.sims),
		count: (sims, input) => shipmentsOf(sims, input.id),
	},
	{
		vendor: 'shopline',
		title: 'product Update Stock (Bulk), adding (never repeated blindly)',
		kind: 'create',
		target: '/products/bulk_update_stocks',
		parameters: {
			resource: 'product',
			operation: 'bulkUpdateStock',
			is_replace: false,
			lines: { values: [{ product_id: '={{ $json.product }}', variation_id: '={{ $json.variation }}', warehouse_id: SHOPLINE_MAIN_WAREHOUSE, quantity: 1 }] },
		},
		inputs: () => stockHolders(env.sims).slice(0, ITEMS).map(({ product, held }) => ({ product: product.id, variation: held === product ? '' : held.id, sku: held.sku })),
		// Each warehouse stock starts at 0 and each item adds 1: the stock is how often it was applied.
		count: (sims, input) => holderOfSku(sims, input.sku).stocks?.[SHOPLINE_MAIN_WAREHOUSE] ?? 0,
	},
	{
		vendor: 'shopline',
		title: 'product Get Locked Inventory (a POST read, repeated safely)',
		kind: 'read',
		target: '/products/locked_inventory_count',
		parameters: { resource: 'product', operation: 'getLockedInventory', product_ids: '={{ $json.id }}' },
		inputs: () => [...env.sims.shopline.products.values()].slice(0, ITEMS).map((p) => ({ id: p.id })),
	},
	{
		vendor: 'shopline',
		title: 'product Update Quantity by SKU, adding (never repeated blindly)',
		kind: 'create',
		target: '/products/update_quantity',
		parameters: { resource: 'product', operation: 'updateQuantityBySku', sku: '={{ $json.sku }}', mode: 'add', quantity: -1 },
		inputs: () => stockHolders(env.sims).slice(0, ITEMS).map(({ held }) => ({ sku: held.sku, before: held.quantity })),
		// Each item takes 1 off: the stock taken off is how often it was applied.
		count: (sims, input) => Number(input.before) - holderOfSku(sims, input.sku).quantity,
	},
	{
		vendor: 'shopline',
		title: 'product Update Quantity by SKU, setting (safe to repeat)',
		kind: 'upsert',
		target: '/products/update_quantity',
		parameters: { resource: 'product', operation: 'updateQuantityBySku', sku: '={{ $json.sku }}', mode: 'set', quantity: '={{ $json.quantity }}' },
		inputs: () => stockHolders(env.sims).slice(0, ITEMS).map(({ held }, i) => ({ sku: held.sku, quantity: 1000 + i })),
		count: (sims, input) => (holderOfSku(sims, input.sku).quantity === input.quantity ? 1 : 0),
	},
	{
		vendor: 'shopline',
		title: 'promotion Return All (3 pages of at most 100)',
		kind: 'list',
		target: '/promotions',
		after: 1,
		parameters: { resource: 'promotion', operation: 'getMany', returnAll: true, options: { pageSize: 5 } },
		inputs: () => range(LIST_ITEMS).map(() => ({})),
		listIds: () => PROMOTIONS.map((p) => p.id),
		idOf: (json) => String(json.id),
	},
	{
		vendor: 'salekit',
		title: 'audience create-or-update (keyed by email)',
		kind: 'upsert',
		target: '/audience/create',
		parameters: { resource: 'audience', operation: 'createOrUpdate', full_name: '={{ $json.name }}', email: '={{ $json.email }}' },
		inputs: (tag) => range(ITEMS).map((i) => ({ name: `Khách ${tag} ${i}`, email: `khach-${tag}-${i}@example.vn`.toLowerCase() })),
		count: (sims, input) => sims.salekit.audiences.filter((a) => a.email === input.email).length,
	},
	{
		vendor: 'salekit',
		title: 'order create (never repeated blindly)',
		kind: 'create',
		target: '/order/create',
		parameters: {
			resource: 'order',
			operation: 'create',
			full_name: '={{ $json.name }}',
			phone: '0989123456',
			total_price: 100000,
			total_pay: 100000,
			status: 0,
			products: { values: [{ sku: '={{ $json.sku }}', quantity: 1 }] },
		},
		inputs: (tag) => range(ITEMS).map((i) => ({ name: `Đơn ${tag} ${i}`, sku: env.sims.salekit.products[0].sku })),
		count: (sims, input) => sims.salekit.orders.filter((o) => o.full_name === input.name).length,
	},
];

// ---------------------------------------------------------------------------------------------
// Faults

/** What a fault does to an operation of each kind. */
type Effect =
	/** Absorbed by retries: every item succeeds. */
	| { absorbed: true }
	/** These input items fail, with an error matching `message`; the others succeed. */
	| { failing: number[]; message: RegExp };

interface Fault {
	title: string;
	/** Only for these vendors (token expiry needs a token vendor). */
	vendors?: VendorKey[];
	/** Only for operations of these kinds (the faults that cost a full second each). */
	kinds?: Kind[];
	/** Run with continueOnFail on only (a full-second wait whose outcome does not depend on it). */
	continueOnFailOnly?: boolean;
	/** Switches the fault on for one vendor; `after` requests to `target` pass first. */
	arm(vendor: Vendor, sims: Sims, op: Op): void;
	effect(op: Op): Effect;
}

const UNKNOWN_OUTCOME = /may or may not have applied it/;
const RATE_LIMITED = /is rate-limiting requests \(429\): still limited after \d+ attempts/;

/** Switches faults on for requests to the operation's target, after `op.after` of them. */
function inject(vendor: Vendor, op: Op, faults: Partial<Faults>): void {
	const on = () => vendor.setFaults({ ...faults, pathFilter: op.target });
	if (op.after) armAfter(vendor, op.after, op.target, on);
	else on();
}

/** A fault whose outcome is unknown to the client: retried for reads and upserts, reported for creates. */
const unclear = (count: number) => (op: Op): Effect =>
	op.kind === 'create' ? { failing: range(Math.min(op.looksUpAfterUnclear ? 1 : count, ITEMS)), message: UNKNOWN_OUTCOME } : { absorbed: true };

const FAULTS: Fault[] = [
	{
		title: '429 storm with Retry-After: 0',
		arm: (vendor, _s, op) => inject(vendor, op, { next429: MAX_RATE_LIMIT_ATTEMPTS - 1, retryAfter: '0' }),
		effect: () => ({ absorbed: true }),
	},
	{
		title: '429 with Retry-After: 1',
		// A 429 means "not applied", so even a create is sent again: shown on the creates.
		kinds: ['create'],
		continueOnFailOnly: true,
		arm: (vendor, _s, op) => inject(vendor, op, { next429: 1, retryAfter: '1' }),
		effect: () => ({ absorbed: true }),
	},
	{
		title: '429 storm without Retry-After (back-off)',
		arm: (vendor, _s, op) => inject(vendor, op, { next429: 1, retryAfter: '' }),
		effect: () => ({ absorbed: true }),
	},
	{
		title: '429 storm beyond the retry budget',
		arm: (vendor, _s, op) => inject(vendor, op, { next429: MAX_RATE_LIMIT_ATTEMPTS, retryAfter: '0' }),
		effect: () => ({ failing: [0], message: RATE_LIMITED }),
	},
	{
		title: '5xx burst (two 503s)',
		arm: (vendor, _s, op) => inject(vendor, op, { next5xx: 2, status5xx: 503 }),
		effect: unclear(2),
	},
	{
		title: 'timeout (no answer within the 1 s request timeout)',
		// A second each: on creates (not repeated) and in the middle of a Return All (repeated).
		kinds: ['create', 'list'],
		arm: (vendor, _s, op) => inject(vendor, op, { nextHang: 1 }),
		effect: unclear(1),
	},
	{
		title: 'connection reset',
		arm: (vendor, _s, op) => inject(vendor, op, { nextReset: 1 }),
		effect: unclear(1),
	},
	{
		title: 'malformed JSON in a 200',
		arm: (vendor, _s, op) => inject(vendor, op, { nextMalformedJson: 1 }),
		effect: unclear(1),
	},
	{
		title: 'HTML error page (502)',
		arm: (vendor, _s, op) => inject(vendor, op, { nextHtmlError: 1 }),
		effect: unclear(1),
	},
	{
		title: 'tokens revoked mid-run',
		vendors: ['venio', 'meedee'],
		arm: (vendor, sims, op) =>
			armAfter(vendor, op.after ?? 2, op.target, () => (op.vendor === 'venio' ? sims.venio.tokens.expireAll() : sims.meedee.issuer.expireAll())),
		effect: () => ({ absorbed: true }),
	},
	{
		title: 'slow vendor (15–35 ms a request)',
		arm: (vendor) => vendor.setFaults({ latencyMs: 15, jitterMs: 20 }),
		effect: () => ({ absorbed: true }),
	},
];

// ---------------------------------------------------------------------------------------------
// Checks

interface Outcome {
	lost: number;
	duplicates: number;
}

/** Duplicates in the simulator and items reported done that are not there, for creates and upserts. */
function stateCheck(op: Op, inputs: IDataObject[], succeeded: (i: number) => boolean, totalBefore: number | undefined): Outcome {
	let lost = 0;
	let duplicates = 0;
	if (!op.count) return { lost, duplicates };
	inputs.forEach((input, i) => {
		const n = op.count!(env.sims, input);
		duplicates += Math.max(0, n - 1);
		if (succeeded(i) && n !== 1) lost++;
		// Faults are injected before the vendor handles the request, so a failed item left nothing behind.
		if (!succeeded(i) && n !== 0) duplicates += n;
	});
	if (op.total && totalBefore !== undefined) duplicates += Math.max(0, op.total(env.sims) - totalBefore);
	return { lost, duplicates };
}

/** For a Return All output group: the whole list, each record once, or not at all. */
function listCheck(op: Op, group: INodeExecutionData[]): Outcome {
	const got = group.map((item) => op.idOf!(item.json));
	const expected = op.listIds!(env.sims);
	const unique = new Set(got);
	return { lost: expected.filter((id) => !unique.has(id)).length, duplicates: got.length - unique.size };
}

function expectClearError(error: RunResult['error'], op: Op, message: RegExp | undefined) {
	expect(error?.name).toBe('NodeApiError');
	expect(error!.message).toContain(VENDOR_NAME[op.vendor]);
	if (message) expect(`${error!.message} ${error!.description}`).toMatch(message);
}

/** Registers the whole matrix for one vendor's operations. */
export function describeMatrix(vendor: VendorKey): void {
	env = useSandbox();
	const tally = faultTally(`actions-${vendor}`);
	const cases = OPS.filter((op) => op.vendor === vendor).flatMap((op) =>
		FAULTS.filter((f) => (!f.vendors || f.vendors.includes(op.vendor)) && (!f.kinds || f.kinds.includes(op.kind))).flatMap((fault) =>
			(fault.continueOnFailOnly ? [true] : [true, false]).map((continueOnFail) => ({
				op,
				fault,
				continueOnFail,
				name: `${VENDOR_NAME[op.vendor]} ${op.title} | ${fault.title} | continueOnFail ${continueOnFail ? 'on' : 'off'}`,
			})),
		),
	);
	describe.each(cases)('$name', ({ op, fault, continueOnFail }) => {
		it('every item answered once (or one clear failure naming the vendor), nothing lost, nothing duplicated', async () => {
			const messages = await runCase(tally, op, fault, continueOnFail);
			messages();
		});
	});
}

let caseNo = 0;

/**
 * Runs one case and checks what it did (outputs per item, the simulator's records); returns the
 * check of what it said (error class, vendor name, explanation), run by the caller.
 */
async function runCase(tally: Tally, op: Op, fault: Fault, continueOnFail: boolean): Promise<() => void> {
	const tag = `${++caseNo}${continueOnFail ? 'c' : 'f'}`;
	const sim = env.sims[op.vendor];
	const inputs = op.inputs(tag);
	const totalBefore = op.total?.(env.sims);
	fault.arm(sim, env.sims, op);
	const effect = fault.effect(op);
	const failing = 'failing' in effect ? effect.failing : [];
	const pattern = 'message' in effect ? effect.message : undefined;

	const { items, error } = await runNode(env.h, { type: nodeType(op.vendor), parameters: op.parameters as never, credentials: env.credentials(op.vendor), continueOnFail }, inputs);

	const sumLists = (groups: INodeExecutionData[][], skip: boolean[]) =>
		groups.reduce<Outcome>(
			(sum, g, i) => {
				if (skip[i]) return sum;
				const one = listCheck(op, g);
				return { lost: sum.lost + one.lost, duplicates: sum.duplicates + one.duplicates };
			},
			{ lost: 0, duplicates: 0 },
		);

	if (continueOnFail) {
		const { groups, unpaired } = byInput(items, inputs.length);
		const errorsAt = groups.map((g) => g.some(isErrorItem));
		const outcome =
			op.kind === 'list' ? sumLists(groups, errorsAt) : stateCheck(op, inputs, (i) => groups[i].length === 1 && !errorsAt[i], totalBefore);
		outcome.lost += groups.filter((g) => g.length === 0).length + unpaired.length;
		tally.add({ faultsTried: 1, itemsRun: inputs.length, itemsLost: outcome.lost, duplicates: outcome.duplicates });

		expect(error).toBeUndefined();
		expect(unpaired).toEqual([]);
		groups.forEach((group, i) => {
			if (op.kind !== 'list' || errorsAt[i]) expect(group).toHaveLength(1);
			if (errorsAt[i]) expect(group[0].pairedItem).toEqual({ item: i });
		});
		expect(range(inputs.length).filter((i) => errorsAt[i])).toEqual(failing);
		expect(outcome).toEqual({ lost: 0, duplicates: 0 });
		return () => {
			for (const i of failing) {
				const json = groups[i][0].json;
				expect(String(json.error)).toContain(VENDOR_NAME[op.vendor]);
				if (pattern) expect(`${json.error} ${json.description}`).toMatch(pattern);
			}
		};
	}

	const failedAt = failing.length ? failing[0] : undefined;
	// Without continueOnFail the items before the failing one ran; then the run stopped.
	const outcome =
		op.kind === 'list'
			? error
				? { lost: 0, duplicates: 0 }
				: sumLists(byInput(items, inputs.length).groups, [])
			: stateCheck(op, inputs, (i) => (failedAt === undefined ? true : i < failedAt), totalBefore);
	if (!error && items.length === 0) outcome.lost += inputs.length;
	tally.add({ faultsTried: 1, itemsRun: inputs.length, itemsLost: outcome.lost, duplicates: outcome.duplicates });

	if (failedAt === undefined) {
		expect(error).toBeUndefined();
		if (op.kind !== 'list') expect(items.map((i) => i.pairedItem)).toEqual(range(inputs.length).map((item) => ({ item })));
	} else {
		expect(error).toBeDefined();
		expect(items).toEqual([]);
	}
	expect(outcome).toEqual({ lost: 0, duplicates: 0 });
	return () => {
		if (failedAt !== undefined) expectClearError(error, op, pattern);
	};
}

function nodeType(vendor: VendorKey): string {
	return { venio: 'venioCrm', meedee: 'meeDeePos', shopline: 'shopline', salekit: 'salekit' }[vendor];
}
