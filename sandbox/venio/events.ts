/** Venio simulator: customer satisfaction, customer events and employees. */
import { type SimRequest, type SimResponse } from '../core';
import { type CustomerEvent } from './model';
import { bkkTime, blank, type Body, invalid, isDay, objectBody, ok, parseWhen, Problems, query1, strOrNull } from './helpers';
import type { VenioSim } from './index';

// ----- Satisfaction, events, employees ------------------------------------------------------

export function createSatisfaction(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	p.check(!blank(b.customerCode), 'customerCode is required');
	p.check(Number.isInteger(b.score) && b.score >= 1 && b.score <= 5, 'score is required and must be from 1 to 5');
	p.check(b.comment === undefined || b.comment === null || typeof b.comment === 'string', 'comment must be a string');
	p.done();
	const c = sim.customer(String(b.customerCode));
	const record = { satisfactionId: ++sim.seq.satisfaction, customerCode: c.customerCode, score: b.score as number, comment: strOrNull(b.comment), dateCreated: bkkTime(sim.now()) };
	sim.satisfactions.push(record);
	return ok(structuredClone(record), 201);
}

export function checkEvent(sim: VenioSim, b: Body, creating: boolean): void {
	const p = new Problems();
	const has = (f: string) => creating || b[f] !== undefined;
	if (has('eventName')) p.check(!blank(b.eventName), 'eventName is required');
	if (has('eventType')) p.check(sim.eventTypes.some((t) => t.eventTypeId === b.eventType), `eventType is required and must be one of ${sim.eventTypes.map((t) => t.eventTypeId).join(', ')}`);
	if (has('eventDate')) p.check(parseWhen(b.eventDate) !== undefined, 'eventDate is required (YYYY-MM-DD or a date-time)');
	if (has('customerCode')) p.check(!blank(b.customerCode), 'customerCode is required');
	p.done();
	if (!blank(b.customerCode)) sim.customer(String(b.customerCode));
}

export function eventOut(sim: VenioSim, e: CustomerEvent): Record<string, unknown> {
	const type = sim.eventTypes.find((t) => t.eventTypeId === e.eventType);
	const { dateCreated, dateModified, ...rest } = e;
	return { ...rest, eventTypeName: type?.eventTypeName ?? null, dateCreated: bkkTime(dateCreated), dateModified: bkkTime(dateModified) };
}

export function createEvent(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	checkEvent(sim, b, true);
	const e: CustomerEvent = {
		customerEventId: ++sim.seq.event,
		customerCode: sim.customer(String(b.customerCode)).customerCode,
		eventName: String(b.eventName).trim(),
		eventType: b.eventType,
		eventDate: b.eventDate,
		description: strOrNull(b.description),
		dateCreated: sim.now(),
		dateModified: sim.now(),
	};
	sim.events.push(e);
	return ok(eventOut(sim, e), 201);
}

export function event(sim: VenioSim, id: string): CustomerEvent {
	const found = sim.events.find((e) => String(e.customerEventId) === id);
	if (!found) throw sim.notFound('Customer event', id);
	return found;
}

export function updateEvent(sim: VenioSim, req: SimRequest): SimResponse {
	const e = event(sim, req.params.id);
	const b = objectBody(req);
	checkEvent(sim, b, false);
	if (b.eventName !== undefined) e.eventName = String(b.eventName).trim();
	if (b.eventType !== undefined) e.eventType = b.eventType;
	if (b.eventDate !== undefined) e.eventDate = b.eventDate;
	if (b.description !== undefined) e.description = strOrNull(b.description);
	if (b.customerCode !== undefined) e.customerCode = sim.customer(String(b.customerCode)).customerCode;
	e.dateModified = sim.now();
	return ok(eventOut(sim, e));
}

export function deleteEvent(sim: VenioSim, req: SimRequest): SimResponse {
	const e = event(sim, req.params.id);
	sim.events = sim.events.filter((x) => x !== e);
	return ok(true);
}

/** GET with customerCode and eventTypeIds in the query; DateFrom/DateTo in a JSON body (or the query [INF]). */
export function filterEvents(sim: VenioSim, req: SimRequest): SimResponse {
	const code = query1(req.query.customerCode);
	if (blank(code)) throw invalid(['customerCode is required']);
	const customer = sim.customer(String(code));
	const rawIds = req.query.eventTypeIds;
	const ids = (Array.isArray(rawIds) ? rawIds : String(rawIds ?? '').split(',')).filter((s) => s.trim() !== '').map(Number);
	const body = req.body && typeof req.body === 'object' ? (req.body as Body) : {};
	const from = body.DateFrom ?? body.dateFrom ?? query1(req.query.dateFrom);
	const to = body.DateTo ?? body.dateTo ?? query1(req.query.dateTo);
	const p = new Problems();
	p.check(ids.every(Number.isInteger), 'eventTypeIds must be whole numbers separated by commas');
	p.check(blank(from) || parseWhen(from) !== undefined, 'DateFrom must be a date');
	p.check(blank(to) || parseWhen(to) !== undefined, 'DateTo must be a date');
	p.done();
	const fromMs = blank(from) ? -Infinity : parseWhen(from)!;
	const toMs = blank(to) ? Infinity : parseWhen(to)! + (isDay(to) ? 86_399_999 : 0);
	const list = sim.events
		.filter((e) => e.customerCode === customer.customerCode && (!ids.length || ids.includes(e.eventType)))
		.filter((e) => parseWhen(e.eventDate)! >= fromMs && parseWhen(e.eventDate)! <= toMs)
		.sort((x, y) => parseWhen(x.eventDate)! - parseWhen(y.eventDate)! || x.customerEventId - y.customerEventId);
	return ok(list.map((e) => eventOut(sim, e)));
}

export function employeeEnquiry(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req, true);
	const p = new Problems();
	p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
	p.check(b.pageLength === undefined || (Number.isInteger(b.pageLength) && b.pageLength >= 1 && b.pageLength <= sim.options.maxPageLength), `pageLength must be from 1 to ${sim.options.maxPageLength}`);
	p.done();
	const keyword = blank(b.keyword) ? '' : String(b.keyword).toLowerCase();
	const list = sim.employees.filter((e) => `${e.employeeCode} ${e.employeeName} ${e.email}`.toLowerCase().includes(keyword));
	return ok(structuredClone(list.slice(b.skip ?? 0, (b.skip ?? 0) + (b.pageLength ?? sim.options.maxPageLength))));
}
