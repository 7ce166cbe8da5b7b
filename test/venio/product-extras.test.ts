/**
 * Venio CRM node, the product menu's other entries inside n8n-core against the simulator: Get Ticket,
 * Get Properties, Get Many by Filter (paged by skip + take), Verify Serial Number, Get Serial Status
 * and Create or Update Codeguard: fields sent, paging, refusals before and after the request.
 */
import { useVenio } from './setup';

const env = useVenio();

const product = (operation: string, extra: object = {}) => ({ resource: 'product', operation, ...extra });
const paths = () => env.calls().map((c) => `${c.method} ${c.path}`);

describe('Product: Get Ticket, Get Properties', () => {
	it('Get Ticket reads one ticket by its number', async () => {
		const { items, error } = await env.run(product('getTicket', { ticketNo: ' PT2601-0001 ' }));
		expect(error).toBeUndefined();
		expect(paths()).toEqual(['GET /v3/products/tickets/PT2601-0001']);
		expect(items.map((i) => i.json)).toEqual([expect.objectContaining({ ticketNo: 'PT2601-0001', productCode: 'P-THAI-TEA', serialNumber: 'SN-0001', productName: 'ชาไทย (Thai tea)' })]);
	});

	it('Get Ticket: an empty number is refused before any request; an unknown one names Venio’s words', async () => {
		const empty = await env.run(product('getTicket', { ticketNo: '  ' }));
		expect(empty.error?.message).toContain('"Product Ticket" is required: enter its code');
		expect(env.calls()).toHaveLength(0);
		const unknown = await env.run(product('getTicket', { ticketNo: 'PT2601-0999' }));
		expect(unknown.error?.name).toBe('NodeApiError');
		expect(`${unknown.error?.message} ${unknown.error?.description}`).toContain('Product ticket PT2601-0999 not found');
	});

	it('Get Properties: one item per property', async () => {
		const { items, error } = await env.run(product('getProperties'));
		expect(error).toBeUndefined();
		expect(paths()).toEqual(['GET /v3/products/properties']);
		expect(items.map((i) => i.json.propertyName)).toEqual(['Size', 'Sweetness', 'Colour']);
		expect(items[0].json.values).toEqual(['S', 'M', 'L']);
	});
});

describe('Product: Get Many by Filter', () => {
	it('sends the documented body (POST /v1/products/getProduct) with every filter', async () => {
		const { items, error } = await env.run(
			product('getByFilter', { productType: 1301, status: [1], limit: 10, filters: { smartSearch: 'tea', productGroupIds: ['1'], typeFor: 1, orderBy: 'price desc' } }),
		);
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v1/products/getProduct', status: 200 });
		expect(call.body).toEqual({ productType: 1301, status: [1], smartSearch: 'tea', productGroupIds: [1], typeFor: 1, orderBy: 'price desc', skip: 0, take: 10 });
		expect(items.map((i) => i.json.productCode)).toEqual(['P-BOBA', 'P-THAI-TEA']);
	});

	it('Return All reads page after page of 100 (skip + take); Limit stops early', async () => {
		const template = env.sim.products.get('P-PHO')!;
		for (let n = 1; n <= 120; n++) {
			const code = `P-EXTRA-${String(n).padStart(3, '0')}`;
			env.sim.products.set(code, { ...structuredClone(template), productId: 10_000 + n, productCode: code, productName: `Extra ${n}` });
		}
		try {
			const all = await env.run(product('getByFilter', { productType: 1301, status: [1, 0], returnAll: true }));
			expect(all.error).toBeUndefined();
			expect(all.items).toHaveLength(126);
			expect(new Set(all.items.map((i) => i.json.productCode)).size).toBe(126);
			expect(env.calls().map((c) => [(c.body as { skip: number }).skip, (c.body as { take: number }).take])).toEqual([
				[0, 100],
				[100, 100],
			]);
			const before = env.calls().length;
			const some = await env.run(product('getByFilter', { productType: 1301, status: [1], limit: 7 }));
			expect(some.items.map((i) => i.json.productCode)).toEqual(['P-BOBA', 'P-EGG-TART', 'P-EXTRA-001', 'P-EXTRA-002', 'P-EXTRA-003', 'P-EXTRA-004', 'P-EXTRA-005']);
			expect(env.calls().slice(before).map((c) => (c.body as { take: number }).take)).toEqual([7]);
		} finally {
			env.sim.control({ action: 'seed' });
		}
	});

	it('Inactive only, bundles, and Simplify (the common product shape)', async () => {
		const inactive = await env.run(product('getByFilter', { productType: 1301, status: [0] }));
		expect(inactive.items.map((i) => i.json.productCode)).toEqual(['P-BANH-MI']);
		const bundles = await env.run(product('getByFilter', { productType: 1302, status: [1] }));
		expect(bundles.error).toBeUndefined();
		expect(bundles.items).toHaveLength(0);
		const simple = await env.run(product('getByFilter', { productType: 1301, status: [1], limit: 1, simplify: true }));
		expect(simple.items[0].json).toMatchObject({ source: 'venio', sku: 'P-BOBA', price: 55 });
	});

	it('no state chosen is refused before any request (in the editor, and from an expression)', async () => {
		await expect(env.run(product('getByFilter', { productType: 1301, status: [] }))).rejects.toThrow('Parameter "Status" is required');
		const { error } = await env.run(product('getByFilter', { productType: 1301, status: '={{ [] }}' }));
		expect(error?.message).toContain('Item 1: "Status" needs at least one state');
		expect(env.calls()).toHaveLength(0);
	});
});

