/**
 * Venio simulator: contracts, their types and templates, service agreements, sending the document.
 *
 * Seed 000's menu lists Get Contract By No, Get Contract Types, Get Contract Templates, Create or
 * Update Contract, Create or Update Contract Service Agreement and Send Contract Document (GET, GET,
 * GET, POST, POST, POST) [SEED 000]. No path, body or answer is published, so everything below is
 * [INF] (paths adjustable through options.paths), following Venio's other upserts (no number =
 * create, 201):
 *   GET  /v1/contracts/types                    → [{contractTypeId, contractTypeName}]
 *   GET  /v1/contracts/templates?contractTypeId= → [{contractTemplateId, contractTemplateName, contractTypeId}]
 *   POST /v1/contracts                          contractNo (empty = create), contractName, customerCode,
 *                                               contractTypeId, startDate, endDate required; contractTemplateId,
 *                                               contractValue (≥ 0), ownerCode, note optional
 *   POST /v1/contracts/service-agreement        the same + serviceItems[{productCode, qty ≥ 1, serialNo?}]
 *                                               (at least one), serviceIntervalMonths (1–24)
 *   POST /v1/contracts/{contractNo}/send        {emails[] (required, valid), subject?, message?} → data:true;
 *                                               refused for a contract without a template
 *   GET  /v1/contracts/{contractNo}
 * The template must belong to the contract's type; endDate not before startDate; numbering CT2601-0001.
 */
import { type SimRequest, type SimResponse } from '../core';
import { bkkTime, blank, type Body, isDay, objectBody, ok, pad, Problems, query1, strOrNull, yymm } from './helpers';
import type { VenioSim } from './index';

export interface ContractLists {
	types: { contractTypeId: number; contractTypeName: string }[];
	templates: { contractTemplateId: number; contractTemplateName: string; contractTypeId: number }[];
}

export interface Contract {
	contractId: number;
	contractNo: string;
	contractName: string;
	customerCode: string;
	contractTypeId: number;
	contractTemplateId: number | null;
	startDate: string;
	endDate: string;
	contractValue: number | null;
	ownerCode: string | null;
	note: string | null;
	serviceAgreement: { serviceItems: { productCode: string; qty: number; serialNo: string | null }[]; serviceIntervalMonths: number | null } | null;
	sent: { emails: string[]; subject: string | null; message: string | null; at: number }[];
	dateCreated: number;
	dateModified: number;
}

/** Contracts, their lists and numbering; reset with the rest of the seed. */
export class ContractBook {
	byNo = new Map<string, Contract>();
	seq = 0;
	lists: ContractLists = { types: [], templates: [] };

	reset(sim: VenioSim): void {
		this.byNo.clear();
		this.seq = 0;
		this.lists = {
			types: ['Sales Contract', 'Service Agreement', 'Franchise Agreement'].map((contractTypeName, i) => ({ contractTypeId: 401 + i, contractTypeName })),
			templates: [
				{ contractTemplateId: 4101, contractTemplateName: 'Standard Sales (TH/EN)', contractTypeId: 401 },
				{ contractTemplateId: 4201, contractTemplateName: 'Maintenance 12 months', contractTypeId: 402 },
				{ contractTemplateId: 4202, contractTemplateName: 'Maintenance 24 months', contractTypeId: 402 },
				{ contractTemplateId: 4301, contractTemplateName: 'Franchise (Thailand)', contractTypeId: 403 },
			],
		};
		const now = sim.now();
		this.add(sim, { contractName: 'Bubble tea supply 2026', customerCode: 'C000001', contractTypeId: 401, contractTemplateId: 4101, startDate: '2026-01-01', endDate: '2026-12-31', contractValue: 480000, ownerCode: 'E001' }, now);
		this.add(sim, { contractName: 'Sealer maintenance', customerCode: 'C000002', contractTypeId: 402, startDate: '2026-02-01', endDate: '2027-01-31', serviceItems: [{ productCode: 'P-THAI-TEA', qty: 1 }], serviceIntervalMonths: 3 }, now);
	}

