/**
 * Venio's fields, described once. The customer table is seed 000's Create or Update body, field
 * for field (keys are Venio's, typos included: `unqulifiedReason…`). Sales-order, quotation and
 * product bodies are not published: [INF] they mirror the documented GET answers (vendors.md A/D),
 * and every write also takes "Additional Body Fields (JSON)".
 */
import { z } from 'zod';

import { objectSchema, type Field } from '../shared/fields';
import { LOCATORS } from './locators';

// ---------------------------------------------------------------------------------------------
// Choices (seed 000 comments)

export const CUSTOMER_STATES = [
	{ name: 'Customer', value: 3, description: 'ลูกค้า' },
	{ name: 'Lead', value: 1, description: 'ผู้สนใจ' },
	{ name: 'Prospect', value: 2, description: 'ผู้มุ่งหวัง' },
];

export const CUSTOMER_STATUSES = [
	{ name: 'Active', value: 0 },
	{ name: 'Closed', value: 2, description: 'Needs a Customer Note' },
	{ name: 'Ended', value: 1, description: 'Needs a Customer Note' },
];

export const LEAD_STATUSES = [
	{ name: 'Follow-Up', value: 2 },
	{ name: 'Interested', value: 4 },
	{ name: 'New', value: 1 },
	{ name: 'Unqualified', value: 3, description: 'For a Lead, needs Unqualified Reason and Unqualified Note' },
];

const CUSTOMER_TYPES = [
	{ name: 'Business', value: 1 },
	{ name: 'Individual', value: 2 },
];

const GENDERS = [
	{ name: 'Female', value: 2 },
	{ name: 'Male', value: 1 },
];

const MARITAL_STATUSES = [
	{ name: 'Divorced', value: 5 },
	{ name: 'Engaged', value: 2 },
	{ name: 'Married', value: 3 },
	{ name: 'Separated', value: 4 },
	{ name: 'Single', value: 1 },
	{ name: 'Widowed', value: 6 },
];

const LOCATION_TYPES = [
	{ name: 'Billing Address', value: 1 },
	{ name: 'Shipping Address', value: 2 },
];

const email = z.string().email('must be an email address');
const money = z.number({ invalid_type_error: 'must be a number' }).nonnegative('must not be negative');
const percent = money.max(100, 'must be a percentage from 0 to 100');

// ---------------------------------------------------------------------------------------------
// Customer (seed 000: POST /v3/customers)

const addressFields: Field[] = [
	{ key: 'locationName', label: 'Location Name', type: 'string', required: true, description: 'ชื่อสถานที่, e.g. Head Office' },
	{ key: 'locationAddress', label: 'Address', type: 'string', required: true, description: 'ที่อยู่, the full address text' },
	{ key: 'locationType', label: 'Address Type', type: 'options', required: true, options: LOCATION_TYPES, default: 1 },
	{ key: 'latitude', label: 'Latitude', type: 'number', allowBlank: true, schema: z.number().min(-90).max(90) },
	{ key: 'longitude', label: 'Longitude', type: 'number', allowBlank: true, schema: z.number().min(-180).max(180) },
];

const customFieldFields: Field[] = [
	{ key: 'customFieldName', label: 'Field Name', type: 'string', required: true, description: 'The custom field’s title as set up in Venio' },
	{
		key: 'customFieldValue',
		label: 'Values',
		type: 'stringList',
		required: true,
		description: 'One value, or several separated by commas',
		schema: z.array(z.string().min(1, 'has an empty entry')).min(1, 'is required'),
	},
];

const contactFields: Field[] = [
	{ key: 'contactName', label: 'Contact Name', type: 'string', required: true },
	{ key: 'contactStatus', label: 'Active', type: 'boolean', default: true, description: 'Whether the contact is active' },
	{ key: 'contactPhone', label: 'Phone', type: 'string' },
	{ key: 'contactMobile', label: 'Mobile', type: 'string' },
	{ key: 'contactEmail', label: 'Email', type: 'string', schema: email },
	{ key: 'contactPosition', label: 'Position', type: 'string' },
	{ key: 'contactBirthdate', label: 'Birthdate', type: 'date' },
	{ key: 'contactPicture', label: 'Picture URL', type: 'string' },
	{ key: 'contactNote', label: 'Note', type: 'string' },
];

