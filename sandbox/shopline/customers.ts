/** SHOPLINE simulator: customers (list, search, get, create, update, delete), their JSON and seeding. */
import { type SimRequest, type SimResponse } from '../core';
import { person } from '../data';
import { grantWelcomeCredit, notifyNewCustomer, validateCustomer } from './customerRules';
import { type Query, first, inRange, invalid, isPlainObject, isResponse, list, notFound, objectId, ok, phoneMatches, shape } from './helpers';
import { CREATION_SOURCES, type CustomerRec, type DeliveryAddress, GENDERS, MEMBERSHIP_TIERS } from './model';
import { logTierChange } from './loyalty';
import { emit } from './webhooks';
import type { Route, ShoplineSim } from './index';

/** Customers routes, in the order they are matched. */
export function registerCustomerRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/customers', 'customers', (req) => listCustomers(sim, req));
	r('POST', '/customers', 'customers', (req) => createCustomer(sim, req));
	r('GET', '/customers/search', 'customers', (req) => searchCustomers(sim, req));
	r('GET', '/customers/:id', 'customers', (req) => getCustomer(sim, req));
	r('PUT', '/customers/:id', 'customers', (req) => updateCustomer(sim, req));
	r('DELETE', '/customers/:id', 'customers', (req) => deleteCustomer(sim, req));
	r('PUT', '/customers/:id/tags', 'customers', (req) => updateTags(sim, req, 'replace'));
	r('PATCH', '/customers/:id/tags', 'customers', (req) => updateTags(sim, req, undefined));
}

export function listCustomers(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const dir = sim.direction(q);
	if (typeof dir !== 'string') return dir;
	const range = sim.timeRange(q, ['updated_after', 'updated_before']);
	if (isResponse(range)) return range;
	let rows = sim.customersByCreated().filter((c) => inRange(c.updated_at, range.updated_after, range.updated_before));
	if (dir === 'desc') rows = rows.slice().reverse();
	return pageOfCustomers(sim, rows, q);
}

export function pageOfCustomers(sim: ShoplineSim, rows: CustomerRec[], q: Query): SimResponse {
	const page = sim.paginate(rows, q);
	if (isResponse(page)) return page;
	return ok({ items: page.items.map((c) => shape(customerJson(sim, c), q)), pagination: page.pagination });
}

export function searchCustomers(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const ids = list(q.id);
	const tests: ((c: CustomerRec) => boolean)[] = [];
	const text = first(q.query)?.toLowerCase();
	if (text) {
		const fields = list(q.search_fields);
		const use = fields.length ? fields : ['name', 'email', 'phones', 'mobile_phone'];
		tests.push((c) => use.some((f) => customerFieldContains(c, f, text)));
	}
	const exact = (name: string, test: (c: CustomerRec, v: string) => boolean) => {
		const v = first(q[name]);
		if (v !== undefined && v !== '') tests.push((c) => test(c, v));
	};
	exact('email', (c, v) => c.email?.toLowerCase() === v.toLowerCase());
	exact('name', (c, v) => c.name === v);
	exact('mobile_phone', (c, v) => !!c.mobile_phone && phoneMatches(v, c.mobile_phone, c.mobile_phone_country_calling_code));
	exact('phone', (c, v) => c.phones.some((p) => phoneMatches(v, p, c.phone_country_code)));
	exact('phones', (c, v) => c.phones.some((p) => phoneMatches(v, p, c.phone_country_code)));
	exact('gender', (c, v) => c.gender === v);
	exact('tags', (c, v) => c.tags.includes(v));
	exact('membership_tier_id', (c, v) => c.membership_tier_id === v);
	exact('ref_user_id', (c, v) => c.ref_user_id === v);
	exact('is_member', (c, v) => String(c.is_member) === v);
	if (ids.length) tests.push((c) => ids.includes(c.id));
	const rows = sim.customersByCreated()
		.filter((c) => tests.every((t) => t(c)))
		.reverse();
	return pageOfCustomers(sim, rows, q);
}

