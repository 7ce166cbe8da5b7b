/**
 * Venio simulator: activities (appointments, visits, calls), key activities, and tasks.
 *
 * Documented: the current menu names Activities Enquiry (POST), Get a Activity By Id / By No (GET),
 * Get Key Activities (GET), Create or Update Activity (POST) [SEED 000; PUB api-18104598], and
 * Task → CreateTask; no path or body of them is published. The legacy portal documents GET
 * /v1/Activities/{id} and its answer: activityId, activityNo, subject, activityTypeId, statusId,
 * assignToUserId, dateAppointmentStart/End, visitLatitude/Longitude, visitLocation(Name) [PUB
 * veniocrm.developer.azure-api.net APIs/Activity/GetActivity].
 *
 * [INF] everything else, each path adjustable through options.paths:
 *   POST /v1/activities            no activityNo → create (201), with one → update that activity
 *   POST /v1/activities/enquiry    {skip, pageLength (1–100), keyword, customerCode, statusIds[], dateFrom, dateTo}
 *   GET  /v1/activities/key        the key activities (activity types): [{activityTypeId, activityTypeName}]
 *   GET  /v1/activities/no/{no}    GET /v1/activities/{id}
 *   POST /v1/tasks                 {subject, assignTo, dateDue required; customerCode, dealId, note, priority 1–3}
 * Staff are named by employee code (`assignTo`, as deals do); statusId 1 open, 2 done, 3 cancelled;
 * the end of an appointment is not before its start; a done or cancelled activity can no longer be
 * changed; numbering A2601-0001 and T2601-0001.
 */
import { type SimRequest, type SimResponse } from '../core';
import { bkkTime, blank, type Body, invalid, isDay, objectBody, ok, pad, parseWhen, Problems, strOrNull, yymm } from './helpers';
import type { VenioSim } from './index';

export interface Activity {
	activityId: number;
	activityNo: string;
	subject: string;
	activityTypeId: number;
	statusId: number;
	customerCode: string;
	assignTo: string;
	dateAppointmentStart: number;
	dateAppointmentEnd: number | null;
	description: string | null;
	visitLocation: string | null;
	visitLocationName: string | null;
	visitLatitude: number | null;
	visitLongitude: number | null;
	dealId: number | null;
	dateCreated: number;
	dateModified: number;
}

export interface Task {
	taskId: number;
	taskNo: string;
	subject: string;
	assignTo: string;
	dateDue: number;
	customerCode: string | null;
	dealId: number | null;
	note: string | null;
	priority: number;
	statusId: number;
	dateCreated: number;
}

// [INF] statusId and priority names.
export const ACTIVITY_STATUS: Record<number, string> = { 1: 'Open', 2: 'Done', 3: 'Cancelled' };
export const TASK_PRIORITY: Record<number, string> = { 1: 'Low', 2: 'Normal', 3: 'High' };

export const KEY_ACTIVITIES = ['Visit', 'Call', 'Meeting', 'Demo'].map((activityTypeName, i) => ({ activityTypeId: 301 + i, activityTypeName }));

/** Routes in the order they are matched: the fixed paths before `/v1/activities/{id}`. */
export const ACTIVITY_ROUTES = [
	['activityUpsert', 'POST', '/v1/activities', (sim: VenioSim, r: SimRequest) => upsertActivity(sim, r)],
	['activityEnquiry', 'POST', '/v1/activities/enquiry', (sim: VenioSim, r: SimRequest) => activityEnquiry(sim, r)],
	['keyActivities', 'GET', '/v1/activities/key', () => ok(structuredClone(KEY_ACTIVITIES))],
	['activityByNo', 'GET', '/v1/activities/no/:activityNo', (sim: VenioSim, r: SimRequest) => ok(activityOut(sim, activityByNo(sim, r.params.activityNo)))],
	['activityById', 'GET', '/v1/activities/:id', (sim: VenioSim, r: SimRequest) => ok(activityOut(sim, activityById(sim, r.params.id)))],
	['taskCreate', 'POST', '/v1/tasks', (sim: VenioSim, r: SimRequest) => createTask(sim, r)],
] as const;

function activityById(sim: VenioSim, id: string): Activity {
	const found = /^\d+$/.test(id) ? sim.activities.find((a) => a.activityId === Number(id)) : undefined;
	if (!found) throw sim.notFound('Activity', id);
	return found;
}

export function activityByNo(sim: VenioSim, no: string): Activity {
	const found = sim.activities.find((a) => a.activityNo.toUpperCase() === no.trim().toUpperCase());
	if (!found) throw sim.notFound('Activity', no);
	return found;
}

