/**
 * Venio record pickers inside n8n-core: each "From List" search pages through the sandbox and finds
 * by the text typed; every operation reads a picked record in each mode and an old plain-text value.
 */
import type { IDataObject, INodeListSearchResult } from 'n8n-workflow';

import { listSearch, listSearchPages, listSearchValues, makeNode, storeCredentials } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio({ seedCustomers: 120 });

const rl = (mode: string, value: string) => ({ __rl: true, mode, value });
const lines = (values: object[]) => ({ values });

const searchNode = () => makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'customer', operation: 'getByCode' } }, storeCredentials(env.h, env.credentials()));
const search = async (method: string, filter?: string, token?: string): Promise<INodeListSearchResult> => await listSearch(env.h, searchNode(), method, filter, token);

/** Every page of a search, as the editor reads them when scrolling. */
const allPages = async (method: string, filter?: string) => await listSearchPages(env.h, searchNode(), method, filter);
const valuesOf = listSearchValues;

/** 55 more of a kind, made through the node, so every search has a second page. */
async function seedMany(parameters: (n: number) => IDataObject) {
	const input = Array.from({ length: 55 }, (_, n) => ({ n }));
	const { error, items } = await env.run({ ...parameters(0), options: { concurrency: 5 } }, input);
	expect(error).toBeUndefined();
	return items.map((i) => i.json);
}

describe('From List: each search pages through Venio and finds by what is typed', () => {
	it('customers: 50 a page with a next-page token, every customer once; the keyword finds one', async () => {
		const pages = await allPages('searchCustomers');
		expect(pages[0].results).toHaveLength(50);
		expect(pages[0].paginationToken).toBe('50');
		expect(pages.length).toBe(Math.ceil(env.sim.customers.length / 50));
		const codes = valuesOf(pages);
		expect(new Set(codes).size).toBe(env.sim.customers.length);
		expect(codes.sort()).toEqual(env.sim.customers.map((c) => c.customerCode).sort());

		const target = env.sim.customers[37];
		const found = await search('searchCustomers', `  ${target.customerName}  `);
		expect(found.results).toContainEqual({ name: `${target.customerName} (${target.customerCode})`, value: target.customerCode });
		expect(found.paginationToken).toBeUndefined();
		const calls = env.calls().filter((c) => c.path === '/v3/customers/enquiry');
		expect(calls.at(-1)?.body).toMatchObject({ keyword: target.customerName, skip: 0, pageLength: 50 });
		expect(await search('searchCustomers', 'no such customer anywhere')).toEqual({ results: [], paginationToken: undefined });
	});

	it('products: pages and finds by code or name', async () => {
		await seedMany(() => ({ resource: 'product', operation: 'createOrUpdate', productCode: '={{ "P-RL-" + $json.n }}', additionalFields: { productName: '={{ "Locator tea " + $json.n }}', price: 10 } }));
		const pages = await allPages('searchProducts');
		expect(pages.length).toBeGreaterThan(1);
		expect(new Set(valuesOf(pages)).size).toBe(env.sim.products.size);
		const found = await search('searchProducts', 'Locator tea 42');
		expect(found.results).toEqual([{ name: 'Locator tea 42 (P-RL-42)', value: 'P-RL-42' }]);
		const byCode = await search('searchProducts', 'p-thai');
		expect(byCode.results.map((r) => r.value)).toContain('P-THAI-TEA');
	});

	it('quotations, sales orders and sales orders by ID: pages and finds by number or subject', async () => {
		const quotations = await seedMany(() => ({ resource: 'quotation', operation: 'createOrUpdate', customerCode: 'C000002', quotationDetails: lines([{ productCode: 'P-PHO', qty: 1 }]), additionalFields: { quotationSubject: '={{ "Locator quote " + $json.n }}' } }));
		const orders = await seedMany(() => ({ resource: 'salesOrder', operation: 'createOrUpdate', customerCode: 'C000003', salesorderDetails: lines([{ productCode: 'P-PHO', qty: 1 }]), additionalFields: { salesOrderSubject: '={{ "Locator order " + $json.n }}' } }));

		const qPages = await allPages('searchQuotations');
		expect(qPages.length).toBeGreaterThan(1);
		expect(valuesOf(qPages)).toEqual(expect.arrayContaining(quotations.map((q) => String(q.quotationNo))));
		const q = quotations[7];
		const qFound = await search('searchQuotations', String(q.quotationNo));
		expect(env.calls().at(-1)).toMatchObject({ path: '/v1/quotation/enquiry', body: { keyword: q.quotationNo, skip: 0, take: 50 } });
		expect(qFound.results).toEqual([{ name: `${String(q.quotationNo)} · Locator quote 7 · C000002`, value: q.quotationNo }]);

		const oPages = await allPages('searchSalesOrders');
		expect(oPages.length).toBeGreaterThan(1);
		expect(valuesOf(oPages)).toEqual(expect.arrayContaining(orders.map((o) => String(o.salesOrderNo))));
		const oFound = await search('searchSalesOrders', 'Locator order 9');
		expect(env.calls().at(-1)).toMatchObject({ path: '/v2/salesorder/enquiry', body: { keyword: 'Locator order 9', skip: 0, take: 50 } });
		expect(oFound.results.map((r) => r.value)).toEqual([orders[9].salesOrderNo]);

		const idPages = await allPages('searchSalesOrdersById');
		expect(idPages.length).toBeGreaterThan(1);
		expect(idPages.flatMap((p) => p.results).every((r) => /^\d+$/.test(String(r.value)))).toBe(true);
		const idFound = await search('searchSalesOrdersById', String(orders[9].salesOrderNo));
		const stored = [...env.sim.orders.values()].find((o) => o.doc.salesOrderNo === orders[9].salesOrderNo)?.doc;
		expect(idFound.results).toEqual([{ name: `${String(orders[9].salesOrderNo)} · Locator order 9 · C000003 (ID ${stored?.salesOrderId})`, value: String(stored?.salesOrderId) }]);
	});
});

