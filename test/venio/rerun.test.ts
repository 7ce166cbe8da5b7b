/**
 * Issue 16, points 1–3 for Venio: a flow run twice finds what its first run made (Match Existing
 * By), every item is checked before the first write, and "already done" answers end as successes.
 */
import { itemMessage } from '../../nodes/shared/execute';
import { intercept, useVenio } from './setup';

const env = useVenio();

const customer = { resource: 'customer', operation: 'createOrUpdate', customerName: '={{ $json.name }}', customerState: 3 };
const lines = (values: object[]) => ({ values });
const order = (extra: object = {}) => ({
	resource: 'salesOrder',
	operation: 'createOrUpdate',
	customerCode: '={{ $json.customer }}',
	salesorderDetails: lines([{ productCode: 'P-THAI-TEA', qty: 2 }]),
	additionalFields: { referenceNo: '={{ $json.ref }}' },
	matchBy: 'referenceNo',
	...extra,
});

describe('Venio customer: Match Existing By', () => {
	it('Map Each Field without a code: the second run updates the customer by its name (was "customerName … already exists")', async () => {
		const before = env.sim.customers.length;
		const params = { ...customer, additionalFields: { customerEmail: '={{ $json.email }}' } };
		const first = await env.run(params, [{ name: 'ร้านกาแฟ ดอยช้าง', email: 'first@example.co.th' }]);
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({ action: 'created', customerName: 'ร้านกาแฟ ดอยช้าง' });
		const second = await env.run(params, [{ name: 'ร้านกาแฟ ดอยช้าง', email: 'second@example.co.th' }]);
		expect(second.error).toBeUndefined();
		expect(second.items[0].json).toMatchObject({ action: 'updated', customerCode: first.items[0].json.customerCode, customerEmail: 'second@example.co.th' });
		expect(env.sim.customers.length).toBe(before + 1);
	});

	it('by email: a renamed customer is found by its email (any case) and renamed, not created again', async () => {
		const params = { ...customer, matchBy: 'email', additionalFields: { customerEmail: '={{ $json.email }}' } };
		const first = await env.run(params, [{ name: 'Somchai Jaidee', email: 'somchai.j@example.co.th' }]);
		const before = env.sim.customers.length;
		const second = await env.run(params, [{ name: 'Somchai Jaidee (Chiang Mai)', email: 'SOMCHAI.J@example.co.th' }]);
		expect(second.items[0].json).toMatchObject({ action: 'updated', customerCode: first.items[0].json.customerCode, customerName: 'Somchai Jaidee (Chiang Mai)' });
		expect(env.sim.customers.length).toBe(before);
		expect(env.calls().filter((c) => c.path === '/v3/customers/enquiry').at(-1)?.body).toMatchObject({ keyword: 'SOMCHAI.J@example.co.th', skip: 0 });
	});

	it('by mobile: 081… and +66 81… are the same number (compared in E.164)', async () => {
		const params = { ...customer, matchBy: 'phone', additionalFields: { customerMobile: '={{ $json.phone }}' } };
		const first = await env.run(params, [{ name: 'Malee Phone', phone: '0819998877' }]);
		const second = await env.run(params, [{ name: 'Malee P.', phone: '+66 81 999 8877' }]);
		expect(second.error).toBeUndefined();
		expect(second.items[0].json).toMatchObject({ action: 'updated', customerCode: first.items[0].json.customerCode, customerName: 'Malee P.' });
	});

	it('by tax ID: the branch code picks the branch when several customers share the tax ID', async () => {
		const params = { ...customer, matchBy: 'taxId', additionalFields: { customerTaxNo: '0105560000001', branchCode: '={{ $json.branch }}' } };
		const head = await env.run(params, [{ name: 'Siam Foods HQ', branch: '00000' }]);
		expect(head.items[0].json.action).toBe('created');
		// Another branch of the same company: same tax ID, another branch code, so another customer.
		const branch = await env.run(params, [{ name: 'Siam Foods Branch 1', branch: '00001' }]);
		expect(branch.items[0].json.action).toBe('created');
		const again = await env.run(params, [{ name: 'Siam Foods Branch 1 (Rama 9)', branch: '00001' }]);
		expect(again.items[0].json).toMatchObject({ action: 'updated', customerCode: branch.items[0].json.customerCode });
		expect(env.calls().some((c) => c.path === '/v3/customers/taxid/0105560000001')).toBe(true);

		const ambiguous = await env.run({ ...params, additionalFields: { customerTaxNo: '0105560000001' } }, [{ name: 'Siam Foods ?' }]);
		expect(ambiguous.error?.message).toBe('2 Venio customers have Tax ID 0105560000001');
	});

	it('an item without the key it is matched by is refused before anything is written', async () => {
		const { error } = await env.run({ ...customer, matchBy: 'email' }, [{ name: 'No Email Ltd' }]);
		expect(error?.message).toBe('Item 1 (No Email Ltd): "Email" is needed to find the existing customer (Match Existing By)');
		expect(env.calls()).toHaveLength(0);
	});

	it('"Customer Code Only" still never fails on a name Venio has: "already exists" updates that customer', async () => {
		const taken = env.sim.customer('C000002');
		const { items, error } = await env.run({ ...customer, matchBy: 'code', additionalFields: { customerNote: 'seen again' } }, [{ name: taken.customerName }]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ action: 'updated', customerCode: 'C000002', customerNote: 'seen again' });
		expect(env.calls().map((c) => [c.method, c.status])).toEqual([['POST', 400], ['GET', 200], ['POST', 200]]);
	});

	it('a lost reply to a create: the customer is found by its name and returned as created, not made twice', async () => {
		const before = env.sim.customers.length;
		env.sim.setFaults({ nextDropReply: 1, pathFilter: '/v3/customers' });
		const { items, error } = await env.run({ ...customer, matchBy: 'code' }, [{ name: 'Lost Reply Co.' }]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ action: 'created', customerName: 'Lost Reply Co.' });
		expect(env.calls().filter((c) => c.fault === 'nextDropReply').map((c) => c.method)).toEqual(['POST']);
		expect(env.sim.customers.length).toBe(before + 1);
	});
});

