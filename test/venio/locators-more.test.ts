/**
 * Venio record pickers of the pipeline and back office, inside n8n-core against the sandbox: each
 * "From List" search pages through the record's own enquiry and finds by the text typed; every
 * operation sends the same request whether the record is picked from the list, typed By ID / By
 * Code, or an old plain-text value; a malformed value is refused before any request, naming the
 * item and the field.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import type { LogEntry } from '../../sandbox/core';
import { listSearch, listSearchPages, listSearchValues, makeNode, storeCredentials } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });

const searchNode = () => makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'deal', operation: 'get' } }, storeCredentials(env.h, env.credentials()));
const search = async (method: string, filter?: string, token?: string): Promise<INodeListSearchResult> => await listSearch(env.h, searchNode(), method, filter, token);

/** Every page of a search, as the editor reads them when scrolling. */
const allPages = async (method: string, filter?: string) => await listSearchPages(env.h, searchNode(), method, filter);
const valuesOf = listSearchValues;
const lastCall = () => env.calls().at(-1);

/** 55 more of a kind, made through the node, so the search has a second page. */
async function seedMany(parameters: IDataObject) {
	const input = Array.from({ length: 55 }, (_, n) => ({ n }));
	const { error, items } = await env.run({ ...parameters, options: { concurrency: 5 } }, input);
	expect(error).toBeUndefined();
	return items.map((i) => i.json);
}