	add(sim: VenioSim, b: Body, now: number): Contract {
		const id = ++this.seq;
		const c: Contract = {
			contractId: id,
			contractNo: `CT${yymm(now)}-${pad(id, 4)}`,
			contractName: '',
			customerCode: '',
			contractTypeId: 0,
			contractTemplateId: null,
			startDate: '',
			endDate: '',
			contractValue: null,
			ownerCode: null,
			note: null,
			serviceAgreement: null,
			sent: [],
			dateCreated: now,
			dateModified: now,
		};
		apply(sim, c, b);
		this.byNo.set(c.contractNo, c);
		return c;
	}
}

export const CONTRACT_ROUTES = [
	['contractTypes', 'GET', '/v1/contracts/types', (sim: VenioSim) => ok(structuredClone(sim.contractBook.lists.types))],
	['contractTemplates', 'GET', '/v1/contracts/templates', (sim: VenioSim, r: SimRequest) => templates(sim, r)],
	['contractUpsert', 'POST', '/v1/contracts', (sim: VenioSim, r: SimRequest) => upsert(sim, r, false)],
	['contractServiceUpsert', 'POST', '/v1/contracts/service-agreement', (sim: VenioSim, r: SimRequest) => upsert(sim, r, true)],
	['contractSend', 'POST', '/v1/contracts/:contractNo/send', (sim: VenioSim, r: SimRequest) => send(sim, r)],
	['contractGet', 'GET', '/v1/contracts/:contractNo', (sim: VenioSim, r: SimRequest) => ok(contractOut(sim, contract(sim, r.params.contractNo)))],
] as const;

function templates(sim: VenioSim, r: SimRequest): SimResponse {
	const type = query1(r.query.contractTypeId);
	const all = sim.contractBook.lists.templates;
	return ok(structuredClone(blank(type) ? all : all.filter((t) => String(t.contractTypeId) === type)));
}

export function contract(sim: VenioSim, no: string): Contract {
	const found = sim.contractBook.byNo.get(decodeURIComponent(no).toUpperCase());
	if (!found) throw sim.notFound('Contract', decodeURIComponent(no));
	return found;
}

export function contractOut(sim: VenioSim, c: Contract): Record<string, unknown> {
	const { lists } = sim.contractBook;
	return {
		contractId: c.contractId,
		contractNo: c.contractNo,
		contractName: c.contractName,
		customerCode: c.customerCode,
		customerName: sim.customerByCode.get(c.customerCode)?.customerName ?? null,
		contractTypeId: c.contractTypeId,
		contractTypeName: lists.types.find((t) => t.contractTypeId === c.contractTypeId)?.contractTypeName ?? null,
		contractTemplateId: c.contractTemplateId,
		contractTemplateName: lists.templates.find((t) => t.contractTemplateId === c.contractTemplateId)?.contractTemplateName ?? null,
		startDate: `${c.startDate}T00:00:00+0700`,
		endDate: `${c.endDate}T00:00:00+0700`,
		contractValue: c.contractValue,
		ownerCode: c.ownerCode,
		note: c.note,
		...(c.serviceAgreement ? { serviceItems: structuredClone(c.serviceAgreement.serviceItems), serviceIntervalMonths: c.serviceAgreement.serviceIntervalMonths } : {}),
		documentSentTo: c.sent.length ? c.sent[c.sent.length - 1].emails : [],
		dateCreated: bkkTime(c.dateCreated),
		dateModified: bkkTime(c.dateModified),
	};
}

