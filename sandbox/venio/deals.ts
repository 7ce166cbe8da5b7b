/**
 * Venio simulator: deals and their reference lists (boards, stages, interests, labels, missed-reason
 * categories).
 *
 * Documented [PUB developer.gofive.co.th api-3608469 Create Deal, api-3602937 Update Deal]:
 *   POST /v1/deals        customerCodes[], boardId, dealName, probability, dealValue, expectedCloseDate,
 *                         assignTo required; dealQuantity, dealQuantityUnit, dealInterests[], dealLabels[],
 *                         dealDate, note, participantCodes[], dateFollowUp, followUpNotes, remark,
 *                         dealStageId, reasonCategoryId, markAllTaskAsDone, cancleAllOrder (sic) optional
 *   PUT  /v1/deals/{id}   the same without customerCodes and boardId; dealName, probability, dealValue,
 *                         expectedCloseDate, assignTo required
 * Answer fields follow the legacy Get Deal / Deal Enquiry answers [PUB veniocrm.developer.azure-api.net
 * APIs/Deal]: dealsId, dealNo, dealsName, dealsValue, statusId, dealStageId, probability, dealsDate,
 * expectedCloseDate, notes, boardId, customer…, dealsInterests[], dealsLabels[].
 * The legacy enquiry body {dealStageIds[], pageLength (required), skip, orderBy, keyword} [PUB] is
 * served at POST /v1/deals/enquiry [INF path].
 *
 * [INF] (each adjustable through options.paths): the paths of Get Deal, the enquiry and the five
 * lists; stages carry stageType 1 open / 2 won / 3 missed and a deal's statusId follows its stage's;
 * a missed stage needs reasonCategoryId; probability 0–100; dealValue a number ≥ 0; stages
 * belong to one board and a deal keeps its board; DEAL numbering DL2601-0001.
 */
import { type SimRequest, type SimResponse } from '../core';
import { bkkTime, blank, type Body, objectBody, ok, pad, parseWhen, Problems, strOrNull, yymm } from './helpers';
import type { VenioSim } from './index';

export interface DealStage {
	dealStageId: number;
	dealStageName: string;
	boardId: number;
	probability: number;
	/** [INF] 1 open, 2 won, 3 missed. */
	stageType: 1 | 2 | 3;
	seq: number;
}

export interface Deal {
	dealsId: number;
	dealNo: string;
	dealsName: string;
	customerCodes: string[];
	boardId: number;
	dealStageId: number;
	dealsValue: number;
	dealQuantity: number | null;
	dealQuantityUnit: string | null;
	probability: number;
	dealsDate: number;
	expectedCloseDate: number;
	notes: string | null;
	assignTo: string;
	participantCodes: string[];
	dateFollowUp: number | null;
	followUpNotes: string | null;
	remark: string | null;
	dealInterests: number[];
	dealLabels: number[];
	reasonCategoryId: number | null;
	dateCreated: number;
	dateModified: number;
}

/** Reference lists a deal points into; (re)filled by `seedDealLists`. */
export interface DealLists {
	boards: { boardId: number; boardName: string }[];
	stages: DealStage[];
	interests: { dealInterestId: number; dealInterestName: string }[];
	labels: { dealLabelId: number; dealLabelName: string; color: string }[];
	missedReasons: { reasonCategoryId: number; reasonCategoryName: string }[];
}

// [INF] statusId names, after the stage's type.
export const DEAL_STATUS: Record<number, string> = { 1: 'Open', 2: 'Won', 3: 'Missed' };

