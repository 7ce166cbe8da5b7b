/**
 * SHOPLINE's fields, described once (seed 002 for customers; vendors.md C for orders). Each table
 * drives the node's properties, the request body and the zod check before any request.
 */
import { z } from 'zod';

import { fieldLabels, objectSchema, type Field } from '../shared/fields';
import { LOYALTY_FIELD_LABELS } from './loyaltyFields';
import { PRODUCT_FIELD_LABELS } from './productFields';

/** Country calling codes SHOPLINE shops commonly allow for mobile sign-up. */
export const CALLING_CODES = [
	{ name: 'China (+86)', value: '86' },
	{ name: 'Hong Kong (+852)', value: '852' },
	{ name: 'Macau (+853)', value: '853' },
	{ name: 'Malaysia (+60)', value: '60' },
	{ name: 'Singapore (+65)', value: '65' },
	{ name: 'Taiwan (+886)', value: '886' },
	{ name: 'Thailand (+66)', value: '66' },
	{ name: 'United States or Canada (+1)', value: '1' },
	{ name: 'Vietnam (+84)', value: '84' },
];

const callingCodeOptions = [{ name: 'From the Number (+Code)', value: '', description: 'Use the code written in the number, e.g. +66…' }, ...CALLING_CODES];

/** [INF] the seed's "Allowed:" list is cut off; values from the SDK generated from SHOPLINE's docs. */
export const CREATION_SOURCES = [
	{ name: 'Admin', value: 'admin' },
	{ name: 'Open API', value: 'openapi' },
	{ name: 'POS', value: 'pos' },
	{ name: 'Shop', value: 'shop' },
	{ name: 'Shop CRM', value: 'shop_crm' },
];

export const ORDER_STATUSES = [
	{ name: 'Cancelled', value: 'cancelled' },
	{ name: 'Completed', value: 'completed' },
	{ name: 'Confirmed', value: 'confirmed' },
	{ name: 'Pending', value: 'pending' },
];

/** SHOPLINE's gender values; the create/update field and the search filter use the same list. */
export const GENDER_OPTIONS = [
	{ name: 'Female', value: 'female' },
	{ name: 'Male', value: 'male' },
	{ name: 'Other', value: 'other' },
];

const email = z.string().email('must be an email address');
const wholeNumber = (min: number, max: number) =>
	z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(min, `must be ${min} or more`).max(max, `must be ${max} or less`);
const money = z.number({ invalid_type_error: 'must be a number' }).nonnegative('must not be negative');

export const addressFields: Field[] = [
	{ key: 'recipient_name', label: 'Recipient Name', type: 'string' },
	{ key: 'recipient_phone', label: 'Recipient Phone', type: 'string', placeholder: '+66812345678 or 0812345678' },
	{ key: 'recipient_phone_country_code', label: 'Recipient Phone Country', type: 'options', options: callingCodeOptions, default: '' },
	{ key: 'address_1', label: 'Address Line 1', type: 'string' },
	{ key: 'address_2', label: 'Address Line 2', type: 'string' },
	{ key: 'city', label: 'City', type: 'string' },
	{ key: 'postcode', label: 'Postcode', type: 'string' },
	{ key: 'country', label: 'Country', type: 'string', placeholder: 'Taiwan' },
];

/** Email and mobile phone: one of them is required, so both sit at the top of the form. */
export const contactFields: Field[] = [
	{
		key: 'email',
		label: 'Email',
		type: 'string',
		placeholder: 'name@email.com',
		schema: email,
		description: 'Email or Mobile Phone is required. Unless notifications are turned off, SHOPLINE emails the customer to set a password.',
	},
	{
		key: 'mobile_phone',
		label: 'Mobile Phone',
		type: 'string',
		placeholder: '+66812345678 or 0812345678',
		description: 'Email or Mobile Phone is required. Write it with +country code, or choose Mobile Phone Country. Several numbers: separate with commas.',
	},
	{
		key: 'mobile_phone_country_calling_code',
		label: 'Mobile Phone Country',
		type: 'options',
		options: callingCodeOptions,
		default: '',
		description: 'Country calling code of the mobile phone; it must be a "Mobile sign up country" of the shop',
	},
];