describe('Every operation reads a picked record in each mode and an old plain-text value', () => {
	const modes = (value: string, typed: 'code' | 'id' = 'code') => [
		['From List', rl('list', value)],
		[typed === 'code' ? 'By Code' : 'By ID', rl(typed, value)],
		['old plain text', value],
		['old plain text with spaces around', `  ${value} `],
	] as const;

	it.each(modes('C000001'))('Customer → Get by Code (%s)', async (_, customerCode) => {
		const { items, error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode, simplify: false });
		expect(error).toBeUndefined();
		expect(items[0].json.customerCode).toBe('C000001');
	});

	it.each(modes('C000003'))('Customer → Add Event, Get Events, Create Satisfaction (%s)', async (_, customerCode) => {
		const added = await env.run({ resource: 'customer', operation: 'addEvent', customerCode, eventName: 'Picked', eventType: 3, eventDate: '2026-04-13' });
		expect(added.error).toBeUndefined();
		expect(env.calls().at(-1)?.body).toMatchObject({ customerCode: 'C000003', eventName: 'Picked' });
		const events = await env.run({ resource: 'customer', operation: 'getEvents', customerCode, returnAll: true });
		expect(events.error).toBeUndefined();
		expect(env.calls().at(-1)?.query).toMatchObject({ customerCode: 'C000003' });
		const satisfied = await env.run({ resource: 'customer', operation: 'createSatisfaction', customerCode, score: 5 });
		expect(satisfied.error).toBeUndefined();
		expect(env.calls().at(-1)?.body).toMatchObject({ customerCode: 'C000003', score: 5 });
	});

	it.each(modes('C000005'))('Customer → Update Event: the optional Customer under Update Fields (%s)', async (_, customerCode) => {
		const id = env.sim.events[0].customerEventId;
		const { error } = await env.run({ resource: 'customer', operation: 'updateEvent', eventId: String(id), updateFields: { customerCode } });
		expect(error).toBeUndefined();
		expect(env.calls().at(-1)?.body).toEqual({ customerCode: 'C000005' });
	});

	it('Customer → Update Event: an optional Customer left empty is not sent', async () => {
		const id = env.sim.events[0].customerEventId;
		const { error } = await env.run({ resource: 'customer', operation: 'updateEvent', eventId: String(id), updateFields: { customerCode: rl('list', ''), eventName: 'Renamed' } });
		expect(error).toBeUndefined();
		expect(env.calls().at(-1)?.body).toEqual({ eventName: 'Renamed' });
	});

	it.each(modes('P-PHO'))('Product → Get by Code and Update Stock (%s)', async (_, productCode) => {
		const got = await env.run({ resource: 'product', operation: 'get', productCode });
		expect(got.error).toBeUndefined();
		expect(got.items[0].json.productCode).toBe('P-PHO');
		const stocked = await env.run({ resource: 'product', operation: 'updateStock', productCode, warehouseCode: 'WH-CNX', qty: 7 });
		expect(stocked.error).toBeUndefined();
		expect(env.calls().at(-1)?.path).toBe('/v3/products/P-PHO/stock');
	});

	it.each(modes('P-BOBA'))('Sales order and quotation lines: Product and Customer pickers (%s)', async (_, picked) => {
		const customerCode = typeof picked === 'string' ? picked.replace('P-BOBA', 'C000004') : { ...picked, value: 'C000004' };
		const order = await env.run({ resource: 'salesOrder', operation: 'createOrUpdate', customerCode, salesorderDetails: lines([{ productCode: picked, qty: 2 }]) });
		expect(order.error).toBeUndefined();
		expect(env.calls().at(-1)?.body).toMatchObject({ customerCode: 'C000004', salesorderDetails: [{ productCode: 'P-BOBA', qty: 2 }] });
		const quote = await env.run({ resource: 'quotation', operation: 'createOrUpdate', customerCode, quotationDetails: lines([{ productCode: picked, qty: 3 }]) });
		expect(quote.error).toBeUndefined();
		expect(env.calls().at(-1)?.body).toMatchObject({ customerCode: 'C000004', quotationDetails: [{ productCode: 'P-BOBA', qty: 3 }] });
	});

	it.each(['list', 'code', 'plain'])('Quotation → Get, Convert, Cancel (%s)', async (mode) => {
		const pick = (no: string) => (mode === 'plain' ? no : rl(mode, no));
		const made = await env.run({ resource: 'quotation', operation: 'createOrUpdate', customerCode: 'C000002', quotationDetails: lines([{ productCode: 'P-PHO', qty: 1 }]) });
		const other = await env.run({ resource: 'quotation', operation: 'createOrUpdate', customerCode: 'C000002', quotationDetails: lines([{ productCode: 'P-PHO', qty: 1 }]) });
		const no = String(made.items[0].json.quotationNo);
		const got = await env.run({ resource: 'quotation', operation: 'get', quotationNo: pick(no) });
		expect(got.error).toBeUndefined();
		expect(got.items[0].json.quotationNo).toBe(no);
		const converted = await env.run({ resource: 'quotation', operation: 'convertToSalesOrder', quotationNo: pick(no) });
		expect(converted.error).toBeUndefined();
		const otherNo = String(other.items[0].json.quotationNo);
		const cancelled = await env.run({ resource: 'quotation', operation: 'cancel', quotationNo: pick(otherNo) });
		expect(cancelled.error).toBeUndefined();
		expect(env.calls().at(-1)?.path).toBe(`/v1/quotation/${otherNo}/cancel`);
	});

	it.each(['list', 'code', 'plain'])('Sales Order → Get by Number, Approve, Reject, Payment, Tracking, Attachment, Get by ID (%s)', async (mode) => {
		const pick = (no: string) => (mode === 'plain' ? no : rl(mode, no));
		const make = async () => {
			const made = await env.run({ resource: 'salesOrder', operation: 'createOrUpdate', customerCode: 'C000001', salesorderDetails: lines([{ productCode: 'P-PHO', qty: 1 }]) });
			return String(made.items[0].json.salesOrderNo);
		};
		const [a, b] = [await make(), await make()];
		const runs: Array<[IDataObject, string]> = [
			[{ operation: 'getByNumber', salesOrderNo: pick(a) }, `/v2/salesorder/${a}`],
			[{ operation: 'updatePayment', salesOrderNo: pick(a), payments: { values: [{ periodNo: 1, status: 2 }] } }, `/v2/salesorder/${a}/payment`],
			[{ operation: 'updateTracking', salesOrderNo: pick(a), trackingNo: 'TH0123456789' }, `/v2/salesorder/${a}/tracking`],
			[{ operation: 'getAttachment', salesOrderNo: pick(a) }, `/v2/salesorder/${a}/attachment`],
			[{ operation: 'approve', salesOrderNo: pick(a) }, `/v2/salesorder/${a}/approve`],
			[{ operation: 'reject', salesOrderNo: pick(b), reason: 'picked' }, `/v2/salesorder/${b}/reject`],
		];
		for (const [parameters, path] of runs) {
			const { error } = await env.run({ resource: 'salesOrder', ...parameters });
			expect(error).toBeUndefined();
			expect(env.calls().at(-1)?.path).toBe(path);
		}
		const id = String([...env.sim.orders.values()].find((o) => o.doc.salesOrderNo === a)?.doc.salesOrderId);
		const byId = await env.run({ resource: 'salesOrder', operation: 'getById', salesOrderId: mode === 'plain' ? id : rl(mode === 'code' ? 'id' : mode, id), simplify: false });
		expect(byId.error).toBeUndefined();
		expect(env.calls().at(-1)?.path).toBe(`/v1/SalesOrders/${id}`);
	});
});

