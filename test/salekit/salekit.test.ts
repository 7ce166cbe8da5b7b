/**
 * The Salekit node and trigger inside real n8n-core, against the Salekit simulator.
 */
import { SandboxServer } from '../../sandbox/core';
import type { SalekitSim } from '../../sandbox/salekit';
import { deliver, makeNode, runNode, webhookLifecycle, type Harness } from '../harness/n8n';
import { useSalekit, type SalekitEnv } from './setup';

let server: SandboxServer;
let sim: SalekitSim;
let h: Harness;
let credentials: SalekitEnv['credentials'];

useSalekit((env) => ({ server, sim, h, credentials } = env));

const salekit = (parameters: Record<string, unknown>, continueOnFail = false) => ({
	type: 'salekit',
	parameters: parameters as never,
	credentials,
	continueOnFail,
});

const audienceByEmail = (email: string) => sim.audiences.find((a) => a.email === email);

describe('Audience', () => {
	it('creates an audience with every seed 004 field, as Salekit expects them', async () => {
		const { items, error } = await runNode(
			h,
			salekit({
				resource: 'audience',
				operation: 'createOrUpdate',
				full_name: 'Nguyễn Văn A',
				email: 'nva@example.vn',
				additionalFields: {
					phone: '0989123456',
					tag: 'Đã mua, Khách hàng mới',
					src: 'chatbot',
					cid: '8a3dfbc1',
					gender: 'female',
					address: 'Cầu Giấy - Hà Nội',
					note: 'Khách hàng mới',
					custom_field: { pairs: [{ name: 'madon', value: '12345' }] },
					type: 1,
				},
			}),
		);
		expect(error).toBeUndefined();
		const sent = server.requests('salekit')[0];
		expect(sent.path).toBe('/api/v1/audience/create');
		expect(sent.body).toEqual({
			full_name: 'Nguyễn Văn A',
			email: 'nva@example.vn',
			phone: '0989123456',
			tag: 'Đã mua,Khách hàng mới',
			src: 'chatbot',
			cid: '8a3dfbc1',
			gender: 'Nữ',
			address: 'Cầu Giấy - Hà Nội',
			note: 'Khách hàng mới',
			custom_field: { madon: '12345' },
			type: 1,
		});
		expect(items[0].json).toMatchObject({ success: true, message: 'Thành công', tagsAdded: ['Đã mua', 'Khách hàng mới'] });
		const stored = audienceByEmail('nva@example.vn')!;
		expect(stored.tags.sort()).toEqual(['Khách hàng mới', 'Đã mua'].sort());
		expect(stored.custom_field).toEqual({ madon: '12345' });
	});

	it('updates the same customer instead of creating a second one', async () => {
		const params = { resource: 'audience', operation: 'createOrUpdate', full_name: 'Trần Thị B', email: 'ttb@example.vn' };
		await runNode(h, salekit(params));
		const before = sim.audiences.length;
		await runNode(h, salekit({ ...params, additionalFields: { note: 'VIP' } }));
		expect(sim.audiences.length).toBe(before);
		expect(audienceByEmail('ttb@example.vn')!.note).toBe('VIP');
	});

	it.each([
		['adds several tags in one call', 'addTags', 'A, B, C', ['A', 'B', 'C', 'Old']],
		['removes tags (un_tag)', 'removeTags', 'Old', []],
	])('%s', async (_title, operation, tags, expected) => {
		await runNode(h, salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: 'Lê C', email: 'lec@example.vn', additionalFields: { tag: 'Old' } }));
		const { error } = await runNode(h, salekit({ resource: 'audience', operation, full_name: 'Lê C', email: 'lec@example.vn', [operation === 'addTags' ? 'tag' : 'un_tag']: tags }));
		expect(error).toBeUndefined();
		expect(audienceByEmail('lec@example.vn')!.tags.sort()).toEqual([...expected].sort());
	});

	it('adds and removes tags in the same call', async () => {
		await runNode(h, salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: 'Phạm D', email: 'pd@example.vn', additionalFields: { tag: 'Lead' } }));
		await runNode(h, salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: 'Phạm D', email: 'pd@example.vn', additionalFields: { tag: 'Đã mua', un_tag: 'Lead' } }));
		expect(audienceByEmail('pd@example.vn')!.tags).toEqual(['Đã mua']);
	});

	it('surfaces an unknown custom field (error: true inside HTTP 200) as a clear error', async () => {
		const { error } = await runNode(
			h,
			salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: 'X', email: 'x@example.vn', additionalFields: { custom_field: { pairs: [{ name: 'unknown_key', value: '1' }] } } }),
		);
		expect(error?.message).toMatch(/^Salekit refused the request: Trường tùy chỉnh "unknown_key" chưa được khai báo/);
		expect(error?.description).toMatch(/custom field is not declared in Salekit.*HTTP 200 with error: true/);
		expect(server.requests('salekit')[0].status).toBe(200);
	});

	it('refuses a malformed email before any request, naming item and field', async () => {
		const { error } = await runNode(h, salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: 'No Mail', email: 'no-mail' }));
		expect(error?.message).toBe('Item 1: "Email" must be an email address');
		expect(server.requests('salekit')).toHaveLength(0);
	});

	it('continueOnFail gives error items paired to their inputs', async () => {
		const { items, error } = await runNode(
			h,
			salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: '={{ $json.name }}', email: '={{ $json.email }}' }, true),
			[
				{ name: 'Ok One', email: 'one@example.vn' },
				{ name: 'Bad', email: 'not-an-email' },
				{ name: 'Ok Two', email: 'two@example.vn' },
			],
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.success).toBe(true);
		expect(items[1].json.error).toMatch(/Item 2: "Email"/);
		expect(items[2].json.success).toBe(true);
	});

	it('explains a refused token', async () => {
		const { error } = await runNode(h, { ...salekit({ resource: 'audience', operation: 'createOrUpdate', full_name: 'A', email: 'a@example.vn' }), credentials: { salekitApi: { ...credentials.salekitApi, token: 'wrong' } } });
		expect(error?.message).toMatch(/Salekit Authorization failed \(401\): Token không hợp lệ/);
		expect(error?.message).not.toContain('wrong');
	});
});

