/**
 * SHOPLINE simulator: the loyalty endpoints of a customer. Member points and store credits (history,
 * add or deduct, bulk update), membership tiers, a customer's tier history, membership info and the
 * promotions a customer can use.
 *
 * Documented rules [PUB open-api.docs.shoplineapp.com; SDK HsOjo/shopline-sdk-python]: value
 * -999999..999999, remarks required and at most 50 characters, email_target 1|3, sms target 1|2|3
 * (notifications only for additions), store credit expires_at not in the past and within 9999 days,
 * member points need the shop's "Member Points Toggle". Guesses are marked [INF].
 */
import type { SimRequest, SimResponse } from '../core';
import { fail, first, invalid, isPlainObject, isResponse, list, notFound, objectId, ok } from './helpers';
import {
	MEMBERSHIP_TIERS,
	PROMOTIONS,
	STORE_CREDIT_TYPES,
	TIER_THRESHOLDS,
	type CustomerRec,
	type MemberPointRec,
	type StoreCreditRec,
	type TierLogRec,
} from './model';
import { emit } from './webhooks';
import type { Route, ShoplineSim } from './index';

export function registerLoyaltyRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/membership_tiers', 'customers', (req) => listMembershipTiers(sim, req));
	r('GET', '/customers/membership_info', 'customers', (req) => membershipInfo(sim, req));
	r('GET', '/customers/:id/member_points', 'customers', (req) => pointHistory(sim, req));
	r('POST', '/customers/:id/member_points', 'customers', (req) => addPoints(sim, req));
	r('POST', '/member_points/bulk_update', 'customers', (req) => bulkPoints(sim, req));
	r('GET', '/customers/:id/store_credits', 'customers', (req) => creditHistory(sim, req));
	r('POST', '/customers/:id/store_credits', 'customers', (req) => addCredits(sim, req));
	r('POST', '/user_credits/bulk_update', 'customers', (req) => bulkCredits(sim, req));
	r('GET', '/customers/:id/membership_tier/action_logs', 'customers', (req) => tierHistory(sim, req));
	r('GET', '/customers/:customer_id/promotions', 'customers', (req) => customerPromotions(sim, req));
}

const MAX_VALUE = 999_999;
const MAX_REMARKS = 50;
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Shared rules
// ---------------------------------------------------------------------------------------------

/** value, remarks and the notification targets, as both single and bulk updates document them. */
function checkChange(body: Record<string, any>, allowZero = false): SimResponse | undefined {
	const v = body.value;
	if (typeof v !== 'number' || !Number.isInteger(v) || Math.abs(v) > MAX_VALUE) {
		return invalid('value', `value must be a whole number from -${MAX_VALUE} to ${MAX_VALUE}`);
	}
	if (v === 0 && !allowZero) return invalid('value', 'value must not be 0'); // [INF]
	if (typeof body.remarks !== 'string' || !body.remarks.trim()) return invalid('remarks', 'remarks is required');
	if (body.remarks.length > MAX_REMARKS) return invalid('remarks', `remarks allows at most ${MAX_REMARKS} characters`);
	if (body.email_target !== undefined && ![1, 3].includes(body.email_target)) return invalid('email_target', 'email_target must be 1 or 3');
	if (body.sms_notification_target !== undefined && ![1, 2, 3].includes(body.sms_notification_target)) {
		return invalid('sms_notification_target', 'sms_notification_target must be 1, 2 or 3');
	}
	if (body.performer_type !== undefined && !['User', 'Agent'].includes(body.performer_type)) {
		return invalid('performer_type', 'performer_type must be User or Agent');
	}
	return undefined;
}

/** Bulk bodies: user_ids, every one a customer of the shop ([INF] an unknown one refuses the request). */
function checkUserIds(sim: ShoplineSim, ids: unknown): SimResponse | undefined {
	if (!Array.isArray(ids) || !ids.length || ids.some((id) => typeof id !== 'string' || !id)) {
		return invalid('user_ids', 'user_ids must be a non-empty array of customer IDs');
	}
	if (ids.length > sim.config.bulkMaxUsers) return invalid('user_ids', `user_ids allows at most ${sim.config.bulkMaxUsers} customers`);
	const unknown = ids.find((id) => !sim.customers.has(id));
	return unknown ? invalid('user_ids', `Customer ${unknown} not found`) : undefined;
}

