/**
 * Venio simulator: the product menu's other entries. Documented [PUB developer.gofive.co.th]:
 * POST /v1/products/getProduct (Get Products By Filter: productType 1301 product / 1302 bundle,
 * status[], take required; skip, productGroupIds, typeFor 1 sale / 2 inventory, smartSearch, orderBy)
 * and POST /v3/products/serials/verification (SerialNumber and PurchaseDate YYYY-MM-DD required;
 * CustomerCode or CustomerName; CustomerType, SaleOrderNo, Note, Latitude, Longtitude (sic)); the
 * menu names GET /v3/Products/serials/status.
 * [INF] Everything else: the ticket, properties and codeguard paths and bodies, the serial status
 * query key, serial states (1 not registered, 2 registered), one registration per serial, the
 * filter's status 1 = active / 0 = inactive (as "Get Products With Take & Status"), orderBy values.
 */
import { type SimRequest, type SimResponse } from '../core';
import { bkkTime, blank, invalid, isDay, objectBody, ok, oneOf, Problems, query1, strOrNull } from './helpers';
import type { VenioSim } from './index';
import { productOut } from './products';

interface Serial {
	serialNumber: string;
	productCode: string;
	statusId: 1 | 2;
	customerCode: string | null;
	customerName: string | null;
	customerType: number | null;
	saleOrderNo: string | null;
	note: string | null;
	latitude: number | null;
	longitude: number | null;
	purchaseDate: string | null;
	dateModified: number;
}

interface Ticket {
	ticketNo: string;
	productCode: string;
	serialNumber: string | null;
	subject: string;
	statusId: number;
	dateCreated: number;
}

const SERIAL_STATUS: Record<number, string> = { 1: 'Not registered', 2: 'Registered' };
const ORDER_FIELDS = ['productCode', 'productName', 'price'];
const PROPERTIES = [
	{ propertyId: 1, propertyName: 'Size', values: ['S', 'M', 'L'] },
	{ propertyId: 2, propertyName: 'Sweetness', values: ['0%', '50%', '100%'] },
	{ propertyId: 3, propertyName: 'Colour', values: ['Red', 'Green'] },
];

/** Serials, codeguard warranties and tickets: the state these routes keep (reset with the seed). */
export class ProductExtrasBook {
	serials = new Map<string, Serial>();
	warrantyMonths = new Map<string, number>();
	tickets: Ticket[] = [];

	reset(sim: VenioSim): void {
		this.serials.clear();
		this.warrantyMonths.clear();
		const codes = [...sim.products.keys()];
		const at = Date.UTC(2026, 0, 2, 3);
		for (let i = 1; i <= 6; i++) {
			this.serials.set(`SN-${String(i).padStart(4, '0')}`, {
				serialNumber: `SN-${String(i).padStart(4, '0')}`, productCode: sim.products.get(codes[0])!.productCode, statusId: 1, customerCode: null,
				customerName: null, customerType: null, saleOrderNo: null, note: null, latitude: null, longitude: null, purchaseDate: null, dateModified: at,
			});
		}
		this.tickets = [
			{ ticketNo: 'PT2601-0001', productCode: sim.products.get(codes[0])!.productCode, serialNumber: 'SN-0001', subject: 'Repair request', statusId: 1, dateCreated: at },
			{ ticketNo: 'PT2601-0002', productCode: sim.products.get(codes[1])!.productCode, serialNumber: null, subject: 'Question about stock', statusId: 2, dateCreated: at + 60_000 },
		];
	}
}

function serialOut(sim: VenioSim, s: Serial): Record<string, unknown> {
	const product = sim.products.get(s.productCode.toUpperCase());
	const months = sim.productExtras.warrantyMonths.get(s.productCode.toUpperCase()) ?? null;
	let warrantyExpireDate: string | null = null;
	if (months !== null && s.purchaseDate) {
		const d = new Date(`${s.purchaseDate}T00:00:00Z`);
		d.setUTCMonth(d.getUTCMonth() + months);
		warrantyExpireDate = d.toISOString().slice(0, 10);
	}
	const { dateModified, statusId, ...rest } = s;
	return { ...rest, productName: product?.productName ?? null, statusId, statusName: SERIAL_STATUS[statusId], warrantyMonths: months, warrantyExpireDate, dateModified: bkkTime(dateModified) };
}

