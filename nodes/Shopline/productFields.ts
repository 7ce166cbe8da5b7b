/**
 * SHOPLINE product fields, described once (docs/vendors/shopline.md "Products"): Create, Update and
 * the quantity changes. Each table drives the node's properties, the request body and the zod check
 * before any request.
 */
import { z } from 'zod';

import { fieldLabels, objectSchema, type Field } from '../shared/fields';

/** [PUB docs create-product] a new product's quantity is 0 to 9999999; a change -9999999 to 9999999. */
export const MAX_QUANTITY = 9_999_999;

const money = z.number({ invalid_type_error: 'must be a number' }).nonnegative('must not be negative');
const quantity = z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(0, 'must be 0 or more').max(MAX_QUANTITY, `must be ${MAX_QUANTITY} or less`);

/** [PUB SDK] the product's status: published, unpublished, or hidden (reachable by link only). */
export const PRODUCT_STATUSES = [
	{ name: 'Published', value: 'active' },
	{ name: 'Unpublished (Draft)', value: 'draft' },
	{ name: 'Hidden', value: 'hidden', description: 'Not listed in the shop; reachable by its link' },
];

const title: Field = {
	key: 'title',
	label: 'Title',
	type: 'string',
	required: true,
	schema: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'is required'),
	description: 'Product name shown to customers, in the Title Language',
};

/** Fields Create and Update share. */
const commonFields: Field[] = [
	{ key: 'sku', label: 'SKU', type: 'string', description: 'Stock keeping unit; another product’s SKU is refused' },
	{ key: 'status', label: 'Status', type: 'options', options: PRODUCT_STATUSES, default: 'draft' },
	{ key: 'category_ids', label: 'Categories', type: 'multiOptions', loadOptions: 'getCategories', description: 'The categories the product is listed in' },
	{ key: 'unlimited_quantity', label: 'Unlimited Quantity', type: 'boolean', default: false, description: 'Whether the product never runs out (its quantity is then ignored)' },
	{ key: 'weight', label: 'Weight (Kg)', type: 'number', default: 0, schema: money },
];

export const productCreateFields: Field[] = [
	title,
	{ key: 'price', label: 'Price', type: 'number', required: true, default: 0, schema: money, description: 'Original selling price' },
	{ key: 'quantity', label: 'Quantity', type: 'number', default: 0, schema: quantity, description: `Stock of the new product, 0 to ${MAX_QUANTITY}` },
	{ key: 'price_sale', label: 'Sale Price', type: 'number', default: 0, schema: money, description: 'Price while on sale' },
	{ key: 'cost', label: 'Cost', type: 'number', default: 0, schema: money },
	...commonFields,
];
export const productCreateSchema = objectSchema(productCreateFields);

export const productUpdateFields: Field[] = [{ ...title, required: false }, ...commonFields];
export const productUpdateSchema = objectSchema(productUpdateFields).superRefine((body, ctx) => {
	if (Object.keys(body).length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [], message: 'has nothing to update: add at least one field under Update Fields' });
});

