/** MeeDee POS simulator: GET /sales (window rules), GET /sales/:id/items, and seeded and emitted sales. */
import { rng, type SimRequest, type SimResponse } from '../core';
import { allSkus, moveStock } from './catalogue';
import { cents, dateParam, enumParam, invalid, notFound, ok, toEnd } from './helpers';
import { DAY, type Grant, MEEDEE_BRANCHES, type Obj, PAYMENT_METHODS, type Row, SALE_STATUSES, dayStart, dec, iso, uuid } from './model';
import { branchFilter } from './auth';
import { page } from './paging';
import { receivePurchaseOrder } from './purchasing';
import type { MeeDeeSim } from './index';

export function listSales(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const { from, to } = salesWindow(sim, req);
	const branches = branchFilter(req, grant);
	const status = enumParam(req, 'status', SALE_STATUSES);
	const keep = (s: Obj) => {
		const at = Date.parse(String(s.sold_at));
		return at >= from && at <= to && branches.has(String(s.branch_id)) && (status === undefined || s.status === status);
	};
	return page(req, 'sales', sim.sales, keep);
}

/** Applies the documented window rules; returns inclusive millisecond bounds. */
export function salesWindow(sim: MeeDeeSim, req: SimRequest): { from: number; to: number } {
	const now = sim.clock();
	const toIn = dateParam(req, 'to') ?? { ms: now, dateOnly: false };
	const oldest = dayStart(now) - sim.settings.salesMaxLookbackDays * DAY;
	// [INF] a defaulted `from` (to minus the range) is clamped to the lookback limit instead of failing
	const fromIn = dateParam(req, 'from') ?? { ms: Math.max(toIn.ms - sim.settings.salesMaxRangeDays * DAY, oldest), dateOnly: false };
	if (fromIn.ms > toIn.ms) throw invalid('from must not be after to');
	if (toIn.ms - fromIn.ms > sim.settings.salesMaxRangeDays * DAY) {
		throw invalid(`The range from..to must not exceed ${sim.settings.salesMaxRangeDays} days`);
	}
	if (dayStart(fromIn.ms) < oldest) {
		throw invalid(`from must not be more than ${sim.settings.salesMaxLookbackDays} days back from today`);
	}
	return { from: fromIn.ms, to: toEnd(toIn) };
}

export function saleItemsOf(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const sale = sim.sales.find((s) => s.data.id === req.params.id);
	if (!sale || !grant.branches.includes(String(sale.data.branch_id))) throw notFound('Sale');
	return ok({ data: sim.saleItems.get(req.params.id) ?? [] });
}

export function seedSales(sim: MeeDeeSim): void {
	sim.sales = [];
	sim.saleItems.clear();
	const r = rng(7);
	const firstDay = dayStart(sim.clock()) - sim.settings.salesDays * DAY;
	const receipts = sim.purchaseOrders.filter((p) => p.data.status === 'RECEIVED');
	for (let d = 0; d < sim.settings.salesDays; d++) {
		const times = Array.from({ length: sim.settings.salesPerDay }, () => 8 * 3_600_000 + Math.floor(r() * 13 * 3_600_000)).sort((a, b) => a - b);
		for (const t of times) {
			const n = sim.sales.length;
			const pool = Math.min(sim.customerCount, 500);
			const customer = r() < 0.25 || pool === 0 ? null : String(uuid('meedee-customer', Math.floor(r() * pool)));
			const roll = r();
			const status = roll < 0.06 ? 'voided' : roll < 0.1 ? 'refunded' : 'completed';
			makeSale(sim, MEEDEE_BRANCHES[n % 2].id, customer, firstDay + d * DAY + t, status, r);
		}
		for (const po of receipts) {
			const at = Date.parse(String(po.data.received_at));
			if (at >= firstDay + d * DAY && at < firstDay + (d + 1) * DAY) receivePurchaseOrder(sim, po);
		}
	}
}

export function addSale(sim: MeeDeeSim, branchId: string, customerId: string | null): Obj {
	return makeSale(sim, branchId, customerId, sim.clock(), 'completed', rng(sim.sales.length + 1), true).data;
}

/**
 * Builds a sale with 1-3 lines; a completed sale records a stock movement per line, and a `live`
 * one (emitted, not seeded history) also lowers the inventory level.
 */
export function makeSale(sim: MeeDeeSim, branchId: string, customerId: string | null, soldMs: number, status: string, r: () => number, live = false): Row {
	const n = sim.sales.length;
	const id = uuid('meedee-sale', n);
	const skus = allSkus(sim).filter((_, i) => i < 12); // the seasonal product is not sold
	const branch = MEEDEE_BRANCHES.find((b) => b.id === branchId) ?? MEEDEE_BRANCHES[0];
	const items = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, j) => {
		const sku = skus[Math.floor(r() * skus.length)];
		const qty = 1 + Math.floor(r() * 3);
		const gross = qty * cents(sku.price);
		const discount = r() < 0.2 ? Math.round(gross * 0.1) : 0;
		const tax = Math.round((gross - discount) * 0.07); // [INF] VAT added per line
		const line = gross - discount + tax;
		const refunded = status === 'refunded';
		return {
			id: uuid('meedee-sale-item', n * 10 + j),
			product_sku_id: sku.id,
			sku_code: sku.sku_code,
			sku_name: sku.sku_name,
			product_name: String(sku.sku_name).replace(/ \((Regular|Large)\)$/, ''),
			quantity: String(qty),
			unit_price: sku.price,
			discount_amount: dec(discount),
			tax_amount: dec(tax),
			line_total: dec(line),
			refunded_quantity: refunded ? String(qty) : '0',
			refunded_amount: refunded ? dec(line) : '0',
			is_fully_refunded: refunded,
			created_at: iso(soldMs),
		} as Obj;
	});
	const sum = (key: string) => items.reduce((t, i) => t + cents(i[key]), 0);
	const subtotal = items.reduce((t, i) => t + Number(i.quantity) * cents(i.unit_price), 0);
	const discount = sum('discount_amount');
	const service = branch === MEEDEE_BRANCHES[1] ? Math.round((subtotal - discount) * 0.05) : 0; // [INF]
	const day = iso(soldMs).slice(0, 10).replace(/-/g, '');
	const data: Obj = {
		id,
		receipt_no: `${branch.code}-${day}-${String(++sim.receiptCount).padStart(5, '0')}`,
		branch_id: branch.id,
		status,
		customer_id: customerId,
		sold_at: iso(soldMs),
		subtotal: dec(subtotal),
		discount: dec(discount),
		service_charge: dec(service),
		tax: dec(sum('tax_amount')),
		total: dec(subtotal - discount + service + sum('tax_amount')),
		payment_method: PAYMENT_METHODS[Math.floor(r() * PAYMENT_METHODS.length)],
		created_at: iso(soldMs),
		updated_at: iso(status === 'completed' ? soldMs : soldMs + 15 * 60_000),
	};
	const row = { seq: ++sim.seq, data };
	sim.sales.push(row);
	sim.saleItems.set(id, items);
	if (status === 'completed') {
		for (const item of items) {
			const level = sim.inventory.find((l) => l.data.branch_id === branch.id && l.data.product_sku_id === item.product_sku_id);
			if (level) moveStock(sim, level, -Number(item.quantity), 'sale', 'sale', id, soldMs, live);
		}
	}
	return row;
}