/** Additions notify (email_target / sms target, both default "send to all"); deductions never do. */
function notifyAddition(sim: ShoplineSim, c: CustomerRec, body: Record<string, any>, kind: string): void {
	if (body.value <= 0) return;
	if ((body.email_target ?? 3) === 3 && c.email) sim.notifications.push({ to: c.email, channel: 'email', kind, resource_id: c.id });
	// Target 2 sends only to verified mobiles; the simulator's mobiles are never verified.
	if ((body.sms_notification_target ?? 3) === 3 && c.mobile_phone && sim.config.smsEnabled) {
		sim.notifications.push({ to: `+${c.mobile_phone_country_calling_code}${c.mobile_phone}`, channel: 'sms', kind, resource_id: c.id });
	}
}

function customerOf(sim: ShoplineSim, req: SimRequest): CustomerRec | undefined {
	return sim.customers.get(req.params.id ?? req.params.customer_id);
}

function newestFirst<T extends { created_at: string; seq: number }>(rows: T[]): T[] {
	return rows.slice().sort((a, b) => (a.created_at === b.created_at ? b.seq - a.seq : a.created_at < b.created_at ? 1 : -1));
}

function pageOf<T extends { id: string }>(sim: ShoplineSim, rows: T[], req: SimRequest, json: (row: T) => unknown): SimResponse {
	const page = sim.paginate(rows, req.query);
	if (isResponse(page)) return page;
	return ok({ items: page.items.map(json), pagination: page.pagination });
}

// ---------------------------------------------------------------------------------------------
// Member points
// ---------------------------------------------------------------------------------------------

function pointHistory(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = customerOf(sim, req);
	if (!c) return notFound('Customer');
	return pageOf(sim, newestFirst(sim.memberPoints.filter((p) => p.customer_id === c.id)), req, pointJson);
}

export function pointJson(p: MemberPointRec): Record<string, unknown> {
	return {
		id: p.id, // [INF] not in the documented object
		customer_id: p.customer_id,
		point_balance: p.point_balance,
		remarks: p.remarks,
		value: p.value,
		order_id: null,
		order_number: null,
		type: p.type,
		is_redeem: false,
		expire_at: p.end_at,
		created_at: p.created_at,
	};
}

function pointsDisabled(sim: ShoplineSim): SimResponse | undefined {
	// [INF] status and wording; documented: the toggle must be on before using this API.
	return sim.config.memberPointsEnabled ? undefined : fail(422, 'MemberPointsDisabled', 'Member points are not enabled for this shop');
}

/** One change to one customer's points, refused when it would leave a negative balance [INF]. */
function applyPoints(sim: ShoplineSim, c: CustomerRec, body: Record<string, any>): MemberPointRec {
	const now = sim.now();
	c.member_point_balance += body.value;
	c.updated_at = now;
	const seq = ++sim.counter;
	const record: MemberPointRec = {
		id: objectId(Date.now(), 0x9f, 0x100000 + seq),
		seq: 1_000_000 + seq,
		customer_id: c.id,
		value: body.value,
		point_balance: c.member_point_balance,
		remarks: body.remarks,
		type: 'manual',
		end_at: body.value > 0 ? new Date(Date.now() + 365 * DAY_MS).toISOString() : null, // [INF] the shop's rule: a year
		performer_id: body.performer_id ?? null,
		created_at: now,
	};
	sim.memberPoints.push(record);
	notifyAddition(sim, c, body, 'member_points');
	emit(sim, 'member_point/create', record.id, pointJson(record));
	return record;
}

const notEnough = (what: string, field = 'value') => invalid(field, `The customer does not have enough ${what} for this deduction`); // [INF]

function addPoints(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = customerOf(sim, req);
	if (!c) return notFound('Customer');
	const body = isPlainObject(req.body) ? req.body : {};
	const error = pointsDisabled(sim) ?? checkChange(body);
	if (error) return error;
	if (c.member_point_balance + body.value < 0) return notEnough('member points');
	const p = applyPoints(sim, c, body);
	return ok({ customer_id: c.id, point_balance: p.point_balance, remarks: p.remarks, value: p.value, end_at: p.end_at, type: p.type, created_at: p.created_at });
}

