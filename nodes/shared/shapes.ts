/**
 * One shape for customers, orders and products across the four vendors. Every node's Simplify output uses
 * it, and every customer/order write can map from it, so a SHOPLINE customer dropped into Venio
 * "Create or Update" needs no hand mapping. Types and zod schemas are defined together here.
 */
import { z } from 'zod';

export const VENDORS = ['venio', 'meedee', 'shopline', 'salekit'] as const;
export type SourceVendor = (typeof VENDORS)[number];

const text = z.string().nullable();
const amount = z.number().nullable();

export const commonAddressSchema = z.object({
	line1: text,
	line2: text,
	city: text,
	state: text,
	postcode: text,
	country: text,
});

export const commonCustomerSchema = z.object({
	/** Which vendor the record came from. */
	source: z.enum(VENDORS),
	/** The vendor's own id for the customer. */
	id: z.string(),
	/** The customer code people see (Venio customerCode, MeeDee customer_code), when there is one. */
	code: text,
	name: text,
	firstName: text,
	lastName: text,
	email: text,
	/** E.164, e.g. +66812345678. */
	phone: text,
	address: commonAddressSchema.nullable(),
	/** Calendar date YYYY-MM-DD; never shifted by time zones. */
	birthday: text,
	tags: z.array(z.string()),
	/** ISO 8601 with offset. */
	createdAt: text,
	updatedAt: text,
	/** Vendor facts the common shape has no place for (loyalty points, branch, ...). */
	extra: z.record(z.string(), z.unknown()).optional(),
});

export const commonOrderLineSchema = z.object({
	sku: text,
	name: text,
	quantity: z.number(),
	unitPrice: amount,
	discount: amount,
	total: amount,
});

export const commonOrderSchema = z.object({
	source: z.enum(VENDORS),
	id: z.string(),
	/** The order or receipt number people see. */
	number: text,
	/** When the order was placed, ISO 8601 with offset. */
	date: text,
	/** The vendor's status, as the vendor names it. */
	status: text,
	customer: z.object({ id: text, code: text, name: text, email: text, phone: text }),
	lines: z.array(commonOrderLineSchema),
	subtotal: amount,
	discount: amount,
	tax: amount,
	shipping: amount,
	total: amount,
	/** ISO 4217, e.g. THB, VND, TWD, HKD. */
	currency: text,
	createdAt: text,
	updatedAt: text,
	extra: z.record(z.string(), z.unknown()).optional(),
});

/** One sellable variant of a product (SHOPLINE variation, MeeDee SKU). */
export const commonProductVariationSchema = z.object({
	id: text,
	sku: text,
	name: text,
	price: amount,
	salePrice: amount,
	stock: amount,
});

export const commonProductSchema = z.object({
	source: z.enum(VENDORS),
	id: z.string(),
	/** The code the product is known by (Venio productCode, MeeDee product_code, SHOPLINE sku). */
	sku: text,
	name: text,
	/** The regular selling price. */
	price: amount,
	/** The price while on sale; null when not on sale or the vendor has none. */
	salePrice: amount,
	currency: text,
	/** Units on hand over all warehouses or branches; null when the vendor does not say here. */
	stock: amount,
	/** The vendor's status, as the vendor names it. */
	status: text,
	variations: z.array(commonProductVariationSchema),
	createdAt: text,
	updatedAt: text,
	extra: z.record(z.string(), z.unknown()).optional(),
});

export type CommonAddress = z.infer<typeof commonAddressSchema>;
export type CommonCustomer = z.infer<typeof commonCustomerSchema>;
export type CommonOrderLine = z.infer<typeof commonOrderLineSchema>;
export type CommonOrder = z.infer<typeof commonOrderSchema>;
export type CommonProductVariation = z.infer<typeof commonProductVariationSchema>;
export type CommonProduct = z.infer<typeof commonProductSchema>;

/**
 * A number, or a decimal string (surrounding spaces allowed), as a finite number; null for
 * anything else. `Number()` alone would read " " and [] as 0 and true as 1, and throws on objects
 * whose toString is not a function, so only numbers and strings are ever converted.
 */
export function toAmount(value: unknown): number | null {
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'string' || value.trim() === '') return null;
	const n = Number(value);
	return Number.isFinite(n) ? n : null;
}

/** Trimmed text from a string, number or boolean; null for blanks, objects and arrays (never "[object Object]"). */
export function textOrNull(value: unknown): string | null {
	if (!['string', 'number', 'bigint', 'boolean'].includes(typeof value)) return null;
	const s = String(value).trim();
	return s === '' ? null : s;
}

/** Reads the input item as a common customer (fields may be missing: null is fine). */
export const commonCustomerInput = commonCustomerSchema.partial().extend({ source: z.enum(VENDORS).optional(), id: z.string().optional() });
export const commonOrderInput = commonOrderSchema.partial().extend({ source: z.enum(VENDORS).optional(), id: z.string().optional() });
export type CommonCustomerInput = z.infer<typeof commonCustomerInput>;
export type CommonOrderInput = z.infer<typeof commonOrderInput>;
export const commonProductInput = commonProductSchema.partial().extend({ source: z.enum(VENDORS).optional(), id: z.string().optional() });
export type CommonProductInput = z.infer<typeof commonProductInput>;
