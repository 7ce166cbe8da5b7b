/**
 * Salekit's fields, described once (seed 004 for audiences; salekit.com's order and product docs,
 * [INF] for salekit.io). Each table drives the node's properties, the body and the zod check.
 */
import { z } from 'zod';

import { objectSchema, type Field } from '../shared/fields';

/** Audience `type` values (seed 004). */
export const AUDIENCE_TYPES = [
	{ name: 'Customer', value: 0 },
	{ name: 'VIP', value: 1 },
	{ name: 'Lead', value: 2 },
	{ name: 'Partner', value: 3 },
	{ name: 'Reseller', value: 4 },
	{ name: 'Competitor', value: 5 },
	{ name: 'Affiliate', value: 6 },
	{ name: 'Other', value: 7 },
];

/** Order processing statuses (salekit.com/help/api-order). */
export const ORDER_STATUSES = [
	{ name: 'Pending', value: 0, description: 'Chờ xử lý' },
	{ name: 'Processing', value: 1, description: 'Đang xử lý' },
	{ name: 'Shipping', value: 2, description: 'Đang giao' },
	{ name: 'Success', value: 3, description: 'Thành công' },
	{ name: 'Cancelled', value: 4, description: 'Hủy' },
	{ name: 'Deleted', value: 5, description: 'Xóa đơn' },
	{ name: 'Returned', value: 6, description: 'Hoàn đơn' },
	{ name: 'Refunded', value: 7, description: 'Hoàn tiền' },
];

/** Salekit takes gender as Vietnamese words; users pick Male/Female. */
export const GENDER_VALUES = { male: 'Nam', female: 'Nữ' } as const;

const email = z.string().email('must be an email address');

/**
 * Salekit takes tags as one comma-separated text, so a comma inside a tag would silently make two
 * tags. The UI's text is already split on commas; a comma can only arrive in an array given by an
 * expression, and there we refuse it rather than guess whether one or two tags were meant.
 */
export const tagList = z.array(
	z
		.string({ invalid_type_error: 'must be text' })
		.min(1, 'has an empty entry')
		.refine((t) => !t.includes(','), 'has a tag with a comma in it; Salekit reads a comma as the start of the next tag, so give each tag as its own entry'),
);

export const audienceFields: Field[] = [
	{ key: 'full_name', label: 'Full Name', type: 'string', required: true, description: 'Customer’s full name, e.g. Nguyễn Văn A' },
	// The seed marks email as required (no "Không"); Salekit matches existing customers on it.
	{ key: 'email', label: 'Email', type: 'string', required: true, placeholder: 'name@email.com', schema: email },
	{ key: 'phone', label: 'Phone', type: 'string', description: 'Customer’s phone, e.g. 0989123456' },
	{ key: 'tag', label: 'Tags', type: 'stringList', schema: tagList, description: 'Tags to add; tags Salekit does not have yet are created' },
	{ key: 'un_tag', label: 'Tags to Remove', type: 'stringList', schema: tagList, description: 'Tags to take off this customer' },
	{ key: 'src', label: 'Source', type: 'string', description: 'Where the customer came from, e.g. chatbot' },
	{ key: 'cid', label: 'Referrer ID', type: 'string', description: 'Affiliate (referrer) ID, the cid of an affiliate link' },
	{
		key: 'gender',
		label: 'Gender',
		type: 'options',
		options: [
			{ name: 'Male', value: 'male' },
			{ name: 'Female', value: 'female' },
		],
		default: 'male',
	},
	{ key: 'address', label: 'Address', type: 'string', description: 'E.g. Cầu Giấy - Hà Nội' },
	{ key: 'note', label: 'Note', type: 'string', rows: 2 },
	{
		key: 'custom_field',
		label: 'Custom Fields',
		type: 'keyValue',
		description: 'Values for Custom Attributes. Each name must already exist in Salekit (Audience → Edit → Add).',
	},
	{ key: 'type', label: 'Customer Type', type: 'options', options: AUDIENCE_TYPES, default: 0 },
];

export const audienceSchema = objectSchema(audienceFields);

// .finite(): Infinity (e.g. "Infinity" typed in a price) would pass nonnegative() and go out as null in JSON.
const money = z.number({ invalid_type_error: 'must be a number' }).finite('must be a finite number').nonnegative('must not be negative');

