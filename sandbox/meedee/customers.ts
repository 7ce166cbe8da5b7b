/** MeeDee POS simulator: GET /customers, the PII view of a customer, and the seeded customer book. */
import { rng, type SimRequest, type SimResponse } from '../core';
import { person } from '../data';
import { DEFAULTS as SHOPLINE_SEED } from '../shopline/model';
import { boolParam, searchParam, uuidParam } from './helpers';
import { DAY, type Grant, type Obj, PII_KEYS, type Row, TIERS, dayStart, dec, iso, uuid } from './model';
import { page } from './paging';
import type { MeeDeeSim } from './index';

export function listCustomers(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const active = boolParam(req, 'is_active');
	const tier = uuidParam(req, 'membership_tier_id');
	const q = searchParam(req);
	const keep = (c: Obj) =>
		(active === undefined || c.is_active === active) &&
		(tier === undefined || c.membership_tier_id === tier) &&
		(q === undefined || String(c.full_name).toLowerCase().includes(q) || String(c.customer_code).toLowerCase().includes(q));
	return page(req, 'customers', sim.customers, keep, (c) => customerView(c, grant.scopes));
}

/** Replaces the customer book with `n` deterministic customers (ids stable per index). */
export function seedCustomers(sim: MeeDeeSim, n: number): void {
	sim.customers = [];
	sim.customerById.clear();
	sim.customerCount = 0;
	const start = Date.UTC(2024, 0, 1);
	const step = Math.max(1, Math.floor((Date.UTC(2026, 0, 1) - start) / Math.max(n, 1)));
	for (let i = 0; i < n; i++) addCustomer(sim, i, start + i * step);
}

export function addCustomer(sim: MeeDeeSim, index: number, createdMs: number): Row {
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
	const row = { seq: ++sim.seq, data };
	sim.customers.push(row);
	sim.customerById.set(String(data.id), row);
	sim.customerCount = Math.max(sim.customerCount, index + 1);
	return row;
}

/** The customer as a token sees it: PII keys removed (not nulled) without read:customers:pii. */
export function customerView(c: Obj, scopes: string[]): Obj {
	if (scopes.includes('read:customers:pii')) return { ...c };
	const out: Obj = {};
	for (const [k, v] of Object.entries(c)) if (!PII_KEYS.includes(k)) out[k] = v;
	return out;
}