export function seedDealLists(): DealLists {
	const stage = (dealStageId: number, boardId: number, dealStageName: string, probability: number, stageType: 1 | 2 | 3, seq: number): DealStage => ({
		dealStageId, boardId, dealStageName, probability, stageType, seq,
	});
	return {
		boards: [
			{ boardId: 101, boardName: 'New Business' },
			{ boardId: 102, boardName: 'Renewals' },
		],
		stages: [
			stage(5501, 101, 'Qualified', 20, 1, 1),
			stage(5502, 101, 'Proposal Sent', 50, 1, 2),
			stage(5503, 101, 'Negotiation', 80, 1, 3),
			stage(5504, 101, 'Won', 100, 2, 4),
			stage(5505, 101, 'Missed', 0, 3, 5),
			stage(5601, 102, 'Renewal Due', 60, 1, 1),
			stage(5602, 102, 'Renewed', 100, 2, 2),
			stage(5603, 102, 'Not Renewed', 0, 3, 3),
		],
		interests: ['Bubble Tea Franchise', 'Catering', 'Wholesale Supply'].map((dealInterestName, i) => ({ dealInterestId: 1001 + i, dealInterestName })),
		labels: [['Hot', '#e53935'], ['Key Account', '#1e88e5'], ['Referral', '#43a047']].map(([dealLabelName, color], i) => ({ dealLabelId: 2001 + i, dealLabelName, color })),
		missedReasons: ['Price too high', 'Chose a competitor', 'No budget', 'No response'].map((reasonCategoryName, i) => ({ reasonCategoryId: 3001 + i, reasonCategoryName })),
	};
}

/** Routes in the order they are matched: the fixed lists before `/v1/deals/{id}`. */
export const DEAL_ROUTES = [
	['dealCreate', 'POST', '/v1/deals', (sim: VenioSim, r: SimRequest) => createDeal(sim, r)],
	['dealEnquiry', 'POST', '/v1/deals/enquiry', (sim: VenioSim, r: SimRequest) => dealEnquiry(sim, r)],
	['dealBoards', 'GET', '/v1/deals/boards', (sim: VenioSim) => ok(structuredClone(sim.dealLists.boards))],
	['dealStages', 'GET', '/v1/deals/stages', (sim: VenioSim, r: SimRequest) => dealStages(sim, r)],
	['dealInterests', 'GET', '/v1/deals/interests', (sim: VenioSim) => ok(structuredClone(sim.dealLists.interests))],
	['dealLabels', 'GET', '/v1/deals/labels', (sim: VenioSim) => ok(structuredClone(sim.dealLists.labels))],
	['dealMissedReasons', 'GET', '/v1/deals/missed-reason-categories', (sim: VenioSim) => ok(structuredClone(sim.dealLists.missedReasons))],
	['dealGet', 'GET', '/v1/deals/:id', (sim: VenioSim, r: SimRequest) => ok(dealOut(sim, deal(sim, r.params.id)))],
	['dealUpdate', 'PUT', '/v1/deals/:id', (sim: VenioSim, r: SimRequest) => updateDeal(sim, r)],
] as const;

export function deal(sim: VenioSim, id: string): Deal {
	const found = /^\d+$/.test(id) ? sim.deals.get(Number(id)) : undefined;
	if (!found) throw sim.notFound('Deal', id);
	return found;
}

export function dealOut(sim: VenioSim, d: Deal): Record<string, unknown> {
	const stage = sim.dealLists.stages.find((s) => s.dealStageId === d.dealStageId)!;
	const first = sim.customerByCode.get(d.customerCodes[0]);
	const named = <T extends Record<string, unknown>>(list: T[], key: keyof T, ids: number[]) => list.filter((x) => ids.includes(x[key] as number)).map((x) => structuredClone(x));
	return {
		dealsId: d.dealsId,
		dealNo: d.dealNo,
		dealsName: d.dealsName,
		customerId: first?.customerId ?? null,
		customerCode: d.customerCodes[0],
		customerName: first?.customerName ?? null,
		customerCodes: [...d.customerCodes],
		boardId: d.boardId,
		boardName: sim.dealLists.boards.find((b) => b.boardId === d.boardId)?.boardName ?? null,
		dealStageId: d.dealStageId,
		dealStageName: stage.dealStageName,
		statusId: stage.stageType,
		statusName: DEAL_STATUS[stage.stageType],
		dealsValue: d.dealsValue,
		dealQuantity: d.dealQuantity,
		dealQuantityUnit: d.dealQuantityUnit,
		probability: d.probability,
		dealsDate: bkkTime(d.dealsDate),
		expectedCloseDate: bkkTime(d.expectedCloseDate),
		notes: d.notes,
		assignTo: d.assignTo,
		participantCodes: [...d.participantCodes],
		dateFollowUp: d.dateFollowUp === null ? null : bkkTime(d.dateFollowUp),
		followUpNotes: d.followUpNotes,
		remark: d.remark,
		reasonCategoryId: d.reasonCategoryId,
		dealsInterests: named(sim.dealLists.interests, 'dealInterestId', d.dealInterests),
		dealsLabels: named(sim.dealLists.labels, 'dealLabelId', d.dealLabels),
		isActive: true,
		dateCreated: bkkTime(d.dateCreated),
		dateModified: bkkTime(d.dateModified),
	};
}