describe('A picker left empty or typed wrong stops before any request', () => {
	it.each([
		[{ resource: 'customer', operation: 'getByCode', customerCode: rl('list', '') }, 'Parameter "Customer" is required.'],
		[{ resource: 'customer', operation: 'getByCode', customerCode: rl('code', 'C 000001') }, 'Customer Code must be a code without spaces, e.g. C000123'],
		[{ resource: 'salesOrder', operation: 'getById', salesOrderId: rl('id', 'SO2601-0001') }, 'Sales Order ID must be a number, e.g. 5001'],
		[{ resource: 'salesOrder', operation: 'createOrUpdate', customerCode: 'C000001', salesorderDetails: lines([{ productCode: rl('code', 'P PHO'), qty: 1 }]) }, 'Product Code must be a code without spaces'],
	])('typed in the editor: n8n refuses the workflow, naming the field (%j)', async (parameters, words) => {
		await expect(env.run(parameters as IDataObject)).rejects.toThrow(/has issues/);
		await expect(env.run(parameters as IDataObject)).rejects.toThrow(words);
		expect(env.calls()).toHaveLength(0);
	});

	// An expression can give anything at run time: the node checks the value itself.
	it.each([
		[{ resource: 'customer', operation: 'getByCode', customerCode: rl('list', '={{ $json.v }}') }, { v: '' }, 'Item 1: "Customer" is required: pick one from the list or enter its code'],
		[{ resource: 'customer', operation: 'getByCode', customerCode: '={{ $json.v }}' }, { v: ' ' }, 'Item 1: "Customer" is required: pick one from the list or enter its code'],
		[{ resource: 'customer', operation: 'getByCode', customerCode: rl('code', '={{ $json.v }}') }, { v: 'C 000001' }, 'Item 1: "Customer" must be a code without spaces, e.g. C000123 (got "C 000001")'],
		[{ resource: 'salesOrder', operation: 'getById', salesOrderId: rl('id', '={{ $json.v }}') }, { v: 'SO2601-0001' }, 'Item 1: "Sales Order" must be a number, e.g. 5001 (got "SO2601-0001")'],
		[{ resource: 'product', operation: 'updateStock', productCode: rl('list', '={{ $json.v }}'), warehouseCode: 'WH-CNX', qty: 1 }, { v: null }, 'Item 1: "Product" is required: pick one from the list or enter its code'],
		[
			{ resource: 'salesOrder', operation: 'createOrUpdate', customerCode: 'C000001', salesorderDetails: lines([{ productCode: rl('code', '={{ $json.v }}'), qty: 1 }]) },
			{ v: 'P PHO' },
			'Item 1: "Lines › 1 › Product" must be a code without spaces, e.g. P-THAI-TEA',
		],
		[{ resource: 'customer', operation: 'addEvent', customerCode: rl('list', '={{ $json.v }}'), eventName: 'x', eventType: 3, eventDate: '2026-04-13' }, { v: '' }, 'Item 1: "Customer" is required'],
	])('from an expression: the node names the item and the field (%j)', async (parameters, item, message) => {
		const { error } = await env.run(parameters as IDataObject, [item]);
		expect(error?.message).toBe(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('the second item of a write is named as Item 2, and nothing is sent (every item is checked first)', async () => {
		const parameters = { resource: 'quotation', operation: 'createOrUpdate', customerCode: rl('list', '={{ $json.c }}'), quotationDetails: lines([{ productCode: rl('list', '={{ $json.p }}'), qty: 1 }]) };
		const { error } = await env.run(parameters, [{ c: 'C000001', p: 'P-PHO' }, { c: 'C000001', p: 'P PHO' }]);
		expect(error?.message).toBe('Item 2: "Lines › 1 › Product" must be a code without spaces, e.g. P-THAI-TEA');
		expect(env.calls()).toHaveLength(0);
	});
});

describe('The pickers in the node description', () => {
	it('are resource locators with a searchable From List (where Venio has a list) and a validated By Code / By ID', async () => {
		const type = env.h.nodeTypes.getByNameAndVersion('n8n-nodes-asia-commerce.venioCrm');
		const pickers = type.description.properties.filter((p) => p.type === 'resourceLocator');
		const listed = ['customerCode', 'quotationNo', 'salesOrderNo', 'salesOrderId', 'productCode', 'dealId', 'activityId', 'activityNo', 'expenseId', 'employeeCode'];
		const typedOnly = ['caseNo', 'contractNo', 'ticketNo']; // Venio has no case, contract or ticket list
		expect(new Set(pickers.map((p) => p.name))).toEqual(new Set([...listed, ...typedOnly]));
		for (const p of pickers) {
			const list = p.modes?.find((m) => m.name === 'list');
			const typed = p.modes?.at(-1);
			expect(list === undefined).toBe(typedOnly.includes(p.name));
			if (list) {
				expect(list).toMatchObject({ type: 'list', typeOptions: { searchable: true } });
				expect(Object.keys(type.methods?.listSearch ?? {})).toContain(list.typeOptions?.searchListMethod);
			}
			expect(['code', 'id']).toContain(typed?.name);
			expect(typed?.placeholder).toMatch(/^e\.g\. /);
			expect(typed?.validation?.[0]).toMatchObject({ type: 'regex' });
			expect(p.modes).toHaveLength(list ? 2 : 1); // Venio documents no record page URL: no By URL mode
		}
	});
});
