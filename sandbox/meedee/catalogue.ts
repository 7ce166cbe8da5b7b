/** MeeDee POS simulator: products, inventory levels and stock movements (lists, seed, stock moves). */
import { rng, type SimRequest, type SimResponse } from '../core';
import { PRODUCTS, seededTime } from '../data';
import { branchFilter } from './auth';
import { boolParam, dateParam, enumParam, invalid, searchParam, toEnd, uuidParam } from './helpers';
import { type Grant, MEEDEE_BRANCHES, MOVEMENT_TYPES, type Obj, type Row, dec, iso, uuid } from './model';
import { page } from './paging';
import type { MeeDeeSim } from './index';

export function listProducts(sim: MeeDeeSim, req: SimRequest): SimResponse {
	const q = searchParam(req);
	const active = boolParam(req, 'is_active');
	const keep = (p: Obj) =>
		(active === undefined || p.is_active === active) &&
		(q === undefined ||
			String(p.name).toLowerCase().includes(q) ||
			String(p.product_code).toLowerCase().includes(q) ||
			(p.skus as Obj[]).some((s) => String(s.sku_code).toLowerCase().includes(q)));
	return page(req, 'products', sim.products, keep);
}

export function listInventory(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const branches = branchFilter(req, grant);
	const sku = uuidParam(req, 'product_sku_id');
	const low = boolParam(req, 'low_stock');
	const keep = (l: Obj) =>
		branches.has(String(l.branch_id)) &&
		(sku === undefined || l.product_sku_id === sku) &&
		(low === undefined || (Number(l.quantity_on_hand) <= Number(l.reorder_point)) === low);
	return page(req, 'inventory', sim.inventory, keep);
}

export function listMovements(sim: MeeDeeSim, req: SimRequest, grant: Grant): SimResponse {
	const branches = branchFilter(req, grant);
	const sku = uuidParam(req, 'product_sku_id');
	const type = enumParam(req, 'movement_type', MOVEMENT_TYPES);
	const from = dateParam(req, 'from');
	const to = dateParam(req, 'to');
	if (from && to && from.ms > to.ms) throw invalid('from must not be after to');
	const keep = (m: Obj) => {
		const at = Date.parse(String(m.created_at));
		return (
			branches.has(String(m.branch_id)) &&
			(sku === undefined || m.product_sku_id === sku) &&
			(type === undefined || m.movement_type === type) &&
			(!from || at >= from.ms) &&
			(!to || at <= toEnd(to))
		);
	};
	return page(req, 'inventory-movements', sim.movements, keep);
}

export function allSkus(sim: MeeDeeSim): Obj[] {
	return sim.products.flatMap((p) => p.data.skus as Obj[]);
}

export function seedCatalogue(sim: MeeDeeSim): void {
	sim.products = [];
	sim.inventory = [];
	sim.movements = [];
	const catalogue = [...PRODUCTS, { code: 'P-MATCHA', name: 'ชาเขียวมัทฉะ (seasonal)', price: 60 }];
	const categories = ['Drinks', 'Food', 'Drinks', 'Dessert', 'Dessert', 'Food', 'Drinks']; // [INF]
	catalogue.forEach((item, i) => {
		const created = seededTime(i * 60);
		const skus = ['Regular', 'Large'].map((size, j) => ({
			id: uuid('meedee-sku', i * 2 + j),
			sku_code: `${item.code.slice(2)}-${size[0]}`,
			sku_name: `${item.name} (${size})`,
			price: dec((item.price + j * 10) * 100),
			cost: dec((item.price + j * 10) * 40),
			barcode: `885${String(1_000_000_000 + i * 2 + j)}`,
			is_active: true,
		}));
		const data: Obj = { id: uuid('meedee-product', i), product_code: item.code, name: item.name, category_name: categories[i], is_active: item.code !== 'P-MATCHA', skus, created_at: created, updated_at: created };
		sim.products.push({ seq: ++sim.seq, data });
	});
	const r = rng(99);
	for (const branch of MEEDEE_BRANCHES) {
		for (const [i, sku] of allSkus(sim).entries()) {
			const product = sim.products.find((p) => (p.data.skus as Obj[]).includes(sku))!.data;
			const qty = i % 7 === 3 ? 0 : 5 + Math.floor(r() * 150);
			const data: Obj = {
				id: uuid(`meedee-stock-${branch.code}`, i),
				branch_id: branch.id,
				product_id: product.id,
				product_sku_id: sku.id,
				sku_code: sku.sku_code,
				sku_name: sku.sku_name,
				product_name: product.name,
				quantity_on_hand: dec(qty * 100),
				reorder_point: '10',
				unit_cost: sku.cost,
				updated_at: seededTime(i),
			};
			sim.inventory.push({ seq: ++sim.seq, data });
		}
	}
}

/** Records a movement; `apply` also changes the level (seeded history leaves levels as seeded). */
export function moveStock(sim: MeeDeeSim, level: Row, qty: number, type: string, refType: string | null, refId: string | null, atMs: number, apply = true): void {
	sim.movements.push({
		seq: ++sim.seq,
		data: {
			id: uuid('meedee-movement', sim.movements.length),
			branch_id: level.data.branch_id,
			product_sku_id: level.data.product_sku_id,
			sku_code: level.data.sku_code,
			movement_type: type,
			quantity: dec(qty * 100),
			reference_type: refType,
			reference_id: refId,
			created_at: iso(atMs),
		},
	});
	if (apply) {
		level.data.quantity_on_hand = dec(Number(level.data.quantity_on_hand) * 100 + qty * 100);
		level.data.updated_at = iso(atMs);
	}
}