describe('Venio sales order and quotation: Match Existing By Reference Number', () => {
	it('the same POS sale sent twice leaves one order, updated the second time', async () => {
		const before = env.sim.orders.size;
		const first = await env.run(order(), [{ customer: 'C000001', ref: 'BKK01-20261204-00007' }]);
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({ action: 'created', referenceNo: 'BKK01-20261204-00007' });
		const second = await env.run(order({ salesorderDetails: lines([{ productCode: 'P-THAI-TEA', qty: 3 }]) }), [{ customer: 'C000001', ref: 'BKK01-20261204-00007' }]);
		expect(second.error).toBeUndefined();
		expect(second.items[0].json).toMatchObject({ action: 'updated', salesOrderNo: first.items[0].json.salesOrderNo, salesorderDetails: [expect.objectContaining({ qty: 3 })] });
		expect(env.sim.orders.size).toBe(before + 1);
		expect(env.calls().find((c) => c.path === '/v2/salesorder/enquiry')?.body).toMatchObject({ referenceNo: 'BKK01-20261204-00007', customerCode: 'C000001', skip: 0, take: 100 });
	});

	it('the same reference for another customer is another order', async () => {
		const before = env.sim.orders.size;
		await env.run(order(), [{ customer: 'C000001', ref: 'SHARED-REF-1' }]);
		const other = await env.run(order(), [{ customer: 'C000002', ref: 'SHARED-REF-1' }]);
		expect(other.items[0].json.action).toBe('created');
		expect(env.sim.orders.size).toBe(before + 2);
	});

	it('an order approved since the first run is returned unchanged, not an error', async () => {
		const first = await env.run(order(), [{ customer: 'C000001', ref: 'APPROVED-LATER' }]);
		const no = first.items[0].json.salesOrderNo as string;
		await env.run({ resource: 'salesOrder', operation: 'approve', salesOrderNo: no });
		const again = await env.run(order(), [{ customer: 'C000001', ref: 'APPROVED-LATER' }]);
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ action: 'unchanged', salesOrderNo: no, salesOrderStatus: 2 });
	});

	it('a lost reply to the create: the order is found by its reference and returned as created', async () => {
		const before = env.sim.orders.size;
		// The search goes first; its answer arms the fault, so the create that follows loses its reply.
		const restore = intercept(env.sim, 'POST', '/v2/salesorder/enquiry', async (req, original, call) => {
			const answer = await original(req);
			if (call === 1) env.sim.setFaults({ nextDropReply: 1 });
			return answer;
		});
		const { items, error } = await env.run(order(), [{ customer: 'C000001', ref: 'DROPPED-REPLY-1' }]).finally(restore);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ action: 'created', referenceNo: 'DROPPED-REPLY-1' });
		expect(env.calls().filter((c) => c.fault === 'nextDropReply').map((c) => [c.method, c.path])).toEqual([['POST', '/v2/salesorder']]);
		expect(env.sim.orders.size).toBe(before + 1);
	});

	it('quotations too: found by reference and updated', async () => {
		const params = {
			resource: 'quotation',
			operation: 'createOrUpdate',
			customerCode: 'C000003',
			quotationDetails: lines([{ productCode: 'P-EGG-TART', qty: '={{ $json.qty }}' }]),
			additionalFields: { referenceNo: 'WEB-QUOTE-42' },
			matchBy: 'referenceNo',
		};
		const before = env.sim.quotations.size;
		const first = await env.run(params, [{ qty: 10 }]);
		const second = await env.run(params, [{ qty: 12 }]);
		expect(first.items[0].json.action).toBe('created');
		expect(second.items[0].json).toMatchObject({ action: 'updated', quotationNo: first.items[0].json.quotationNo });
		expect(env.sim.quotations.size).toBe(before + 1);
		expect(env.calls().find((c) => c.path === '/v1/quotation/enquiry')?.body).toMatchObject({ referenceNo: 'WEB-QUOTE-42', customerCode: 'C000003', take: 100 });
	});
});

