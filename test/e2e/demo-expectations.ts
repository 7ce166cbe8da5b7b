/**
 * What each demo workflow must leave in the sandbox. Expected values are read from the vendors'
 * APIs (as a person would check), never from the nodes' code.
 */
import type { Sandbox } from '../../sandbox/index';
import type { DemoWorkflow } from '../../scripts/demo-setup';
import { DEMO_DRIVERS, vendorCall } from '../../scripts/demo-drivers';

export interface DemoExpectation {
	/** `manual`: run with `n8n execute`; otherwise drive it through the vendor's webhook. */
	run: 'manual' | ((sandbox: Sandbox, n8nUrl: string) => Promise<unknown>);
	snapshot(sandbox: Sandbox): unknown;
	check(sandbox: Sandbox, before: unknown, example: DemoWorkflow): void | Promise<void>;
}

export const vendorGet = (sandbox: Sandbox, vendor: 'meedee' | 'shopline', pathAndQuery: string) => vendorCall(sandbox, vendor, 'GET', pathAndQuery);

const venioOrders = (sandbox: Sandbox) => [...sandbox.venio.orders.values()].map((o) => o.doc);
const newSince = <T extends { salesOrderNo?: string; quotationNo?: string }>(now: T[], before: string[]) => now.filter((o) => !before.includes(String(o.salesOrderNo ?? o.quotationNo)));

/** Yesterday's calendar date in Bangkok, as the demo's schedule reads it. */
function yesterdayInBangkok(): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() - 86_400_000));
	return parts;
}

interface PosSale {
	id: string;
	receipt_no: string;
	sold_at: string;
	customer_id: string | null;
	total: string;
}

/** Yesterday's completed POS sales: the Bangkok day set on demos 2 and 6. */
async function yesterdaysPosSales(sandbox: Sandbox): Promise<PosSale[]> {
	const day = yesterdayInBangkok();
	// "Yesterday" is the calendar day in Bangkok set on the workflow. MeeDee's from/to are its own
	// (UTC [INF]) days, so ask for the day before too and keep the sales made on the Bangkok day.
	const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	const { data: sales } = await vendorGet(sandbox, 'meedee', `/sales?status=completed&limit=200&from=${dayBefore}&to=${day}`);
	const bangkokDay = (at: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(at));
	return (sales as PosSale[]).filter((s) => bangkokDay(s.sold_at) === day);
}

/**
 * The receipt numbers of yesterday's completed POS sales (the Bangkok day set on the workflow) whose
 * products Venio has: the sales demo 2 turns into Venio orders.
 */
async function posSalesVenioTakes(sandbox: Sandbox): Promise<string[]> {
	const expected: string[] = [];
	for (const sale of await yesterdaysPosSales(sandbox)) {
		const { data: lines } = await vendorGet(sandbox, 'meedee', `/sales/${sale.id}/items`);
		const codes = (lines as Array<{ sku_code: string }>).map((l) => `P-${l.sku_code.split('-').slice(0, -1).join('-')}`);
		if (codes.every((code) => sandbox.venio.products.has(code))) expected.push(sale.receipt_no);
	}
	return expected;
}

/** After any number of runs of demo 2: exactly one Venio order per POS sale, found by its reference. */
export async function expectOneVenioOrderPerSale(sandbox: Sandbox): Promise<void> {
	const receipts = await posSalesVenioTakes(sandbox);
	expect(receipts.length).toBeGreaterThan(0);
	const references = venioOrders(sandbox).map((o) => String(o.referenceNo));
	expect(receipts.map((r) => [r, references.filter((ref) => ref === r).length])).toEqual(receipts.map((r) => [r, 1]));
}

/** Demo 6's rule: 1 SHOPLINE member point per 25 baht of a POS sale, the sale's receipt number in the remark. */
const BAHT_PER_POINT = 25;
const pointsRemark = (receiptNo: string) => `MeeDee POS sale ${receiptNo}`;

/**
 * The points demo 6 must add: each of yesterday's completed POS sales whose customer's phone finds
 * a SHOPLINE customer (SHOPLINE's customer search, mobile phone as MeeDee has it) and that earns at
 * least one point.
 */
export async function posSalePointsExpected(sandbox: Sandbox): Promise<Array<{ customerId: string; value: number; remarks: string }>> {
	const { data: customers } = await vendorGet(sandbox, 'meedee', '/customers?limit=200');
	const phoneOf = new Map((customers as Array<{ id: string; phone?: string | null }>).map((c) => [c.id, c.phone]));
	const expected: Array<{ customerId: string; value: number; remarks: string }> = [];
	for (const sale of await yesterdaysPosSales(sandbox)) {
		const phone = sale.customer_id ? phoneOf.get(sale.customer_id) : null;
		const value = Math.floor(Number(sale.total) / BAHT_PER_POINT);
		if (!phone || value < 1) continue;
		const { items } = await vendorGet(sandbox, 'shopline', `/customers/search?mobile_phone=${encodeURIComponent(phone)}`);
		if (items.length) expected.push({ customerId: (items as Array<{ id: string }>)[0].id, value, remarks: pointsRemark(sale.receipt_no) });
	}
	return expected;
}