export function activityOut(sim: VenioSim, a: Activity): Record<string, unknown> {
	const customer = sim.customerByCode.get(a.customerCode);
	return {
		activityId: a.activityId,
		activityNo: a.activityNo,
		subject: a.subject,
		activityTypeId: a.activityTypeId,
		activityTypeName: KEY_ACTIVITIES.find((t) => t.activityTypeId === a.activityTypeId)?.activityTypeName ?? null,
		statusId: a.statusId,
		statusName: ACTIVITY_STATUS[a.statusId],
		customerCode: a.customerCode,
		customerName: customer?.customerName ?? null,
		assignTo: a.assignTo,
		dateAppointmentStart: bkkTime(a.dateAppointmentStart),
		dateAppointmentEnd: a.dateAppointmentEnd === null ? null : bkkTime(a.dateAppointmentEnd),
		description: a.description,
		visitLocation: a.visitLocation,
		visitLocationName: a.visitLocationName,
		visitLatitude: a.visitLatitude,
		visitLongitude: a.visitLongitude,
		dealId: a.dealId,
		isActive: a.statusId !== 3,
		dateCreated: bkkTime(a.dateCreated),
		dateModified: bkkTime(a.dateModified),
	};
}

/** One rule set for create (`prev` undefined: the required fields) and update (what is sent). */
function checkActivity(sim: VenioSim, b: Body, prev: Activity | undefined): void {
	const p = new Problems();
	const has = (f: string) => !prev || b[f] !== undefined;
	if (has('subject')) p.check(!blank(b.subject) && typeof b.subject === 'string', 'subject is required');
	if (has('activityTypeId')) p.check(KEY_ACTIVITIES.some((t) => t.activityTypeId === b.activityTypeId), `activityTypeId is required: one of ${KEY_ACTIVITIES.map((t) => t.activityTypeId).join(', ')}`);
	if (has('customerCode')) p.check(typeof b.customerCode === 'string' && sim.customerByCode.has(b.customerCode.trim().toUpperCase()), blank(b.customerCode) ? 'customerCode is required' : `customerCode ${b.customerCode} not found`);
	if (has('assignTo')) p.check(!blank(b.assignTo) && sim.isEmployee(b.assignTo), blank(b.assignTo) ? 'assignTo is required (an employee code)' : `assignTo ${b.assignTo} is not an employee code`);
	if (has('dateAppointmentStart')) p.check(parseWhen(b.dateAppointmentStart) !== undefined, 'dateAppointmentStart is required (a date-time)');
	if (!blank(b.dateAppointmentEnd)) {
		const end = parseWhen(b.dateAppointmentEnd);
		const start = b.dateAppointmentStart !== undefined ? parseWhen(b.dateAppointmentStart) : prev?.dateAppointmentStart;
		if (p.check(end !== undefined, 'dateAppointmentEnd must be a date-time') && start !== undefined) p.check(end! >= start, 'dateAppointmentEnd must not be before dateAppointmentStart');
	}
	if (b.statusId !== undefined) p.check([1, 2, 3].includes(b.statusId), 'statusId must be 1 (open), 2 (done) or 3 (cancelled)');
	for (const [f, lo, hi] of [['visitLatitude', -90, 90], ['visitLongitude', -180, 180]] as const) {
		if (b[f] !== undefined && b[f] !== null) p.check(typeof b[f] === 'number' && b[f] >= lo && b[f] <= hi, `${f} must be from ${lo} to ${hi}`);
	}
	if (b.dealId !== undefined && b.dealId !== null) p.check(Number.isInteger(b.dealId) && sim.deals.has(b.dealId), `dealId ${b.dealId} not found`);
	p.done();
}

export function upsertActivity(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const prev = blank(b.activityNo) ? undefined : activityByNo(sim, String(b.activityNo));
	if (prev && prev.statusId !== 1) throw invalid([`Activity ${prev.activityNo} is ${ACTIVITY_STATUS[prev.statusId]} and can no longer be changed`]);
	checkActivity(sim, b, prev);
	const now = sim.now();
	let a = prev;
	if (!a) {
		const id = ++sim.seq.activity;
		a = {
			activityId: id, activityNo: `A${yymm(now)}-${pad(id, 4)}`, subject: '', activityTypeId: 0, statusId: 1, customerCode: '', assignTo: '',
			dateAppointmentStart: now, dateAppointmentEnd: null, description: null, visitLocation: null, visitLocationName: null,
			visitLatitude: null, visitLongitude: null, dealId: null, dateCreated: now, dateModified: now,
		};
		sim.activities.push(a);
	}
	if (b.subject !== undefined) a.subject = String(b.subject).trim();
	if (b.customerCode !== undefined) a.customerCode = sim.customer(String(b.customerCode)).customerCode;
	for (const f of ['activityTypeId', 'statusId', 'visitLatitude', 'visitLongitude', 'dealId'] as const) if (b[f] !== undefined) a[f] = b[f];
	if (b.assignTo !== undefined) a.assignTo = String(b.assignTo);
	if (b.dateAppointmentStart !== undefined) a.dateAppointmentStart = parseWhen(b.dateAppointmentStart)!;
	if (b.dateAppointmentEnd !== undefined) a.dateAppointmentEnd = blank(b.dateAppointmentEnd) ? null : parseWhen(b.dateAppointmentEnd)!;
	for (const f of ['description', 'visitLocation', 'visitLocationName'] as const) if (b[f] !== undefined) a[f] = strOrNull(b[f]);
	a.dateModified = Math.max(now, prev ? prev.dateModified + 1 : now);
	return ok(activityOut(sim, a), prev ? 200 : 201);
}

