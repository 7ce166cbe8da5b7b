/**
 * Map Automatically for SHOPLINE customers, orders and products: a record in the pack's common shape
 * (from Venio, MeeDee POS, Salekit or SHOPLINE) as SHOPLINE's body. The E.164 phone is split into
 * number and country calling code by the same code that handles typed phones.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CommonCustomerInput, CommonOrderInput, CommonProductInput } from '../shared/shapes';

const SOURCES = { venio: 'Venio CRM', meedee: 'MeeDee POS', shopline: 'SHOPLINE', salekit: 'Salekit' } as const;

export function shoplineCustomerFromCommon(c: CommonCustomerInput): IDataObject {
	const a = c.address;
	const hasAddress = !!a && [a.line1, a.line2, a.city, a.postcode, a.country].some(Boolean);
	return {
		name: c.name ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || undefined),
		email: c.email ?? undefined,
		mobile_phone: c.phone ?? undefined,
		birthday: c.birthday ?? undefined,
		tags: c.tags,
		memo: c.source && c.source !== 'shopline' ? `From ${SOURCES[c.source]}${c.code ? ` (${c.code})` : ''}` : undefined,
		delivery_addresses: hasAddress
			? [
					{
						recipient_name: c.name ?? undefined,
						address_1: a?.line1 ?? undefined,
						address_2: a?.line2 ?? undefined,
						city: a?.city ?? undefined,
						postcode: a?.postcode ?? undefined,
						country: a?.country ?? undefined,
					},
				]
			: undefined,
	};
}

export interface CatalogueEntry {
	item_id: string;
	variation_id?: string;
	/** The current price SHOPLINE requires an order line to carry. */
	item_price: number;
}

/** SKU → product (or variation) and its current price, from SHOPLINE's product list. */
export function catalogueBySku(products: IDataObject[]): Map<string, CatalogueEntry> {
	const dollars = (money: unknown) => Number((money as { dollars?: unknown } | undefined)?.dollars ?? Number.NaN);
	const current = (p: IDataObject) => (dollars(p.price_sale) > 0 ? dollars(p.price_sale) : dollars(p.price));
	const bySku = new Map<string, CatalogueEntry>();
	for (const product of products) {
		if (typeof product.sku === 'string' && product.sku) bySku.set(product.sku, { item_id: String(product.id), item_price: current(product) });
		for (const variation of (product.variations as IDataObject[] | undefined) ?? []) {
			if (typeof variation.sku === 'string' && variation.sku) {
				bySku.set(variation.sku, { item_id: String(product.id), variation_id: String(variation.id), item_price: current(variation) });
			}
		}
	}
	return bySku;
}

/** A common-shape order as SHOPLINE's order fields; lines are matched to products by SKU. */
export function shoplineOrderFromCommon(o: CommonOrderInput, catalogue: Map<string, CatalogueEntry>): IDataObject {
	const customer = o.customer?.email ?? (o.source === 'shopline' ? (o.customer?.id ?? undefined) : undefined);
	return {
		customer: customer ?? undefined,
		customer_phone: o.customer?.phone ?? undefined,
		total: o.total ?? undefined,
		order_remarks: o.source && o.source !== 'shopline' && o.number ? `${SOURCES[o.source]} order ${o.number}` : undefined,
		items: (o.lines ?? []).map((line) => {
			const match = line.sku ? catalogue.get(line.sku) : undefined;
			// An unknown SKU is left without a product so the check names the line and field.
			return match ? { ...match, quantity: line.quantity } : { quantity: line.quantity };
		}),
	};
}

/**
 * A common-shape product as SHOPLINE's Create Product fields: name → Title (in the Title
 * Language), SKU, price, sale price and stock. Status is not mapped: being sold at a till or
 * listed in a CRM does not say whether to publish online (set it under Additional Fields).
 */
export function shoplineProductFromCommon(p: CommonProductInput): IDataObject {
	return {
		title: p.name ?? undefined,
		sku: p.sku ?? undefined,
		price: p.price ?? undefined,
		price_sale: p.salePrice ?? undefined,
		quantity: p.stock ?? undefined,
	};
}

/** Update Product takes neither price nor stock (SHOPLINE changes them through their own endpoints). */
export function shoplineProductUpdateFromCommon(p: CommonProductInput): IDataObject {
	return { title: p.name ?? undefined, sku: p.sku ?? undefined };
}