describe('Map Automatically', () => {
	const posCustomer = {
		source: 'meedee',
		id: '4b1a5ef8-f4a2-4fb2-99d5-dddd1076e1bb',
		code: 'CUS-000380',
		name: 'สมชาย ใจดี',
		firstName: 'สมชาย',
		lastName: 'ใจดี',
		email: 'somchai@example.th',
		phone: '+66812345678',
		address: { line1: '99 ถนนสุขุมวิท', line2: null, city: 'กรุงเทพมหานคร', state: null, postcode: '10110', country: 'Thailand' },
		birthday: null,
		tags: ['Gold'],
		createdAt: null,
		updatedAt: null,
	};

	it('writes an audience from a common-shape customer', async () => {
		const { error } = await runNode(h, salekit({ resource: 'audience', operation: 'createOrUpdate', mapping: 'auto' }), [posCustomer]);
		expect(error).toBeUndefined();
		expect(server.requests('salekit')[0].body).toEqual({
			full_name: 'สมชาย ใจดี',
			email: 'somchai@example.th',
			phone: '+66812345678',
			address: '99 ถนนสุขุมวิท, กรุงเทพมหานคร, 10110, Thailand',
			tag: 'Gold',
			src: 'MeeDee POS',
		});
		expect(audienceByEmail('somchai@example.th')!.tags).toEqual(['Gold']);
	});

	it('creates an order from a common-shape order', async () => {
		const sku = sim.products[0].sku;
		const order = {
			source: 'shopline', id: 'o1', number: '20261122000123', date: '2026-11-22T10:00:00+08:00', status: 'confirmed',
			customer: { id: null, code: null, name: 'Trần Thị B', email: 'ttb@example.vn', phone: '+84912345678' },
			lines: [{ sku, name: 'x', quantity: 2, unitPrice: 35000, discount: null, total: 70000 }],
			subtotal: 70000, discount: null, tax: null, shipping: 15000, total: 85000, currency: 'VND', createdAt: null, updatedAt: null,
		};
		const { items, error } = await runNode(h, salekit({ resource: 'order', operation: 'create', mapping: 'auto', status: 1 }), [order]);
		expect(error).toBeUndefined();
		expect(server.requests('salekit')[0].body).toEqual({
			full_name: 'Trần Thị B', phone: '+84912345678', email: 'ttb@example.vn', total_price: 70000, total_pay: 85000, ship_fee: 15000,
			ref: '20261122000123', src: 'SHOPLINE', status: 1, products: [{ sku, quantity: 2, price: 35000 }],
		});
		expect(items[0].json.id).toBeDefined();
	});
});

