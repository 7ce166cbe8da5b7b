/**
 * MeeDee sends money and quantities as decimal strings ("120", "45.50") so nothing is lost to
 * floating point. They stay strings unless the user asks for numbers; only known amount keys are
 * converted, so codes made of digits (barcodes, tax IDs) keep their leading zeros.
 */
import type { IDataObject, INodeProperties } from 'n8n-workflow';

const AMOUNT_KEYS = new Set([
	// customers
	'total_spent',
	// sales and sale items
	'subtotal',
	'discount',
	'service_charge',
	'tax',
	'total',
	'quantity',
	'unit_price',
	'discount_amount',
	'tax_amount',
	'line_total',
	'refunded_quantity',
	'refunded_amount',
	// products, inventory, purchasing
	'price',
	'cost',
	'quantity_on_hand',
	'reorder_point',
	'unit_cost',
	'received_quantity',
	// reports
	'total_revenue',
	'total_subtotal',
	'total_discount',
	'total_tax',
	'total_service_charge',
	'total_refunded',
	'average_order_value',
	'total_quantity',
	'total_stock_value',
]);

const DECIMAL = /^-?\d+(\.\d+)?$/;

export const convertAmountsOption: INodeProperties = {
	displayName: 'Convert Amounts to Numbers',
	name: 'convertAmounts',
	type: 'boolean',
	default: false,
	description:
		'Whether to turn amounts and quantities (sent by MeeDee as exact text such as "45.50") into numbers. Off keeps them exact; turn on for maths in later nodes.',
};

/** A copy of `value` with decimal-string amounts turned into numbers, at any depth. */
export function convertAmounts<T>(value: T): T {
	if (Array.isArray(value)) return value.map((v) => convertAmounts(v)) as T;
	if (!value || typeof value !== 'object') return value;
	const out: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) {
		out[key] = AMOUNT_KEYS.has(key) && typeof v === 'string' && DECIMAL.test(v) ? Number(v) : convertAmounts(v);
	}
	return out as T;
}
