/** SHOPLINE simulator: seed 002's customer rules (create and update) and new-customer notifications. */
import { type SimResponse } from '../core';
import { digits, fail, invalid, isPlainObject, isValidEmail, phoneMatches } from './helpers';
import { CREATION_SOURCES, type CustomerRec, GENDERS, MEMBERSHIP_TIERS } from './model';
import type { ShoplineSim } from './index';

/** Every seed 002 rule; `selfId` is the customer being updated (PUT), undefined on create. */
export function validateCustomer(sim: ShoplineSim, body: Record<string, any>, selfId: string | undefined): SimResponse | undefined {
	const creating = selfId === undefined;
	const existing = selfId ? sim.customers.get(selfId) : undefined;
	const checks = [
		() => checkName(body, creating),
		() => checkContact(body, existing),
		() => checkMobile(sim, body, existing),
		() => (!creating ? checkPhoneCountry(body) : undefined),
		() => checkStringFields(body),
		() => checkBooleans(body),
		() => checkEnum(body, 'gender', [...GENDERS], true),
		() => checkEnum(body, 'created_by', CREATION_SOURCES, false),
		() => checkEnum(body, 'registered_by', CREATION_SOURCES, false),
		() => checkBirthday(sim, body),
		() => checkDeliveryAddresses(body),
		() => checkNotificationTypes(body),
		() => checkTags(body),
		() => checkTier(body),
		() => (!creating ? checkTierExpiry(body) : undefined),
		() => checkDuplicates(sim, body, selfId),
	];
	for (const check of checks) {
		const error = check();
		if (error) return error;
	}
	return undefined;
}

export function checkName(body: Record<string, any>, creating: boolean): SimResponse | undefined {
	if (!creating && !('name' in body)) return undefined;
	if (typeof body.name !== 'string' || !body.name.trim()) return invalid('name', 'name is required');
	return undefined;
}

/** Email or mobile phone is required (on update: must not leave the customer with neither). */
export function checkContact(body: Record<string, any>, existing: CustomerRec | undefined): SimResponse | undefined {
	const email = 'email' in body ? body.email : existing?.email;
	const mobile = 'mobile_phone' in body ? body.mobile_phone : existing?.mobile_phone;
	if (!email && !mobile) return invalid('email', 'email or mobile_phone is required');
	if ('email' in body && body.email && (typeof body.email !== 'string' || !isValidEmail(body.email.trim()))) {
		return invalid('email', 'email is invalid');
	}
	return undefined;
}

/** mobile_phone and mobile_phone_country_calling_code go together; the code must be a sign-up country. */
export function checkMobile(sim: ShoplineSim, body: Record<string, any>, existing: CustomerRec | undefined): SimResponse | undefined {
	const mobile = 'mobile_phone' in body ? body.mobile_phone : existing?.mobile_phone;
	const code = 'mobile_phone_country_calling_code' in body ? body.mobile_phone_country_calling_code : existing?.mobile_phone_country_calling_code;
	if (mobile && !code) {
		return invalid('mobile_phone_country_calling_code', 'mobile_phone_country_calling_code is required with mobile_phone');
	}
	if (code && !mobile) return invalid('mobile_phone', 'mobile_phone is required with mobile_phone_country_calling_code');
	if (code && !sim.config.mobileSignUpCountries.includes(String(code).replace(/^\+/, ''))) {
		return invalid('mobile_phone_country_calling_code', `Country code ${code} is not a mobile sign-up country of this shop`);
	}
	if (mobile && String(mobile).split(',').some((m) => digits(m).length < 6)) return invalid('mobile_phone', 'mobile_phone is invalid');
	return undefined;
}

export function checkBirthday(sim: ShoplineSim, body: Record<string, any>): SimResponse | undefined {
	const parts = ['birth_year', 'birth_month', 'birth_day'].filter((k) => body[k] !== undefined && body[k] !== null);
	const hasBirthday = body.birthday !== undefined && body.birthday !== null;
	if (hasBirthday && parts.length) {
		return invalid('birthday', 'birthday cannot be used together with birth_year, birth_month or birth_day');
	}
	if (hasBirthday) return checkBirthdayDate(sim, body.birthday);
	return checkBirthParts(body);
}