const SOCIAL = ['facebook', 'line', 'whatsapp', 'skype', 'instagram', 'linkedin', 'telegram', 'wechat'];
const SOCIAL_LABELS: Record<string, string> = { line: 'LINE', linkedin: 'LinkedIn', wechat: 'WeChat', whatsapp: 'WhatsApp' };
const socialFields: Field[] = SOCIAL.map((key) => ({
	key,
	label: SOCIAL_LABELS[key] ?? key[0].toUpperCase() + key.slice(1),
	type: 'string' as const,
}));

export const customerFields: Field[] = [
	{ key: 'customerName', label: 'Customer Name', type: 'string', required: true, description: 'ชื่อลูกค้า. Must be unique in Venio.', schema: z.string().trim() },
	{ key: 'customerState', label: 'State', type: 'options', required: true, options: CUSTOMER_STATES, default: 3 },
	{ key: 'customerStatus', label: 'Status', type: 'options', options: CUSTOMER_STATUSES, default: 0 },
	{ key: 'customerType', label: 'Customer Type', type: 'options', options: CUSTOMER_TYPES, default: 2 },
	{ key: 'customerPicture', label: 'Picture URL', type: 'string' },
	{ key: 'customer2ndName', label: 'Second Name', type: 'string', description: 'ชื่อรอง, e.g. the name in another language' },
	{ key: 'customerAliases', label: 'Aliases', type: 'stringList' },
	{ key: 'customerTaxNo', label: 'Tax ID', type: 'string', description: 'เลขประจำตัวผู้เสียภาษี' },
	{ key: 'creditLimit', label: 'Credit Limit', type: 'string', description: 'Sent as text, as Venio documents it (Venio does not use it yet)' },
	{ key: 'branchCode', label: 'Branch Code', type: 'string', description: 'รหัสสาขา, e.g. 00000 for the head office' },
	{ key: 'customerPhone', label: 'Phone', type: 'string' },
	{ key: 'customerMobile', label: 'Mobile', type: 'string' },
	{ key: 'customerEmail', label: 'Email', type: 'string', schema: email },
	{ key: 'customerPosition', label: 'Position', type: 'string' },
	{ key: 'customerGender', label: 'Gender', type: 'options', options: GENDERS, default: 1 },
	{ key: 'customerMaritalStatus', label: 'Marital Status', type: 'options', options: MARITAL_STATUSES, default: 1 },
	{ key: 'customerBirthdate', label: 'Birthdate', type: 'date' },
	{ key: 'customerIncome', label: 'Income', type: 'string' },
	{ key: 'addresses', label: 'Addresses', type: 'group', multiple: true, fields: addressFields, placeholder: 'Add Address' },
	{ key: 'sourceName', label: 'Source', type: 'string', description: 'แหล่งที่มาลูกค้า, e.g. Facebook' },
	{ key: 'customerGroupName', label: 'Customer Group', type: 'string', description: 'Created in Venio when it does not exist yet' },
	{ key: 'leadStatus', label: 'Lead Status', type: 'options', options: LEAD_STATUSES, default: 1, description: 'When not sent, Venio uses New for a Lead and Interested otherwise' },
	{ key: 'unqulifiedReasonName', label: 'Unqualified Reason', type: 'string', description: 'Required for a Lead whose Lead Status is Unqualified' },
	{ key: 'unqulifiedReasonNote', label: 'Unqualified Note', type: 'string', description: 'Required for a Lead whose Lead Status is Unqualified' },
	{ key: 'interestsName', label: 'Interests', type: 'stringList', description: 'Interests Venio does not have yet are created' },
	{ key: 'customerTags', label: 'Tags', type: 'stringList' },
	{ key: 'classificationName', label: 'Classification', type: 'string', description: 'At most 3 characters, e.g. A', schema: z.string().max(3, 'must be at most 3 characters') },
	{ key: 'customFields', label: 'Custom Fields', type: 'group', multiple: true, fields: customFieldFields, placeholder: 'Add Custom Field' },
	{ key: 'contacts', label: 'Contact', type: 'group', fields: contactFields, placeholder: 'Add Contact' },
	{ key: 'customerSocialAccount', label: 'Social Accounts', type: 'group', fields: socialFields, placeholder: 'Add Social Accounts' },
	{ key: 'customerNote', label: 'Customer Note', type: 'string', rows: 2, description: 'Required when Status is Ended or Closed' },
	{ key: 'owners', label: 'Owners', type: 'multiOptions', loadOptions: 'getEmployees', description: 'Employees responsible for this customer.' },
	{ key: 'primaryOwner', label: 'Primary Owner', type: 'options', loadOptions: 'getEmployees', description: 'The main responsible employee.' },
];

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Seed 000's rules that involve more than one field. */
export const customerSchema = objectSchema(customerFields).superRefine((body, ctx) => {
	if ((body.customerStatus === 1 || body.customerStatus === 2) && blank(body.customerNote)) {
		ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['customerNote'], message: 'is required when Status is Ended or Closed' });
	}
	if (body.leadStatus === 3 && body.customerState === 1) {
		for (const key of ['unqulifiedReasonName', 'unqulifiedReasonNote'] as const) {
			if (blank(body[key])) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: 'is required for a Lead whose Lead Status is Unqualified' });
		}
	}
});