/** Fields Create and Update share (seed 002). */
const profileFields: Field[] = [
	{ key: 'phones', label: 'Other Phones', type: 'stringList', description: 'Phones that are not the verified mobile phone' },
	{ key: 'phone', label: 'Phone', type: 'string', description: 'A phone that is not the verified mobile phone' },
	{ key: 'phone_country_code', label: 'Phone Country', type: 'options', options: callingCodeOptions, default: '' },
	{ key: 'gender', label: 'Gender', type: 'options', options: GENDER_OPTIONS, default: 'female' },
	{ key: 'birthday', label: 'Birthday', type: 'date', description: 'Checked against the shop’s age limit. Do not use together with Birth Year, Month or Day.' },
	{ key: 'birth_year', label: 'Birth Year', type: 'number', default: 1990, schema: wholeNumber(1900, 2100), description: 'Instead of Birthday, when only part of the date is known' },
	{ key: 'birth_month', label: 'Birth Month', type: 'number', default: 1, schema: wholeNumber(1, 12) },
	{ key: 'birth_day', label: 'Birth Day', type: 'number', default: 1, schema: wholeNumber(1, 31) },
	{ key: 'is_member', label: 'Is Member', type: 'boolean', default: true, description: 'Whether the customer is a registered member' },
	{ key: 'is_accept_marketing', label: 'Accepts Marketing', type: 'boolean', default: true, description: 'Whether the customer accepts marketing news' },
	{ key: 'is_subscribed_marketing_email', label: 'Email Marketing', type: 'boolean', default: true, description: 'Whether the customer accepts marketing by email' },
	{ key: 'is_subscribed_marketing_sms', label: 'SMS Marketing', type: 'boolean', default: true, description: 'Whether the customer accepts marketing by SMS' },
	{
		key: 'delivery_addresses',
		label: 'Delivery Addresses',
		type: 'group',
		multiple: true,
		fields: addressFields,
		placeholder: 'Add Delivery Address',
		schema: z.array(objectSchema(addressFields)).max(5, 'allows at most 5 addresses'),
	},
	{ key: 'memo', label: 'Memo', type: 'string', rows: 2, description: 'Note about the customer, seen in SHOPLINE admin' },
	{ key: 'tags', label: 'Tags', type: 'stringList' },
	{ key: 'membership_tier_id', label: 'Membership Tier', type: 'options', loadOptions: 'getMembershipTiers', description: 'The customer’s membership tier (level)' },
];

/** Create-only fields (seed 002). */
const createOnlyFields: Field[] = [
	{ key: 'send_notification', label: 'Send Notification', type: 'boolean', default: true, description: 'Whether to send the welcome email/SMS and the set-password email' },
	{
		key: 'notification_types',
		label: 'Notification Channels',
		type: 'multiOptions',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms', description: 'Only when SMS is enabled for the shop' },
		],
		description: 'How to notify the customer; SHOPLINE tries every channel when none is chosen',
	},
	{
		key: 'is_send_welcome_credit',
		label: 'Send Welcome Credit',
		type: 'boolean',
		default: false,
		description: 'Whether to give the welcome store credit (and its notification), if enabled in SHOPLINE admin',
	},
	{ key: 'created_by', label: 'Created By', type: 'options', options: CREATION_SOURCES, default: 'openapi', description: 'Creation source recorded on the customer' },
	{ key: 'created_by_channel_id', label: 'Created By Channel ID', type: 'string' },
	{ key: 'registered_by', label: 'Registered By', type: 'options', options: CREATION_SOURCES, default: 'openapi', description: 'Member registration source' },
	{ key: 'registered_by_channel_id', label: 'Registered By Channel ID', type: 'string' },
];

/** Update-only field (documented for Update Customer). */
const updateOnlyFields: Field[] = [
	{ key: 'name', label: 'Name', type: 'string' },
	{ key: 'tier_expires_at', label: 'Tier Expires At', type: 'dateTime', description: 'When the membership tier ends; must be in the future' },
];

export const nameField: Field = { key: 'name', label: 'Name', type: 'string', required: true, description: 'Customer’s name, e.g. 王小明 or สมชาย ใจดี' };

export const customerCreateOptional: Field[] = [...profileFields, ...createOnlyFields];
export const customerCreateFields: Field[] = [nameField, ...contactFields, ...customerCreateOptional];
const updateDescriptions: Record<string, string> = {
	email: 'The customer’s new email',
	mobile_phone: 'The new mobile phone. Write it with +country code, or choose Mobile Phone Country; otherwise the customer’s current country is kept.',
};
const updateContactFields: Field[] = contactFields.map((f) => ({ ...f, description: updateDescriptions[f.key] ?? f.description }));
export const customerUpdateFields: Field[] = [...updateOnlyFields, ...updateContactFields, ...profileFields];

/** Fields SHOPLINE accepts only when creating: dropped when Create or Update updates. */
export const CREATE_ONLY_KEYS = createOnlyFields.map((f) => f.key);

const BIRTH_PARTS = ['birth_year', 'birth_month', 'birth_day'];

/** Written as +66… or 0066…: the number carries its own country calling code. */
export const isInternational = (phone: unknown): boolean => typeof phone === 'string' && /^\s*(\+|00)/.test(phone);

function birthdayRule(body: Record<string, unknown>, ctx: z.RefinementCtx): void {
	if (body.birthday !== undefined && BIRTH_PARTS.some((k) => body[k] !== undefined)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['birthday'], message: 'cannot be used together with Birth Year, Birth Month or Birth Day' });
	}
}

