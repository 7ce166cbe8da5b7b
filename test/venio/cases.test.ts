/**
 * Venio CRM node, Case resource, inside n8n-core against the Venio simulator: Add (documented body),
 * Edit by case number (Venio's required fields kept from the case when not given), Get, the
 * category list and dropdown, and errors before and after the request.
 */
import { userIdOf } from '../../sandbox/venio';
import { loadOptions, makeNode, storeCredentials } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

const E002 = userIdOf('E002');

const add = (extra: object = {}) => ({
	resource: 'case',
	operation: 'add',
	caseType: 1,
	subject: 'Damaged cups in the last delivery',
	categoryId: 2140016583,
	dateCase: '2026-03-02T09:15:00+07:00',
	dateDue: '2026-03-04T18:00:00+07:00',
	assignedToUserId: E002,
	...extra,
});

describe('Case: Add', () => {
	it('sends the documented body (POST /v1/case) and answers the new case', async () => {
		const { items, error } = await env.run(add({ additionalFields: { customerCode: 'C000003', activityNos: 'A2601-0005', dealNos: 'DL2601-0004, DL2601-0007', note: 'Photos in LINE chat' } }));
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v1/case', status: 201 });
		expect(call.body).toEqual({
			caseType: 1,
			subject: 'Damaged cups in the last delivery',
			categoryId: 2140016583,
			dateCase: '2026-03-02T09:15:00+07:00',
			dateDue: '2026-03-04T18:00:00+07:00',
			assignedToUserId: E002,
			customerCode: 'C000003',
			activityNos: ['A2601-0005'],
			dealNos: ['DL2601-0004', 'DL2601-0007'],
			note: 'Photos in LINE chat',
		});
		expect(items[0].json).toMatchObject({ caseNo: expect.stringMatching(/^T\d{9}$/), caseTypeName: 'Request for Action', categoryName: 'Delivery problem', assignedToName: 'Nguyễn Thị Lan' });
	});

	it.each([
		['a due date before the case date', add({ dateDue: '2026-03-01T09:00:00+07:00' }), '"Due Date" must not be before Case Date'],
		['an employee code instead of a user ID', add({ assignedToUserId: 'E002' }), '"Assigned To (User ID)" must be a Venio user ID'],
		['a deal number with a space', add({ additionalFields: { dealNos: 'DL 1' } }), '"Deal Numbers › 1" must be deal numbers without spaces'],
	])('%s is refused before any request', async (_what, params, message) => {
		const { error } = await env.run(params);
		expect(error?.message).toContain('Item 1 (Damaged cups in the last delivery): ');
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it.each([
		['an unknown user', add({ assignedToUserId: '00000000-0000-4000-a000-000000000000' }), 'assignedToUserId 00000000-0000-4000-a000-000000000000 is not a Venio user'],
		['an unknown activity', add({ additionalFields: { activityNos: 'A2601-0999' } }), 'activityNos: A2601-0999 not found'],
		['an unknown category', add({ categoryId: 7 }), 'categoryId is required: one of'],
	])('Venio refuses %s, named in the error', async (_what, params, words) => {
		const { error } = await env.run(params);
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description}`).toContain(words);
	});
});

describe('Case: Edit, Get, Get Categories', () => {
	it('Edit sends what changed plus Venio’s required fields read from the case (PUT /v1/case/{caseNo})', async () => {
		const target = env.sim.cases[0];
		const { items, error } = await env.run({ resource: 'case', operation: 'edit', caseNo: target.caseNo, updateFields: { note: 'Refund agreed', assignedToUserId: userIdOf('E004') } });
		expect(error).toBeUndefined();
		const calls = env.calls();
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([`GET /v1/case/${target.caseNo}`, `PUT /v1/case/${target.caseNo}`]);
		expect(calls[1].body).toEqual({
			note: 'Refund agreed',
			assignedToUserId: userIdOf('E004'),
			subject: target.subject,
			categoryId: target.categoryId,
			dateCase: expect.stringMatching(/\+07:00$/),
			dateDue: expect.stringMatching(/\+07:00$/),
		});
		expect(items[0].json).toMatchObject({ caseNo: target.caseNo, note: 'Refund agreed', assignedToName: 'Kanya Srisuk' });
	});

	it.each([
		['no field to change', { caseNo: 'T260100001', updateFields: {} }, 'Item 1 (case T260100001): The input: Add at least one field to change'],
		['a case number with a space', { caseNo: 'T 1', updateFields: { note: 'x' } }, 'Item 1: "Case" must be a case number without spaces, e.g. T250200010 (got "T 1")'],
	])('Edit refuses %s before any request', async (_what, params, message) => {
		const { error } = await env.run({ resource: 'case', operation: 'edit', ...params });
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('Get reads one case by number; an unknown one is Venio’s not-found', async () => {
		const { items } = await env.run({ resource: 'case', operation: 'get', caseNo: env.sim.cases[1].caseNo });
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: `/v1/case/${env.sim.cases[1].caseNo}` });
		expect(items[0].json).toMatchObject({ caseTypeName: 'For Your Information', subject: 'Asks for the allergen list' });
		const { error } = await env.run({ resource: 'case', operation: 'get', caseNo: 'T999999999' });
		expect(`${error?.message} ${error?.description}`).toMatch(/Case T999999999 not found[\s\S]*could not find this record/);
	});

	it('Get Categories lists them (GET /v1/case/categories), and they fill the dropdown', async () => {
		const { items } = await env.run({ resource: 'case', operation: 'getCategories' });
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v1/case/categories' });
		expect(items.map((i) => i.json.categoryName)).toEqual(['Complaint', 'Product question', 'Delivery problem', 'Warranty claim']);
		const node = makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'case', operation: 'add' } }, storeCredentials(env.h, env.credentials()));
		const options = await loadOptions(env.h, node, 'getCaseCategories');
		expect(options.map((o: { name: string }) => o.name)).toEqual(['Complaint', 'Delivery problem', 'Product question', 'Warranty claim']);
	});
});