export function customerFieldContains(c: CustomerRec, field: string, text: string): boolean {
	if (field === 'name') return c.name.toLowerCase().includes(text);
	if (field === 'email') return !!c.email && c.email.toLowerCase().includes(text);
	if (field === 'mobile_phone') return !!c.mobile_phone && phoneMatches(text, c.mobile_phone, c.mobile_phone_country_calling_code);
	if (field === 'phones') return c.phones.some((p) => phoneMatches(text, p, c.phone_country_code));
	return false;
}

export function getCustomer(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = sim.customers.get(req.params.id);
	return c ? ok(shape(customerJson(sim, c), req.query)) : notFound('Customer');
}

export function createCustomer(sim: ShoplineSim, req: SimRequest): SimResponse {
	const body = req.body;
	if (!isPlainObject(body)) return invalid('body', 'The request body must be a JSON object');
	const error = validateCustomer(sim, body, undefined);
	if (error) return error;
	const now = sim.now();
	const customer = newCustomer(sim, body, now);
	sim.customers.set(customer.id, customer);
	sim.invalidate();
	notifyNewCustomer(sim, customer, body);
	grantWelcomeCredit(sim, customer, body);
	const json = customerJson(sim, customer);
	emit(sim, 'user/create', customer.id, json);
	return ok(shape(json, req.query), sim.config.createStatus);
}

export function newCustomer(sim: ShoplineSim, body: Record<string, any>, now: string): CustomerRec {
	const seq = ++sim.counter;
	const isMember = body.is_member === true;
	const customer: CustomerRec = {
		...emptyCustomer(),
		id: objectId(Date.now(), 0xc0, 0x100000 + seq),
		seq: 1_000_000 + seq,
		seeded: false,
		name: String(body.name).trim(),
		is_member: isMember,
		created_by: body.created_by ?? 'openapi',
		registered_by: body.registered_by ?? (isMember ? 'openapi' : null), // [INF]
		created_at: now,
		updated_at: now,
	};
	applyCustomerFields(customer, body);
	return customer;
}

/** Copies the writable fields present in `body` onto the record. */
export function applyCustomerFields(c: CustomerRec, body: Record<string, any>): void {
	const copy = <K extends keyof CustomerRec>(key: K) => {
		if (key in body) (c as any)[key] = body[key];
	};
	if ('name' in body) c.name = String(body.name).trim();
	if ('email' in body) c.email = body.email ? String(body.email).trim().toLowerCase() : null;
	(['mobile_phone', 'mobile_phone_country_calling_code', 'phone_country_code', 'gender', 'memo', 'ref_user_id'] as const).forEach(copy);
	(['is_member', 'is_accept_marketing', 'is_subscribed_marketing_email', 'is_subscribed_marketing_sms'] as const).forEach(copy);
	(['created_by_channel_id', 'registered_by_channel_id', 'membership_tier_id', 'tier_expires_at', 'tags'] as const).forEach(copy);
	if ('delivery_addresses' in body) c.delivery_addresses = body.delivery_addresses.map((a: DeliveryAddress) => ({ ...a }));
	if ('phones' in body || 'phone' in body) c.phones = phonesFrom(body);
	if ('birthday' in body) setBirthday(c, body.birthday);
	if (['birth_year', 'birth_month', 'birth_day'].some((k) => k in body)) {
		c.birth_year = body.birth_year ?? c.birth_year;
		c.birth_month = body.birth_month ?? c.birth_month;
		c.birth_day = body.birth_day ?? c.birth_day;
		c.birthday = legacyBirthday(c);
	}
}

export function setBirthday(c: CustomerRec, birthday: string | null): void {
	c.birthday = birthday;
	const [y, m, d] = birthday ? birthday.split('-').map(Number) : [null, null, null];
	c.birth_year = y;
	c.birth_month = m;
	c.birth_day = d;
}

export function updateCustomer(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = sim.customers.get(req.params.id);
	if (!c) return notFound('Customer');
	const body = req.body;
	if (!isPlainObject(body)) return invalid('body', 'The request body must be a JSON object');
	const error = validateCustomer(sim, body, c.id);
	if (error) return error;
	if ('birthday' in body && body.birthday !== null) c.birth_year = c.birth_month = c.birth_day = null;
	const tierBefore = c.membership_tier_id;
	applyCustomerFields(c, body);
	c.updated_at = sim.now();
	logTierChange(sim, c, tierBefore, c.updated_at);
	const json = customerJson(sim, c);
	emit(sim, 'user/update', c.id, json);
	return ok(shape(json, req.query));
}

