/** Venio simulator: products (/v3/products), stock per warehouse. */
import { intParam, type SimRequest, type SimResponse } from '../core';
import { type Product } from './model';
import { bkkTime, blank, objectBody, ok, oneOf, Problems, query1, strOrNull } from './helpers';
import type { VenioSim } from './index';

export function productOut(p: Product): Record<string, unknown> {
	const { dateCreated, dateModified, ...rest } = structuredClone(p);
	const stockQty = p.stocks.reduce((sum, s) => sum + s.qty, 0);
	return { ...rest, stockQty, dateCreated: bkkTime(dateCreated), dateModified: bkkTime(dateModified) };
}

/** [INF] Upsert by productCode; unitName / productGroupName must be known (see /v1/products/units, groups). */
export function upsertProduct(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const existing = blank(b.productCode) ? undefined : sim.products.get(String(b.productCode).toUpperCase());
	const p = new Problems();
	p.check(!blank(b.productCode), 'productCode is required');
	if (!existing) p.check(!blank(b.productName), 'productName is required');
	for (const f of ['price', 'vatTaxValue']) p.check(b[f] === undefined || (typeof b[f] === 'number' && b[f] >= 0), `${f} must be 0 or more`);
	p.check(b.status === undefined || oneOf(b.status, [1, 2]), 'status must be 1 (active) or 2 (inactive)');
	const unit = sim.units.find((u) => u.unitName === b.unitName || u.unitId === b.unitId);
	if (b.unitName !== undefined || b.unitId !== undefined) p.check(!!unit, `unit ${b.unitName ?? b.unitId} not found`);
	const group = sim.groups.find((g) => g.productGroupName === b.productGroupName || g.productGroupId === b.productGroupId);
	if (b.productGroupName !== undefined || b.productGroupId !== undefined) p.check(!!group, `product group ${b.productGroupName ?? b.productGroupId} not found`);
	p.done();
	const now = sim.now();
	const product: Product = existing ?? {
		productId: ++sim.seq.product, productCode: String(b.productCode).trim(), productName: '', productDescription: null, price: 0,
		unitId: sim.units[0].unitId, unitName: sim.units[0].unitName, productGroupId: null, productGroupName: null, barcode: null,
		vatTaxValue: 7, status: 1, stocks: [], dateCreated: now, dateModified: now,
	};
	for (const f of ['productName', 'productDescription', 'barcode'] as const) if (b[f] !== undefined) product[f] = strOrNull(b[f]) as string;
	for (const f of ['price', 'vatTaxValue', 'status'] as const) if (b[f] !== undefined) product[f] = b[f];
	if (unit) Object.assign(product, unit);
	if (group) Object.assign(product, group);
	product.dateModified = Math.max(now, existing ? existing.dateModified + 1 : now);
	sim.products.set(product.productCode.toUpperCase(), product);
	return ok(productOut(product), existing ? 200 : 201);
}

/** GET /v3/products?take=&status=&skip=&keyword=&groupId= */
export function listProducts(sim: VenioSim, req: SimRequest): SimResponse {
	const take = intParam(req.query.take, 20, 1, sim.options.maxPageLength); // [INF] default 20
	const skip = intParam(req.query.skip, 0, 0, Number.MAX_SAFE_INTEGER);
	const status = intParam(req.query.status, 0, 1, 2);
	const groupId = intParam(req.query.groupId, 0, 1, Number.MAX_SAFE_INTEGER);
	const p = new Problems();
	for (const [name, value] of Object.entries({ take, skip, status, groupId })) p.check(typeof value === 'number', `${name} ${value}`);
	p.done();
	const keyword = String(query1(req.query.keyword) ?? '').toLowerCase();
	const list = [...sim.products.values()].filter(
		(x) => (!status || x.status === status) && (!groupId || x.productGroupId === groupId) && `${x.productCode} ${x.productName}`.toLowerCase().includes(keyword),
	);
	return ok(list.slice(skip as number, (skip as number) + (take as number)).map((x) => productOut(x)));
}

/** [INF] {qty, warehouseCode}: sets that warehouse's on-hand quantity. */
export function updateStock(sim: VenioSim, req: SimRequest): SimResponse {
	const product = sim.product(req.params.productCode);
	const b = objectBody(req);
	const p = new Problems();
	p.check(typeof b.qty === 'number' && Number.isFinite(b.qty) && b.qty >= 0, 'qty is required and must be 0 or more');
	p.check(sim.warehouses.includes(b.warehouseCode), `warehouseCode is required: one of ${sim.warehouses.join(', ')}`);
	p.done();
	const stock = product.stocks.find((s) => s.warehouseCode === b.warehouseCode);
	if (stock) stock.qty = b.qty;
	else product.stocks.push({ warehouseCode: b.warehouseCode, qty: b.qty });
	product.dateModified = Math.max(sim.now(), product.dateModified + 1);
	return ok(productOut(product));
}
