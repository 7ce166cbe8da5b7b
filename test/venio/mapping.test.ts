/**
 * Map Automatically: customers and orders in the pack's common shape (as SHOPLINE, MeeDee POS or
 * Salekit nodes output them) written to Venio without hand mapping.
 */
import { useVenio } from './setup';

const env = useVenio();

const shoplineCustomer = {
	source: 'shopline',
	id: '65f0c1d2e3a4b5c6d7e8f901',
	code: null,
	name: '陳志明',
	firstName: null,
	lastName: null,
	email: 'chen@example.tw',
	phone: '+886912345678',
	address: { line1: '100 忠孝東路', line2: null, city: '台北市', state: null, postcode: '100', country: 'Taiwan' },
	birthday: '1990-04-30',
	tags: ['VIP'],
	createdAt: '2026-11-20T10:00:00+08:00',
	updatedAt: '2026-11-21T10:00:00+08:00',
};

const auto = { resource: 'customer', operation: 'createOrUpdate', mapping: 'auto', customerState: 3 };

describe('Map Automatically', () => {
	it('creates a Venio customer from a common-shape customer', async () => {
		const { items, error } = await env.run(auto, [shoplineCustomer]);
		expect(error).toBeUndefined();
		const sent = env.calls().find((c) => c.method === 'POST')!.body as Record<string, unknown>;
		expect(sent).toEqual({
			customerName: '陳志明',
			customerState: 3,
			customerEmail: 'chen@example.tw',
			customerMobile: '0912345678',
			customerBirthdate: '1990-04-30',
			customerTags: ['VIP'],
			sourceName: 'SHOPLINE',
			addresses: [{ locationName: 'Address', locationAddress: '100 忠孝東路, 台北市, 100, Taiwan', locationType: 2 }],
		});
		expect(items[0].json.customerCode).toMatch(/^C\d+/);
	});

	it('updates the customer with the same name on the next run instead of creating a second one', async () => {
		const first = await env.run(auto, [{ ...shoplineCustomer, name: 'Nguyễn Văn Mapping' }]);
		const code = first.items[0].json.customerCode;
		const before = env.sim.customers.length;
		const second = await env.run(auto, [{ ...shoplineCustomer, name: 'Nguyễn Văn Mapping', email: 'new@example.vn' }]);
		expect(second.error).toBeUndefined();
		expect(second.items[0].json.customerCode).toBe(code);
		expect(env.sim.customers.length).toBe(before);
		expect(env.sim.customers.find((c) => c.customerCode === code)?.customerEmail).toBe('new@example.vn');
	});

	it('refuses a record without a name, naming the item and field, before any request', async () => {
		const { error } = await env.run(auto, [{ ...shoplineCustomer, name: null }]);
		expect(error?.message).toBe('Item 1 (chen@example.tw): "Customer Name" is required');
		expect(env.calls()).toHaveLength(0);
	});

	it('creates a sales order from a common-shape order, lines by SKU, date kept as the order’s own day', async () => {
		const customerCode = env.sim.customers[0].customerCode;
		const order = {
			source: 'shopline',
			id: '65f0c1d2e3a4b5c6d7e8f9aa',
			number: '20261122000123',
			date: '2026-11-22T23:30:00+08:00',
			status: 'confirmed',
			customer: { id: 'x', code: null, name: '陳志明', email: 'chen@example.tw', phone: '+886912345678' },
			lines: [
				{ sku: 'P-BOBA', name: '珍珠奶茶 Bubble tea', quantity: 2, unitPrice: 55, discount: null, total: 110 },
				{ sku: 'P-EGG-TART', name: '蛋撻 Egg tart', quantity: 1, unitPrice: 25, discount: 5, total: 20 },
			],
			subtotal: 130,
			discount: 5,
			tax: null,
			shipping: null,
			total: 125,
			currency: 'THB',
			createdAt: null,
			updatedAt: null,
		};
		const { items, error } = await env.run({ resource: 'salesOrder', operation: 'createOrUpdate', mapping: 'auto', customerCode }, [order]);
		expect(error).toBeUndefined();
		const sent = env.calls().find((c) => c.method === 'POST')!.body as Record<string, unknown>;
		expect(sent).toMatchObject({
			customerCode,
			salesOrderDate: '2026-11-22',
			referenceNo: '20261122000123',
			salesOrderSubject: 'SHOPLINE order 20261122000123',
			currencyCode: 'THB',
			salesorderDetails: [
				{ productCode: 'P-BOBA', productName: '珍珠奶茶 Bubble tea', qty: 2, price: 55 },
				{ productCode: 'P-EGG-TART', productName: '蛋撻 Egg tart', qty: 1, price: 25, discountValue: 5 },
			],
		});
		expect(items[0].json.salesOrderNo).toMatch(/^SO/);
	});
});

describe('Map Automatically (quotation)', () => {
	it('creates a quotation from a common-shape order', async () => {
		const customerCode = env.sim.customers[0].customerCode;
		const order = {
			source: 'salekit', id: '235690', number: null, date: '2026-11-21', status: '0',
			customer: { id: null, code: null, name: 'Lê Văn C', email: null, phone: null },
			lines: [{ sku: 'P-PHO', name: 'Phở bò', quantity: 3, unitPrice: null, discount: null, total: null }],
			subtotal: null, discount: null, tax: null, shipping: null, total: null, currency: 'VND', createdAt: null, updatedAt: null,
		};
		const { items, error } = await env.run({ resource: 'quotation', operation: 'createOrUpdate', mapping: 'auto', customerCode }, [order]);
		expect(error).toBeUndefined();
		const sent = env.calls().find((c) => c.method === 'POST')!.body as Record<string, unknown>;
		expect(sent).toEqual({ customerCode, quotationDate: '2026-11-21', referenceNo: '235690', quotationDetails: [{ productCode: 'P-PHO', productName: 'Phở bò', qty: 3 }] });
		expect(items[0].json.quotationNo).toMatch(/^QT/);
	});
});