/** Every documented and [INF] rule of a create (`prev` undefined) or an update; all problems together. */
function checkDeal(sim: VenioSim, b: Body, prev: Deal | undefined): { stage: DealStage | undefined } {
	const p = new Problems();
	const lists = sim.dealLists;
	const isIntList = (v: unknown) => Array.isArray(v) && v.every(Number.isInteger);
	if (!prev) {
		if (p.check(Array.isArray(b.customerCodes) && b.customerCodes.length > 0, 'customerCodes is required (at least one customer code)')) {
			for (const code of b.customerCodes as unknown[]) p.check(typeof code === 'string' && sim.customerByCode.has(code.toUpperCase()), `customerCodes: customer ${String(code)} not found`);
		}
		if (p.check(Number.isInteger(b.boardId), 'boardId is required (a number)')) p.check(lists.boards.some((x) => x.boardId === b.boardId), `boardId ${b.boardId} not found`);
	}
	p.check(!blank(b.dealName) && typeof b.dealName === 'string', 'dealName is required');
	p.check(Number.isInteger(b.probability) && b.probability >= 0 && b.probability <= 100, 'probability is required and must be a whole number from 0 to 100');
	p.check(typeof b.dealValue === 'number' && Number.isFinite(b.dealValue) && b.dealValue >= 0, 'dealValue is required and must be 0 or more');
	p.check(parseWhen(b.expectedCloseDate) !== undefined, 'expectedCloseDate is required (a date-time such as 2026-03-01T10:00:00+0700)');
	if (p.check(!blank(b.assignTo), 'assignTo is required (an employee code)')) p.check(sim.isEmployee(b.assignTo), `assignTo ${b.assignTo} is not an employee code`);
	for (const f of ['dealDate', 'dateFollowUp']) if (!blank(b[f])) p.check(parseWhen(b[f]) !== undefined, `${f} must be a date-time`);
	p.check(b.dealQuantity === undefined || b.dealQuantity === null || (typeof b.dealQuantity === 'number' && b.dealQuantity >= 0), 'dealQuantity must be 0 or more');
	if (b.participantCodes !== undefined && p.check(Array.isArray(b.participantCodes), 'participantCodes must be an array')) {
		for (const code of b.participantCodes as unknown[]) p.check(sim.isEmployee(code), `participantCodes: ${String(code)} is not an employee code`);
	}
	for (const [field, ids] of [['dealInterests', lists.interests.map((x) => x.dealInterestId)], ['dealLabels', lists.labels.map((x) => x.dealLabelId)]] as const) {
		if (b[field] === undefined || b[field] === null) continue;
		if (p.check(isIntList(b[field]), `${field} must be an array of ids`)) for (const id of b[field] as number[]) p.check(ids.includes(id), `${field}: ${id} not found`);
	}
	for (const f of ['markAllTaskAsDone', 'cancleAllOrder']) p.check(b[f] === undefined || typeof b[f] === 'boolean', `${f} must be true or false`);
	const boardId = prev?.boardId ?? b.boardId;
	let stage: DealStage | undefined;
	if (b.dealStageId !== undefined && b.dealStageId !== null) {
		stage = lists.stages.find((s) => s.dealStageId === b.dealStageId);
		if (p.check(!!stage, `dealStageId ${b.dealStageId} not found`)) p.check(stage!.boardId === boardId, `dealStageId ${b.dealStageId} is not a stage of board ${boardId}`); // [INF]
	}
	const reason = b.reasonCategoryId ?? prev?.reasonCategoryId ?? null;
	if (b.reasonCategoryId !== undefined && b.reasonCategoryId !== null) p.check(lists.missedReasons.some((x) => x.reasonCategoryId === b.reasonCategoryId), `reasonCategoryId ${b.reasonCategoryId} not found`);
	if (stage?.stageType === 3) p.check(reason !== null, 'reasonCategoryId is required when the deal moves to a missed stage'); // [INF]
	p.done();
	return { stage };
}