export const orderLineFields: Field[] = [
	{ key: 'product_id', label: 'Product ID', type: 'number', allowBlank: true, description: 'Salekit product ID; leave empty to use the SKU' },
	{ key: 'sku', label: 'SKU', type: 'string' },
	{ key: 'quantity', label: 'Quantity', type: 'number', default: 1, schema: z.number().int('must be a whole number').positive('must be more than 0') },
	{ key: 'price', label: 'Price', type: 'number', allowBlank: true, schema: money, placeholder: 'Leave empty for the product’s price' },
];

const orderLine = objectSchema(orderLineFields).refine((l) => l.product_id !== undefined || l.sku, {
	message: 'needs a Product ID or a SKU',
});

export const orderFields: Field[] = [
	{ key: 'full_name', label: 'Customer Name', type: 'string', required: true },
	{ key: 'phone', label: 'Phone', type: 'string', required: true },
	{ key: 'total_price', label: 'Total Price', type: 'number', required: true, schema: money, description: 'Order value before discounts' },
	{ key: 'total_pay', label: 'Total to Pay', type: 'number', required: true, schema: money, description: 'Amount the customer pays' },
	{ key: 'status', label: 'Status', type: 'options', required: true, options: ORDER_STATUSES, default: 0 },
	{ key: 'products', label: 'Products', type: 'group', multiple: true, required: true, fields: orderLineFields, schema: z.array(orderLine).min(1, 'needs at least one product') },
	{ key: 'email', label: 'Email', type: 'string', schema: email },
	{ key: 'address', label: 'Address', type: 'string' },
	{ key: 'discount', label: 'Discount', type: 'number', schema: money },
	{ key: 'ship_fee', label: 'Shipping Fee', type: 'number', schema: money },
	{ key: 'pay_fee', label: 'Payment Fee', type: 'number', schema: money },
	{ key: 'revenue', label: 'Revenue', type: 'number', schema: money },
	{ key: 'commission', label: 'Commission', type: 'number', schema: money },
	{
		key: 'pay_status',
		label: 'Payment Status',
		type: 'options',
		options: [
			{ name: 'Unpaid', value: 0 },
			{ name: 'Paid', value: 1 },
		],
		default: 0,
	},
	{ key: 'pay_type', label: 'Payment Type', type: 'string' },
	{ key: 'pay_time', label: 'Payment Time', type: 'dateTime' },
	{ key: 'note', label: 'Note', type: 'string', rows: 2 },
	{ key: 'src', label: 'Source', type: 'string' },
	{ key: 'ref', label: 'Referrer', type: 'string' },
	{ key: 'ref_sub', label: 'Referrer Sub ID', type: 'string' },
	{ key: 'website_id', label: 'Website ID', type: 'number' },
	{ key: 'store_id', label: 'Store ID', type: 'number' },
	{ key: 'sale_id', label: 'Salesperson ID', type: 'number' },
	{ key: 'province_id', label: 'Province ID', type: 'number' },
	{ key: 'district_id', label: 'District ID', type: 'number' },
	{ key: 'ward_id', label: 'Ward ID', type: 'number' },
];

export const orderSchema = objectSchema(orderFields);

export const productFields: Field[] = [
	{ key: 'name', label: 'Name', type: 'string', required: true },
	{
		key: 'type',
		label: 'Product Type',
		type: 'options',
		options: [
			{ name: 'Product', value: 0 },
			{ name: 'Service', value: 1 },
			{ name: 'Course', value: 2 },
		],
		default: 0,
	},
	{ key: 'sku', label: 'SKU', type: 'string' },
	{ key: 'unit_price', label: 'Unit Price', type: 'number', schema: money },
	{ key: 'price_sale', label: 'Sale Price', type: 'number', schema: money },
	{ key: 'unit_name', label: 'Unit Name', type: 'string' },
	{ key: 'description', label: 'Description', type: 'string', rows: 3 },
	{ key: 'content', label: 'Content', type: 'string', rows: 4 },
	{ key: 'category_id', label: 'Category ID', type: 'number' },
	{ key: 'trademark', label: 'Trademark', type: 'string' },
	{ key: 'photos', label: 'Photo URLs', type: 'stringList' },
	{ key: 'weight', label: 'Weight', type: 'number' },
	{ key: 'slug', label: 'Slug', type: 'string' },
];

export const productSchema = objectSchema(productFields);