export function checkBirthdayDate(sim: ShoplineSim, value: unknown): SimResponse | undefined {
	const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
	const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
	if (!match || !date || date.getUTCDate() !== +match[3]) return invalid('birthday', 'birthday must be a date YYYY-MM-DD');
	if (+match[1] < 1900) return invalid('birthday', 'birthday is invalid'); // documented: 18xx is invalid
	const age = ageOn(date, new Date());
	if (date.getTime() > Date.now() || age < sim.config.minimumAge) {
		return invalid('birthday', `birthday does not meet the age limit (${sim.config.minimumAge})`);
	}
	return undefined;
}

export function checkTier(body: Record<string, any>): SimResponse | undefined {
	const id = body.membership_tier_id;
	if (id === undefined || id === null || id === '') return undefined;
	if (!MEMBERSHIP_TIERS.some((t) => t.id === id)) return invalid('membership_tier_id', `Membership tier ${id} not found`);
	return undefined;
}

/** [INF] duplicate email or mobile phone (same calling code) is rejected. */
export function checkDuplicates(sim: ShoplineSim, body: Record<string, any>, selfId: string | undefined): SimResponse | undefined {
	const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
	const mobiles = typeof body.mobile_phone === 'string' ? body.mobile_phone.split(',').filter(Boolean) : [];
	const code = body.mobile_phone_country_calling_code ?? (selfId ? sim.customers.get(selfId)?.mobile_phone_country_calling_code : null);
	for (const c of sim.customers.values()) {
		if (c.id === selfId) continue;
		if (email && c.email === email) return fail(sim.config.duplicateStatus, 'UnprocessableEntity', 'Email has already been taken', 'email');
		const sameMobile = c.mobile_phone && String(c.mobile_phone_country_calling_code) === String(code) &&
			mobiles.some((m: string) => c.mobile_phone!.split(',').some((own) => phoneMatches(m, own, null)));
		if (sameMobile) return fail(sim.config.duplicateStatus, 'UnprocessableEntity', 'Mobile phone has already been taken', 'mobile_phone');
	}
	return undefined;
}

/** send_notification (default true): reset-password mail plus welcome email/SMS per notification_types. */
export function notifyNewCustomer(sim: ShoplineSim, c: CustomerRec, body: Record<string, any>): void {
	if (body.send_notification === false) return;
	const types: string[] = Array.isArray(body.notification_types) && body.notification_types.length ? body.notification_types : ['email', 'sms'];
	if (c.email) sim.notifications.push({ to: c.email, channel: 'email', kind: 'reset_password', resource_id: c.id });
	if (types.includes('email') && c.email) sim.notifications.push({ to: c.email, channel: 'email', kind: 'welcome', resource_id: c.id });
	if (types.includes('sms') && c.mobile_phone && sim.config.smsEnabled) {
		const to = `+${c.mobile_phone_country_calling_code}${digits(c.mobile_phone).replace(/^0+/, '')}`;
		sim.notifications.push({ to, channel: 'sms', kind: 'welcome', resource_id: c.id });
	}
}

/** is_send_welcome_credit (seed) or legacy is_allow_welcome_credit, default false. */
export function grantWelcomeCredit(sim: ShoplineSim, c: CustomerRec, body: Record<string, any>): void {
	const asked = body.is_send_welcome_credit === true || body.is_allow_welcome_credit === true;
	if (!asked || sim.config.welcomeCredit <= 0) return;
	c.credit_balance += sim.config.welcomeCredit;
	if (c.email) sim.notifications.push({ to: c.email, channel: 'email', kind: 'welcome_credit', resource_id: c.id });
}

export function ageOn(birthday: Date, today: Date): number {
	let age = today.getUTCFullYear() - birthday.getUTCFullYear();
	const beforeBirthday =
		today.getUTCMonth() < birthday.getUTCMonth() ||
		(today.getUTCMonth() === birthday.getUTCMonth() && today.getUTCDate() < birthday.getUTCDate());
	if (beforeBirthday) age--;
	return age;
}

