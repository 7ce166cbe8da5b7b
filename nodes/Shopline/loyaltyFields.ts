/**
 * SHOPLINE loyalty fields, described once (docs/vendors/shopline.md "Loyalty"): member points and
 * store credits (one customer, or many in a bulk update) and customer tags. Each table drives the
 * node's properties, the request body and the zod check before any request.
 */
import { z } from 'zod';

import { fieldLabels, objectSchema, type Field } from '../shared/fields';

/** Documented: points and credits change by -999999..999999 at a time. */
const change = z
	.number({ invalid_type_error: 'must be a number' })
	.int('must be a whole number')
	.min(-999_999, 'must be -999999 or more')
	.max(999_999, 'must be 999999 or less');
/** Documented: the reason has at most 50 characters. */
const remarks = z.string({ invalid_type_error: 'must be text' }).trim().min(1, 'is required').max(50, 'must have at most 50 characters');
const customerIds = z.array(z.string().min(1, 'has an empty entry')).min(1, 'needs at least one customer ID');

const EMAIL_TARGETS = [
	{ name: 'Yes', value: 3, description: 'Email the customer about the addition' },
	{ name: 'No', value: 1 },
];
const SMS_TARGETS = [
	{ name: 'Every Mobile Phone', value: 3 },
	{ name: 'Verified Mobile Phones Only', value: 2 },
	{ name: 'No', value: 1 },
];

const notificationFields: Field[] = [
	{ key: 'email_target', label: 'Email the Customer', type: 'options', options: EMAIL_TARGETS, default: 3, description: 'Only for additions; SHOPLINE never notifies a deduction' },
	{ key: 'sms_notification_target', label: 'Text the Customer', type: 'options', options: SMS_TARGETS, default: 3, description: 'Only for additions, and only when SMS is enabled for the shop' },
	{ key: 'performer_id', label: 'Performer ID', type: 'string', description: 'ID of the staff member recorded as making the change' },
];

const pointsValue: Field = {
	key: 'value',
	label: 'Points',
	type: 'number',
	required: true,
	default: 100,
	schema: change.refine((v) => v !== 0, 'must not be 0'),
	description: 'Points to add; a negative number deducts them (-999999 to 999999)',
};
const creditsValue: Field = { ...pointsValue, label: 'Amount', description: 'Store credit to add; a negative number deducts it (-999999 to 999999)' };
const remarksField: Field = { key: 'remarks', label: 'Reason', type: 'string', required: true, schema: remarks, placeholder: 'e.g. In-store purchase POS-1234', description: 'Why the balance changes (at most 50 characters)' };
const userIdsField: Field = {
	key: 'user_ids',
	label: 'Customer IDs',
	type: 'stringList',
	required: true,
	schema: customerIds,
	description: 'SHOPLINE customer IDs, each one gets the same change',
};

export const STORE_CREDIT_TYPES = [
	{ name: 'Auto Reward', value: 'auto_reward' },
	{ name: 'Birthday Credit', value: 'birthday_credit' },
	{ name: 'Manual Credit', value: 'manual_credit' },
	{ name: 'Member Info Reward', value: 'member_info_quick_completion_credit' },
	{ name: 'Member Referral Credit', value: 'member_referral_credit' },
	{ name: 'Product Review Reward', value: 'product_review_reward' },
	{ name: 'Welcome Credit', value: 'welcome_credit' },
];

const expiresField = (key: string): Field => ({
	key,
	label: 'Expires On',
	type: 'date',
	description: 'Last day the credit can be used: not in the past, at most 9999 days ahead. Empty: never expires.',
});

export const memberPointsFields: Field[] = [pointsValue, remarksField, ...notificationFields];

export const storeCreditsFields: Field[] = [
	creditsValue,
	remarksField,
	expiresField('expires_at'),
	{ key: 'replace', label: 'Replace Balance', type: 'boolean', default: false, description: 'Whether Amount becomes the customer’s whole store credit balance instead of being added' },
	{ key: 'type', label: 'Credit Type', type: 'options', options: STORE_CREDIT_TYPES, default: 'manual_credit', description: 'How the credit shows in the customer’s history' },
	...notificationFields,
];

/** Replace Balance may set a balance of 0; otherwise a change of 0 is refused like for points. */
export const storeCreditsSchema = objectSchema(storeCreditsFields.map((f) => (f.key === 'value' ? { ...f, schema: change } : f))).superRefine((body, ctx) => {
	if (body.value === 0 && body.replace !== true) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['value'], message: 'must not be 0' });
	if (body.replace === true && Number(body.value) < 0) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['value'], message: 'cannot be negative with Replace Balance' });
});

export const bulkMemberPointsFields: Field[] = [userIdsField, pointsValue, remarksField, ...notificationFields];
export const bulkStoreCreditsFields: Field[] = [userIdsField, creditsValue, remarksField, expiresField('expired_at'), ...notificationFields];

/** Documented: each tag has 3 to 40 characters, a customer at most 60 tags. */
export const MAX_CUSTOMER_TAGS = 60;
export const tagFields: Field[] = [
	{
		key: 'tags',
		label: 'Tags',
		type: 'stringList',
		required: true,
		schema: z
			.array(z.string().min(3, 'has a tag shorter than 3 characters').max(40, 'has a tag longer than 40 characters'))
			.min(1, 'needs at least one tag')
			.max(MAX_CUSTOMER_TAGS, `allows at most ${MAX_CUSTOMER_TAGS} tags per customer`),
		placeholder: 'vip, pos-member',
		description: 'Each tag 3 to 40 characters; a customer can have at most 60 tags',
	},
];

export const LOYALTY_FIELD_LABELS: Record<string, string> = {
	...fieldLabels([...memberPointsFields, ...storeCreditsFields, ...bulkStoreCreditsFields, ...tagFields]),
	value: 'Points or Amount',
	update_mode: 'Mode',
};
