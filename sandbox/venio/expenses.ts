/**
 * Venio simulator: one employee by code, and expenses (Create, Update, Enquiry, Get).
 *
 * Seed 000's menu lists "Employees Enquiry", "Get a Employee", "Create Expense", "Update Expense",
 * "Expense Enquiry" and "Get a Expense" [SEED 000]; public code calls POST /v1/Employees/Enquiry
 * [PUB code]. Nothing else about these endpoints is published, so every path and rule below is [INF]
 * (each path adjustable through options.paths), shaped like the documented deal endpoints:
 *   GET  /v1/employees/{employeeCode}            → {employeeCode, employeeName, email}
 *   POST /v1/expenses                            expenseName, amount (> 0), expenseDate (YYYY-MM-DD),
 *                                                employeeCode required; customerCode, dealId,
 *                                                expenseCategory, note optional → 201 expense
 *   PUT  /v1/expenses/{expenseId}                the same keys; unsent ones are kept
 *   POST /v1/expenses/enquiry                    {pageLength 1–100 (required), skip, keyword,
 *                                                employeeCode, customerCode, dateFrom, dateTo}
 *   GET  /v1/expenses/{expenseId}
 * Numbering EX2601-0001 [INF].
 */
import { type SimRequest, type SimResponse } from '../core';
import { bkkTime, blank, type Body, isDay, objectBody, ok, pad, Problems, strOrNull, yymm } from './helpers';
import type { VenioSim } from './index';

export interface Expense {
	expenseId: number;
	expenseNo: string;
	expenseName: string;
	amount: number;
	expenseDate: string;
	employeeCode: string;
	customerCode: string | null;
	dealId: number | null;
	expenseCategory: string | null;
	note: string | null;
	dateCreated: number;
	dateModified: number;
}

/** The expenses a simulator holds and its numbering; reset with the rest of the seed. */
export class ExpenseBook {
	byId = new Map<number, Expense>();
	seq = 0;

	reset(sim: VenioSim): void {
		this.byId.clear();
		this.seq = 0;
		const start = sim.now();
		// [INF] A few seeded expenses, enough for two enquiry pages of 3.
		const seeded: [string, number, string, string, string | null][] = [
			['Taxi to customer', 320, '2026-01-05', 'E001', 'C000001'],
			['Lunch with buyer', 1250.5, '2026-01-08', 'E002', 'C000002'],
			['Trade fair booth', 15000, '2026-01-12', 'E001', null],
			['Samples courier', 480, '2026-01-20', 'E003', 'C000003'],
			['Hotel Chiang Mai', 2100, '2026-02-02', 'E004', null],
		];
		for (const [expenseName, amount, expenseDate, employeeCode, customerCode] of seeded) {
			this.add(sim, { expenseName, amount, expenseDate, employeeCode, customerCode }, start);
		}
	}

	add(sim: VenioSim, b: Body, now: number): Expense {
		const id = ++this.seq;
		const e: Expense = {
			expenseId: id,
			expenseNo: `EX${yymm(now)}-${pad(id, 4)}`,
			expenseName: '',
			amount: 0,
			expenseDate: '',
			employeeCode: '',
			customerCode: null,
			dealId: null,
			expenseCategory: null,
			note: null,
			dateCreated: now,
			dateModified: now,
		};
		apply(sim, e, b);
		this.byId.set(id, e);
		return e;
	}
}

export const EXPENSE_ROUTES = [
	['employeeGet', 'GET', '/v1/employees/:employeeCode', (sim: VenioSim, r: SimRequest) => employeeGet(sim, r)],
	['expenseCreate', 'POST', '/v1/expenses', (sim: VenioSim, r: SimRequest) => createExpense(sim, r)],
	['expenseEnquiry', 'POST', '/v1/expenses/enquiry', (sim: VenioSim, r: SimRequest) => expenseEnquiry(sim, r)],
	['expenseGet', 'GET', '/v1/expenses/:id', (sim: VenioSim, r: SimRequest) => ok(expenseOut(sim, expense(sim, r.params.id)))],
	['expenseUpdate', 'PUT', '/v1/expenses/:id', (sim: VenioSim, r: SimRequest) => updateExpense(sim, r)],
] as const;

function employeeGet(sim: VenioSim, r: SimRequest): SimResponse {
	const code = decodeURIComponent(r.params.employeeCode);
	const found = sim.employees.find((e) => e.employeeCode.toLowerCase() === code.toLowerCase());
	if (!found) throw sim.notFound('Employee', code);
	return ok(structuredClone(found));
}

export function expense(sim: VenioSim, id: string): Expense {
	const found = /^\d+$/.test(id) ? sim.expenseBook.byId.get(Number(id)) : undefined;
	if (!found) throw sim.notFound('Expense', id);
	return found;
}