const MAX_TAGS = 60;

/**
 * PUT /customers/:id/tags replaces the tags; PATCH adds or removes them (`update_mode`, SDK).
 * Documented: each tag 3 to 40 characters, else 422; more than 60 tags: nothing changes and the
 * answer is 200 with the customer's current tags. [INF] the same rules for PATCH.
 */
function updateTags(sim: ShoplineSim, req: SimRequest, fixedMode: 'replace' | undefined): SimResponse {
	const c = sim.customers.get(req.params.id);
	if (!c) return notFound('Customer');
	const body = isPlainObject(req.body) ? req.body : {};
	const mode = fixedMode ?? body.update_mode;
	if (!fixedMode && mode !== 'add' && mode !== 'remove') return invalid('update_mode', 'update_mode must be add or remove');
	if (!Array.isArray(body.tags) || body.tags.some((t: unknown) => typeof t !== 'string')) return invalid('tags', 'tags must be an array of strings');
	const bad = (body.tags as string[]).find((t) => t.length < 3 || t.length > 40);
	if (bad !== undefined) return invalid('tags', `Each tag must have 3 to 40 characters: "${bad}"`);
	const tags: string[] = body.tags;
	const next = mode === 'replace' ? [...new Set(tags)] : mode === 'add' ? [...new Set([...c.tags, ...tags])] : c.tags.filter((t) => !tags.includes(t));
	if (next.length > MAX_TAGS) return ok({ tags: c.tags });
	const changed = next.length !== c.tags.length || next.some((t, i) => t !== c.tags[i]);
	c.tags = next;
	if (changed) {
		c.updated_at = sim.now();
		emit(sim, 'user/update', c.id, customerJson(sim, c));
	}
	return ok({ tags: c.tags });
}

export function deleteCustomer(sim: ShoplineSim, req: SimRequest): SimResponse {
	const c = sim.customers.get(req.params.id);
	if (!c) return notFound('Customer');
	const json = customerJson(sim, c);
	sim.customers.delete(c.id);
	sim.invalidate();
	emit(sim, 'user/remove', c.id, json);
	return ok({ message: 'Customer deleted' }); // [INF] wording
}

export function customerJson(sim: ShoplineSim, c: CustomerRec): Record<string, unknown> {
	const tier = MEMBERSHIP_TIERS.find((t) => t.id === c.membership_tier_id);
	return {
		id: c.id,
		name: c.name,
		email: c.email,
		mobile_phone: c.mobile_phone,
		mobile_phone_verified: false,
		mobile_phone_country_calling_code: c.mobile_phone_country_calling_code,
		phones: c.phones,
		phone: c.phones.length ? c.phones[c.phones.length - 1] : null,
		phone_country_code: c.phone_country_code,
		gender: c.gender,
		birthday: c.birthday,
		birth_year: c.birth_year,
		birth_month: c.birth_month,
		birth_day: c.birth_day,
		is_member: c.is_member,
		is_blacklisted: false,
		is_accept_marketing: c.is_accept_marketing,
		is_subscribed_marketing_email: c.is_subscribed_marketing_email,
		is_subscribed_marketing_sms: c.is_subscribed_marketing_sms,
		credit_balance: c.credit_balance,
		member_point_balance: c.member_point_balance,
		membership_tier: tier ? { id: tier.id, level: tier.level, name_translations: tier.name_translations, status: 'active' } : null,
		tier_expires_at: c.tier_expires_at,
		delivery_addresses: c.delivery_addresses,
		tags: c.tags,
		memo: c.memo,
		ref_user_id: c.ref_user_id,
		created_by: c.created_by,
		created_by_channel_id: c.created_by_channel_id,
		registered_by: c.registered_by,
		registered_by_channel_id: c.registered_by_channel_id,
		order_count: orderCountOf(sim, c.id),
		created_at: c.created_at,
		updated_at: c.updated_at,
	};
}

