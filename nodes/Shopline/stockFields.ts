/**
 * SHOPLINE shipments and stock across products, described once (docs/vendors/shopline.md
 * "Execute Shipment", "Bulk stock", "Locked inventory"): the limits SHOPLINE documents, the fields
 * of Update Stock (Bulk) and Update Quantity by SKU, and — in the one marked block below — what we
 * had to guess.
 */
import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { fieldLabels, objectSchema, type Field } from '../shared/fields';
import { MAX_QUANTITY } from './productFields';

/** [PUB docs bulk-execute-shipment] at most 24 order IDs a request. */
export const MAX_BULK_SHIPMENT_ORDERS = 24;
/** [PUB SDK get-locked-inventory-count] at most 1000 product IDs a request. */
export const MAX_LOCKED_INVENTORY_PRODUCTS = 1000;

/** [PUB docs bulk-execute-shipment] the lists of the answer, each order in one of them, and what each means. */
export const SHIPMENT_OUTCOMES: Array<{ key: string; result: string; shipped: boolean; note: string }> = [
	{ key: 'processingOrderIds', result: 'processing', shipped: true, note: 'SHOPLINE is executing the shipment' },
	{ key: 'processingFailedOrderIds', result: 'processing_failed', shipped: false, note: 'The logistics provider refused the shipment' },
	{ key: 'statusErrorOrderIds', result: 'status_error', shipped: false, note: 'The order’s delivery status is not pending (shipped already, or cancelled)' },
	{ key: 'platformNotSupportOrderIds', result: 'delivery_not_supported', shipped: false, note: 'The order’s delivery option is not one bulk shipment supports (7-11 Cross Border, FamilyMart Freeze, T-cat)' },
	{ key: 'notFoundOrderIds', result: 'not_found', shipped: false, note: 'SHOPLINE has no such order' },
];

// ---------------------------------------------------------------------------------------------
// [INF] Our guesses, in this one place (the simulator follows them; see sandbox/shopline/stock.ts).
// - Bulk Update Stock: a `bulk_data` entry is {id (the product), variation_id?, warehouse_id,
//   quantity}, as one product's Update Product Stocks names them; at most 100 entries a request;
//   an entry SHOPLINE cannot apply comes back in `errors` as {index, message, …} and the others apply.
// - Locked inventory: each answer item is {product_id, locked_inventory_count, variations:
//   [{variation_id, locked_inventory_count}]}; products SHOPLINE does not know are left out.
export const MAX_BULK_STOCK_LINES = 100;

export function bulkStockEntry(line: IDataObject): IDataObject {
	const { product_id, variation_id, warehouse_id, quantity } = line;
	return { id: product_id, ...(variation_id ? { variation_id } : {}), warehouse_id, quantity };
}

/** The refused entries of a bulk stock answer, by the entry's place in what was sent (0-based). */
export function refusedStockEntries(answer: IDataObject): Array<{ index?: number; message: string }> {
	const errors = Array.isArray(answer.errors) ? (answer.errors as unknown[]) : [];
	return errors.map((e) => {
		const entry = (e && typeof e === 'object' ? e : { message: e }) as IDataObject;
		return { index: typeof entry.index === 'number' ? entry.index : undefined, message: String(entry.message ?? entry.error ?? JSON.stringify(e)) };
	});
}

// - Update Quantity by SKU: the docs name only the answer's first field (`id`, "Product's ID or …"),
//   so the answer is taken to be one record as the per-product and per-variation update_quantity
//   answer it, `{id, sku, quantity, updated_at, product_id?}`, and passed on as it is. A SKU no
//   product or variation holds is assumed to answer 404 (the answer is not documented).
export const SKU_QUANTITY_PATH = '/products/update_quantity';
export const isUnknownSkuAnswer = (httpCode: string | null | undefined) => httpCode === '404';
// ---------------------------------------------------------------------------------------------

const wholeChange = z
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(-MAX_QUANTITY, `must be -${MAX_QUANTITY} or more`)
	.max(MAX_QUANTITY, `must be ${MAX_QUANTITY} or less`);

/** One line of Update Stock (Bulk): a product (or one of its variations) in one warehouse. */
export const stockLineFields: Field[] = [
	{ key: 'product_id', label: 'Product', type: 'options', loadOptions: 'getProducts', required: true, schema: z.string({ invalid_type_error: 'must be a product ID' }).trim().min(1, 'is required') },
	{
		key: 'variation_id',
		label: 'Variation',
		type: 'options',
		loadOptions: 'getVariations',
		loadOptionsDependsOn: ['&product_id'],
		schema: z.string({ invalid_type_error: 'must be a variation ID' }).trim(),
		description: 'Required for a product with variations: the variation of this line’s product whose stock changes.',
	},
	{ key: 'warehouse_id', label: 'Warehouse', type: 'options', loadOptions: 'getWarehouses', required: true, schema: z.string({ invalid_type_error: 'must be a warehouse ID' }).trim().min(1, 'is required'), description: 'An active warehouse of the shop.' },
	{ key: 'quantity', label: 'Quantity', type: 'number', required: true, default: 1, schema: wholeChange, description: 'Added to the warehouse’s stock (negative takes away; the stock may go below 0), or its new stock with Replace Quantity' },
];

