/**
 * Venio simulator: cases (service requests) and their categories.
 *
 * Documented [PUB developer.gofive.co.th api-13759273 Add Case, api-13759837 Edit Case by CaseNo]:
 *   POST /v1/case           caseType (1 Request for Action, 2 For Your Information), subject, categoryId,
 *                           dateCase, dateDue, assignedToUserId (a user GUID) required; customerCode,
 *                           activityNos[], dealNos[], note optional
 *   PUT  /v1/case/{caseNo}  subject, categoryId, dateCase, dateDue, assignedToUserId required; the
 *                           field list names `customerNo`, its example sends `customerCode` (both read)
 * [INF]: GET /v1/case/{caseNo} and GET /v1/case/categories (menu entries without a path); the
 * answer's fields; dateDue not before dateCase; activity and deal numbers must exist; the users are
 * the employees, each with a fixed GUID (`userIdOf`); caseType cannot change on an edit; numbering
 * T260100001 (the example's T250200010: T + yymm + 5 digits).
 */
import { createHash } from 'node:crypto';

import { type SimRequest, type SimResponse } from '../core';
import { bkkTime, blank, type Body, objectBody, ok, pad, parseWhen, Problems, strOrNull, yymm } from './helpers';
import type { VenioSim } from './index';

export interface Case {
	caseId: number;
	caseNo: string;
	caseType: number;
	subject: string;
	customerCode: string | null;
	categoryId: number;
	dateCase: number;
	dateDue: number;
	activityNos: string[];
	dealNos: string[];
	note: string | null;
	assignedToUserId: string;
	dateCreated: number;
	dateModified: number;
}

export const CASE_TYPES: Record<number, string> = { 1: 'Request for Action', 2: 'For Your Information' };

export const CASE_CATEGORIES = ['Complaint', 'Product question', 'Delivery problem', 'Warranty claim'].map((categoryName, i) => ({ categoryId: 2140016581 + i, categoryName }));

