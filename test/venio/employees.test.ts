/**
 * Venio CRM node, Employee resource, inside n8n-core against the Venio simulator: the enquiry's
 * paging and keyword, Get by code, and the errors (ours before any request, Venio's after).
 */
import { useVenio } from './setup';

const env = useVenio();

describe('Employee: Get Many (Employees Enquiry)', () => {
	it.each([
		['Return All', { returnAll: true }, ['E001', 'E002', 'E003', 'E004'], [100]],
		['Limit 3', { returnAll: false, limit: 3 }, ['E001', 'E002', 'E003'], [3]],
		['Keyword (email)', { returnAll: true, filters: { keyword: 'sales2@' } }, ['E002'], [100]],
	])('%s', async (_what, params, codes, pageLengths) => {
		const { items, error } = await env.run({ resource: 'employee', operation: 'getMany', ...params });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.employeeCode)).toEqual(codes);
		const calls = env.calls();
		expect(calls.map((c) => [c.method, c.path])).toEqual(pageLengths.map(() => ['POST', '/v1/Employees/Enquiry']));
		expect(calls.map((c) => (c.body as { pageLength: number }).pageLength)).toEqual(pageLengths);
		expect(calls[0].body).toMatchObject({ skip: 0 });
	});

	it('pages by skip until a short page', async () => {
		for (let i = 5; i <= 130; i++) env.sim.employees.push({ employeeCode: `E${String(i).padStart(3, '0')}`, employeeName: `Staff ${i}`, email: `staff${i}@venio-sandbox.example` });
		const { items, error } = await env.run({ resource: 'employee', operation: 'getMany', returnAll: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(130);
		expect(new Set(items.map((i) => i.json.employeeCode)).size).toBe(130);
		expect(env.calls().map((c) => (c.body as { skip: number }).skip)).toEqual([0, 100]);
	});
});

describe('Employee: Get', () => {
	it('reads one employee by code (GET /v1/employees/{code})', async () => {
		const { items, error } = await env.run({ resource: 'employee', operation: 'get', employeeCode: ' E003 ' });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v1/employees/E003' });
		expect(items[0].json).toEqual({ employeeCode: 'E003', employeeName: '陳志明 (Chen Chih-ming)', email: 'sales3@venio-sandbox.example' });
	});

	it.each([
		['an empty code', '={{ "" }}', 'Item 1: "Employee" is required'],
		['a code with a space', 'E 003', 'Item 1: "Employee" must be an employee code without spaces, e.g. E001 (got "E 003")'],
	])('%s is refused before any request', async (_what, employeeCode, message) => {
		const { error } = await env.run({ resource: 'employee', operation: 'get', employeeCode });
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('an unknown code gives Venio’s not-found answer, naming the item', async () => {
		const { error } = await env.run({ resource: 'employee', operation: 'get', employeeCode: 'E999' });
		expect(error?.message).toMatch(/Venio/);
		expect(JSON.stringify(error)).toContain('Employee E999 not found');
	});
});