function applyDeal(d: Deal, b: Body): void {
	d.dealsName = String(b.dealName).trim();
	d.probability = b.probability;
	d.dealsValue = b.dealValue;
	d.expectedCloseDate = parseWhen(b.expectedCloseDate)!;
	d.assignTo = String(b.assignTo);
	if (b.dealDate !== undefined) d.dealsDate = blank(b.dealDate) ? d.dealsDate : parseWhen(b.dealDate)!;
	if (b.dateFollowUp !== undefined) d.dateFollowUp = blank(b.dateFollowUp) ? null : parseWhen(b.dateFollowUp)!;
	if (b.dealQuantity !== undefined) d.dealQuantity = b.dealQuantity;
	for (const [field, key] of [['note', 'notes'], ['dealQuantityUnit', 'dealQuantityUnit'], ['followUpNotes', 'followUpNotes'], ['remark', 'remark']] as const) {
		if (b[field] !== undefined) d[key] = strOrNull(b[field]);
	}
	if (b.participantCodes !== undefined) d.participantCodes = [...b.participantCodes];
	if (b.dealInterests !== undefined) d.dealInterests = [...(b.dealInterests ?? [])];
	if (b.dealLabels !== undefined) d.dealLabels = [...(b.dealLabels ?? [])];
	if (b.reasonCategoryId !== undefined) d.reasonCategoryId = b.reasonCategoryId;
	if (b.dealStageId !== undefined && b.dealStageId !== null) d.dealStageId = b.dealStageId;
}

export function createDeal(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	checkDeal(sim, b, undefined);
	const now = sim.now();
	const firstStage = sim.dealLists.stages.filter((s) => s.boardId === b.boardId).sort((x, y) => x.seq - y.seq)[0];
	const id = ++sim.seq.deal;
	const d: Deal = {
		dealsId: id,
		dealNo: `DL${yymm(now)}-${pad(id, 4)}`, // [INF] numbering
		dealsName: '',
		customerCodes: (b.customerCodes as string[]).map((c) => sim.customer(c).customerCode),
		boardId: b.boardId,
		dealStageId: firstStage.dealStageId, // [INF] the board's first stage when none is sent
		dealsValue: 0,
		dealQuantity: null,
		dealQuantityUnit: null,
		probability: 0,
		dealsDate: now,
		expectedCloseDate: now,
		notes: null,
		assignTo: '',
		participantCodes: [],
		dateFollowUp: null,
		followUpNotes: null,
		remark: null,
		dealInterests: [],
		dealLabels: [],
		reasonCategoryId: null,
		dateCreated: now,
		dateModified: now,
	};
	applyDeal(d, b);
	sim.deals.set(d.dealsId, d);
	return ok(dealOut(sim, d), 201);
}

export function updateDeal(sim: VenioSim, req: SimRequest): SimResponse {
	const d = deal(sim, req.params.id);
	const b = objectBody(req);
	checkDeal(sim, b, d);
	applyDeal(d, b);
	d.dateModified = Math.max(sim.now(), d.dateModified + 1);
	return ok(dealOut(sim, d));
}

// [INF] Enquiry orderBy fields.
const DEAL_SORTABLE = ['dealsId', 'dealsName', 'dealsValue', 'expectedCloseDate', 'dateCreated', 'dateModified'];