describe('Order and product', () => {
	it('creates an order with product lines by id and by SKU', async () => {
		const product = sim.products[0];
		const { items, error } = await runNode(
			h,
			salekit({
				resource: 'order',
				operation: 'create',
				full_name: 'Nguyễn Văn A',
				phone: '0989123456',
				total_price: 100000,
				total_pay: 90000,
				status: 0,
				products: { values: [{ product_id: product.id, quantity: 2 }, { sku: sim.products[1].sku, quantity: 1, price: 35000 }] },
				additionalFields: { discount: 10000, pay_status: 1 },
			}),
		);
		expect(error).toBeUndefined();
		expect(items[0].json.id).toBeDefined();
		const sent = server.requests('salekit')[0].body as Record<string, unknown>;
		expect(sent.products).toEqual([
			{ product_id: product.id, quantity: 2 },
			{ sku: sim.products[1].sku, quantity: 1, price: 35000 },
		]);
		expect(sim.orders.find((o) => o.id === items[0].json.id)?.pay_status).toBe(1);
	});

	it('does not repeat an order create after a 503 (no duplicate order)', async () => {
		const before = sim.orders.length;
		sim.setFaults({ next5xx: 1 });
		const { error } = await runNode(
			h,
			salekit({ resource: 'order', operation: 'create', full_name: 'A', phone: '0989123456', total_price: 1, total_pay: 1, status: 0, products: { values: [{ sku: sim.products[0].sku, quantity: 1 }] } }),
		);
		expect(error?.description).toMatch(/not repeated automatically/);
		expect(sim.orders.length).toBe(before);
	});

	it('updates an order status with one of the eight documented statuses', async () => {
		const order = sim.orders[0];
		const { items, error } = await runNode(h, salekit({ resource: 'order', operation: 'updateStatus', id: String(order.id), status: 3 }));
		expect(error).toBeUndefined();
		expect(items[0].json.status).toBe(3);
		expect(server.requests('salekit')[0].query).toEqual({ id: String(order.id) });
	});

	it('creates a product', async () => {
		const { items, error } = await runNode(h, salekit({ resource: 'product', operation: 'create', name: 'Cà phê sữa đá', additionalFields: { sku: 'CF-01', unit_price: 29000, type: 0 } }));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ name: 'Cà phê sữa đá', sku: 'CF-01' });
		expect(server.requests('salekit')[0].body).toMatchObject({ name: 'Cà phê sữa đá', sku: 'CF-01', unit_price: 29000, type: 0 });
	});

	it('creates a product as type "Product" (0) when no type is chosen, as Salekit requires one', async () => {
		const { error } = await runNode(h, salekit({ resource: 'product', operation: 'create', name: 'Bánh mì', additionalFields: { sku: 'BM-01' } }));
		expect(error).toBeUndefined();
		expect(server.requests('salekit')[0].body).toMatchObject({ name: 'Bánh mì', sku: 'BM-01', type: 0 });
	});
});

describe('Salekit Trigger', () => {
	const trigger = (event = 'any') => makeNode(h, { type: 'salekitTrigger', parameters: { event, secretToken: 'tok-123456' } as never });

	it('emits an order sync once, refusing a wrong token with 401', async () => {
		const node = trigger();
		const staticData = {};
		await webhookLifecycle(h, node, staticData, 'create', 'http://127.0.0.1:5678/webhook/x/salekit');
		const order = { ...sim.orders[0], event: 'order_created' };
		const bad = await deliver(h, node, staticData, { body: order, query: { token: 'nope' } });
		expect(bad.status).toBe(401);
		expect(bad.result.workflowData).toBeUndefined();
		const first = await deliver(h, node, staticData, { body: order, query: { token: 'tok-123456' } });
		expect(first.result.workflowData?.[0][0].json.id).toBe(order.id);
		const again = await deliver(h, node, staticData, { body: order, query: { token: 'tok-123456' } });
		expect(again.result.workflowData).toBeUndefined();
		expect(again.result.webhookResponse).toMatchObject({ duplicate: true });
	});

	it('ignores other events when one is chosen', async () => {
		const node = trigger('order_payment_changed');
		const out = await deliver(h, node, {}, { body: { ...sim.orders[0], event: 'order_created' }, query: { token: 'tok-123456' } });
		expect(out.result.workflowData).toBeUndefined();
	});

	it('receives what the simulator really sends', async () => {
		const node = trigger();
		const staticData = {};
		const received: unknown[] = [];
		const receiver = new SandboxServer();
		const { Vendor } = await import('../../sandbox/core');
		const hook = new Vendor('hook', '/hook', () => ({ status: 429 }));
		hook.route('POST', '/salekit', async (req) => {
			const out = await deliver(h, node, staticData, { body: req.body, rawBody: req.rawBody, query: req.query as Record<string, string> });
			received.push(out.result.workflowData?.[0][0].json);
			return { status: out.status, body: {} };
		});
		receiver.mount(hook);
		const base = await receiver.start();
		try {
			await sim.control({ action: 'setSyncUrls', orderCreated: `${base}/hook/salekit?token=tok-123456` });
			await runNode(h, salekit({ resource: 'order', operation: 'create', full_name: 'A', phone: '0989123456', total_price: 1, total_pay: 1, status: 0, products: { values: [{ sku: sim.products[0].sku, quantity: 1 }] } }));
			await sim.flush();
			expect(received).toHaveLength(1);
			expect(received[0]).toMatchObject({ event: 'order_created', full_name: 'A' });
		} finally {
			await receiver.stop();
		}
	});
});