function bulkPoints(sim: ShoplineSim, req: SimRequest): SimResponse {
	const body = isPlainObject(req.body) ? req.body : {};
	const error = pointsDisabled(sim) ?? checkUserIds(sim, body.user_ids) ?? checkChange(body);
	if (error) return error;
	const customers = [...new Set<string>(body.user_ids)].map((id) => sim.customers.get(id)!);
	if (customers.some((c) => c.member_point_balance + body.value < 0)) return notEnough('member points');
	for (const c of customers) applyPoints(sim, c, body);
	// [INF] SHOPLINE runs the job in the background; the simulator has finished it when it answers.
	return ok({ message: 'Bulk update member points job created', job_id: objectId(Date.now(), 0xb0, 0x100000 + ++sim.counter) });
}

// ---------------------------------------------------------------------------------------------
// Store credits
// ---------------------------------------------------------------------------------------------

function creditHistory(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = customerOf(sim, req);
	if (!c) return notFound('Customer');
	return pageOf(sim, newestFirst(sim.storeCredits.filter((s) => s.customer_id === c.id)), req, (s) => creditJson(sim, s));
}

export function creditJson(sim: ShoplineSim, s: StoreCreditRec): Record<string, unknown> {
	return {
		_id: s.id,
		customer_id: s.customer_id,
		credit_balance: s.credit_balance,
		remarks: s.remarks,
		value: s.value,
		value_dollar: sim.money(s.value * 100),
		end_at: s.end_at,
		performer_id: s.performer_id,
		type: s.type,
		status: 'active',
		is_redeem: false,
		order_id: null,
		created_at: s.created_at,
	};
}

/** Documented: a date not in the past and within 9999 days; null or absent: never expires. */
function checkExpiry(value: unknown, field: string): SimResponse | string | null {
	if (value === undefined || value === null || value === '') return null;
	const t = typeof value === 'string' ? Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value) : NaN;
	if (Number.isNaN(t)) return invalid(field, `${field} must be a date`);
	if (t < Date.now()) return invalid(field, `${field} cannot be in the past`);
	if (t > Date.now() + 9999 * DAY_MS) return invalid(field, `${field} must be within 9999 days from now`);
	return new Date(t).toISOString();
}

function applyCredits(sim: ShoplineSim, c: CustomerRec, body: Record<string, any>, endAt: string | null): StoreCreditRec {
	const now = sim.now();
	const change = body.replace === true ? body.value - c.credit_balance : body.value;
	c.credit_balance += change;
	c.updated_at = now;
	const seq = ++sim.counter;
	const record: StoreCreditRec = {
		id: objectId(Date.now(), 0x5c, 0x100000 + seq),
		seq: 1_000_000 + seq,
		customer_id: c.id,
		value: change,
		credit_balance: c.credit_balance,
		remarks: body.remarks,
		type: body.type ?? 'manual_credit',
		end_at: endAt,
		performer_id: body.performer_id ?? null,
		created_at: now,
	};
	sim.storeCredits.push(record);
	notifyAddition(sim, c, { ...body, value: change }, 'store_credits');
	emit(sim, 'user_credit/create', record.id, creditJson(sim, record));
	return record;
}

function addCredits(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = customerOf(sim, req);
	if (!c) return notFound('Customer');
	const body = isPlainObject(req.body) ? req.body : {};
	const replace = body.replace === true;
	const error = checkChange(body, replace) ?? checkCreditExtras(body);
	if (error) return error;
	const endAt = checkExpiry(body.expires_at, 'expires_at');
	if (isResponse(endAt)) return endAt;
	if (replace ? body.value < 0 : c.credit_balance + body.value < 0) return notEnough('store credits');
	return ok(creditJson(sim, applyCredits(sim, c, body, endAt)));
}

function checkCreditExtras(body: Record<string, any>): SimResponse | undefined {
	if (body.replace !== undefined && typeof body.replace !== 'boolean') return invalid('replace', 'replace must be a boolean');
	if (body.type !== undefined && !STORE_CREDIT_TYPES.includes(body.type)) return invalid('type', `type must be one of ${STORE_CREDIT_TYPES.join(', ')}`);
	return undefined;
}

function bulkCredits(sim: ShoplineSim, req: SimRequest): SimResponse {
	const body = isPlainObject(req.body) ? req.body : {};
	const error = checkUserIds(sim, body.user_ids) ?? checkChange(body);
	if (error) return error;
	const endAt = checkExpiry(body.expired_at, 'expired_at');
	if (isResponse(endAt)) return endAt;
	const customers = [...new Set<string>(body.user_ids)].map((id) => sim.customers.get(id)!);
	if (customers.some((c) => c.credit_balance + body.value < 0)) return notEnough('store credits');
	for (const c of customers) applyCredits(sim, c, { ...body, replace: false }, endAt);
	return ok({ message: 'Bulk update store credits job created', job_id: objectId(Date.now(), 0xb1, 0x100000 + ++sim.counter) });
}

