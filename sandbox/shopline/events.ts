/**
 * SHOPLINE simulator: the record each webhook topic carries, for `emit` (control action and the
 * simulator's own writes). The topic list is documented [PUB docs webhook-topic-and-payload-example];
 * which record a topic carries is read from its name and kept in this one marked place:
 *
 * [INF] `resource` is the Open API's own record of the topic's kind, as the matching GET answers it:
 *   user/…                    the customer (membership_tier_update: with its new membership_tier)
 *   member_point/create       the member points entry (Get Member Points' item)
 *   user_credit/create        the store credit entry (Get Store Credits' item)
 *   user_coupon/create        {customer_id, promotion{…}, created_at}
 *   customer_group/…          the customer group (Get Customer Group)
 *   order/…, order_payment/…, order_delivery/…, invoice/…, comment/payment_slip_upload   the order
 *   return_order/…, pos_return_order/…                                                  the return order
 *   product/…                 the product (inventory_update: with its current quantity)
 *   category/…                the category (Get Categories' item)
 *   merchant/update           the shop {id, handle, name, base_currency_iso}
 * The `id` given to emit names that record; for points, credit and coupons it may also be the
 * customer's id (their newest entry, or the shop's first coupon).
 */
import { groupJson } from './customerGroups';
import { creditJson, pointJson } from './loyalty';
import { CATEGORIES } from './catalog';
import { PROMOTIONS, SHOPLINE_DEMO } from './model';
import { returnOrderJson } from './returnOrders';
import type { ShoplineSim } from './index';

type Resource = Record<string, unknown> | undefined;

const ORDER_AREAS = ['order', 'order_payment', 'order_delivery', 'invoice', 'comment'];
const RETURN_AREAS = ['return_order', 'pos_return_order'];

function newestOf<T extends { id: string; customer_id: string; seq: number }>(rows: T[], id: string): T | undefined {
	return rows.find((r) => r.id === id) ?? rows.filter((r) => r.customer_id === id).sort((a, b) => b.seq - a.seq)[0];
}

function loyaltyResource(sim: ShoplineSim, area: string, id: string): Resource {
	if (area === 'member_point') {
		const point = newestOf(sim.memberPoints, id);
		return point && pointJson(point);
	}
	if (area === 'user_credit') {
		const credit = newestOf(sim.storeCredits, id);
		return credit && creditJson(sim, credit);
	}
	const customer = sim.customers.get(id);
	const promotion = PROMOTIONS[0];
	if (!customer) return undefined;
	return {
		customer_id: customer.id,
		promotion: { id: promotion.id, title_translations: promotion.title, codes: promotion.codes, coupon_type: promotion.coupon_type },
		created_at: sim.now(),
	};
}

/** The record `topic` carries for the record `id`, or undefined when the simulator has none. */
export function eventResource(sim: ShoplineSim, topic: string, id: string | null): Resource {
	const area = topic.split('/')[0];
	if (area === 'merchant') return { id: sim.merchantId(), handle: SHOPLINE_DEMO.userAgent, name: `${SHOPLINE_DEMO.userAgent} store`, base_currency_iso: sim.config.currency };
	if (!id) return undefined;
	if (area === 'user') {
		const c = sim.customers.get(id);
		return c && sim.customerJson(c);
	}
	if (['member_point', 'user_credit', 'user_coupon'].includes(area)) return loyaltyResource(sim, area, id);
	if (area === 'customer_group') {
		const g = sim.customerGroups.get(id);
		return g && groupJson(sim, g);
	}
	if (ORDER_AREAS.includes(area)) {
		const o = sim.orders.get(id);
		return o && sim.orderJson(o);
	}
	if (RETURN_AREAS.includes(area)) {
		const r = sim.returnOrders.get(id);
		return r && returnOrderJson(sim, r);
	}
	if (area === 'product') {
		const p = sim.products.get(id);
		return p && sim.productJson(p);
	}
	if (area === 'category') {
		const c = CATEGORIES.find((x) => x.id === id);
		return c && { ...c, status: topic === 'category/remove' ? 'removed' : 'active' };
	}
	return undefined;
}