export function orderCountOf(sim: ShoplineSim, customerId: string): number {
	if (!sim.orderCounts) {
		sim.orderCounts = new Map();
		for (const o of sim.orders.values()) {
			if (o.customer_id) sim.orderCounts.set(o.customer_id, (sim.orderCounts.get(o.customer_id) ?? 0) + 1);
		}
	}
	return sim.orderCounts.get(customerId) ?? 0;
}

export function addSeededCustomer(sim: ShoplineSim, i: number, createdMs: number, random: () => number): void {
	const p = person(i, sim.config.seed);
	const created = new Date(createdMs).toISOString();
	const tier = i % 7 === 0 ? MEMBERSHIP_TIERS[1] : i % 3 === 0 ? MEMBERSHIP_TIERS[0] : undefined;
	const [y, m, d] = p.birthday.split('-').map(Number);
	const c: CustomerRec = {
		...emptyCustomer(),
		id: objectId(createdMs, 0xc0, i + 1),
		seq: i,
		seeded: true,
		name: p.fullName,
		email: p.email,
		mobile_phone: p.mobile,
		mobile_phone_country_calling_code: p.countryCallingCode,
		gender: GENDERS[Math.floor(random() * 3)],
		birthday: p.birthday,
		birth_year: y,
		birth_month: m,
		birth_day: d,
		is_member: i % 5 !== 4,
		is_subscribed_marketing_email: i % 2 === 0,
		credit_balance: (i % 4) * 25,
		member_point_balance: (i % 10) * 10,
		membership_tier_id: tier?.id ?? null,
		delivery_addresses: [seededAddress(p)],
		tags: [p.market.toLowerCase(), ...(i % 6 === 0 ? ['vip'] : [])],
		created_by: CREATION_SOURCES[i % CREATION_SOURCES.length],
		registered_by: i % 5 !== 4 ? 'shop' : null,
		created_at: created,
		updated_at: new Date(createdMs + (i % 48) * 3_600_000).toISOString(),
	};
	sim.customers.set(c.id, c);
}

export function emptyCustomer(): Omit<CustomerRec, 'id' | 'seq' | 'seeded' | 'name' | 'created_at' | 'updated_at'> {
	return {
		email: null,
		mobile_phone: null,
		mobile_phone_country_calling_code: null,
		phones: [],
		phone_country_code: null,
		gender: null,
		birthday: null,
		birth_year: null,
		birth_month: null,
		birth_day: null,
		is_member: false,
		is_accept_marketing: false,
		is_subscribed_marketing_email: false,
		is_subscribed_marketing_sms: false,
		credit_balance: 0,
		member_point_balance: 0,
		membership_tier_id: null,
		tier_expires_at: null,
		delivery_addresses: [],
		tags: [],
		memo: null,
		ref_user_id: null,
		created_by: 'openapi',
		created_by_channel_id: null,
		registered_by: null,
		registered_by_channel_id: null,
	};
}

/** `phones` is a comma-separated string; `phone` becomes the last entry. */
export function phonesFrom(body: Record<string, any>): string[] {
	const phones = typeof body.phones === 'string' ? body.phones.split(',').map((p: string) => p.trim()).filter(Boolean) : Array.isArray(body.phones) ? body.phones.map(String) : [];
	if (typeof body.phone === 'string' && body.phone.trim() && !phones.includes(body.phone.trim())) phones.push(body.phone.trim());
	return phones;
}

/** Documented: with only birth parts, birthday reads year 1904, month 1, day 1 for missing parts. */
export function legacyBirthday(c: CustomerRec): string | null {
	if (c.birth_year === null && c.birth_month === null && c.birth_day === null) return null;
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${c.birth_year ?? 1904}-${pad(c.birth_month ?? 1)}-${pad(c.birth_day ?? 1)}`;
}

export function seededAddress(p: ReturnType<typeof person>): DeliveryAddress {
	return {
		country: p.country,
		country_code: ({ TH: 'TH', VN: 'VN', TW: 'TW', HK: 'HK' } as const)[p.market],
		city: p.city,
		postcode: p.postcode,
		address_1: p.street,
		address_2: null,
		recipient_name: p.fullName,
		recipient_phone: p.mobile,
		recipient_phone_country_code: p.countryCallingCode,
	};
}
