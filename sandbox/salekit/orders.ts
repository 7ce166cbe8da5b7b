/**
 * Salekit simulator: orders.
 *
 *   POST /order/create          create an order (documented for salekit.com; [INF] same on .io) → {error, msg:"OK", data}
 *   POST /order/update?id=ID    body {status: 0..7} (help.salekit.io/api-order) → {data, msg:"OK", error:false}
 *
 * Admin actions in the back office (control API): mark paid / unpaid, change the processing status.
 */
import { seededTime } from '../data';
import type { SimRequest } from '../core';
import { SALEKIT_MSG } from './messages';
import { emptyOrder, type Order, type OrderLine, salekitTime } from './model';
import { sync } from './sync';
import { asKind, type Body, EMAIL_RE, fail, Failure, firstNegative, isAbsent, isPhone, isStatus, type Kind, KIND_WORDS, readFields } from './validation';
import type { SalekitSim } from './index';

const ORDER_FIELDS: Record<string, Kind> = {
	website_id: 'string',
	total_price: 'number',
	discount: 'number',
	total_pay: 'number',
	revenue: 'number',
	ship_fee: 'number',
	pay_fee: 'number',
	full_name: 'string',
	phone: 'string',
	email: 'string',
	ref: 'string',
	ref_sub: 'string',
	src: 'string',
	province_id: 'int',
	district_id: 'int',
	ward_id: 'int',
	address: 'string',
	store_id: 'int',
	pay_type: 'int',
	pay_status: 'int',
	commission: 'number',
	status: 'int',
	sale_id: 'int',
	note: 'string',
	products: 'array',
};
const ORDER_REQUIRED = ['total_price', 'total_pay', 'full_name', 'phone', 'status', 'products'];
const ORDER_MONEY = ['total_price', 'discount', 'total_pay', 'revenue', 'ship_fee', 'pay_fee', 'commission'];

export function createOrder(sim: SalekitSim, body: Body): Record<string, unknown> | Failure {
	const read = readFields(body, ORDER_FIELDS, ORDER_REQUIRED, sim.options.strictTypes);
	if ('error' in read) return fail('validation', read.error);
	const v = read.values;
	const problem = checkOrderValues(sim, v) ?? checkPayTime(body.pay_time);
	if (problem) return fail('validation', problem);
	const lines = readLines(sim, v.products);
	if (typeof lines === 'string') return fail('validation', lines);

	const at = sim.now();
	const order: Order = {
		id: sim.nextOrderId++,
		website_id: v.website_id ?? null,
		total_price: v.total_price,
		discount: v.discount ?? null,
		total_pay: v.total_pay,
		revenue: v.revenue ?? null,
		ship_fee: v.ship_fee ?? null,
		pay_fee: v.pay_fee ?? null,
		full_name: v.full_name,
		phone: v.phone,
		email: v.email ?? null,
		ref: v.ref ?? null,
		ref_sub: v.ref_sub ?? null,
		src: v.src ?? null,
		province_id: v.province_id ?? null,
		district_id: v.district_id ?? null,
		ward_id: v.ward_id ?? null,
		address: v.address ?? null,
		store_id: v.store_id ?? null,
		pay_type: v.pay_type ?? null,
		pay_status: v.pay_status ?? 0,
		pay_time: isAbsent(body.pay_time) ? null : (body.pay_time as number | string),
		commission: v.commission ?? null,
		status: v.status,
		sale_id: v.sale_id ?? null,
		note: v.note ?? null,
		products: lines,
		created_at: at,
		updated_at: at,
	};
	sim.orders.push(order);
	if (sim.options.syncOnApiWrites) sync(sim, 'order_created', order);
	return { error: false, msg: SALEKIT_MSG.ok, data: structuredClone(order) };
}

function checkOrderValues(sim: SalekitSim, v: Record<string, any>): string | undefined {
	const negative = firstNegative(v, ORDER_MONEY);
	if (negative) return SALEKIT_MSG.negative(negative);
	if (!isStatus(v.status)) return SALEKIT_MSG.orderStatus;
	if (v.pay_status !== undefined && v.pay_status !== 0 && v.pay_status !== 1) return SALEKIT_MSG.payStatus;
	if (v.email !== undefined && sim.options.validateEmail && !EMAIL_RE.test(v.email)) return SALEKIT_MSG.email;
	if (sim.options.validatePhone && !isPhone(v.phone)) return SALEKIT_MSG.phone;
	return undefined;
}

/** pay_time is documented as "Timestamp": [INF] a Unix time in seconds or a date string. */
function checkPayTime(value: unknown): string | undefined {
	if (isAbsent(value)) return undefined;
	const ok = (typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && !Number.isNaN(Date.parse(value)));
	return ok ? undefined : SALEKIT_MSG.wrongType('pay_time', 'timestamp');
}

/** [INF] Lines: {product_id | sku, quantity, price?}; sku is used when product_id is not sent (as on combo/create). */
function readLines(sim: SalekitSim, items: unknown[]): OrderLine[] | string {
	if (items.length === 0) return SALEKIT_MSG.productsEmpty;
	const lines: OrderLine[] = [];
	for (let i = 0; i < items.length; i++) {
		const line = readLine(sim, items[i], i + 1);
		if (typeof line === 'string') return line;
		lines.push(line);
	}
	return lines;
}