/** [INF] A Venio user's GUID for an employee code: fixed, so tests and demos can name it. */
export function userIdOf(employeeCode: string): string {
	const h = createHash('sha256').update(`venio-user:${employeeCode}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Routes in the order they are matched: the categories before `/v1/case/{caseNo}`. */
export const CASE_ROUTES = [
	['caseCreate', 'POST', '/v1/case', (sim: VenioSim, r: SimRequest) => createCase(sim, r)],
	['caseCategories', 'GET', '/v1/case/categories', () => ok(structuredClone(CASE_CATEGORIES))],
	['caseGet', 'GET', '/v1/case/:caseNo', (sim: VenioSim, r: SimRequest) => ok(caseOut(sim, caseByNo(sim, r.params.caseNo)))],
	['caseUpdate', 'PUT', '/v1/case/:caseNo', (sim: VenioSim, r: SimRequest) => updateCase(sim, r)],
] as const;

export function caseByNo(sim: VenioSim, no: string): Case {
	const found = sim.cases.find((c) => c.caseNo.toUpperCase() === no.trim().toUpperCase());
	if (!found) throw sim.notFound('Case', no);
	return found;
}

export function caseOut(sim: VenioSim, c: Case): Record<string, unknown> {
	const user = sim.employees.find((e) => userIdOf(e.employeeCode) === c.assignedToUserId);
	return {
		caseId: c.caseId,
		caseNo: c.caseNo,
		caseType: c.caseType,
		caseTypeName: CASE_TYPES[c.caseType],
		subject: c.subject,
		customerCode: c.customerCode,
		customerName: c.customerCode ? (sim.customerByCode.get(c.customerCode)?.customerName ?? null) : null,
		categoryId: c.categoryId,
		categoryName: CASE_CATEGORIES.find((x) => x.categoryId === c.categoryId)?.categoryName ?? null,
		dateCase: bkkTime(c.dateCase),
		dateDue: bkkTime(c.dateDue),
		activityNos: [...c.activityNos],
		dealNos: [...c.dealNos],
		note: c.note,
		assignedToUserId: c.assignedToUserId,
		assignedToName: user?.employeeName ?? null,
		dateCreated: bkkTime(c.dateCreated),
		dateModified: bkkTime(c.dateModified),
	};
}

/** The documented required fields on both writes, and the [INF] rules; all problems together. */
function checkCase(sim: VenioSim, b: Body, creating: boolean): void {
	const p = new Problems();
	if (creating) p.check(b.caseType === 1 || b.caseType === 2, 'caseType is required: 1 (Request for Action) or 2 (For Your Information)');
	else p.check(b.caseType === undefined, 'caseType cannot be changed'); // [INF]
	p.check(!blank(b.subject) && typeof b.subject === 'string', 'subject is required');
	p.check(CASE_CATEGORIES.some((x) => x.categoryId === b.categoryId), `categoryId is required: one of ${CASE_CATEGORIES.map((x) => x.categoryId).join(', ')}`);
	const start = parseWhen(b.dateCase);
	const due = parseWhen(b.dateDue);
	p.check(start !== undefined, 'dateCase is required (a date-time)');
	if (p.check(due !== undefined, 'dateDue is required (a date-time)') && start !== undefined) p.check(due! >= start, 'dateDue must not be before dateCase'); // [INF]
	if (p.check(!blank(b.assignedToUserId), 'assignedToUserId is required (a user ID)')) {
		p.check(sim.employees.some((e) => userIdOf(e.employeeCode) === String(b.assignedToUserId).toLowerCase()), `assignedToUserId ${b.assignedToUserId} is not a Venio user`);
	}
	const customer = b.customerCode ?? b.customerNo;
	if (!blank(customer)) p.check(sim.customerByCode.has(String(customer).trim().toUpperCase()), `customerCode ${customer} not found`);
	for (const [field, exists] of [
		['activityNos', (no: string) => sim.activities.some((a) => a.activityNo.toUpperCase() === no.toUpperCase())],
		['dealNos', (no: string) => [...sim.deals.values()].some((d) => d.dealNo.toUpperCase() === no.toUpperCase())],
	] as const) {
		if (b[field] === undefined || b[field] === null) continue;
		if (p.check(Array.isArray(b[field]) && b[field].every((x: unknown) => typeof x === 'string'), `${field} must be an array of numbers as text`)) {
			for (const no of b[field] as string[]) p.check(exists(no), `${field}: ${no} not found`);
		}
	}
	p.done();
}

function applyCase(sim: VenioSim, c: Case, b: Body): void {
	c.subject = String(b.subject).trim();
	c.categoryId = b.categoryId;
	c.dateCase = parseWhen(b.dateCase)!;
	c.dateDue = parseWhen(b.dateDue)!;
	c.assignedToUserId = String(b.assignedToUserId).toLowerCase();
	const customer = b.customerCode ?? b.customerNo;
	if (customer !== undefined) c.customerCode = blank(customer) ? null : sim.customer(String(customer)).customerCode;
	if (b.activityNos !== undefined) c.activityNos = [...(b.activityNos ?? [])];
	if (b.dealNos !== undefined) c.dealNos = [...(b.dealNos ?? [])];
	if (b.note !== undefined) c.note = strOrNull(b.note);
}

export function createCase(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	checkCase(sim, b, true);
	const now = sim.now();
	const id = ++sim.seq.case;
	const c: Case = {
		caseId: id, caseNo: `T${yymm(now)}${pad(id, 5)}`, caseType: b.caseType, subject: '', customerCode: null, categoryId: 0, dateCase: now, dateDue: now,
		activityNos: [], dealNos: [], note: null, assignedToUserId: '', dateCreated: now, dateModified: now,
	};
	applyCase(sim, c, b);
	sim.cases.push(c);
	return ok(caseOut(sim, c), 201);
}

export function updateCase(sim: VenioSim, req: SimRequest): SimResponse {
	const c = caseByNo(sim, req.params.caseNo);
	const b = objectBody(req);
	checkCase(sim, b, false);
	applyCase(sim, c, b);
	c.dateModified = Math.max(sim.now(), c.dateModified + 1);
	return ok(caseOut(sim, c));
}

/** Two cases on the first customer: a complaint and a question. */
export function seedCases(sim: VenioSim, start: number): void {
	sim.cases = [];
	const customer = sim.customers[0]?.customerCode;
	if (!customer) return;
	[1, 2].forEach((caseType, i) => {
		const at = start + i * 86_400_000;
		const id = ++sim.seq.case;
		sim.cases.push({
			caseId: id, caseNo: `T${yymm(at)}${pad(id, 5)}`, caseType, subject: i ? 'Asks for the allergen list' : 'Late delivery', customerCode: customer,
			categoryId: CASE_CATEGORIES[i ? 1 : 2].categoryId, dateCase: at, dateDue: at + 3 * 86_400_000, activityNos: [], dealNos: [], note: null,
			assignedToUserId: userIdOf(sim.employees[i].employeeCode), dateCreated: at, dateModified: at,
		});
	});
}
