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

/**
 * The receipt numbers of yesterday's completed POS sales (the Bangkok day set on the workflow) whose
 * products Venio has: the sales demo 2 turns into Venio orders.
 */
async function posSalesVenioTakes(sandbox: Sandbox): Promise<string[]> {
	const day = yesterdayInBangkok();
	// "Yesterday" is the calendar day in Bangkok set on the workflow. MeeDee's from/to are its own
	// (UTC [INF]) days, so ask for the day before too and keep the sales made on the Bangkok day.
	const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
	const { data: sales } = await vendorGet(sandbox, 'meedee', `/sales?status=completed&limit=200&from=${dayBefore}&to=${day}`);
	const bangkokDay = (at: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date(at));
	const expected: string[] = [];
	for (const sale of (sales as Array<{ id: string; receipt_no: string; sold_at: string }>).filter((s) => bangkokDay(s.sold_at) === day)) {
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
};
