/**
 * SHOPLINE records in the pack's common shapes. Money objects `{cents, dollars, currency_iso, …}`
 * become numbers with a currency, and `*_translations` objects become one text in the chosen
 * language (falling back to any language present). Times stay as SHOPLINE wrote them (UTC, with Z);
 * a birthday stays a calendar date.
 */
import type { IDataObject } from 'n8n-workflow';

import { textOrNull, toAmount, type CommonAddress, type CommonCustomer, type CommonOrder, type CommonOrderLine, type CommonProduct } from '../shared/shapes';
import { e164Of } from './phones';

export const LANGUAGES = [
	{ name: 'Chinese (Traditional)', value: 'zh-hant' },
	{ name: 'English', value: 'en' },
	{ name: 'Thai', value: 'th' },
	{ name: 'Vietnamese', value: 'vi' },
];

const FALLBACK = ['en', 'zh-hant', 'zh-cn', 'zh-hk', 'th', 'vi'];

const asObject = (v: unknown): IDataObject | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as IDataObject) : undefined);

/** One text from a translations object: the chosen language, else English, Chinese, Thai, Vietnamese, else any. */
export function translated(value: unknown, language: string): string | null {
	if (typeof value === 'string') return textOrNull(value);
	const t = asObject(value);
	if (!t) return null;
	const pick = (v: unknown) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string' && x).join(', ') : textOrNull(v));
	for (const lang of [language, ...FALLBACK]) {
		const text = pick(t[lang]);
		if (text) return text;
	}
	for (const v of Object.values(t)) {
		const text = pick(v);
		if (text) return text;
	}
	return null;
}

/** A money object (or a plain number/decimal string) as a number. */
export function amountOf(value: unknown): number | null {
	const money = asObject(value);
	if (!money) return toAmount(value);
	const dollars = toAmount(money.dollars);
	if (dollars !== null) return dollars;
	const cents = toAmount(money.cents);
	return cents === null ? null : cents / 100;
}

export function currencyOf(...values: unknown[]): string | null {
	for (const v of values) {
		const iso = typeof v === 'string' ? v : asObject(v)?.currency_iso;
		if (typeof iso === 'string' && iso) return iso;
	}
	return null;
}

function toCommonAddress(value: unknown): CommonAddress | null {
	const a = asObject(value);
	if (!a) return null;
	return {
		line1: textOrNull(a.address_1),
		line2: textOrNull(a.address_2),
		city: textOrNull(a.city),
		state: textOrNull(a.state ?? a.district),
		postcode: textOrNull(a.postcode),
		country: textOrNull(a.country),
	};
}

export function toCommonCustomer(raw: IDataObject): CommonCustomer {
	const addresses = Array.isArray(raw.delivery_addresses) ? raw.delivery_addresses : [];
	const phones = Array.isArray(raw.phones) ? raw.phones : [];
	return {
		source: 'shopline',
		id: String(raw.id ?? ''),
		code: null,
		name: textOrNull(raw.name),
		firstName: null,
		lastName: null,
		email: textOrNull(raw.email),
		phone: e164Of(raw.mobile_phone, raw.mobile_phone_country_calling_code) ?? e164Of(raw.phone ?? phones[0], raw.phone_country_code),
		address: toCommonAddress(addresses[0]),
		birthday: textOrNull(raw.birthday),
		tags: Array.isArray(raw.tags) ? raw.tags.map(String) : [],
		createdAt: textOrNull(raw.created_at),
		updatedAt: textOrNull(raw.updated_at),
	};
}

function toCommonLine(raw: unknown, language: string): CommonOrderLine {
	const item = asObject(raw) ?? {};
	const title = translated(item.title_translations, language);
	const variation = translated(item.fields_translations, language);
	return {
		sku: textOrNull(item.sku),
		name: title && variation ? `${title} (${variation})` : (title ?? variation),
		quantity: toAmount(item.quantity) ?? 0,
		unitPrice: amountOf(item.item_price ?? item.price),
		discount: null,
		total: amountOf(item.total),
	};
}

export function toCommonOrder(raw: IDataObject, language: string): CommonOrder {
	const lines = Array.isArray(raw.subtotal_items) ? raw.subtotal_items : [];
	return {
		source: 'shopline',
		id: String(raw.id ?? ''),
		number: textOrNull(raw.order_number),
		date: textOrNull(raw.created_at),
		status: textOrNull(raw.status),
		customer: {
			id: textOrNull(raw.customer_id),
			code: null,
			name: textOrNull(raw.customer_name),
			email: textOrNull(raw.customer_email),
			phone: e164Of(raw.customer_phone, raw.customer_phone_country_code),
		},
		lines: lines.map((l) => toCommonLine(l, language)),
		subtotal: amountOf(raw.subtotal),
		// [INF] discount and delivery fee keys from the public SDK; absent in what the docs show.
		discount: amountOf(raw.total_discounts ?? null),
		tax: null,
		shipping: amountOf(raw.order_delivery_fee ?? null),
		total: amountOf(raw.total),
		currency: currencyOf(raw.currency_iso, raw.total, raw.subtotal),
		createdAt: textOrNull(raw.created_at),
		updatedAt: textOrNull(raw.updated_at),
	};
}

/** A product in the common product shape: title in one language, prices as numbers with their currency. */
export function toCommonProduct(raw: IDataObject, language: string): CommonProduct {
	const sale = amountOf(raw.price_sale);
	const variations = Array.isArray(raw.variations) ? raw.variations : [];
	return {
		source: 'shopline',
		id: String(raw.id ?? ''),
		sku: textOrNull(raw.sku),
		name: translated(raw.title_translations, language),
		status: textOrNull(raw.status),
		price: amountOf(raw.price),
		// SHOPLINE sends a zero sale price when the product is not on sale.
		salePrice: sale ? sale : null,
		currency: currencyOf(raw.price, raw.price_sale),
		stock: toAmount(raw.quantity),
		variations: variations.map((v) => {
			const variation = asObject(v) ?? {};
			const vSale = amountOf(variation.price_sale);
			return {
				id: String(variation.id ?? ''),
				sku: textOrNull(variation.sku),
				name: translated(variation.fields_translations, language),
				price: amountOf(variation.price),
				salePrice: vSale ? vSale : null,
				stock: toAmount(variation.quantity),
			};
		}),
		createdAt: textOrNull(raw.created_at),
		updatedAt: textOrNull(raw.updated_at),
	};
}
