/** Venio simulator: customers (POST /v3/customers upsert with seed 000's rules, get by code/name/tax ID, enquiry current and legacy). */
import { type SimRequest, type SimResponse } from '../core';
import { type Customer } from './model';
import { bkkDay, bkkTime, blank, type Body, isDay, legacyOk, legacyWrap, objectBody, ok, oneOf, pad, parseWhen, Problems } from './helpers';
import type { VenioSim } from './index';

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

export function upsertCustomer(sim: VenioSim, req: SimRequest): SimResponse {
	const body = objectBody(req);
	const existing = blank(body.customerCode) ? undefined : sim.customer(String(body.customerCode));
	checkCustomer(sim, body, existing);
	if (existing) sim.customerByName.delete(sim.nameKey(existing.customerName));
	const c = existing ?? blankCustomer(sim);
	for (const [field, kind] of Object.entries(CUSTOMER_FIELDS)) {
		if (body[field] === undefined || (body[field] === null && kind === 'number')) continue; // null number = not sent [INF]
		c[field] = body[field] === null && kind === 'array' ? [] : body[field];
	}
	c.customerName = String(body.customerName).trim();
	// Seed: without leadStatus a Lead starts as 1 (New), a Prospect or Customer as 4 (Interested).
	if (!existing && body.leadStatus === undefined) c.leadStatus = c.customerState === 1 ? 1 : 4;
	if (!blank(c.primaryOwner) && !c.owners.includes(c.primaryOwner)) c.owners = [...c.owners, c.primaryOwner]; // [INF]
	c.dateModified = Math.max(sim.now(), existing ? existing.dateModified + 1 : 0);
	storeCustomer(sim, c);
	return ok(customerOut(c), existing ? 200 : 201);
}

/** Every seed 000 rule; all problems are reported together (4002 when more than one). */
export function checkCustomer(sim: VenioSim, body: Body, existing: Customer | undefined): void {
	const p = new Problems();
	if (p.check(!blank(body.customerName), 'customerName is required') && typeof body.customerName === 'string') {
		const other = sim.customerByName.get(sim.nameKey(body.customerName));
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
	for (const owner of Array.isArray(body.owners) ? body.owners : []) p.check(sim.isEmployee(owner), `owner ${owner} is not an employee code`);
	if (!blank(body.primaryOwner)) p.check(sim.isEmployee(body.primaryOwner), `primaryOwner ${body.primaryOwner} is not an employee code`);
	// Cross-field rules look at the record as it will be after the update.
	const merged = (field: string) => (body[field] !== undefined ? body[field] : existing?.[field]);
	if (oneOf(merged('customerStatus'), [1, 2])) p.check(!blank(merged('customerNote')), 'customerNote is required when customerStatus is 1 (ended) or 2 (closed)');
	if (merged('leadStatus') === 3 && merged('customerState') === 1) {
		p.check(!blank(merged('unqulifiedReasonName')), 'unqulifiedReasonName is required when leadStatus is 3 (Unqualified) and customerState is 1 (Lead)');
		p.check(!blank(merged('unqulifiedReasonNote')), 'unqulifiedReasonNote is required when leadStatus is 3 (Unqualified) and customerState is 1 (Lead)');
	}
	p.done();
}

export function blankCustomer(sim: VenioSim, now = sim.now()): Customer {
	const id = ++sim.seq.customer;
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

export function storeCustomer(sim: VenioSim, c: Customer): void {
	if (!sim.customerByCode.has(c.customerCode)) sim.customers.push(c);
	sim.customerByCode.set(c.customerCode, c);
	sim.customerByName.set(sim.nameKey(c.customerName), c);
}

/** The seed's 201 example shape, then [INF] the other stored fields and the timestamps. */
export function customerOut(c: Customer): Record<string, unknown> {
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

export function getCustomerByName(sim: VenioSim, req: SimRequest): SimResponse {
	const found = sim.customerByName.get(sim.nameKey(req.params.customerName));
	if (!found) throw sim.notFound('Customer', req.params.customerName);
	return ok(customerOut(found));
}

/** [INF] Every customer with sim tax ID (a company's branches share one), oldest first. */
export function customersByTaxId(sim: VenioSim, req: SimRequest): SimResponse {
	const taxId = req.params.taxId.trim();
	const found = sim.customers.filter((c) => typeof c.customerTaxNo === 'string' && c.customerTaxNo.trim() === taxId);
	if (!found.length) throw sim.notFound('Customer with tax ID', taxId);
	return ok(found.map((c) => customerOut(c)));
}

// ----- Customers enquiry (current [INF] and legacy) -------------------------------------------

export function customerEnquiry(sim: VenioSim, req: SimRequest, legacy: boolean): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	const max = sim.options.maxPageLength;
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
	const matches = sim.customers.filter(
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
	if (legacy) return legacyOk(page.map((c) => legacyCustomerOut(c)));
	const answer = ok(page.map((c) => customerOut(c)));
	if (sim.options.enquiryIncludesTotal) (answer.body as Body).total = matches.length; // [INF]
	return answer;
}

/** Legacy v1 customer fields (veniocrm.developer.azure-api.net GetCustomer). */
export function legacyCustomerOut(c: Customer): Record<string, unknown> {
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

export function legacyCustomer(sim: VenioSim, req: SimRequest): SimResponse {
	return legacyWrap(() => legacyOk(legacyCustomerOut(sim.customer(req.params.customerCode))));
}
