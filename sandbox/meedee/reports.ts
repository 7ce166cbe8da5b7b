/** MeeDee POS simulator: GET /reports/sales-summary and /reports/inventory-summary. */
import type { SimRequest, SimResponse } from '../core';
import { branchFilter } from './auth';
import { cents, dateParam, invalid, ok, single, toEnd } from './helpers';
import { type Grant, type Obj, dec } from './model';
import type { MeeDeeSim } from './index';

export function reportBranch(req: SimRequest, grant: Grant): string {
	const branch = single(req, 'branch_id');
	if (branch === undefined || branch === '') throw invalid('branch_id is required');
	branchFilter(req, grant);
	return branch;
}

export function salesSummary(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const branch = reportBranch(req, grant);
	const from = dateParam(req, 'from');
	const to = dateParam(req, 'to');
	if (from && to && from.ms > to.ms) throw invalid('from must not be after to');
	const t = { orders: 0, revenue: 0, subtotal: 0, discount: 0, tax: 0, service: 0, refunded: 0 };
	for (const { data: s } of sim.sales) {
		const at = Date.parse(String(s.sold_at));
		if (s.branch_id !== branch || s.status === 'voided' || (from && at < from.ms) || (to && at > toEnd(to))) continue;
		t.orders++;
		t.revenue += cents(s.total);
		t.subtotal += cents(s.subtotal);
		t.discount += cents(s.discount);
		t.tax += cents(s.tax);
		t.service += cents(s.service_charge);
		if (s.status === 'refunded') t.refunded += cents(s.total);
	}
	return ok({
		data: {
			branch_id: branch,
			from: single(req, 'from') ?? null,
			to: single(req, 'to') ?? null,
			total_orders: t.orders,
			total_revenue: dec(t.revenue),
			total_subtotal: dec(t.subtotal),
			total_discount: dec(t.discount),
			total_tax: dec(t.tax),
			total_service_charge: dec(t.service),
			total_refunded: dec(t.refunded),
			average_order_value: dec(t.orders ? t.revenue / t.orders : 0),
		},
	});
}

/** [INF] shape: the page exists per the scope table but its content was not retrievable. */
export function inventorySummary(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const branch = reportBranch(req, grant);
	const levels = sim.inventory.filter((l) => l.data.branch_id === branch).map((l) => l.data);
	const qty = (l: Obj) => Number(l.quantity_on_hand);
	return ok({
		data: {
			branch_id: branch,
			total_skus: levels.length,
			total_quantity: dec(levels.reduce((n, l) => n + qty(l) * 100, 0)),
			total_stock_value: dec(levels.reduce((n, l) => n + qty(l) * cents(l.unit_cost), 0)),
			low_stock_skus: levels.filter((l) => qty(l) > 0 && qty(l) <= Number(l.reorder_point)).length,
			out_of_stock_skus: levels.filter((l) => qty(l) <= 0).length,
		},
	});
}
