/**
 * What the customer operations share: the email / mobile phone inputs at the top of the form,
 * and the body as SHOPLINE wants it (phones split into number + calling code, lists joined).
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, fromUi } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { matchExistingProperty, recordLabel, type MatchChoice } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { locatorProperty } from '../../../shared/locator';
import { fail } from '../../../shared/validation';
import { contactFields, customerCreateFields, customerCreateOptional, customerCreateSchema, nameField } from '../../fields';
import { shoplineCustomerFromCommon } from '../../fromCommon';
import { splitPhone, splitPhones } from '../../phones';
import { LOCATORS } from '../../locators';
import { toCommonCustomer } from '../../simplify';
import { responseFieldOptions } from '../common';

/** Email, Mobile Phone and its country, rendered as the field table renders them, but at the top. */
export const contactProperties: INodeProperties[] = (fieldProperties(contactFields)[0].options ?? []) as INodeProperties[];

/** The form of Create and Create or Update: mapping, name and contact at the top, the rest optional. */
export function customerWriteProperties(): INodeProperties[] {
	return [
		...mappingProperties('customer'),
		...manualOnly([...fieldProperties([nameField]), ...contactProperties]),
		...fieldProperties(customerCreateOptional),
		optionsCollection([concurrencyOption, extraBodyProperty, ...responseFieldOptions]),
	];
}

/** "Match Existing By" for customer writes: `first` choices, then email and/or mobile phone. */
export function customerMatchProperty(first: MatchChoice[], fallback: string, description: string): INodeProperties {
	return matchExistingProperty(
		[
			...first,
			{ name: 'Email or Mobile Phone', value: 'emailOrPhone', description: 'The customer with this email; if none, the one with this mobile phone' },
			{ name: 'Email', value: 'email', description: 'The customer with this email (any case)' },
			{ name: 'Mobile Phone', value: 'phone', description: 'The customer with this mobile phone and country calling code' },
		],
		fallback,
		description,
	);
}

/** A customer item's own key for messages: its email, mobile phone or name. */
export function customerRecordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['email', 'mobile_phone', 'name']);
}

/** Create and Create or Update read the same body: from the fields, or mapped from a common-shape customer. */
export function readCustomerWrite(ctx: IExecuteFunctions, i: number): IDataObject {
	const auto = ctx.getNodeParameter('mapping', i, 'manual') === 'auto';
	const validated = readMappedBody(ctx, i, {
		kind: 'customer',
		fields: customerCreateFields,
		schema: customerCreateSchema,
		fromCommon: shoplineCustomerFromCommon,
		base: auto ? {} : readContact(ctx, i),
	});
	return toShoplineCustomer(ctx, i, validated);
}

/** Reads the top-level contact inputs; blanks are left out. */
export function readContact(ctx: IExecuteFunctions, i: number): IDataObject {
	const out: IDataObject = {};
	for (const f of contactFields) {
		const value = fromUi(f, ctx.getNodeParameter(f.key, i, ''), ctx.getTimezone());
		if (value !== undefined && value !== '') out[f.key] = value as string;
	}
	return out;
}

function applyPhone(ctx: IExecuteFunctions, i: number, body: IDataObject, keys: [string, string], label: string, several: boolean): void {
	const [numberKey, codeKey] = keys;
	const value = body[numberKey];
	if (typeof value !== 'string' || value.trim() === '') return;
	const code = typeof body[codeKey] === 'string' ? (body[codeKey] as string) : '';
	const split = several ? splitPhones(value, code) : splitPhone(value, code);
	if (typeof split === 'string') fail(ctx.getNode(), i, [`"${label}": ${split}`]);
	else {
		body[numberKey] = split.number;
		if (split.code) body[codeKey] = split.code;
	}
}

/** The validated body as SHOPLINE takes it. */
export function toShoplineCustomer(ctx: IExecuteFunctions, i: number, validated: IDataObject): IDataObject {
	const body: IDataObject = { ...validated };
	applyPhone(ctx, i, body, ['mobile_phone', 'mobile_phone_country_calling_code'], 'Mobile Phone', true);
	applyPhone(ctx, i, body, ['phone', 'phone_country_code'], 'Phone', false);
	if (Array.isArray(body.delivery_addresses)) {
		body.delivery_addresses = (body.delivery_addresses as IDataObject[]).map((address, n) => {
			const copy = { ...address };
			applyPhone(ctx, i, copy, ['recipient_phone', 'recipient_phone_country_code'], `Delivery Addresses › ${n + 1} › Recipient Phone`, false);
			return copy;
		});
	}
	// Documented: phones is one comma-separated string.
	if (Array.isArray(body.phones)) body.phones = (body.phones as string[]).join(',');
	// [INF] older docs name the welcome-credit switch is_allow_welcome_credit, the seed is_send_welcome_credit: send both.
	if (body.is_send_welcome_credit !== undefined) body.is_allow_welcome_credit = body.is_send_welcome_credit;
	return body;
}

export const customerIdProperty: INodeProperties = locatorProperty(LOCATORS.customer);

/** A read's output: the common customer shape, or SHOPLINE's object unchanged. */
export function customerOutput(raw: IDataObject[], simplify: boolean): IDataObject[] {
	return simplify ? raw.map((c) => toCommonCustomer(c) as unknown as IDataObject) : raw;
}