describe('From List: each search pages through the record’s enquiry and finds by what is typed', () => {
	it('deals: 50 a page with the next skip as token, every deal once by its dealsId; the keyword finds one', async () => {
		const pages = await allPages('searchDeals');
		expect(pages[0].results).toHaveLength(50);
		expect(pages[0].paginationToken).toBe('50');
		expect(pages.at(-1)?.paginationToken).toBeUndefined();
		const ids = valuesOf(pages);
		expect(new Set(ids).size).toBe(env.sim.deals.size);
		expect(ids.sort()).toEqual([...env.sim.deals.keys()].map(String).sort());

		const second = await search('searchDeals', undefined, '50');
		expect(lastCall()).toMatchObject({ method: 'POST', path: '/v1/deals/enquiry', body: { skip: 50, pageLength: 50 } });
		expect(second).toEqual(pages[1]);

		const target = [...env.sim.deals.values()][41];
		const customer = env.sim.customerByCode.get(target.customerCodes[0]);
		const found = await search('searchDeals', `  ${target.dealNo} `);
		expect(lastCall()?.body).toEqual({ keyword: target.dealNo, skip: 0, pageLength: 50 });
		expect(found.results).toContainEqual({ name: `${target.dealNo} · ${target.dealsName} · ${customer?.customerName} (ID ${target.dealsId})`, value: String(target.dealsId) });
		expect(await search('searchDeals', 'no such deal anywhere')).toEqual({ results: [], paginationToken: undefined });
	});

	it('activities, by number and by ID: page through every activity and find by subject', async () => {
		await seedMany({ resource: 'activity', operation: 'createOrUpdate', subject: '={{ "Picker visit " + $json.n }}', activityTypeId: 301, customerCode: 'C000002', assignTo: 'E003', dateAppointmentStart: '2026-03-02T10:00:00+07:00' });
		const byNo = await allPages('searchActivities');
		expect(byNo.length).toBe(2);
		expect(valuesOf(byNo).sort()).toEqual(env.sim.activities.map((a) => a.activityNo).sort());
		const byId = await allPages('searchActivitiesById');
		expect(valuesOf(byId).sort()).toEqual(env.sim.activities.map((a) => String(a.activityId)).sort());
		expect(lastCall()).toMatchObject({ path: '/v1/activities/enquiry', body: { skip: 50, pageLength: 50 } });

		const target = env.sim.activities.find((a) => a.subject === 'Picker visit 42')!;
		expect((await search('searchActivities', 'Picker visit 42')).results).toEqual([{ name: `${target.activityNo} · Picker visit 42 · C000002`, value: target.activityNo }]);
		expect(lastCall()?.body).toEqual({ keyword: 'Picker visit 42', skip: 0, pageLength: 50 });
		expect((await search('searchActivitiesById', target.activityNo)).results).toEqual([{ name: `${target.activityNo} · Picker visit 42 · C000002 (ID ${target.activityId})`, value: String(target.activityId) }]);
	});

	it('expenses: page through every expense by its expenseId and find by name', async () => {
		await seedMany({ resource: 'expense', operation: 'create', expenseName: '={{ "Picker taxi " + $json.n }}', amount: 120, expenseDate: '2026-03-02', employeeCode: 'E002' });
		const pages = await allPages('searchExpenses');
		expect(pages.length).toBe(2);
		expect(valuesOf(pages).sort()).toEqual([...env.sim.expenseBook.byId.keys()].map(String).sort());
		const target = [...env.sim.expenseBook.byId.values()].find((e) => e.expenseName === 'Picker taxi 7')!;
		const found = await search('searchExpenses', 'Picker taxi 7');
		expect(lastCall()).toMatchObject({ path: '/v1/expenses/enquiry', body: { keyword: 'Picker taxi 7', skip: 0, pageLength: 50 } });
		expect(found.results).toEqual([{ name: `${target.expenseNo} · Picker taxi 7 (ID ${target.expenseId})`, value: String(target.expenseId) }]);
	});

	it('employees: page through every employee by code and find by name or email', async () => {
		const seeded = env.sim.employees;
		env.sim.employees = [...seeded, ...Array.from({ length: 60 }, (_, n) => ({ employeeCode: `E${100 + n}`, employeeName: `Picker staff ${n}`, email: `staff${n}@venio-sandbox.example` }))];
		try {
			const pages = await allPages('searchEmployees');
			expect(pages.map((p) => p.results.length)).toEqual([50, 14]);
			expect(valuesOf(pages)).toEqual(env.sim.employees.map((e) => e.employeeCode));
			expect(lastCall()).toMatchObject({ method: 'POST', path: '/v1/Employees/Enquiry', body: { skip: 50, pageLength: 50 } });
			expect((await search('searchEmployees', 'Nguyễn')).results).toEqual([{ name: 'Nguyễn Thị Lan (E002)', value: 'E002' }]);
			expect((await search('searchEmployees', 'staff59@')).results).toEqual([{ name: 'Picker staff 59 (E159)', value: 'E159' }]);
		} finally {
			env.sim.employees = seeded;
		}
	});
});

/** What reached Venio, without the parts that differ between runs of the same request. */
const sent = (calls: LogEntry[]) => calls.map((c) => ({ method: c.method, path: c.path, query: c.query, body: c.body }));