/** After any number of runs of demo 6: each sale's points added exactly once, as SHOPLINE's points history shows. */
export async function expectPointsOncePerSale(sandbox: Sandbox): Promise<void> {
	const expected = await posSalePointsExpected(sandbox);
	// The seed gives Thai till customers their SHOPLINE account's mobile: yesterday has such a sale.
	expect(expected.length).toBeGreaterThan(0);
	for (const { customerId, value, remarks } of expected) {
		const { items } = await vendorGet(sandbox, 'shopline', `/customers/${customerId}/member_points?per_page=100`);
		expect({ remarks, added: (items as Array<{ remarks: string; value: number }>).filter((p) => p.remarks === remarks).map((p) => p.value) }).toEqual({ remarks, added: [value] });
	}
}

type ShoplineOrderJson = { order_number: string; customer_email: string; total: { dollars: number }; subtotal_items: Array<{ sku: string; quantity: number }> };
const lineKeys = (lines: Array<{ productCode: string; qty: number }>) => lines.map((l) => [l.productCode, l.qty]);

const runOf = (id: string): DemoExpectation['run'] => {
	const driver = DEMO_DRIVERS[id];
	return !driver || driver.kind === 'manual' ? 'manual' : driver.fire;
};

export const DEMO_EXPECTATIONS: Record<string, DemoExpectation> = {
	demoShoplineToVenio1: {
		run: runOf('demoShoplineToVenio1'),
		snapshot: (sandbox) => ({ orders: venioOrders(sandbox).map((o) => o.salesOrderNo), customers: sandbox.venio.customers.length }),
		async check(sandbox, before) {
			const snap = before as { orders: string[]; customers: number };
			const created = newSince(venioOrders(sandbox), snap.orders);
			expect(created).toHaveLength(1);
			const so = created[0];
			const { items } = await vendorGet(sandbox, 'shopline', `/orders/search?order_number=${so.referenceNo}`);
			expect(items).toHaveLength(1);
			const shop = items[0] as { customer_email: string; subtotal_items: Array<{ sku: string; quantity: number }> };
			expect(so.salesorderDetails.map((l: { productCode: string; qty: number }) => [l.productCode, l.qty])).toEqual(shop.subtotal_items.map((l) => [l.sku, l.quantity]));
			const customer = sandbox.venio.customers.find((c) => c.customerCode === so.customerCode)!;
			expect(customer.customerEmail).toBe(shop.customer_email);
			expect(sandbox.venio.customers.filter((c) => c.customerEmail === shop.customer_email)).toHaveLength(1);
		},
	},
	demoPosSalesToVenio2: {
		run: runOf('demoPosSalesToVenio2'),
		snapshot: (sandbox) => venioOrders(sandbox).map((o) => o.salesOrderNo),
		async check(sandbox, before) {
			const expected = await posSalesVenioTakes(sandbox);
			const created = newSince(venioOrders(sandbox), before as string[]);
			expect(created.map((o) => o.referenceNo).sort()).toEqual(expected.sort());
		},
	},
	demoApprovedToShop4: {
		run: runOf('demoApprovedToShop4'),
		snapshot: (sandbox) => sandbox.server.log.length,
		check(sandbox, before) {
			const patches = sandbox.server.log.slice(before as number).filter((e) => e.vendor === 'shopline' && e.method === 'PATCH');
			expect(patches).toHaveLength(1);
			expect(patches[0].body).toEqual({ status: 'confirmed', mail_notify: false });
			const orderId = patches[0].path.split('/')[3];
			expect([...sandbox.shopline.orders.values()].find((o) => o.id === orderId)?.status).toBe('confirmed');
		},
	},
	demoQuotationFlow5: {
		run: runOf('demoQuotationFlow5'),
		snapshot: (sandbox) => ({ quotations: [...sandbox.venio.quotations.keys()], orders: venioOrders(sandbox).map((o) => o.salesOrderNo) }),
		check(sandbox, before) {
			const snap = before as { quotations: string[]; orders: string[] };
			const quotations = [...sandbox.venio.quotations.values()].filter((q) => !snap.quotations.includes(q.quotationNo));
			expect(quotations).toHaveLength(1);
			expect(quotations[0].quotationStatus).toBe(2);
			const created = newSince(venioOrders(sandbox), snap.orders);
			expect(created).toHaveLength(1);
			expect(created[0].salesOrderNo).toBe(quotations[0].salesOrderNo);
			expect(created[0].salesOrderStatus).toBe(2);
			expect(created[0].salesorderDetails.map((l: { productCode: string; qty: number }) => [l.productCode, l.qty])).toEqual([
				['P-THAI-TEA', 10],
				['P-MANGO', 4],
			]);
		},
	},
	demoCustomersSalekit3: {
		run: runOf('demoCustomersSalekit3'),
		snapshot: (sandbox) => sandbox.salekit.audiences.map((a) => a.email),
		async check(sandbox, before) {
			const pos = ((await vendorGet(sandbox, 'meedee', '/customers?limit=10')).data as Array<{ email?: string | null }>)
				.map((c) => c.email)
				.filter((e): e is string => !!e);
			const store = ((await vendorGet(sandbox, 'shopline', '/customers?per_page=10')).items as Array<{ email?: string | null }>)
				.map((c) => c.email)
				.filter((e): e is string => !!e);
			const audiences = sandbox.salekit.audiences;
			// Salekit matches an existing audience by email, then by phone: a customer already known by phone
			// is updated rather than added, so count audiences by email, not new rows.
			const emails = audiences.map((a) => a.email).filter(Boolean);
			expect(new Set(emails).size).toBe(emails.length);
			expect(audiences.length - (before as unknown[]).length).toBeLessThanOrEqual(new Set([...pos, ...store]).size);
			for (const email of pos) expect(audiences.filter((a) => a.email === email).map((a) => a.tags)).toEqual([expect.arrayContaining(['POS customer'])]);
			for (const email of store) expect(audiences.filter((a) => a.email === email).map((a) => a.tags)).toEqual([expect.arrayContaining(['Online store customer'])]);
		},
	},
	demoPosSalePoints6: {
		run: runOf('demoPosSalePoints6'),
		snapshot: (sandbox) => sandbox.shopline.memberPoints.length,
		async check(sandbox, before) {
			const expected = await posSalePointsExpected(sandbox);
			const added = sandbox.shopline.memberPoints.slice(before as number).map((p) => ({ customerId: p.customer_id, value: p.value, remarks: p.remarks }));
			const byRemark = (a: { remarks: string }, b: { remarks: string }) => a.remarks.localeCompare(b.remarks);
			expect(added.sort(byRemark)).toEqual(expected.sort(byRemark));
			await expectPointsOncePerSale(sandbox);
		},
	},
	demoLeadToOrder7: {
		run: runOf('demoLeadToOrder7'),
		snapshot: (sandbox) => ({
			deals: [...sandbox.venio.deals.keys()],
			tasks: sandbox.venio.tasks.length,
			quotations: [...sandbox.venio.quotations.keys()],
			orders: venioOrders(sandbox).map((o) => o.salesOrderNo),
		}),
		async check(sandbox, before) {
			const snap = before as { deals: number[]; tasks: number; quotations: string[]; orders: string[] };
			// The lead: SHOPLINE's newest pending order (the demo leaves it as it is).
			const { items } = await vendorGet(sandbox, 'shopline', '/orders?statuses[]=pending&sort_by=desc&per_page=1');
			const order = items[0] as ShoplineOrderJson;

			const deals = [...sandbox.venio.deals.values()].filter((d) => !snap.deals.includes(d.dealsId));
			expect(deals).toHaveLength(1);
			const deal = deals[0];
			const wonStage = sandbox.venio.dealLists.stages.find((s) => s.boardId === 101 && s.stageType === 2)!;
			expect(deal).toMatchObject({ dealsName: `SHOPLINE order ${order.order_number}`, boardId: 101, dealStageId: wonStage.dealStageId, probability: 100, dealsValue: order.total.dollars, assignTo: 'E001' });
			expect(deal.customerCodes).toHaveLength(1);
			const customerCode = deal.customerCodes[0];
			expect(sandbox.venio.customers.find((c) => c.customerCode === customerCode)?.customerEmail).toBe(order.customer_email);

			const tasks = sandbox.venio.tasks.slice(snap.tasks);
			expect(tasks).toHaveLength(1);
			expect(tasks[0]).toMatchObject({ dealId: deal.dealsId, customerCode, assignTo: 'E001', priority: 3, statusId: 1 });
			expect(tasks[0].subject).toContain(order.order_number);
			expect(tasks[0].dateDue).toBeGreaterThan(Date.now());

			const quotations = [...sandbox.venio.quotations.values()].filter((q) => !snap.quotations.includes(q.quotationNo.toUpperCase()));
			expect(quotations).toHaveLength(1);
			const quotation = quotations[0];
			expect(quotation).toMatchObject({ customerCode, referenceNo: order.order_number, quotationStatus: 2 });
			const shopLines = order.subtotal_items.map((l) => [l.sku, l.quantity]);
			expect(lineKeys(quotation.quotationDetails)).toEqual(shopLines);

			const created = newSince(venioOrders(sandbox), snap.orders);
			expect(created).toHaveLength(1);
			expect(created[0]).toMatchObject({ salesOrderNo: quotation.salesOrderNo, referenceNo: quotation.quotationNo, customerCode });
			expect(lineKeys(created[0].salesorderDetails)).toEqual(shopLines);
		},
	},
};