/** Seed 002's rules: name plus email or mobile phone; the mobile phone needs its calling code. */
export const customerCreateSchema = objectSchema(customerCreateFields).superRefine((body, ctx) => {
	if (!body.email && !body.mobile_phone) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['email'], message: 'or "Mobile Phone" is required' });
	}
	if (body.mobile_phone && !body.mobile_phone_country_calling_code && !isInternational(body.mobile_phone)) {
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			path: ['mobile_phone_country_calling_code'],
			message: 'is required: choose it, or write the Mobile Phone with its +country code (e.g. +66812345678)',
		});
	}
	birthdayRule(body, ctx);
});

export const customerUpdateSchema = objectSchema(customerUpdateFields).superRefine((body, ctx) => {
	if (Object.keys(body).length === 0) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: [], message: 'has nothing to update: add at least one field under Update Fields' });
	}
	birthdayRule(body, ctx);
});

// ---------------------------------------------------------------------------------------------
// Orders

export const orderItemFields: Field[] = [
	{ key: 'item_id', label: 'Product', type: 'options', loadOptions: 'getProducts', required: true, schema: z.string({ invalid_type_error: 'must be a product ID' }).min(1, 'is required') },
	{
		key: 'variation_id',
		label: 'Variation',
		type: 'options',
		loadOptions: 'getVariations',
		loadOptionsDependsOn: ['&item_id'],
		schema: z.string({ invalid_type_error: 'must be a variation ID' }),
		description: 'Required for a product with variations (size, colour…): a variation of this line’s Product.',
	},
	{ key: 'item_price', label: 'Item Price', type: 'number', required: true, schema: money, description: 'Must equal the product’s current price in SHOPLINE' },
	{ key: 'quantity', label: 'Quantity', type: 'number', default: 1, required: true, schema: wholeNumber(1, 1_000_000) },
	{ key: 'total', label: 'Line Total', type: 'number', allowBlank: true, schema: money, placeholder: 'Leave empty for price × quantity' },
];

export const orderCreateFields: Field[] = [
	{
		key: 'customer',
		label: 'Customer ID or Email',
		type: 'string',
		required: true,
		description: 'A SHOPLINE customer ID, or the customer’s email (an email that belongs to no customer makes a guest order)',
	},
	{
		key: 'delivery_option_id',
		label: 'Delivery Option',
		type: 'options',
		loadOptions: 'getDeliveryOptions',
		required: true,
		schema: z.string({ invalid_type_error: 'must be a delivery option ID' }).trim().min(1, 'is required'),
		description: 'The shop’s delivery options (SHOPLINE admin → Settings → Delivery Options). Third-party logistics cannot be used with the Open API.',
	},
	{
		key: 'payment_method_id',
		label: 'Payment Method',
		type: 'options',
		loadOptions: 'getPaymentMethods',
		required: true,
		schema: z.string({ invalid_type_error: 'must be a payment method ID' }).trim().min(1, 'is required'),
		description: 'The shop’s payment methods (SHOPLINE admin → Settings → Payment Options). Third-party payments and SHOPLINE Payments cannot be used with the Open API.',
	},
	{
		key: 'items',
		label: 'Items',
		type: 'group',
		multiple: true,
		required: true,
		fields: orderItemFields,
		placeholder: 'Add Item',
		schema: z.array(objectSchema(orderItemFields)).min(1, 'needs at least one item'),
	},
	{ key: 'delivery_address', label: 'Delivery Address', type: 'group', required: true, fields: addressFields, placeholder: 'Add Delivery Address' },
	{ key: 'total', label: 'Total', type: 'number', required: true, schema: money, description: 'What the customer pays. SHOPLINE does not add delivery or payment fees itself.' },
	{ key: 'subtotal', label: 'Subtotal', type: 'number', schema: money, description: 'Leave out to send the sum of the line totals' },
	{ key: 'customer_phone', label: 'Customer Phone', type: 'string' },
	// [INF] not in the documented field list retrieved; the public SDK has it.
	{ key: 'order_remarks', label: 'Order Remarks', type: 'string', rows: 2 },
	{ key: 'mail_notify', label: 'Send Confirmation Email', type: 'boolean', default: false, description: 'Whether SHOPLINE emails the customer about the new order' },
];

export const orderCreateSchema = objectSchema(orderCreateFields).superRefine((body, ctx) => {
	const customer = String(body.customer ?? '');
	if (customer.includes('@') && !email.safeParse(customer).success) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['customer'], message: 'is not a valid email address' });
	}
	const address = (body.delivery_address ?? {}) as Record<string, unknown>;
	if (Object.keys(address).length === 0) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['delivery_address'], message: 'is required' });
	}
});

/** Every label by key, for naming the field of a SHOPLINE 422 (`extras.field`). */
export const FIELD_LABELS: Record<string, string> = {
	...fieldLabels([...orderItemFields, ...orderCreateFields]),
	...fieldLabels([...customerCreateFields, ...customerUpdateFields]),
	...LOYALTY_FIELD_LABELS,
	...PRODUCT_FIELD_LABELS,
	customer_id: 'Customer ID or Email',
	customer_email: 'Customer ID or Email',
	status: 'Status',
};