describe('Product: Verify Serial Number, Get Serial Status', () => {
	const verify = (extra: object = {}) =>
		product('verifySerial', { SerialNumber: 'SN-0002', PurchaseDate: '2026-02-14', additionalFields: { CustomerCode: 'C000004' }, ...extra });

	it('sends Venio’s keys (POST /v3/products/serials/verification) and registers the serial; Get Serial Status then shows it', async () => {
		const { items, error } = await env.run(
			verify({ additionalFields: { CustomerCode: 'C000004', CustomerType: 1, SaleOrderNo: 'SO2601-0001', Note: 'Bought at the fair', Latitude: 13.7563, Longtitude: 100.5018 } }),
		);
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v3/products/serials/verification' });
		expect(call.body).toEqual({ SerialNumber: 'SN-0002', PurchaseDate: '2026-02-14', CustomerCode: 'C000004', CustomerType: 1, SaleOrderNo: 'SO2601-0001', Note: 'Bought at the fair', Latitude: 13.7563, Longtitude: 100.5018 });
		expect(items[0].json).toMatchObject({ serialNumber: 'SN-0002', statusName: 'Registered', customerCode: 'C000004', purchaseDate: '2026-02-14', productCode: 'P-THAI-TEA' });

		const status = await env.run(product('getSerialStatus', { serialNumber: 'SN-0002' }));
		expect(env.calls().slice(1)).toEqual([expect.objectContaining({ method: 'GET', path: '/v3/products/serials/status', query: { serialNumber: 'SN-0002' } })]);
		expect(status.items[0].json).toMatchObject({ serialNumber: 'SN-0002', statusId: 2, statusName: 'Registered', customerCode: 'C000004' });
	});

	it('a second registration of the same serial is Venio’s refusal, sent once (never repeated)', async () => {
		expect((await env.run(verify({ SerialNumber: 'SN-0003' }))).error).toBeUndefined();
		const again = await env.run(verify({ SerialNumber: 'SN-0003' }));
		expect(again.error?.name).toBe('NodeApiError');
		expect(`${again.error?.message} ${again.error?.description}`).toContain('serial number SN-0003 is already registered');
		expect(env.calls()).toHaveLength(2);
	});

	it('a buyer by name only (not a Venio customer) is accepted', async () => {
		const { items, error } = await env.run(verify({ SerialNumber: 'SN-0004', additionalFields: { CustomerName: 'Khun Somchai' } }));
		expect(error).toBeUndefined();
		expect(env.calls()[0].body).toEqual({ SerialNumber: 'SN-0004', PurchaseDate: '2026-02-14', CustomerName: 'Khun Somchai' });
		expect(items[0].json).toMatchObject({ customerCode: null, customerName: 'Khun Somchai' });
	});

	it.each([
		['no customer', verify({ additionalFields: {} }), '"Customer Code" or Customer Name is required'],
		['a purchase date that is not YYYY-MM-DD', verify({ PurchaseDate: '14/02/2026' }), '"Purchase Date" must be a date written YYYY-MM-DD'],
		['a latitude out of range', verify({ additionalFields: { CustomerCode: 'C000004', Latitude: 95 } }), '"Latitude" must be from -90 to 90'],
	])('%s is refused before any request, naming the item and the serial', async (_what, params, words) => {
		const { error } = await env.run(params);
		expect(error?.message).toContain('Item 1 (SN-0002)');
		expect(error?.message).toContain(words);
		expect(env.calls()).toHaveLength(0);
	});

	it('every item is checked before the first registration: item 2 bad, nothing sent', async () => {
		const { error } = await env.run(
			{ resource: 'product', operation: 'verifySerial', SerialNumber: '={{ $json.serial }}', PurchaseDate: '2026-02-14', additionalFields: { CustomerCode: '={{ $json.customer }}' } },
			[
				{ serial: 'SN-0005', customer: 'C000004' },
				{ serial: 'SN-0006', customer: '' },
			],
		);
		expect(error?.message).toContain('Item 2 (SN-0006)');
		expect(env.calls()).toHaveLength(0);
	});

	it('unknown serials: Venio’s not-found words, for Verify and Get Serial Status', async () => {
		const verifyUnknown = await env.run(verify({ SerialNumber: 'SN-9999' }));
		expect(`${verifyUnknown.error?.message} ${verifyUnknown.error?.description}`).toContain('Serial number SN-9999 not found');
		const statusUnknown = await env.run(product('getSerialStatus', { serialNumber: 'SN-9999' }));
		expect(`${statusUnknown.error?.message} ${statusUnknown.error?.description}`).toContain('Serial number SN-9999 not found');
		const empty = await env.run(product('getSerialStatus', { serialNumber: '  ' }));
		expect(empty.error?.message).toContain('"Serial Number" is required');
	});
});