describe('Every operation sends the same request for a picked record, a typed one and old plain text', () => {
	/** A record as a workflow holds it: a picker's value or old plain text. */
	type Picked = IDataObject | string;

	/** The four ways a saved or new workflow holds the record. */
	const forms = (value: string, typed: 'id' | 'code', list = true) => [
		...(list ? [rl('list', value)] : []),
		rl(typed, value),
		value,
		`  ${value} `,
	];

	/** Runs the same operation with the record in each form; every run must send the same requests. */
	async function sameRequests(parameters: (record: Picked) => IDataObject, value: string, typed: 'id' | 'code', list = true) {
		const runs: ReturnType<typeof sent>[] = [];
		for (const record of forms(value, typed, list)) {
			const before = env.calls().length;
			const { error } = await env.run(parameters(record));
			expect(error).toBeUndefined();
			runs.push(sent(env.calls().slice(before)));
		}
		expect(runs[0].length).toBeGreaterThan(0);
		for (const run of runs.slice(1)) expect(run).toEqual(runs[0]);
		return runs[0];
	}

	it('Deal → Get and Update (dealId)', async () => {
		expect(await sameRequests((dealId) => ({ resource: 'deal', operation: 'get', dealId }), '3', 'id')).toEqual([{ method: 'GET', path: '/v1/deals/3', query: {}, body: undefined }]);
		const update = await sameRequests((dealId) => ({ resource: 'deal', operation: 'update', dealId, updateFields: { probability: 40 } }), '3', 'id');
		expect(update.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1/deals/3', 'PUT /v1/deals/3']);
		expect(update[1].body).toMatchObject({ probability: 40 });
	});

	it('Activity → Get by ID (activityId), Get by Number and Create or Update an existing one (activityNo)', async () => {
		const a = env.sim.activities[1];
		expect(await sameRequests((activityId) => ({ resource: 'activity', operation: 'get', activityId }), String(a.activityId), 'id')).toEqual([
			{ method: 'GET', path: `/v1/activities/${a.activityId}`, query: {}, body: undefined },
		]);
		expect((await sameRequests((activityNo) => ({ resource: 'activity', operation: 'getByNumber', activityNo }), a.activityNo, 'code'))[0].path).toBe(`/v1/activities/no/${a.activityNo}`);
		const upsert = (activityNo: Picked) => ({ resource: 'activity', operation: 'createOrUpdate', activityNo, subject: 'Picked follow-up', activityTypeId: 301, customerCode: a.customerCode, assignTo: 'E003', dateAppointmentStart: '2026-03-02T10:00:00+07:00' });
		const [call] = await sameRequests(upsert, a.activityNo, 'code');
		expect(call).toMatchObject({ method: 'POST', path: '/v1/activities', body: { activityNo: a.activityNo, subject: 'Picked follow-up' } });
		expect(env.sim.activities.find((x) => x.activityNo === a.activityNo)?.subject).toBe('Picked follow-up');
	});

	it('Activity → Create or Update with the activity left empty creates one (no activityNo sent)', async () => {
		const count = env.sim.activities.length;
		const { error } = await env.run({ resource: 'activity', operation: 'createOrUpdate', activityNo: rl('list', ''), subject: 'New one', activityTypeId: 301, customerCode: 'C000001', assignTo: 'E001', dateAppointmentStart: '2026-03-03T10:00:00+07:00' });
		expect(error).toBeUndefined();
		expect(lastCall()?.body).not.toHaveProperty('activityNo');
		expect(env.sim.activities).toHaveLength(count + 1);
	});

	it('Case → Get and Edit (caseNo, typed only: Venio has no case list)', async () => {
		const no = env.sim.cases[0].caseNo;
		expect(await sameRequests((caseNo) => ({ resource: 'case', operation: 'get', caseNo }), no, 'code', false)).toEqual([{ method: 'GET', path: `/v1/case/${no}`, query: {}, body: undefined }]);
		const edit = await sameRequests((caseNo) => ({ resource: 'case', operation: 'edit', caseNo, updateFields: { note: 'Picked' } }), no, 'code', false);
		expect(edit.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /v1/case/${no}`, `PUT /v1/case/${no}`]);
	});

	it('Contract → Get by Number, Send Document and Create or Update an existing one (contractNo, typed only)', async () => {
		const no = [...env.sim.contractBook.byNo.keys()][0];
		expect((await sameRequests((contractNo) => ({ resource: 'contract', operation: 'getByNumber', contractNo }), no, 'code', false))[0].path).toBe(`/v1/contracts/${no}`);
		const [send] = await sameRequests((contractNo) => ({ resource: 'contract', operation: 'sendDocument', contractNo, emails: 'buyer@example.com' }), no, 'code', false);
		expect(send).toMatchObject({ method: 'POST', path: `/v1/contracts/${no}/send`, body: { emails: ['buyer@example.com'] } });
		const upsert = (contractNo: Picked) => ({ resource: 'contract', operation: 'createOrUpdate', contractNo, contractName: 'Picked contract', customerCode: 'C000003', contractTypeId: 401, startDate: '2026-04-01', endDate: '2027-03-31' });
		const [call] = await sameRequests(upsert, no, 'code', false);
		expect(call).toMatchObject({ method: 'POST', path: '/v1/contracts', body: { contractNo: no, contractName: 'Picked contract' } });
	});

	it('Expense → Get and Update (expenseId)', async () => {
		const id = String([...env.sim.expenseBook.byId.keys()][0]);
		expect(await sameRequests((expenseId) => ({ resource: 'expense', operation: 'get', expenseId }), id, 'id')).toEqual([{ method: 'GET', path: `/v1/expenses/${id}`, query: {}, body: undefined }]);
		expect(await sameRequests((expenseId) => ({ resource: 'expense', operation: 'update', expenseId, updateFields: { amount: 99 } }), id, 'id')).toEqual([
			{ method: 'PUT', path: `/v1/expenses/${id}`, query: {}, body: { amount: 99 } },
		]);
	});

	it('Product → Get Ticket (ticketNo, typed only: Venio has no ticket list)', async () => {
		const [call] = await sameRequests((ticketNo) => ({ resource: 'product', operation: 'getTicket', ticketNo }), 'PT2601-0001', 'code', false);
		expect(call).toMatchObject({ method: 'GET', path: '/v3/products/tickets/PT2601-0001' });
	});

	it('Employee → Get (employeeCode)', async () => {
		const [call] = await sameRequests((employeeCode) => ({ resource: 'employee', operation: 'get', employeeCode }), 'E003', 'code');
		expect(call).toMatchObject({ method: 'GET', path: '/v1/employees/E003' });
	});
});

describe('Deals and customers named inside other records’ fields are pickers too', () => {
	// A deal saved before the picker is a number; Venio gets the numeric dealsId whichever way it is given.
	it.each([
		['From List', rl('list', '3')],
		['By ID', rl('id', '3')],
		['old number', 3],
		['old text', ' 3 '],
	])('Activity, Task and Expense send the deal as its numeric dealsId (%s)', async (_, dealId) => {
		const activity = await env.run({ resource: 'activity', operation: 'createOrUpdate', subject: 'Linked', activityTypeId: 301, customerCode: 'C000002', assignTo: 'E003', dateAppointmentStart: '2026-03-02T10:00:00+07:00', additionalFields: { dealId } });
		expect(activity.error).toBeUndefined();
		expect(lastCall()?.body).toMatchObject({ dealId: 3 });
		const task = await env.run({ resource: 'task', operation: 'create', subject: 'Linked', assignTo: 'E002', dateDue: '2026-03-05', additionalFields: { dealId } });
		expect(task.error).toBeUndefined();
		expect(lastCall()).toMatchObject({ path: '/v1/tasks', body: { dealId: 3 } });
		const expense = await env.run({ resource: 'expense', operation: 'create', expenseName: 'Linked', amount: 5, expenseDate: '2026-03-02', employeeCode: 'E002', additionalFields: { dealId, customerCode: rl('list', 'C000002') } });
		expect(expense.error).toBeUndefined();
		expect(lastCall()).toMatchObject({ path: '/v1/expenses', body: { dealId: 3, customerCode: 'C000002' } });
	});

	it('Contract (and its service items’ products) and Expense Get Many take picked records', async () => {
		const contract = await env.run({ resource: 'contract', operation: 'createOrUpdate', contractName: 'Picked customer', customerCode: rl('list', 'C000003'), contractTypeId: 401, startDate: '2026-04-01', endDate: '2027-03-31' });
		expect(contract.error).toBeUndefined();
		expect(lastCall()?.body).toMatchObject({ customerCode: 'C000003' });
		const agreement = await env.run({ resource: 'contract', operation: 'createOrUpdateServiceAgreement', contractName: 'Picked product', customerCode: 'C000003', contractTypeId: 402, startDate: '2026-04-01', endDate: '2027-03-31', serviceItems: { values: [{ productCode: rl('list', 'P-PHO'), qty: 2 }, { productCode: 'P-BOBA' }] } });
		expect(agreement.error).toBeUndefined();
		expect(lastCall()).toMatchObject({ path: '/v1/contracts/service-agreement', body: { serviceItems: [{ productCode: 'P-PHO', qty: 2 }, { productCode: 'P-BOBA' }] } });
		const expenses = await env.run({ resource: 'expense', operation: 'getMany', returnAll: true, filters: { customerCode: rl('code', 'C000002') } });
		expect(expenses.error).toBeUndefined();
		expect(lastCall()).toMatchObject({ path: '/v1/expenses/enquiry', body: { customerCode: 'C000002' } });
	});

	it('a deal that is not a whole number is refused before any request, naming the item and the field', async () => {
		const { error } = await env.run({ resource: 'task', operation: 'create', subject: '={{ $json.s }}', assignTo: 'E002', dateDue: '2026-03-05', additionalFields: { dealId: rl('id', '={{ $json.d }}') } }, [{ s: 'ok', d: '3' }, { s: 'Half a deal', d: '2.5' }]);
		expect(error?.message).toBe('Item 2 (Half a deal): "Deal" must be a number (the deal’s dealsId), e.g. 1042');
		expect(env.calls()).toHaveLength(0);
	});
});

describe('A malformed or missing record stops before any request, naming the item and the field', () => {
	// From an expression the value is only known at run time: the node checks it itself.
	it.each([
		[{ resource: 'deal', operation: 'get', dealId: rl('id', '={{ $json.v }}') }, 'DL-1', 'Item 1: "Deal" must be a number (the deal’s dealsId), e.g. 1042 (got "DL-1")'],
		[{ resource: 'activity', operation: 'get', activityId: rl('id', '={{ $json.v }}') }, 'A2601-0001', 'Item 1: "Activity" must be a number (the activity’s activityId), e.g. 5012; use Get by Number for an activity number such as A2601-0001 (got "A2601-0001")'],
		[{ resource: 'activity', operation: 'getByNumber', activityNo: rl('list', '={{ $json.v }}') }, '', 'Item 1: "Activity" is required: pick one from the list or enter its code'],
		[{ resource: 'expense', operation: 'get', expenseId: '={{ $json.v }}' }, 'EX-17', 'Item 1: "Expense" must be a number (the expense’s expenseId), e.g. 17 (got "EX-17")'],
		[{ resource: 'employee', operation: 'get', employeeCode: rl('code', '={{ $json.v }}') }, 'E 001', 'Item 1: "Employee" must be an employee code without spaces, e.g. E001 (got "E 001")'],
		[{ resource: 'case', operation: 'get', caseNo: rl('code', '={{ $json.v }}') }, ' ', 'Item 1: "Case" is required: enter its code'],
		[{ resource: 'product', operation: 'getTicket', ticketNo: '={{ $json.v }}' }, 'PT 1', 'Item 1: "Product Ticket" must be a ticket number without spaces, e.g. PT2601-0001 (got "PT 1")'],
		[{ resource: 'contract', operation: 'getByNumber', contractNo: rl('code', '={{ $json.v }}') }, 'CT 1', 'Item 1: "Contract" must be a contract number without spaces, e.g. CT2601-0001 (got "CT 1")'],
	])('a read (%j)', async (parameters, v, message) => {
		const { error } = await env.run(parameters as IDataObject, [{ v }]);
		expect(error?.message).toBe(message);
		expect(env.calls()).toHaveLength(0);
	});

	// Writes check every item first: the second item's bad record stops the first item's request too.
	it.each([
		[{ resource: 'deal', operation: 'update', dealId: rl('id', '={{ $json.v }}'), updateFields: { probability: 40 } }, '3', '3.5', 'Item 2: "Deal" must be a number (the deal’s dealsId), e.g. 1042 (got "3.5")'],
		[{ resource: 'expense', operation: 'update', expenseId: rl('list', '={{ $json.v }}'), updateFields: { amount: 5 } }, '1', '', 'Item 2: "Expense" is required: pick one from the list or enter its ID'],
		[{ resource: 'case', operation: 'edit', caseNo: '={{ $json.v }}', updateFields: { note: 'x' } }, 'T260100001', 'T 2', 'Item 2: "Case" must be a case number without spaces, e.g. T250200010 (got "T 2")'],
		[{ resource: 'contract', operation: 'sendDocument', contractNo: rl('code', '={{ $json.v }}'), emails: 'a@example.com' }, 'CT2601-0001', 'CT/1 2', 'Item 2: "Contract" must be a contract number without spaces, e.g. CT2601-0001 (got "CT/1 2")'],
		[
			{ resource: 'activity', operation: 'createOrUpdate', activityNo: rl('code', '={{ $json.v }}'), subject: 'x', activityTypeId: 301, customerCode: 'C000001', assignTo: 'E001', dateAppointmentStart: '2026-03-03T10:00:00+07:00' },
			'',
			'A 2',
			'Item 2 (x): "Activity" must be an activity number without spaces, e.g. A2601-0001 (got "A 2")', // named by its subject
		],
	])('a write (%j)', async (parameters, good, bad, message) => {
		const { error } = await env.run(parameters as IDataObject, [{ v: good }, { v: bad }]);
		expect(error?.message).toBe(message);
		expect(env.calls()).toHaveLength(0);
	});

	// Typed in the editor, n8n itself refuses the workflow with the picker's own message.
	it.each([
		[{ resource: 'deal', operation: 'get', dealId: rl('id', 'DL-1') }, 'Deal ID must be a number (the deal’s dealsId), e.g. 1042'],
		[{ resource: 'expense', operation: 'update', expenseId: rl('id', '17a'), updateFields: { amount: 1 } }, 'Expense ID must be a number'],
		[{ resource: 'case', operation: 'get', caseNo: rl('code', 'T 1') }, 'Case Number must be a case number without spaces'],
		[{ resource: 'employee', operation: 'get', employeeCode: rl('list', '') }, 'Parameter "Employee" is required.'],
	])('typed in the editor (%j)', async (parameters, words) => {
		await expect(env.run(parameters as IDataObject)).rejects.toThrow(words);
		expect(env.calls()).toHaveLength(0);
	});
});

describe('The new pickers in the node description', () => {
	it('keep the old parameter names; Case, Contract and Product Ticket have only the typed mode, starting in it', () => {
		const type = env.h.nodeTypes.getByNameAndVersion('n8n-nodes-asia-commerce.venioCrm');
		const byName = (name: string) => type.description.properties.filter((p) => p.name === name && p.type === 'resourceLocator');
		for (const [name, method] of [['dealId', 'searchDeals'], ['activityId', 'searchActivitiesById'], ['activityNo', 'searchActivities'], ['expenseId', 'searchExpenses'], ['employeeCode', 'searchEmployees']]) {
			expect(byName(name).length).toBeGreaterThan(0);
			for (const p of byName(name)) expect(p.modes?.[0]).toMatchObject({ name: 'list', typeOptions: { searchListMethod: method, searchable: true } });
			expect(type.methods?.listSearch).toHaveProperty(method);
		}
		for (const name of ['caseNo', 'contractNo', 'ticketNo']) {
			expect(byName(name).length).toBeGreaterThan(0);
			for (const p of byName(name)) {
				expect(p.modes?.map((m) => m.name)).toEqual(['code']);
				expect(p.default).toEqual({ mode: 'code', value: '' });
			}
		}
		// Create or Update's activity and contract are optional: an empty one passes the editor's check.
		const optional = type.description.properties.filter((p) => p.type === 'resourceLocator' && !p.required).map((p) => p.name);
		expect(optional).toEqual(expect.arrayContaining(['activityNo', 'contractNo']));
	});
});