export const quantityFields: Field[] = [
	{
		key: 'quantity',
		label: 'Quantity',
		type: 'number',
		required: true,
		default: 1,
		schema: z
			.number({ invalid_type_error: 'must be a number' })
			.int('must be a whole number')
			.min(-MAX_QUANTITY, `must be -${MAX_QUANTITY} or more`)
			.max(MAX_QUANTITY, `must be ${MAX_QUANTITY} or less`),
		description: 'Added to the stock (a negative number takes away), or the new stock with Replace Quantity',
	},
	{ key: 'replace', label: 'Replace Quantity', type: 'boolean', required: true, default: false, description: 'Whether Quantity becomes the stock instead of being added to it' },
];
export const quantitySchema = objectSchema(quantityFields).superRefine((body, ctx) => {
	if (body.replace === true && Number(body.quantity) < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quantity'], message: 'cannot be negative with Replace Quantity' });
	if (body.replace !== true && body.quantity === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quantity'], message: 'must not be 0 (nothing would change)' });
});


/** [PUB SDK] Update Product Stocks (one warehouse): a negative stock is allowed, only active warehouses. */
export const warehouseStockFields: Field[] = [
	{ key: 'warehouse_id', label: 'Warehouse', type: 'options', loadOptions: 'getWarehouses', required: true, schema: z.string({ invalid_type_error: 'must be a warehouse ID' }).trim().min(1, 'is required'), description: 'An active warehouse of the shop' },
	{ ...quantityFields[0], description: 'Added to the warehouse’s stock (a negative number takes away; the stock may go below 0), or its new stock with Replace Quantity' },
	{ key: 'is_replace', label: 'Replace Quantity', type: 'boolean', required: true, default: false, description: 'Whether Quantity becomes the warehouse’s stock instead of being added to it' },
	{
		key: 'variation_id',
		label: 'Variation',
		type: 'options',
		loadOptions: 'getProductVariations',
		loadOptionsDependsOn: ['productId'],
		schema: z.string({ invalid_type_error: 'must be a variation ID' }).trim().min(1, 'is required'),
		description: 'For a product with variations: the variation whose stock changes',
	},
];
export const warehouseStockSchema = objectSchema(warehouseStockFields).superRefine((body, ctx) => {
	if (body.is_replace !== true && body.quantity === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quantity'], message: 'must not be 0 (nothing would change)' });
});


/** [PUB SDK] a variation's option types: at most 3 per product. */
export const VARIANT_TYPES = [
	{ name: 'Colour', value: 'color' },
	{ name: 'Custom 1', value: 'custom_1' },
	{ name: 'Custom 2', value: 'custom_2' },
	{ name: 'Custom 3', value: 'custom_3' },
	{ name: 'Size', value: 'size' },
];

const changeQuantity = quantityFields[0].schema!;

/** Create and Update Product Variation [PUB SDK]: price cannot be null; quantity -9999999..9999999. */
const variationCommonFields: Field[] = [
	{ key: 'sku', label: 'SKU', type: 'string', description: 'Stock keeping unit; another product’s or variation’s SKU is refused' },
	{ key: 'price_sale', label: 'Sale Price', type: 'number', default: 0, schema: money, description: '0 sells it at its price' },
	{ key: 'cost', label: 'Cost', type: 'number', default: 0, schema: money },
	{ key: 'weight', label: 'Weight (Kg)', type: 'number', default: 0, schema: money },
];

export const variationCreateFields: Field[] = [
	{ key: 'option_name', label: 'Option Name', type: 'string', required: true, schema: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'is required'), placeholder: 'Large', description: 'What the customer picks, e.g. Large or Red, in the Title Language' },
	{ key: 'option_type', label: 'Option Type', type: 'options', options: VARIANT_TYPES, required: true, default: 'size' },
	{ key: 'price', label: 'Price', type: 'number', default: 0, schema: money, description: 'Leave out to use the product’s price; a price of 0 cannot be sold' },
	{ key: 'quantity', label: 'Quantity', type: 'number', default: 0, schema: changeQuantity.refine((q: number) => q >= 0, 'must be 0 or more') as z.ZodTypeAny, description: `Stock of the new variation, 0 to ${MAX_QUANTITY}` },
	...variationCommonFields,
];
export const variationCreateSchema = objectSchema(variationCreateFields);

export const variationUpdateFields: Field[] = [
	{ key: 'price', label: 'Price', type: 'number', default: 0, schema: money, description: 'A price of 0 cannot be sold' },
	{ key: 'quantity', label: 'Quantity', type: 'number', default: 0, schema: changeQuantity, description: 'The variation’s new stock' },
	...variationCommonFields,
];
export const variationUpdateSchema = objectSchema(variationUpdateFields).superRefine((body, ctx) => {
	if (Object.keys(body).length === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [], message: 'has nothing to update: add at least one field under Update Fields' });
});

export const PRODUCT_FIELD_LABELS: Record<string, string> = {
	...fieldLabels([...productCreateFields, ...productUpdateFields, ...quantityFields, ...warehouseStockFields, ...variationCreateFields, ...variationUpdateFields]),
	variant_options: 'Option Name',
	title_translations: 'Title',
	product: 'Product',
};
