/** MeeDee POS simulator: public constants, options, record types and the seeded ids (see index.ts). */
import { createHash } from 'node:crypto';
import type { Json } from '../core';

/**
 * Deterministic UUID for record `index` of `kind`. Not data.ts `uuid()`: that one seeds its PRNG from
 * the kind's length and first letter only, so e.g. 'customer' and 'supplier' ids collide.
 */
export function uuid(kind: string, index: number): string {
	const h = createHash('sha1').update(`meedee:${kind}:${index}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

// ---------------------------------------------------------------------------------------------
// Public constants: scopes, branches, demo applications, event names (the signature: signing.ts)
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

export const ALL_BRANCH_IDS = MEEDEE_BRANCHES.map((b) => b.id);

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

export type Settings = {
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

export const DEFAULTS: Settings = {
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

export type Obj = Record<string, Json>;
/** A stored record plus its insertion key, which orders lists and is what a cursor remembers. */
export interface Row<T extends Obj = Obj> {
	seq: number;
	data: T;
}

export interface Grant {
	app: MeeDeeApplication;
	scopes: string[];
	branches: string[];
}

export interface Subscription {
	seq: number;
	owner: string;
	secret: string;
	data: Obj;
}

export interface Delivery {
	seq: number;
	webhookId: string;
	payload: Obj;
	data: Obj;
}

export const PII_KEYS = ['phone', 'email', 'date_of_birth', 'address', 'city', 'state', 'postal_code', 'country', 'tax_id'];
export const SALE_STATUSES = ['completed', 'voided', 'refunded']; // [INF]
export const PO_STATUSES = ['DRAFT', 'ORDERED', 'RECEIVED', 'CANCELLED']; // [INF] upper case like supplier status
export const MOVEMENT_TYPES = ['sale', 'purchase', 'adjustment']; // [INF]
export const PAYMENT_METHODS = ['cash', 'card', 'promptpay', 'transfer']; // [INF]
export const TIERS = [uuid('meedee-tier', 0), uuid('meedee-tier', 1), uuid('meedee-tier', 2)];
export const DAY = 86_400_000;
/** Which scope an event family needs. [INF] */
export const EVENT_SCOPE: Record<string, string> = { sale: 'read:sales', customer: 'read:customers', product: 'read:products', inventory: 'read:inventory' };
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DATE_RE = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export const API = '/api/partner/v1';

/** Money and quantities travel as decimal strings; amounts are kept in hundredths. */
export function dec(hundredths: number): string {
	const sign = hundredths < 0 ? '-' : '';
	const abs = Math.abs(Math.round(hundredths));
	const whole = Math.floor(abs / 100);
	const frac = abs % 100;
	return frac === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(frac).padStart(2, '0')}`;
}

export const iso = (ms: number) => new Date(ms).toISOString();
/**
 * [INF] MeeDee's days are UTC days: a date in `from`/`to` runs from its midnight UTC, and "today"
 * for the lookback is today in UTC (the docs give `to` the default "now, UTC" and name no zone for
 * dates). The one place this guess lives: set another offset here to model another reading.
 */
export const MEEDEE_DAY_OFFSET_MS = 0;
export const dayStart = (ms: number) => ms - ((((ms + MEEDEE_DAY_OFFSET_MS) % DAY) + DAY) % DAY);