// ---------------------------------------------------------------------------------------------
// Membership tiers, tier history, membership info
// ---------------------------------------------------------------------------------------------

const TIER_INCLUDES = ['membership_tier_rules', 'member_point_rules', 'user_credit_rules', 'promotions'];

function tierJson(tier: (typeof MEMBERSHIP_TIERS)[number]): Record<string, unknown> {
	return { id: tier.id, level: tier.level, name_translations: tier.name_translations };
}

/** Documented: a plain array (no paging); include_fields[] adds the rules and promotions. */
function listMembershipTiers(sim: ShoplineSim, req: SimRequest): SimResponse {
	const include = list(req.query.include_fields);
	const unknown = include.find((f) => !TIER_INCLUDES.includes(f));
	if (unknown) return invalid('include_fields', `include_fields must be among ${TIER_INCLUDES.join(', ')}`);
	const members = [...sim.customers.values()];
	return ok(
		MEMBERSHIP_TIERS.map((tier) => ({
			...tierJson(tier),
			member_count: members.filter((c) => c.membership_tier_id === tier.id).length,
			...(include.includes('membership_tier_rules')
				? { membership_tier_rules: [{ effect_type: 'upgrade', total_spending: TIER_THRESHOLDS[tier.id], within_interval: 12 }] } // [INF] rule shape
				: {}),
			...(include.includes('member_point_rules') ? { member_point_rules: [] } : {}),
			...(include.includes('user_credit_rules') ? { user_credit_rules: [] } : {}),
			...(include.includes('promotions') ? { promotions: [] } : {}),
		})),
	);
}

function tierHistory(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = customerOf(sim, req);
	if (!c) return notFound('Customer');
	return pageOf(sim, newestFirst(sim.tierLogs.filter((l) => l.customer_id === c.id)), req, (l) => tierLogJson(sim, l));
}

/** [INF] the documented log carries `data` "in a different shape per key"; ours names both tiers. */
function tierLogJson(sim: ShoplineSim, l: TierLogRec): Record<string, unknown> {
	const tier = (id: string | null) => {
		const t = MEMBERSHIP_TIERS.find((m) => m.id === id);
		return t ? tierJson(t) : null;
	};
	return {
		id: l.id,
		key: l.key,
		data: { from_membership_tier: tier(l.from_tier_id), to_membership_tier: tier(l.to_tier_id) },
		merchant_id: sim.merchantId(),
		status: 'active',
		performer_name: 'System',
		performer_type: 'System',
		performer_id: null,
		target_ids: [l.customer_id],
		target_type: 'User',
		created_at: l.created_at,
	};
}

/** Records a tier change of a customer (seeding, and Update Customer's membership_tier_id). */
export function logTierChange(sim: ShoplineSim, c: CustomerRec, from: string | null, at: string): void {
	if (from === c.membership_tier_id) return;
	const seq = ++sim.counter;
	sim.tierLogs.push({ id: objectId(Date.parse(at), 0x7e, 0x100000 + seq), seq, customer_id: c.id, key: 'updated_user_membership_tier', from_tier_id: from, to_tier_id: c.membership_tier_id, created_at: at });
}

/** [INF] spending that counts for tiers: the customer's completed orders. */
function spendingOf(sim: ShoplineSim, customerId: string): number {
	let cents = 0;
	for (const o of sim.orders.values()) if (o.customer_id === customerId && o.status === 'completed') cents += o.totalCents;
	return cents / 100;
}

function membershipInfoJson(sim: ShoplineSim, c: CustomerRec): Record<string, unknown> {
	const current = MEMBERSHIP_TIERS.find((t) => t.id === c.membership_tier_id);
	const next = MEMBERSHIP_TIERS.find((t) => t.level === (current?.level ?? 0) + 1);
	return {
		id: c.id, // [INF] the docs call it "Membership tier's ID"; the simulator answers the customer's
		membership_tier: current ? { _id: current.id, level: current.level, name_translations: current.name_translations, merchant_id: sim.merchantId() } : null,
		tier_expires_at: c.tier_expires_at,
		membership_tier_gap: {
			next_tier: next ? { _id: next.id, level: next.level, name_translations: next.name_translations } : null,
			next_discount: null,
			user_spending: next ? spendingOf(sim, c.id) : null,
			user_spendings_for_extend: null,
			next_total_spending: next ? TIER_THRESHOLDS[next.id] : null,
			extend_total_spending: null,
		},
	};
}