// ---------------------------------------------------------------------------------------------
// Sales orders and quotations: [INF] bodies mirror GET /v2/salesorder/{no} (vendors.md)

/** One document line: the documented `salesorderDetails` fields a caller sets. */
export const lineFields: Field[] = [
	{ key: 'productCode', label: 'Product', type: 'string', required: true, locator: LOCATORS.product, description: 'The Venio product: pick one (search by code or name) or enter its code' },
	{ key: 'qty', label: 'Quantity', type: 'number', required: true, default: 1, schema: z.number().positive('must be more than 0') },
	{ key: 'price', label: 'Unit Price', type: 'number', allowBlank: true, schema: money, placeholder: 'Leave empty for the product’s price' },
	{ key: 'discountValue', label: 'Discount', type: 'number', allowBlank: true, schema: money, placeholder: 'Leave empty for no discount' },
	{ key: 'discountType', label: 'Discount Is a Percentage', type: 'boolean', default: false, description: 'Whether Discount is a percentage (on) or an amount (off)' },
	{ key: 'vatTaxValue', label: 'VAT (%)', type: 'number', allowBlank: true, schema: percent, placeholder: 'Leave empty for the product’s VAT, e.g. 7' },
	{ key: 'whtTaxValue', label: 'Withholding Tax (%)', type: 'number', allowBlank: true, schema: percent },
	{ key: 'productName', label: 'Product Name', type: 'string', description: 'Leave empty for the product’s name' },
	{ key: 'productDescription', label: 'Description', type: 'string' },
	{ key: 'warehouseCode', label: 'Warehouse Code', type: 'string' },
	{ key: 'isShipping', label: 'Is Shipping Fee', type: 'boolean', default: false, description: 'Whether this line is a shipping charge' },
];

const lines = (label: string) =>
	z.array(objectSchema(lineFields)).min(1, `needs at least one ${label}`);

const discountFields: Field[] = [
	{ key: 'discountName', label: 'Discount Name', type: 'string' },
	{ key: 'discountValue', label: 'Header Discount', type: 'number', schema: money, description: 'Discount on the whole document' },
	{ key: 'discountType', label: 'Header Discount Is a Percentage', type: 'boolean', default: false },
];

