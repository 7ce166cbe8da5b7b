/**
 * Venio CRM node, Expense resource, inside n8n-core against the Venio simulator: the bodies sent,
 * every item checked before the first write, Update sending only what changes, the enquiry's filters
 * and paging, Get, and Venio's refusals.
 */
import { useVenio } from './setup';

const env = useVenio();

const create = (extra: object = {}) => ({
	resource: 'expense',
	operation: 'create',
	expenseName: '={{ $json.name }}',
	amount: 845.5,
	expenseDate: '2026-03-02',
	employeeCode: 'E002',
	...extra,
});

describe('Expense: Create', () => {
	it('sends the fields (POST /v1/expenses) and answers the new expense', async () => {
		const { items, error } = await env.run(create({ additionalFields: { customerCode: 'C000002', dealId: 3, expenseCategory: 'Travel', note: 'Grab to Silom' } }), [{ name: 'Taxi to buyer' }]);
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v1/expenses', status: 201 });
		expect(call.body).toEqual({ expenseName: 'Taxi to buyer', amount: 845.5, expenseDate: '2026-03-02', employeeCode: 'E002', customerCode: 'C000002', dealId: 3, expenseCategory: 'Travel', note: 'Grab to Silom' });
		expect(items[0].json).toMatchObject({ expenseNo: expect.stringMatching(/^EX\d{4}-0006$/), expenseName: 'Taxi to buyer', employeeName: 'Nguyễn Thị Lan', customerCode: 'C000002', dealId: 3 });
		expect(env.sim.expenseBook.byId.get(items[0].json.expenseId as number)?.amount).toBe(845.5);
	});

	it.each([
		['no name', [{ name: 'ok' }, { name: ' ' }], {}, 'Item 2: "Expense Name" is required'],
		['a zero amount', [{ name: 'ok' }, { name: 'Zero' }], { amount: '={{ $json.name === "Zero" ? 0 : 5 }}' }, 'Item 2 (Zero): "Amount" must be more than 0'],
		['an unreal date', [{ name: 'Bad day' }], { expenseDate: '2026-02-30' }, 'Item 1 (Bad day): "Expense Date"'],
		['a deal ID with decimals', [{ name: 'Deal' }], { additionalFields: { dealId: 1.5 } }, 'Item 1 (Deal): "Deal" must be a number (the deal’s dealsId), e.g. 1042'],
	])('%s: refused before any request, even for the good items before it', async (_what, input, change, message) => {
		const { error } = await env.run(create(change), input);
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('Venio’s refusals (unknown employee, customer, deal) come back together (code 4002)', async () => {
		const { error } = await env.run(create({ employeeCode: 'E999', additionalFields: { customerCode: 'C999999', dealId: 99999 } }), [{ name: 'Refused' }]);
		expect(error?.name).toBe('NodeApiError');
		const text = `${error?.message} ${error?.description ?? ''}`;
		expect(text).toContain('[4002]');
		for (const part of ['employeeCode E999 is not an employee code', 'customer C999999 not found', 'dealId 99999 not found']) expect(text).toContain(part);
		expect(env.sim.expenseBook.byId.size).toBe(5);
	});
});

describe('Expense: Update', () => {
	it('sends only the changed fields (PUT /v1/expenses/{id}); Venio keeps the rest', async () => {
		const { items, error } = await env.run({ resource: 'expense', operation: 'update', expenseId: '2', updateFields: { amount: 1300, note: 'With receipt' } });
		expect(error).toBeUndefined();
		expect(env.calls()).toEqual([expect.objectContaining({ method: 'PUT', path: '/v1/expenses/2', body: { amount: 1300, note: 'With receipt' } })]);
		expect(items[0].json).toMatchObject({ expenseId: 2, expenseName: 'Lunch with buyer', amount: 1300, note: 'With receipt', employeeCode: 'E002' });
	});

	it.each([
		['nothing to change', { expenseId: '2', updateFields: {} }, 'Item 1 (expense 2): The input: Add at least one field to change under "Update Fields"'],
		['a non-numeric ID', { expenseId: 'EX2601-0002', updateFields: { amount: 1 } }, 'Item 1: "Expense" must be a number (the expense’s expenseId), e.g. 17 (got "EX2601-0002")'],
		['a negative amount', { expenseId: '2', updateFields: { amount: -5 } }, '"Amount" must be more than 0'],
	])('%s is refused before any request', async (_what, params, message) => {
		const { error } = await env.run({ resource: 'expense', operation: 'update', ...params });
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('an unknown expense gives Venio’s not-found answer', async () => {
		const { error } = await env.run({ resource: 'expense', operation: 'update', expenseId: '777', updateFields: { amount: 1 } });
		expect(JSON.stringify(error)).toContain('Expense 777 not found');
	});
});

describe('Expense: Get and Get Many (Expense Enquiry)', () => {
	it('Get reads one expense by ID', async () => {
		const { items, error } = await env.run({ resource: 'expense', operation: 'get', expenseId: '4' });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v1/expenses/4' });
		expect(items[0].json).toMatchObject({ expenseId: 4, expenseName: 'Samples courier', expenseDate: '2026-01-20T00:00:00+0700' });
	});

	it.each([
		['Return All', { returnAll: true }, [1, 2, 3, 4, 5]],
		['Limit 2', { returnAll: false, limit: 2 }, [1, 2]],
		['Employee', { returnAll: true, filters: { employeeCode: 'E001' } }, [1, 3]],
		['Customer', { returnAll: true, filters: { customerCode: 'C000003' } }, [4]],
		['Date range', { returnAll: true, filters: { dateFrom: '2026-01-08', dateTo: '2026-01-20' } }, [2, 3, 4]],
		['Keyword', { returnAll: true, filters: { keyword: 'hotel' } }, [5]],
	])('%s', async (_what, params, ids) => {
		const { items, error } = await env.run({ resource: 'expense', operation: 'getMany', ...params });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.expenseId)).toEqual(ids);
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: '/v1/expenses/enquiry' });
	});

	it('sends the filters as given, and pages by skip + pageLength', async () => {
		for (let i = 0; i < 140; i++) env.sim.expenseBook.add(env.sim, { expenseName: `Fuel ${i}`, amount: 100 + i, expenseDate: '2026-02-10', employeeCode: 'E004' }, env.sim.now());
		const { items, error } = await env.run({ resource: 'expense', operation: 'getMany', returnAll: true, filters: { employeeCode: 'E004', dateFrom: '2026-02-01' } });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(141);
		expect(env.calls().map((c) => c.body)).toEqual([
			{ employeeCode: 'E004', dateFrom: '2026-02-01', skip: 0, pageLength: 100 },
			{ employeeCode: 'E004', dateFrom: '2026-02-01', skip: 100, pageLength: 100 },
		]);
	});

	it('a From Date after the To Date is refused before any request', async () => {
		const { error } = await env.run({ resource: 'expense', operation: 'getMany', returnAll: true, filters: { dateFrom: '2026-03-01', dateTo: '2026-02-01' } });
		expect(error?.message).toContain('"From Date" must not be after "To Date"');
		expect(env.calls()).toHaveLength(0);
	});
});
