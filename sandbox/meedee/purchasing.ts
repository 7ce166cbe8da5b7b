/** MeeDee POS simulator: purchase orders, their items and suppliers (lists and seed). */
import { rng, type SimRequest, type SimResponse } from '../core';
import { person, seededTime } from '../data';
import { branchFilter } from './auth';
import { allSkus, moveStock } from './catalogue';
import { cents, enumParam, notFound, ok, searchParam, uuidParam } from './helpers';
import { DAY, type Grant, MEEDEE_BRANCHES, type Obj, PO_STATUSES, type Row, dayStart, dec, iso, uuid } from './model';
import { page } from './paging';
import type { MeeDeeSim } from './index';

export function listPurchaseOrders(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const branches = branchFilter(req, grant);
	const supplier = uuidParam(req, 'supplier_id');
	const status = enumParam(req, 'status', PO_STATUSES);
	const keep = (p: Obj) =>
		branches.has(String(p.branch_id)) && (supplier === undefined || p.supplier_id === supplier) && (status === undefined || p.status === status);
	return page(req, 'purchase-orders', sim.purchaseOrders, keep);
}

export function purchaseOrderItems(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const po = sim.purchaseOrders.find((p) => p.data.id === req.params.id);
	if (!po || !grant.branches.includes(String(po.data.branch_id))) throw notFound('Purchase order');
	return ok({ data: sim.poItems.get(req.params.id) ?? [] });
}

export function listSuppliers(sim: MeeDeeSim, req: SimRequest): SimResponse {
	const status = enumParam(req, 'status', ['ACTIVE', 'INACTIVE']);
	const q = searchParam(req);
	const keep = (s: Obj) =>
		(status === undefined || s.status === status) &&
		(q === undefined || String(s.name).toLowerCase().includes(q) || String(s.supplier_code).toLowerCase().includes(q));
	return page(req, 'suppliers', sim.suppliers, keep);
}

export function seedSuppliersAndOrders(sim: MeeDeeSim): void {
	sim.suppliers = [];
	sim.purchaseOrders = [];
	sim.poItems.clear();
	const names = ['บริษัท ชาไทยตรามือ จำกัด', 'Công ty TNHH Thực phẩm Sài Gòn', '台灣珍珠粉圓有限公司', 'Bangkok Dairy Co., Ltd.', '香港蛋撻供應', 'Chiang Mai Fresh Produce'];
	names.forEach((name, i) => {
		const p = person(1000 + i, 3);
		const created = seededTime(i * 1440);
		const data: Obj = {
			id: uuid('meedee-supplier', i),
			supplier_code: `SUP-${String(i + 1).padStart(4, '0')}`,
			name,
			contact_name: p.fullName,
			phone: p.mobile,
			email: `orders${i + 1}@supplier.example`,
			tax_id: i % 2 === 0 ? `010555${String(1_000_000 + i)}` : null,
			address: `${p.street}, ${p.city}`,
			status: i === 4 ? 'INACTIVE' : 'ACTIVE',
			created_at: created,
			updated_at: created,
		};
		sim.suppliers.push({ seq: ++sim.seq, data });
	});
	const r = rng(123);
	const today = dayStart(sim.clock());
	const skus = allSkus(sim);
	for (let i = 0; i < 24; i++) {
		const orderedMs = today - (sim.settings.salesDays - i * 4) * DAY + 9 * 3_600_000;
		const branch = MEEDEE_BRANCHES[i % 2];
		const status = i === 23 ? 'DRAFT' : i === 22 ? 'ORDERED' : i === 7 ? 'CANCELLED' : 'RECEIVED';
		const id = uuid('meedee-po', i);
		const lines = Array.from({ length: 1 + Math.floor(r() * 3) }, (_, j) => {
			const sku = skus[(i * 3 + j) % skus.length];
			const qty = 24 * (1 + Math.floor(r() * 4));
			return {
				id: uuid('meedee-po-item', i * 10 + j),
				product_sku_id: sku.id,
				sku_code: sku.sku_code,
				sku_name: sku.sku_name,
				quantity: String(qty),
				received_quantity: status === 'RECEIVED' ? String(qty) : '0',
				unit_cost: sku.cost,
				line_total: dec(qty * cents(sku.cost)),
			} as Obj;
		});
		const subtotal = lines.reduce((n, l) => n + cents(l.line_total), 0);
		const tax = Math.round(subtotal * 0.07);
		const receivedMs = orderedMs + 3 * DAY;
		sim.purchaseOrders.push({
			seq: ++sim.seq,
			data: {
				id,
				po_number: `PO-${branch.code}-${String(i + 1).padStart(5, '0')}`,
				branch_id: branch.id,
				supplier_id: sim.suppliers[i % 6 === 4 ? 0 : i % 6].data.id,
				status,
				ordered_at: status === 'DRAFT' ? null : iso(orderedMs),
				expected_at: iso(orderedMs + 3 * DAY),
				received_at: status === 'RECEIVED' ? iso(receivedMs) : null,
				subtotal: dec(subtotal),
				tax: dec(tax),
				total: dec(subtotal + tax),
				note: null,
				created_at: iso(orderedMs),
				updated_at: iso(status === 'RECEIVED' ? receivedMs : orderedMs),
			},
		});
		sim.poItems.set(id, lines);
	}
}

export function receivePurchaseOrder(sim: MeeDeeSim, po: Row): void {
	for (const line of sim.poItems.get(String(po.data.id)) ?? []) {
		const level = sim.inventory.find((l) => l.data.branch_id === po.data.branch_id && l.data.product_sku_id === line.product_sku_id);
		if (level) moveStock(sim, level, Number(line.quantity), 'purchase', 'purchase_order', String(po.data.id), Date.parse(String(po.data.received_at)), false);
	}
}