/** customer_ids[] picks customers (unknown ones are left out [INF]); without it every customer, paged. */
function membershipInfo(sim: ShoplineSim, req: SimRequest): SimResponse {
	const ids = list(req.query.customer_ids);
	const rows = ids.length ? ids.map((id) => sim.customers.get(id)).filter((c): c is CustomerRec => !!c) : sim.customersByCreated().slice().reverse();
	return pageOf(sim, rows, req, (c) => membershipInfoJson(sim, c));
}

// ---------------------------------------------------------------------------------------------
// Promotions of a customer
// ---------------------------------------------------------------------------------------------

const COUPON_STATUSES = ['valid', 'invalid', 'comingSoon'];
const PLATFORMS = ['ec', 'retail', 'app'];
const COUPON_TYPES = ['draw', 'single', 'multi'];

function statusOf(p: (typeof PROMOTIONS)[number], now: number): string {
	if (Date.parse(p.start) > now) return 'comingSoon';
	return p.end && Date.parse(p.end) < now ? 'invalid' : 'valid';
}

/** Filters: coupon_status (one), available_platforms and coupon_type (lists); unknown values → 422 [INF]. */
function customerPromotions(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = customerOf(sim, req);
	if (!c) return notFound('Customer');
	const status = first(req.query.coupon_status);
	if (status && !COUPON_STATUSES.includes(status)) return invalid('coupon_status', `coupon_status must be one of ${COUPON_STATUSES.join(', ')}`);
	const platforms = list(req.query.available_platforms);
	const types = list(req.query.coupon_type);
	const bad = platforms.find((p) => !PLATFORMS.includes(p)) ?? types.find((t) => !COUPON_TYPES.includes(t));
	if (bad) return invalid(platforms.includes(bad) ? 'available_platforms' : 'coupon_type', `Unknown value ${bad}`);
	const now = Date.now();
	const items = PROMOTIONS.filter(
		(p) =>
			(!status || statusOf(p, now) === status) &&
			(!platforms.length || p.platforms.some((x) => platforms.includes(x))) &&
			(!types.length || types.includes(p.coupon_type)),
	).map((p) => ({
		id: p.id,
		title_translations: p.title,
		discount_on: p.discount_on,
		codes: p.codes,
		coupon_type: p.coupon_type,
		available_platforms: p.platforms,
		start_at: p.start,
		end_at: p.end,
		user_max_use_count: 1,
		user_use_count: 0,
		// Documented: only draw coupons carry the customer's coupon status. [INF] members hold it.
		...(p.coupon_type === 'draw' ? { user_coupon_status: c.is_member ? 'active' : 'inactive' } : {}),
	}));
	return ok({ items });
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

/** Opening records matching the seeded balances and tiers, so histories agree with the customers. */
export function seedLoyalty(sim: ShoplineSim): void {
	sim.memberPoints = [];
	sim.storeCredits = [];
	sim.tierLogs = [];
	for (const c of sim.customers.values()) {
		const at = c.created_at;
		if (c.member_point_balance > 0) {
			sim.memberPoints.push({ id: objectId(Date.parse(at), 0x9f, c.seq + 1), seq: c.seq, customer_id: c.id, value: c.member_point_balance, point_balance: c.member_point_balance, remarks: 'Opening balance', type: 'manual', end_at: null, performer_id: null, created_at: at });
		}
		if (c.credit_balance > 0) {
			sim.storeCredits.push({ id: objectId(Date.parse(at), 0x5c, c.seq + 1), seq: c.seq, customer_id: c.id, value: c.credit_balance, credit_balance: c.credit_balance, remarks: 'Opening balance', type: 'manual_credit', end_at: null, performer_id: null, created_at: at });
		}
		if (c.membership_tier_id) {
			sim.tierLogs.push({ id: objectId(Date.parse(at), 0x7e, c.seq + 1), seq: c.seq, customer_id: c.id, key: 'updated_user_membership_tier', from_tier_id: null, to_tier_id: c.membership_tier_id, created_at: at });
		}
	}
}