export function expenseOut(sim: VenioSim, e: Expense): Record<string, unknown> {
	const employee = sim.employees.find((x) => x.employeeCode === e.employeeCode);
	const customer = e.customerCode ? sim.customerByCode.get(e.customerCode) : undefined;
	return {
		expenseId: e.expenseId,
		expenseNo: e.expenseNo,
		expenseName: e.expenseName,
		amount: e.amount,
		expenseDate: `${e.expenseDate}T00:00:00+0700`,
		employeeCode: e.employeeCode,
		employeeName: employee?.employeeName ?? null,
		customerCode: e.customerCode,
		customerName: customer?.customerName ?? null,
		dealId: e.dealId,
		expenseCategory: e.expenseCategory,
		note: e.note,
		dateCreated: bkkTime(e.dateCreated),
		dateModified: bkkTime(e.dateModified),
	};
}

/** All problems of a create (`prev` undefined) or an update at once [INF rules]. */
function check(sim: VenioSim, b: Body, prev: Expense | undefined): void {
	const p = new Problems();
	const has = (k: string) => b[k] !== undefined;
	if (!prev || has('expenseName')) p.check(typeof b.expenseName === 'string' && !blank(b.expenseName), 'expenseName is required');
	if (!prev || has('amount')) p.check(typeof b.amount === 'number' && Number.isFinite(b.amount) && b.amount > 0, 'amount is required and must be more than 0');
	if (!prev || has('expenseDate')) p.check(isDay(b.expenseDate), 'expenseDate is required (a date YYYY-MM-DD)');
	if (!prev || has('employeeCode')) {
		if (p.check(!blank(b.employeeCode), 'employeeCode is required')) p.check(sim.isEmployee(b.employeeCode), `employeeCode ${b.employeeCode} is not an employee code`);
	}
	if (!blank(b.customerCode)) p.check(typeof b.customerCode === 'string' && sim.customerByCode.has(b.customerCode.toUpperCase()), `customerCode: customer ${String(b.customerCode)} not found`);
	if (b.dealId !== undefined && b.dealId !== null) p.check(Number.isInteger(b.dealId) && sim.deals.has(b.dealId), `dealId ${String(b.dealId)} not found`);
	p.done();
}

function apply(sim: VenioSim, e: Expense, b: Body): void {
	if (b.expenseName !== undefined) e.expenseName = String(b.expenseName).trim();
	if (b.amount !== undefined) e.amount = b.amount;
	if (b.expenseDate !== undefined) e.expenseDate = b.expenseDate;
	if (b.employeeCode !== undefined) e.employeeCode = String(b.employeeCode);
	if (b.customerCode !== undefined) e.customerCode = blank(b.customerCode) ? null : sim.customer(String(b.customerCode)).customerCode;
	if (b.dealId !== undefined) e.dealId = b.dealId;
	if (b.expenseCategory !== undefined) e.expenseCategory = strOrNull(b.expenseCategory);
	if (b.note !== undefined) e.note = strOrNull(b.note);
}

function createExpense(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	check(sim, b, undefined);
	return ok(expenseOut(sim, sim.expenseBook.add(sim, b, sim.now())), 201);
}

function updateExpense(sim: VenioSim, req: SimRequest): SimResponse {
	const e = expense(sim, req.params.id);
	const b = objectBody(req);
	check(sim, b, e);
	apply(sim, e, b);
	e.dateModified = Math.max(sim.now(), e.dateModified + 1);
	return ok(expenseOut(sim, e));
}

function expenseEnquiry(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req, true);
	const p = new Problems();
	p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
	p.check(Number.isInteger(b.pageLength) && b.pageLength >= 1 && b.pageLength <= sim.options.maxPageLength, `pageLength is required (1 to ${sim.options.maxPageLength})`);
	for (const f of ['dateFrom', 'dateTo']) p.check(blank(b[f]) || isDay(b[f]), `${f} must be a date YYYY-MM-DD`);
	p.done();
	const keyword = blank(b.keyword) ? '' : String(b.keyword).toLowerCase();
	const list = [...sim.expenseBook.byId.values()].filter(
		(e) =>
			`${e.expenseNo} ${e.expenseName} ${e.note ?? ''}`.toLowerCase().includes(keyword) &&
			(blank(b.employeeCode) || e.employeeCode === b.employeeCode) &&
			(blank(b.customerCode) || e.customerCode === String(b.customerCode).toUpperCase()) &&
			(blank(b.dateFrom) || e.expenseDate >= b.dateFrom) &&
			(blank(b.dateTo) || e.expenseDate <= b.dateTo),
	);
	const skip = b.skip ?? 0;
	return ok(list.slice(skip, skip + b.pageLength).map((e) => expenseOut(sim, e)));
}