describe('Product: Create or Update Codeguard', () => {
	const codeguard = (extra: object = {}) => product('createOrUpdateCodeguard', { productCode: 'P-PHO', serialNumbers: 'CG-0001, CG-0002', additionalFields: { warrantyMonths: 24 }, ...extra });

	it('sends {productCode, serialNumbers, warrantyMonths}; sending it again gives the same product (an upsert)', async () => {
		const first = await env.run(codeguard());
		expect(first.error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v3/products/codeguard' });
		expect(call.body).toEqual({ productCode: 'P-PHO', serialNumbers: ['CG-0001', 'CG-0002'], warrantyMonths: 24 });
		expect(first.items[0].json).toEqual({ productCode: 'P-PHO', productName: 'Phở bò', warrantyMonths: 24, serialNumbers: ['CG-0001', 'CG-0002'] });
		const again = await env.run(codeguard({ productCode: { __rl: true, mode: 'list', value: 'P-PHO' } }));
		expect(again.items[0].json).toEqual(first.items[0].json);

		const registered = await env.run(product('verifySerial', { SerialNumber: 'CG-0002', PurchaseDate: '2026-03-01', additionalFields: { CustomerCode: 'C000002' } }));
		expect(registered.items[0].json).toMatchObject({ productCode: 'P-PHO', warrantyMonths: 24, warrantyExpireDate: '2028-03-01' });
	});

	it.each([
		['a serial number listed twice', codeguard({ serialNumbers: 'CG-9, cg-9' }), '"Serial Numbers" lists a serial number twice'],
		['no serial number', codeguard({ serialNumbers: ' , ' }), '"Serial Numbers" needs at least one serial number'],
		['a warranty over 120 months', codeguard({ additionalFields: { warrantyMonths: 200 } }), '"Warranty (Months)" must be from 0 to 120'],
	])('%s is refused before any request, naming the product', async (_what, params, words) => {
		const { error } = await env.run(params);
		expect(error?.message).toContain('Item 1 (P-PHO)');
		expect(error?.message).toContain(words);
		expect(env.calls()).toHaveLength(0);
	});

	it('Venio’s refusals name the serial or the product', async () => {
		const taken = await env.run(codeguard({ serialNumbers: 'SN-0001' }));
		expect(`${taken.error?.message} ${taken.error?.description}`).toContain('serial number SN-0001 belongs to another product');
		const unknown = await env.run(codeguard({ productCode: 'P-NOPE' }));
		expect(`${unknown.error?.message} ${unknown.error?.description}`).toContain('Product P-NOPE not found');
	});
});