export const STRING_FIELDS = [
	'email',
	'mobile_phone',
	'mobile_phone_country_calling_code',
	'phone',
	'phone_country_code',
	'memo',
	'membership_tier_id',
	'created_by_channel_id',
	'registered_by_channel_id',
	'ref_user_id',
];

export function checkStringFields(body: Record<string, any>): SimResponse | undefined {
	for (const field of STRING_FIELDS) {
		const v = body[field];
		if (v !== undefined && v !== null && typeof v !== 'string') return invalid(field, `${field} must be a string`);
	}
	if (body.phones !== undefined && body.phones !== null && typeof body.phones !== 'string' && !Array.isArray(body.phones)) {
		return invalid('phones', 'phones must be a comma-separated string');
	}
	return undefined;
}

export const BOOLEAN_FIELDS = [
	'send_notification',
	'is_member',
	'is_accept_marketing',
	'is_subscribed_marketing_email',
	'is_subscribed_marketing_sms',
	'is_send_welcome_credit',
	'is_allow_welcome_credit',
];

export function checkBooleans(body: Record<string, any>): SimResponse | undefined {
	const bad = BOOLEAN_FIELDS.find((f) => body[f] !== undefined && typeof body[f] !== 'boolean');
	return bad ? invalid(bad, `${bad} must be a boolean`) : undefined;
}

export function checkEnum(body: Record<string, any>, field: string, allowed: string[], nullable: boolean): SimResponse | undefined {
	const v = body[field];
	if (v === undefined || (nullable && v === null)) return undefined;
	return allowed.includes(v) ? undefined : invalid(field, `${field} must be one of ${allowed.join(', ')}`);
}

/** Documented for Update Customer: if phone is given, phone_country_code must not be blank. */
export function checkPhoneCountry(body: Record<string, any>): SimResponse | undefined {
	if (body.phone && !body.phone_country_code) return invalid('phone_country_code', 'phone_country_code is required with phone');
	return undefined;
}

/** [INF] birth parts: whole numbers, year 1900..this year, month 1..12, day 1..31. */
export function checkBirthParts(body: Record<string, any>): SimResponse | undefined {
	const limits: [string, number, number][] = [
		['birth_year', 1900, new Date().getUTCFullYear()],
		['birth_month', 1, 12],
		['birth_day', 1, 31],
	];
	for (const [field, min, max] of limits) {
		const v = body[field];
		if (v === undefined || v === null) continue;
		if (!Number.isInteger(v) || v < min || v > max) return invalid(field, `${field} must be a whole number from ${min} to ${max}`);
	}
	return undefined;
}

export function checkDeliveryAddresses(body: Record<string, any>): SimResponse | undefined {
	const v = body.delivery_addresses;
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v) || v.some((a) => !isPlainObject(a))) return invalid('delivery_addresses', 'delivery_addresses must be an array of objects');
	if (v.length > 5) return invalid('delivery_addresses', 'delivery_addresses allows at most 5 addresses');
	return undefined;
}

export function checkNotificationTypes(body: Record<string, any>): SimResponse | undefined {
	const v = body.notification_types;
	if (v === undefined || v === null) return undefined;
	if (!Array.isArray(v) || v.some((t) => t !== 'email' && t !== 'sms')) {
		return invalid('notification_types', 'notification_types must be a list of email and/or sms');
	}
	return undefined;
}

export function checkTags(body: Record<string, any>): SimResponse | undefined {
	const v = body.tags;
	if (v === undefined || v === null) return undefined;
	return Array.isArray(v) && v.every((t) => typeof t === 'string') ? undefined : invalid('tags', 'tags must be an array of strings');
}

/** Documented for Update Customer: tier_expires_at accepts only a future date. */
export function checkTierExpiry(body: Record<string, any>): SimResponse | undefined {
	const v = body.tier_expires_at;
	if (v === undefined || v === null) return undefined;
	const t = typeof v === 'string' ? Date.parse(v) : NaN;
	return Number.isNaN(t) || t <= Date.now() ? invalid('tier_expires_at', 'tier_expires_at must be a future date') : undefined;
}