/** Legacy Deal Enquiry body [PUB]: pageLength required, skip, dealStageIds[], keyword, orderBy. */
export function dealEnquiry(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	const max = sim.options.maxPageLength;
	p.check(Number.isInteger(b.pageLength) && b.pageLength >= 1 && b.pageLength <= max, `pageLength is required and must be from 1 to ${max}`);
	p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
	p.check(b.dealStageIds === undefined || (Array.isArray(b.dealStageIds) && b.dealStageIds.every(Number.isInteger)), 'dealStageIds must be an array of stage ids');
	const order = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(String(b.orderBy ?? 'dealsId asc'));
	p.check(!!order && DEAL_SORTABLE.includes(order[1]), `orderBy must be "<field> asc|desc" with field one of ${DEAL_SORTABLE.join(', ')}`);
	p.done();
	const keyword = blank(b.keyword) ? '' : String(b.keyword).toLowerCase();
	const list = [...sim.deals.values()].filter((d) => {
		if (b.dealStageIds?.length && !b.dealStageIds.includes(d.dealStageId)) return false;
		if (!keyword) return true;
		const names = d.customerCodes.map((c) => `${c} ${sim.customerByCode.get(c)?.customerName ?? ''}`).join(' ');
		return `${d.dealNo} ${d.dealsName} ${names}`.toLowerCase().includes(keyword);
	});
	const [, field, dir] = order!;
	const sign = dir?.toLowerCase() === 'desc' ? -1 : 1;
	const key = (d: Deal) => d[field as keyof Deal] as number | string;
	list.sort((x, y) => (key(x) < key(y) ? -sign : key(x) > key(y) ? sign : x.dealsId - y.dealsId)); // ties: oldest first
	const skip = b.skip ?? 0;
	return ok(list.slice(skip, skip + b.pageLength).map((d) => dealOut(sim, d)));
}

/** [INF] GET /v1/deals/stages?boardId=: every stage, or one board's, in board order. */
export function dealStages(sim: VenioSim, req: SimRequest): SimResponse {
	const raw = req.query.boardId;
	const boardId = Array.isArray(raw) ? raw[0] : raw;
	let stages = sim.dealLists.stages;
	if (!blank(boardId)) {
		if (!/^\d+$/.test(String(boardId)) || !sim.dealLists.boards.some((x) => x.boardId === Number(boardId))) throw sim.notFound('Board', String(boardId));
		stages = stages.filter((s) => s.boardId === Number(boardId));
	}
	return ok(stages.map((s) => structuredClone(s)).sort((x, y) => x.boardId - y.boardId || x.seq - y.seq));
}

/** Deal `i` of the seed: boards, stages, owners and customers cycle; three minutes apart. */
export function seedDeals(sim: VenioSim, count: number, start: number): void {
	sim.deals.clear();
	const codes = sim.customers.slice(0, 6).map((c) => c.customerCode);
	if (!codes.length) return;
	for (let i = 0; i < count; i++) {
		const at = start + i * 180_000;
		const openStages = sim.dealLists.stages.filter((s) => s.stageType === 1);
		const stage = openStages[i % openStages.length];
		const id = ++sim.seq.deal;
		sim.deals.set(id, {
			dealsId: id, dealNo: `DL${yymm(at)}-${pad(id, 4)}`, dealsName: `Sandbox deal ${i + 1}`, customerCodes: [codes[i % codes.length]],
			boardId: stage.boardId, dealStageId: stage.dealStageId, dealsValue: 1000 * ((i % 9) + 1), dealQuantity: null, dealQuantityUnit: null,
			probability: stage.probability, dealsDate: at, expectedCloseDate: at + 30 * 86_400_000, notes: null,
			assignTo: sim.employees[i % sim.employees.length].employeeCode, participantCodes: [], dateFollowUp: null, followUpNotes: null,
			remark: null, dealInterests: [1001 + (i % 3)], dealLabels: i % 4 === 0 ? [2001] : [], reasonCategoryId: null, dateCreated: at, dateModified: at,
		});
	}
}
