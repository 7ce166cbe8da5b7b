/** SHOPLINE simulator: Create Order's documented rules and the new order record; cancel body rules. */
import { type SimResponse } from '../core';
import { invalid, isPlainObject, isValidEmail, objectId, toCents } from './helpers';
import { ALLOWED_PAYMENT_TYPES, DELIVERY_OPTIONS, type OrderRec, PAYMENT_METHODS } from './model';
import { currentPriceCents } from './products';
import type { ShoplineSim } from './index';

export function validateOrder(sim: ShoplineSim, order: Record<string, any>): SimResponse | undefined {
	for (const field of ['delivery_option_id', 'payment_method_id', 'subtotal', 'total', 'items', 'delivery_address']) {
		if (order[field] === undefined || order[field] === null || order[field] === '') return invalid(field, `${field} is required`);
	}
	if (!order.customer_id && !order.customer_email) return invalid('customer_id', 'customer_id or customer_email is required');
	const checks = [
		() => checkDeliveryOption(order.delivery_option_id),
		() => checkPaymentMethod(order.payment_method_id),
		() => (isPlainObject(order.delivery_address) ? undefined : invalid('delivery_address', 'delivery_address must be an object')),
		() => checkOrderCustomer(sim, order),
		() => checkOrderItems(sim, order.items),
		() => checkOrderTotals(order),
	];
	for (const check of checks) {
		const error = check();
		if (error) return error;
	}
	return undefined;
}

export function checkOrderCustomer(sim: ShoplineSim, order: Record<string, any>): SimResponse | undefined {
	if (order.customer_id && !sim.customers.has(String(order.customer_id))) {
		return invalid('customer_id', `Customer ${order.customer_id} not found`);
	}
	if (order.customer_email && !isValidEmail(String(order.customer_email))) return invalid('customer_email', 'customer_email is invalid');
	return undefined;
}

export function checkOrderItems(sim: ShoplineSim, items: unknown): SimResponse | undefined {
	if (!Array.isArray(items) || !items.length) return invalid('items', 'items must be a non-empty array');
	for (let i = 0; i < items.length; i++) {
		const error = checkOrderItem(sim, items[i], `items[${i}]`);
		if (error) return error;
	}
	return undefined;
}

export function checkOrderItem(sim: ShoplineSim, item: any, at: string): SimResponse | undefined {
	if (!isPlainObject(item)) return invalid(at, `${at} must be an object`);
	for (const field of ['item_type', 'item_id', 'item_price', 'quantity', 'total']) {
		if (item[field] === undefined || item[field] === null || item[field] === '') return invalid(`${at}.${field}`, `${at}.${field} is required`);
	}
	if (item.item_type !== 'Product') return invalid(`${at}.item_type`, `${at}.item_type must be Product`);
	const product = sim.products.get(String(item.item_id));
	if (!product || product.status !== 'active') return invalid(`${at}.item_id`, `Product ${item.item_id} not found`);
	const variation = product.variations.find((v) => v.id === item.variation_id);
	if (item.variation_id && !variation) return invalid(`${at}.variation_id`, `Variation ${item.variation_id} not found in product ${product.id}`);
	if (!item.variation_id && product.variations.length) return invalid(`${at}.variation_id`, `${at}.variation_id is required for a product with variations`); // [INF]
	if (!Number.isInteger(item.quantity) || item.quantity < 1) return invalid(`${at}.quantity`, `${at}.quantity must be a whole number above 0`);
	const priceCents = currentPriceCents(product, variation);
	if (toCents(item.item_price) !== priceCents) {
		return invalid(`${at}.item_price`, `${at}.item_price must equal the current price ${priceCents / 100}`);
	}
	if (toCents(item.total) !== priceCents * item.quantity) return invalid(`${at}.total`, `${at}.total must equal item_price × quantity`); // [INF]
	return undefined;
}

export function checkOrderTotals(order: Record<string, any>): SimResponse | undefined {
	if (typeof order.subtotal !== 'number' || order.subtotal < 0) return invalid('subtotal', 'subtotal must be a number');
	if (typeof order.total !== 'number' || order.total < 0) return invalid('total', 'total must be a number');
	const sum = (order.items as any[]).reduce((acc, i) => acc + toCents(i.total), 0);
	if (toCents(order.subtotal) !== sum) return invalid('subtotal', 'subtotal must equal the sum of the items\' totals'); // [INF]
	return undefined;
}