describe('Venio quotation → Convert: a lost reply ends as a success with the sales order', () => {
	it('the convert is sent once; the node reads the quotation and returns its order', async () => {
		const q = [...env.sim.quotations.values()].find((x) => x.quotationStatus === 1)!;
		const before = env.sim.orders.size;
		env.sim.setFaults({ nextDropReply: 1, pathFilter: '/convert-to-salesorder' });
		const { items, error } = await env.run({ resource: 'quotation', operation: 'convertToSalesOrder', quotationNo: q.quotationNo, simplify: false });
		expect(error).toBeUndefined();
		expect(env.sim.orders.size).toBe(before + 1);
		expect(items[0].json).toMatchObject({ action: 'created', salesOrderNo: env.sim.quotation(q.quotationNo).salesOrderNo, referenceNo: q.quotationNo });
		const converts = env.calls().filter((c) => c.path.endsWith('/convert-to-salesorder'));
		expect(converts.map((c) => c.fault)).toEqual(['nextDropReply']);
	});
});

describe('Every item is checked before the first write', () => {
	const input = [{ name: 'Good One' }, { name: ' ' }, { name: 'Good Two' }, { name: '' }];

	it('without an error output: nothing is written, and the error lists every bad item', async () => {
		const before = env.sim.customers.length;
		const { error } = await env.run(customer, input);
		expect(error?.message).toBe('2 of 4 items are not valid, so nothing was written: Item 2, Item 4');
		expect(error?.description).toContain('- Item 2: "Customer Name" is required');
		expect(error?.description).toContain('- Item 4: "Customer Name" is required');
		expect(env.calls()).toHaveLength(0);
		expect(env.sim.customers.length).toBe(before);
	});

	it('with continueOnFail: the good items are written, the bad ones come out as paired error items', async () => {
		const { items, error } = await env.run(customer, input, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(items.map((i) => i.json.action ?? i.json.error)).toEqual(['created', 'Item 2: "Customer Name" is required', 'created', 'Item 4: "Customer Name" is required']);
	});
});

describe('Item numbering', () => {
	it('n8n’s zero-based "[item 35]" becomes "Item 36"; a vendor’s own message is left as it is', () => {
		expect(itemMessage("Invalid input for 'Email' [item 35]", 35)).toBe("Item 36: Invalid input for 'Email'");
		expect(itemMessage('Item 36: "Email" is required [item 35]', 35, 'CUS-00036')).toBe('Item 36 (CUS-00036): "Email" is required');
		expect(itemMessage('SHOPLINE Unprocessable data (422): Email has already been taken', 35)).toBe('SHOPLINE Unprocessable data (422): Email has already been taken');
	});

	it('an expression that fails on item 2 is reported as "Item 2", before anything is written', async () => {
		const { error } = await env.run({ ...customer, customerName: '={{ $json.ok ? "Fine" : $("No Such Node").item.json.name }}' }, [{ ok: true }, {}]);
		expect(error?.message).toBe("Item 2: Referenced node doesn't exist");
		expect(env.calls()).toHaveLength(0);
	});
});