function readLine(sim: SalekitSim, item: unknown, n: number): OrderLine | string {
	if (!item || typeof item !== 'object' || Array.isArray(item)) return SALEKIT_MSG.lineIdent(n);
	const raw = item as Body;
	const strict = sim.options.strictTypes;
	const productId = isAbsent(raw.product_id) ? undefined : asKind(raw.product_id, 'int', strict);
	if (!isAbsent(raw.product_id) && productId === undefined) return SALEKIT_MSG.wrongType(`products[${n - 1}].product_id`, KIND_WORDS.int);
	const sku = isAbsent(raw.sku) ? undefined : asKind(raw.sku, 'string', strict);
	if (!isAbsent(raw.sku) && sku === undefined) return SALEKIT_MSG.wrongType(`products[${n - 1}].sku`, KIND_WORDS.string);
	if (productId === undefined && sku === undefined) return SALEKIT_MSG.lineIdent(n);
	const quantity = asKind(raw.quantity, 'int', strict);
	if (typeof quantity !== 'number' || quantity < 1) return SALEKIT_MSG.lineQuantity(n);
	const price = isAbsent(raw.price) ? undefined : asKind(raw.price, 'number', strict);
	if (!isAbsent(raw.price) && (typeof price !== 'number' || price < 0)) return SALEKIT_MSG.linePrice(n);

	const product = productId !== undefined ? sim.products.find((p) => p.id === productId) : sim.products.find((p) => p.sku === sku);
	if (!product && sim.options.requireKnownProducts) return SALEKIT_MSG.lineUnknown(n);
	return {
		product_id: product?.id ?? (productId as number | undefined) ?? 0,
		sku: product?.sku ?? (sku as string | undefined) ?? null,
		name: product?.name ?? '',
		quantity,
		price: (price as number | undefined) ?? product?.price_sale ?? product?.unit_price ?? 0,
	};
}

// ----- POST /order/update?id= ---------------------------------------------------------------

export function updateOrder(sim: SalekitSim, req: SimRequest, body: Body): Record<string, unknown> | Failure {
	const rawId = Array.isArray(req.query.id) ? req.query.id[0] : req.query.id;
	if (!rawId || !/^\d+$/.test(rawId.trim())) return fail('validation', SALEKIT_MSG.orderId);
	const order = sim.orders.find((o) => o.id === Number(rawId));
	if (!order) return fail('notFound', SALEKIT_MSG.orderNotFound(rawId.trim()));
	const read = readFields(body, { status: 'int' }, ['status'], sim.options.strictTypes);
	if ('error' in read) return fail('validation', read.error);
	if (!isStatus(read.values.status)) return fail('validation', SALEKIT_MSG.orderStatus);

	setStatus(sim, order, read.values.status, sim.options.syncOnApiWrites);
	return { data: structuredClone(order), msg: SALEKIT_MSG.ok, error: false };
}

/** Changes the processing status; a real change is synced (an unchanged status is not, [INF]). */
function setStatus(sim: SalekitSim, order: Order, status: number, notify: boolean): void {
	if (order.status === status) return;
	order.status = status;
	order.updated_at = sim.now();
	if (notify) sync(sim, 'order_status_changed', order);
}

/** An admin marks an order paid (or unpaid): pay_status changes and the payment sync fires. */
export function markOrderPaid(sim: SalekitSim, id: number, payStatus: number): Order | undefined {
	const order = sim.orders.find((o) => o.id === id);
	if (!order || order.pay_status === payStatus) return order;
	order.pay_status = payStatus;
	order.pay_time = payStatus === 1 ? Math.floor(sim.options.now().getTime() / 1000) : null;
	order.updated_at = sim.now();
	sync(sim, 'order_payment_changed', order);
	return order;
}

/** An admin changes the processing status in the back office (always synced). */
export function changeOrderStatus(sim: SalekitSim, id: number, status: number): Order | undefined {
	const order = sim.orders.find((o) => o.id === id);
	if (order && isStatus(status)) setStatus(sim, order, status, true);
	return order;
}

/** Orders of the seeded audiences for the seeded products (so seeded after both). */
export function seedOrders(sim: SalekitSim, count: number): void {
	for (let i = 0; i < count; i++) {
		const a = sim.audiences[i % Math.max(1, sim.audiences.length)];
		const p = sim.products[i % sim.products.length];
		const quantity = 1 + (i % 3);
		const total = (p.price_sale ?? 0) * quantity;
		const at = salekitTime(new Date(seededTime(i + 60)));
		sim.orders.push({
			...emptyOrder(),
			id: sim.nextOrderId++,
			full_name: a?.full_name ?? 'Khách lẻ',
			phone: a?.phone ?? '0900000000',
			email: a?.email ?? null,
			address: a?.address ?? null,
			total_price: total,
			total_pay: total,
			status: i % 4,
			pay_status: i % 2,
			products: [{ product_id: p.id, sku: p.sku, name: p.name, quantity, price: p.price_sale ?? 0 }],
			created_at: at,
			updated_at: at,
		});
	}
}