export const salesOrderFields: Field[] = [
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer },
	{ key: 'salesorderDetails', label: 'Lines', type: 'group', multiple: true, required: true, fields: lineFields, placeholder: 'Add Line', schema: lines('line') },
	{ key: 'salesOrderSubject', label: 'Subject', type: 'string' },
	{ key: 'salesOrderDate', label: 'Order Date', type: 'date', description: 'Calendar date YYYY-MM-DD; today in Venio when empty' },
	{ key: 'staffCode', label: 'Salesperson', type: 'options', loadOptions: 'getEmployees', description: 'The employee who made the sale.' },
	{ key: 'remark', label: 'Remark', type: 'string', rows: 2 },
	{ key: 'salesOrderNote', label: 'Note', type: 'string', rows: 2 },
	{ key: 'privateNote', label: 'Private Note', type: 'string', rows: 2 },
	{ key: 'referenceNo', label: 'Reference Number', type: 'string', description: 'Your own reference, e.g. the web shop’s order number' },
	{ key: 'paymentTerm', label: 'Payment Term', type: 'string' },
	...discountFields,
	{ key: 'recipientName', label: 'Recipient Name', type: 'string' },
	{ key: 'recipientAddress', label: 'Recipient Address', type: 'string' },
	{ key: 'customerAddressId', label: 'Customer Address ID', type: 'number', description: 'Which of the customer’s addresses to ship to' },
	{ key: 'contactId', label: 'Contact ID', type: 'number' },
	{ key: 'warehouseCode', label: 'Warehouse Code', type: 'string' },
	{ key: 'currencyCode', label: 'Currency', type: 'string', placeholder: 'THB', schema: z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as THB') },
	{ key: 'headerTemplateId', label: 'Header Template ID', type: 'number' },
	{ key: 'vatCalculation', label: 'VAT Calculation', type: 'number', description: 'Venio’s VAT calculation code, as set up in your Venio' },
];

export const salesOrderSchema = objectSchema(salesOrderFields);

export const quotationFields: Field[] = [
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer },
	{ key: 'quotationDetails', label: 'Lines', type: 'group', multiple: true, required: true, fields: lineFields, placeholder: 'Add Line', schema: lines('line') },
	{ key: 'quotationSubject', label: 'Subject', type: 'string' },
	{ key: 'quotationDate', label: 'Quotation Date', type: 'date', description: 'Calendar date YYYY-MM-DD; today in Venio when empty' },
	{ key: 'validUntil', label: 'Valid Until', type: 'date' },
	{ key: 'staffCode', label: 'Salesperson', type: 'options', loadOptions: 'getEmployees', description: 'The employee who made the quotation.' },
	{ key: 'remark', label: 'Remark', type: 'string', rows: 2 },
	{ key: 'privateNote', label: 'Private Note', type: 'string', rows: 2 },
	{ key: 'referenceNo', label: 'Reference Number', type: 'string' },
	{ key: 'paymentTerm', label: 'Payment Term', type: 'string' },
	...discountFields,
];

export const quotationSchema = objectSchema(quotationFields);

// ---------------------------------------------------------------------------------------------
// Products: [INF] body fields taken from the product answer

export const PRODUCT_STATUSES = [
	{ name: 'Active', value: 1 },
	{ name: 'Inactive', value: 2 },
];

export const productFields: Field[] = [
	{ key: 'productCode', label: 'Product Code', type: 'string', required: true, description: 'An existing code updates that product; a new code creates one' },
	{ key: 'productName', label: 'Product Name', type: 'string', description: 'Required when the product is new' },
	{ key: 'productDescription', label: 'Description', type: 'string', rows: 2 },
	{ key: 'price', label: 'Price', type: 'number', schema: money },
	{ key: 'vatTaxValue', label: 'VAT (%)', type: 'number', schema: percent },
	{ key: 'unitId', label: 'Unit', type: 'options', loadOptions: 'getUnits', description: 'The unit it is sold in.' },
	{ key: 'productGroupId', label: 'Product Group', type: 'options', loadOptions: 'getProductGroups', description: 'The product’s group.' },
	{ key: 'barcode', label: 'Barcode', type: 'string' },
	{ key: 'status', label: 'Status', type: 'options', options: PRODUCT_STATUSES, default: 1 },
];

export const productSchema = objectSchema(productFields);