export const bulkStockFields: Field[] = [
	{ key: 'is_replace', label: 'Replace Quantity', type: 'boolean', required: true, default: false, description: 'Whether each Quantity becomes the stock instead of being added to it' },
	{
		key: 'lines',
		label: 'Stock Changes',
		type: 'group',
		multiple: true,
		required: true,
		fields: stockLineFields,
		placeholder: 'Add Stock Change',
		schema: z.array(objectSchema(stockLineFields)).min(1, 'needs at least one stock change').max(MAX_BULK_STOCK_LINES, `can have at most ${MAX_BULK_STOCK_LINES} stock changes (split them over several items)`),
	},
];

export const bulkStockSchema = objectSchema(bulkStockFields).superRefine((body, ctx) => {
	if (body.is_replace === true) return;
	((body.lines ?? []) as IDataObject[]).forEach((line, n) => {
		if (line.quantity === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['lines', n, 'quantity'], message: 'must not be 0 (nothing would change)' });
	});
});

/** Order IDs: one word each (no spaces or slashes), at most 24, as Bulk Execute Shipment takes them. */
export const shipmentOrderIdsField: Field = {
	key: 'orderIds',
	label: 'Order IDs',
	type: 'stringList',
	required: true,
	schema: z
		.array(z.string().trim().min(1, 'has an empty entry').regex(/^[^\s/]+$/, 'has an ID with a space or slash'))
		.min(1, 'needs at least one order ID')
		.max(MAX_BULK_SHIPMENT_ORDERS, `can have at most ${MAX_BULK_SHIPMENT_ORDERS} order IDs (SHOPLINE ships at most ${MAX_BULK_SHIPMENT_ORDERS} at a time: split them over several items)`),
	description: `SHOPLINE order IDs, at most ${MAX_BULK_SHIPMENT_ORDERS}`,
};

export const lockedProductIdsField: Field = {
	key: 'product_ids',
	label: 'Product IDs',
	type: 'stringList',
	required: true,
	schema: z
		.array(z.string().trim().min(1, 'has an empty entry').regex(/^[^\s/]+$/, 'has an ID with a space or slash'))
		.min(1, 'needs at least one product ID')
		.max(MAX_LOCKED_INVENTORY_PRODUCTS, `can have at most ${MAX_LOCKED_INVENTORY_PRODUCTS} product IDs`),
	description: `SHOPLINE product IDs, at most ${MAX_LOCKED_INVENTORY_PRODUCTS}`,
};

/** Update Quantity by SKU [PUB docs update-product-quantity]: SHOPLINE's `replace` as a Mode the operator reads. */
export const SKU_QUANTITY_MODES = [
	{ name: 'Add to Current Quantity', value: 'add', description: 'Quantity is added to the stock (a negative number takes away). Not sent again after an unclear failure: it could be added twice.' },
	{ name: 'Set Quantity To', value: 'set', description: 'Quantity becomes the stock. Safe to send again.' },
];

export const skuQuantityFields: Field[] = [
	{
		key: 'sku',
		label: 'SKU',
		type: 'string',
		required: true,
		placeholder: 'P-BOBA-M',
		schema: z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'is required'),
		description: 'Every product and variation with this SKU has its stock changed (a product with variations: set the SKU of a variation)',
	},
	{ key: 'mode', label: 'Mode', type: 'options', options: SKU_QUANTITY_MODES, required: true, default: 'add', description: 'Add to the stock, or set it. An addition is not repeated automatically after an unclear failure (it could be added twice); a set is.' },
	{ key: 'quantity', label: 'Quantity', type: 'number', required: true, default: 1, schema: wholeChange, description: 'Added to the stock (a negative number takes away, e.g. -2 for a sale of 2), or the new stock with Set Quantity To' },
];

export const skuQuantitySchema = objectSchema(skuQuantityFields).superRefine((body, ctx) => {
	if (body.mode === 'set' && Number(body.quantity) < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quantity'], message: 'cannot be negative with Set Quantity To' });
	if (body.mode !== 'set' && body.quantity === 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['quantity'], message: 'must not be 0 (nothing would change)' });
});

export const STOCK_FIELD_LABELS = fieldLabels([...bulkStockFields, ...stockLineFields, shipmentOrderIdsField, lockedProductIdsField, ...skuQuantityFields]);