function serial(sim: VenioSim, no: unknown): Serial {
	const found = sim.productExtras.serials.get(String(no).trim().toUpperCase());
	if (!found) throw sim.notFound('Serial number', String(no));
	return found;
}

/** POST /v1/products/getProduct */
export function productsByFilter(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	const intList = (v: unknown) => Array.isArray(v) && v.every((x) => Number.isInteger(x));
	p.check(oneOf(b.productType, [1301, 1302]), 'productType is required: 1301 (product) or 1302 (bundle)');
	p.check(intList(b.status) && b.status.length > 0 && b.status.every((s: number) => s === 0 || s === 1), 'status is required: a list of 0 (inactive) and 1 (active)');
	p.check(Number.isInteger(b.take) && b.take >= 1 && b.take <= sim.options.maxPageLength, `take is required and must be from 1 to ${sim.options.maxPageLength}`);
	p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
	p.check(b.typeFor === undefined || b.typeFor === null || oneOf(b.typeFor, [1, 2]), 'typeFor must be 1 (for sale) or 2 (for inventory)');
	p.check(b.productGroupIds === undefined || b.productGroupIds === null || intList(b.productGroupIds), 'productGroupIds must be a list of whole numbers');
	const order = blank(b.orderBy) ? undefined : String(b.orderBy).trim().split(/\s+/);
	p.check(!order || (ORDER_FIELDS.includes(order[0]) && (order.length === 1 || /^(asc|desc)$/i.test(order[1]))), `orderBy must be one of ${ORDER_FIELDS.join(', ')} followed by asc or desc`);
	p.done();
	const search = blank(b.smartSearch) ? '' : String(b.smartSearch).toLowerCase();
	const groups: number[] = b.productGroupIds ?? [];
	// Every simulated product is a plain product (1301): a bundle filter finds none.
	let list = b.productType === 1302 ? [] : [...sim.products.values()];
	list = list.filter(
		(x) =>
			(b.status as number[]).includes(x.status === 1 ? 1 : 0) &&
			(!groups.length || (x.productGroupId !== null && groups.includes(x.productGroupId))) &&
			`${x.productCode} ${x.productName} ${x.barcode ?? ''}`.toLowerCase().includes(search),
	);
	const [field, dir] = order ?? ['productCode', 'asc'];
	const sign = /^desc$/i.test(dir ?? '') ? -1 : 1;
	list.sort((x, y) => sign * (field === 'price' ? x.price - y.price : String(x[field as 'productCode']).localeCompare(String(y[field as 'productCode']))));
	const skip = b.skip ?? 0;
	return ok(list.slice(skip, skip + b.take).map((x) => ({ ...productOut(x), productType: 1301 })));
}

/** POST /v3/products/serials/verification: registers a serial to its buyer, once. */
export function verifySerial(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	p.check(!blank(b.SerialNumber), 'SerialNumber is required');
	p.check(!blank(b.CustomerCode) || !blank(b.CustomerName), 'CustomerCode or CustomerName is required');
	p.check(isDay(b.PurchaseDate), 'PurchaseDate is required (YYYY-MM-DD)');
	p.check(b.CustomerType === undefined || b.CustomerType === null || oneOf(b.CustomerType, [1, 2]), 'CustomerType must be 1 (business) or 2 (individual)');
	p.check(b.Latitude === undefined || b.Latitude === null || (typeof b.Latitude === 'number' && Math.abs(b.Latitude) <= 90), 'Latitude must be from -90 to 90');
	p.check(b.Longtitude === undefined || b.Longtitude === null || (typeof b.Longtitude === 'number' && Math.abs(b.Longtitude) <= 180), 'Longtitude must be from -180 to 180');
	p.done();
	const s = serial(sim, b.SerialNumber);
	if (s.statusId === 2) throw invalid([`serial number ${s.serialNumber} is already registered`]); // [INF] wording
	const customer = blank(b.CustomerCode) ? undefined : sim.customer(String(b.CustomerCode));
	Object.assign(s, {
		statusId: 2, customerCode: customer?.customerCode ?? null, customerName: customer?.customerName ?? String(b.CustomerName).trim(),
		customerType: b.CustomerType ?? null, saleOrderNo: strOrNull(b.SaleOrderNo), note: strOrNull(b.Note), latitude: b.Latitude ?? null,
		longitude: b.Longtitude ?? null, purchaseDate: b.PurchaseDate, dateModified: sim.now(),
	});
	return ok(serialOut(sim, s));
}