/** [INF] Enquiry, paged like the customer enquiry; dates are calendar dates of the appointment start. */
export function activityEnquiry(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	const max = sim.options.maxPageLength;
	p.check(Number.isInteger(b.pageLength) && b.pageLength >= 1 && b.pageLength <= max, `pageLength is required and must be from 1 to ${max}`);
	p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
	p.check(b.statusIds === undefined || (Array.isArray(b.statusIds) && b.statusIds.every(Number.isInteger)), 'statusIds must be an array of numbers');
	for (const f of ['dateFrom', 'dateTo']) p.check(blank(b[f]) || isDay(b[f]), `${f} must be a date in the format YYYY-MM-DD`);
	p.done();
	const from = blank(b.dateFrom) ? -Infinity : parseWhen(b.dateFrom)!;
	const to = blank(b.dateTo) ? Infinity : parseWhen(b.dateTo)! + 86_399_999;
	const keyword = blank(b.keyword) ? '' : String(b.keyword).toLowerCase();
	const list = sim.activities.filter(
		(a) =>
			(blank(b.customerCode) || a.customerCode === String(b.customerCode).trim().toUpperCase()) &&
			(!b.statusIds?.length || b.statusIds.includes(a.statusId)) &&
			a.dateAppointmentStart >= from &&
			a.dateAppointmentStart <= to &&
			`${a.activityNo} ${a.subject} ${a.customerCode}`.toLowerCase().includes(keyword),
	);
	const skip = b.skip ?? 0;
	return ok(list.slice(skip, skip + b.pageLength).map((a) => activityOut(sim, a)));
}

export function taskOut(t: Task): Record<string, unknown> {
	return { ...t, priorityName: TASK_PRIORITY[t.priority], statusName: ACTIVITY_STATUS[t.statusId], dateDue: bkkTime(t.dateDue), dateCreated: bkkTime(t.dateCreated) };
}

export function createTask(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	p.check(!blank(b.subject) && typeof b.subject === 'string', 'subject is required');
	if (p.check(!blank(b.assignTo), 'assignTo is required (an employee code)')) p.check(sim.isEmployee(b.assignTo), `assignTo ${b.assignTo} is not an employee code`);
	p.check(parseWhen(b.dateDue) !== undefined, 'dateDue is required (a date-time)');
	if (!blank(b.customerCode)) p.check(sim.customerByCode.has(String(b.customerCode).trim().toUpperCase()), `customerCode ${b.customerCode} not found`);
	if (b.dealId !== undefined && b.dealId !== null) p.check(Number.isInteger(b.dealId) && sim.deals.has(b.dealId), `dealId ${b.dealId} not found`);
	p.check(b.priority === undefined || [1, 2, 3].includes(b.priority), 'priority must be 1 (low), 2 (normal) or 3 (high)');
	p.done();
	const now = sim.now();
	const id = ++sim.seq.task;
	const t: Task = {
		taskId: id, taskNo: `T${yymm(now)}-${pad(id, 4)}`, subject: String(b.subject).trim(), assignTo: String(b.assignTo), dateDue: parseWhen(b.dateDue)!,
		customerCode: blank(b.customerCode) ? null : sim.customer(String(b.customerCode)).customerCode, dealId: b.dealId ?? null, note: strOrNull(b.note),
		priority: b.priority ?? 2, statusId: 1, dateCreated: now,
	};
	sim.tasks.push(t);
	return ok(taskOut(t), 201);
}

/** A few activities on the first customers: three open visits and calls, one done. */
export function seedActivities(sim: VenioSim, start: number): void {
	sim.activities = [];
	sim.tasks = [];
	const codes = sim.customers.slice(0, 3).map((c) => c.customerCode);
	codes.forEach((customerCode, i) => {
		for (let k = 0; k < 2; k++) {
			const at = start + (i * 2 + k) * 86_400_000;
			const id = ++sim.seq.activity;
			sim.activities.push({
				activityId: id, activityNo: `A${yymm(at)}-${pad(id, 4)}`, subject: `${KEY_ACTIVITIES[k].activityTypeName} ${customerCode}`,
				activityTypeId: KEY_ACTIVITIES[k].activityTypeId, statusId: i === 0 && k === 0 ? 2 : 1, customerCode, assignTo: sim.employees[i].employeeCode,
				dateAppointmentStart: at, dateAppointmentEnd: at + 3_600_000, description: null, visitLocation: null, visitLocationName: null,
				visitLatitude: null, visitLongitude: null, dealId: null, dateCreated: at, dateModified: at,
			});
		}
	});
}