/** Every [INF] rule of a contract (and of a service agreement's items); all problems together. */
function check(sim: VenioSim, b: Body, service: boolean): void {
	const p = new Problems();
	const { lists } = sim.contractBook;
	p.check(typeof b.contractName === 'string' && !blank(b.contractName), 'contractName is required');
	if (p.check(!blank(b.customerCode), 'customerCode is required')) p.check(typeof b.customerCode === 'string' && sim.customerByCode.has(b.customerCode.toUpperCase()), `customerCode: customer ${String(b.customerCode)} not found`);
	if (p.check(Number.isInteger(b.contractTypeId), 'contractTypeId is required (a number)')) p.check(lists.types.some((t) => t.contractTypeId === b.contractTypeId), `contractTypeId ${b.contractTypeId} not found`);
	if (b.contractTemplateId !== undefined && b.contractTemplateId !== null) {
		const template = lists.templates.find((t) => t.contractTemplateId === b.contractTemplateId);
		if (p.check(!!template, `contractTemplateId ${String(b.contractTemplateId)} not found`)) p.check(template!.contractTypeId === b.contractTypeId, `contractTemplateId ${b.contractTemplateId} is not a template of contract type ${b.contractTypeId}`);
	}
	const start = p.check(isDay(b.startDate), 'startDate is required (a date YYYY-MM-DD)');
	const end = p.check(isDay(b.endDate), 'endDate is required (a date YYYY-MM-DD)');
	if (start && end) p.check(b.endDate >= b.startDate, 'endDate must not be before startDate');
	p.check(b.contractValue === undefined || b.contractValue === null || (typeof b.contractValue === 'number' && b.contractValue >= 0), 'contractValue must be 0 or more');
	if (!blank(b.ownerCode)) p.check(sim.isEmployee(b.ownerCode), `ownerCode ${String(b.ownerCode)} is not an employee code`);
	if (service) {
		if (p.check(Array.isArray(b.serviceItems) && b.serviceItems.length > 0, 'serviceItems is required (at least one product)')) {
			(b.serviceItems as Body[]).forEach((item, i) => {
				if (p.check(!blank(item?.productCode), `serviceItems[${i}].productCode is required`)) p.check(sim.products.has(String(item.productCode).toUpperCase()), `serviceItems[${i}]: product ${String(item.productCode)} not found`);
				p.check(item?.qty === undefined || (Number.isInteger(item.qty) && item.qty >= 1), `serviceItems[${i}].qty must be a whole number, 1 or more`);
			});
		}
		p.check(b.serviceIntervalMonths === undefined || b.serviceIntervalMonths === null || (Number.isInteger(b.serviceIntervalMonths) && b.serviceIntervalMonths >= 1 && b.serviceIntervalMonths <= 24), 'serviceIntervalMonths must be a whole number from 1 to 24');
	}
	p.done();
}

function apply(sim: VenioSim, c: Contract, b: Body): void {
	c.contractName = String(b.contractName).trim();
	c.customerCode = sim.customer(String(b.customerCode)).customerCode;
	c.contractTypeId = b.contractTypeId;
	c.startDate = b.startDate;
	c.endDate = b.endDate;
	if (b.contractTemplateId !== undefined) c.contractTemplateId = b.contractTemplateId;
	if (b.contractValue !== undefined) c.contractValue = b.contractValue;
	if (b.ownerCode !== undefined) c.ownerCode = strOrNull(b.ownerCode);
	if (b.note !== undefined) c.note = strOrNull(b.note);
	if (b.serviceItems !== undefined) {
		c.serviceAgreement = {
			serviceItems: (b.serviceItems as Body[]).map((x) => ({ productCode: String(x.productCode), qty: x.qty ?? 1, serialNo: strOrNull(x.serialNo) })),
			serviceIntervalMonths: b.serviceIntervalMonths ?? c.serviceAgreement?.serviceIntervalMonths ?? null,
		};
	}
}

function upsert(sim: VenioSim, req: SimRequest, service: boolean): SimResponse {
	const b = objectBody(req);
	const existing = blank(b.contractNo) ? undefined : contract(sim, String(b.contractNo));
	check(sim, b, service);
	if (!existing) return ok(contractOut(sim, sim.contractBook.add(sim, b, sim.now())), 201);
	apply(sim, existing, b);
	existing.dateModified = Math.max(sim.now(), existing.dateModified + 1);
	return ok(contractOut(sim, existing));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function send(sim: VenioSim, req: SimRequest): SimResponse {
	const c = contract(sim, req.params.contractNo);
	const b = objectBody(req);
	const p = new Problems();
	if (p.check(Array.isArray(b.emails) && b.emails.length > 0, 'emails is required (at least one address)')) {
		for (const e of b.emails as unknown[]) p.check(typeof e === 'string' && EMAIL.test(e), `emails: ${String(e)} is not an email address`);
	}
	p.check(c.contractTemplateId !== null, `Contract ${c.contractNo} has no template, so there is no document to send`);
	p.done();
	c.sent.push({ emails: [...(b.emails as string[])], subject: strOrNull(b.subject), message: strOrNull(b.message), at: sim.now() });
	return ok(true);
}