/** GET /v3/products/serials/status?serialNumber= */
export function serialStatus(sim: VenioSim, req: SimRequest): SimResponse {
	const no = query1(req.query.serialNumber);
	if (blank(no)) throw invalid(['serialNumber is required']);
	return ok(serialOut(sim, serial(sim, no)));
}

/** POST /v3/products/codeguard {productCode, serialNumbers[], warrantyMonths?}: keyed by productCode; serials are added, never removed. */
export function upsertCodeguard(sim: VenioSim, req: SimRequest): SimResponse {
	const b = objectBody(req);
	const p = new Problems();
	p.check(!blank(b.productCode), 'productCode is required');
	const serials = Array.isArray(b.serialNumbers) ? b.serialNumbers.map((x: unknown) => String(x).trim()) : [];
	p.check(serials.length > 0 && serials.every((x: string) => x !== ''), 'serialNumbers is required: at least one serial number');
	p.check(new Set(serials.map((x: string) => x.toUpperCase())).size === serials.length, 'serialNumbers must not repeat');
	p.check(b.warrantyMonths === undefined || (Number.isInteger(b.warrantyMonths) && b.warrantyMonths >= 0 && b.warrantyMonths <= 120), 'warrantyMonths must be a whole number from 0 to 120');
	p.done();
	const product = sim.product(String(b.productCode));
	const book = sim.productExtras;
	const taken = serials.filter((x: string) => {
		const s = book.serials.get(x.toUpperCase());
		return s && s.productCode.toUpperCase() !== product.productCode.toUpperCase();
	});
	if (taken.length) throw invalid([`serial number ${taken.join(', ')} belongs to another product`]);
	for (const x of serials) {
		if (book.serials.has(x.toUpperCase())) continue;
		book.serials.set(x.toUpperCase(), {
			serialNumber: x, productCode: product.productCode, statusId: 1, customerCode: null, customerName: null, customerType: null,
			saleOrderNo: null, note: null, latitude: null, longitude: null, purchaseDate: null, dateModified: sim.now(),
		});
	}
	if (b.warrantyMonths !== undefined) book.warrantyMonths.set(product.productCode.toUpperCase(), b.warrantyMonths);
	const own = [...book.serials.values()].filter((s) => s.productCode.toUpperCase() === product.productCode.toUpperCase()).map((s) => s.serialNumber);
	return ok({ productCode: product.productCode, productName: product.productName, warrantyMonths: book.warrantyMonths.get(product.productCode.toUpperCase()) ?? null, serialNumbers: own });
}

function ticket(sim: VenioSim, no: string): SimResponse {
	const t = sim.productExtras.tickets.find((x) => x.ticketNo.toUpperCase() === no.trim().toUpperCase());
	if (!t) throw sim.notFound('Product ticket', no);
	const { dateCreated, ...rest } = t;
	return ok({ ...rest, productName: sim.products.get(t.productCode.toUpperCase())?.productName ?? null, dateCreated: bkkTime(dateCreated) });
}

/** Registered before GET /v3/products/{productCode}, which would otherwise take "properties". */
export const PRODUCT_EXTRA_ROUTES = [
	['productProperties', 'GET', '/v3/products/properties', () => ok(structuredClone(PROPERTIES))],
	['productTicket', 'GET', '/v3/products/tickets/:ticketNo', (sim: VenioSim, r: SimRequest) => ticket(sim, r.params.ticketNo)],
	['productFilter', 'POST', '/v1/products/getProduct', (sim: VenioSim, r: SimRequest) => productsByFilter(sim, r)],
	['serialVerify', 'POST', '/v3/products/serials/verification', (sim: VenioSim, r: SimRequest) => verifySerial(sim, r)],
	['serialStatus', 'GET', '/v3/products/serials/status', (sim: VenioSim, r: SimRequest) => serialStatus(sim, r)],
	['codeguardUpsert', 'POST', '/v3/products/codeguard', (sim: VenioSim, r: SimRequest) => upsertCodeguard(sim, r)],
] as const;