export function newOrder(sim: ShoplineSim, order: Record<string, any>): OrderRec {
	const seq = ++sim.counter;
	const now = sim.now();
	const email = order.customer_email ? String(order.customer_email).toLowerCase() : null;
	const customer = order.customer_id
		? sim.customers.get(String(order.customer_id))
		: [...sim.customers.values()].find((c) => c.email === email);
	return {
		id: objectId(Date.now(), 0x0d, 0x100000 + seq),
		seq: 1_000_000 + seq,
		seeded: false,
		order_number: `${now.slice(0, 10).replace(/-/g, '')}${String(900000 + seq).padStart(8, '0')}`,
		status: 'pending',
		archived: false,
		customer_id: customer?.id ?? null, // [INF] unknown customer_email → guest order
		customer_name: order.customer_name ?? customer?.name ?? null,
		customer_email: email ?? customer?.email ?? null,
		customer_phone: order.customer_phone ?? customer?.mobile_phone ?? null,
		customer_phone_country_code: order.customer_phone_country_code ?? customer?.mobile_phone_country_calling_code ?? null,
		items: (order.items as any[]).map((i, n) => ({
			id: objectId(Date.now(), 0x1e, seq * 100 + n),
			productId: String(i.item_id),
			variationId: i.variation_id ? String(i.variation_id) : null,
			priceCents: toCents(i.item_price),
			quantity: i.quantity,
		})),
		subtotalCents: toCents(order.subtotal),
		totalCents: toCents(order.total),
		userCreditCents: Number.isInteger(order.user_credit) ? order.user_credit * 100 : 0,
		order_points: typeof order.member_point === 'number' ? order.member_point : 0,
		delivery_address: { ...order.delivery_address },
		delivery_option_id: String(order.delivery_option_id),
		payment_method_id: String(order.payment_method_id),
		order_remarks: order.order_remarks ?? null,
		created_by: 'openapi',
		created_at: now,
		updated_at: now,
		cancelled_at: null,
		cancelled_reason: null,
		credits_reverted: false,
		member_points_reverted: false,
	};
}

export function checkDeliveryOption(id: unknown): SimResponse | undefined {
	const option = DELIVERY_OPTIONS.find((d) => d.id === id);
	if (!option) return invalid('delivery_option_id', `Delivery option ${String(id)} not found`);
	if (option.third_party) return invalid('delivery_option_id', 'Third-party logistics are not supported by Create Order');
	return undefined;
}

export function checkPaymentMethod(id: unknown): SimResponse | undefined {
	const method = PAYMENT_METHODS.find((p) => p.id === id);
	if (!method) return invalid('payment_method_id', `Payment method ${String(id)} not found`);
	if (!ALLOWED_PAYMENT_TYPES.includes(method.type)) {
		return invalid('payment_method_id', 'Third-party payments and SHOPLINE Payments are not supported by Create Order');
	}
	return undefined;
}

export function checkCancelBody(body: Record<string, any>): SimResponse | undefined {
	for (const field of ['revert_credits', 'revert_member_points']) {
		const strategy = body[field]?.strategy;
		if (body[field] !== undefined && strategy !== 'none' && strategy !== 'revert') {
			return invalid(`${field}.strategy`, `${field}.strategy must be none or revert`);
		}
	}
	if (body.operated_by !== undefined && body.operated_by !== 'merchant' && body.operated_by !== 'customer') {
		return invalid('operated_by', 'operated_by must be merchant or customer');
	}
	for (const field of ['refund_order', 'mail_notify']) {
		if (body[field] !== undefined && typeof body[field] !== 'boolean') return invalid(field, `${field} must be a boolean`);
	}
	if (body.cancelled_reason !== undefined && !isPlainObject(body.cancelled_reason)) {
		return invalid('cancelled_reason', 'cancelled_reason must be an object {key, message}');
	}
	return undefined;
}
