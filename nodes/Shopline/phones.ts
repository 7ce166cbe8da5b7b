/**
 * SHOPLINE keeps a phone as a number plus a separate country calling code. Users write phones
 * either way (+66812345678, 0812345678 with a chosen country), so both are read here with the
 * shared phone rules and sent in the local form SHOPLINE shows in its admin.
 */
import { CALLING_CODES as MARKET_CODES, parsePhone, type Country } from '../shared/phone';
import { CALLING_CODES } from './fields';

const COUNTRY_BY_CODE = Object.fromEntries(Object.entries(MARKET_CODES).map(([country, code]) => [code, country as Country]));
const KNOWN_CODES = CALLING_CODES.map((c) => c.value).sort((a, b) => b.length - a.length);

export interface SplitPhone {
	number: string;
	code: string;
}

const digits = (text: string) => text.replace(/\D/g, '');

/** The local form: trunk 0 + national number (Hong Kong and Macau have no trunk 0). */
function localForm(code: string, national: string): string {
	return code === '852' || code === '853' ? national : `0${national}`;
}

/**
 * One phone as SHOPLINE wants it, or an error text that reads on from the field's label.
 * `code` is the calling code the user chose ('' when none): a +number carries its own.
 */
export function splitPhone(value: string, code: string): SplitPhone | string {
	const text = value.trim();
	if (/^(\+|00)/.test(text)) {
		const international = digits(text.replace(/^00/, ''));
		const parsed = parsePhone(`+${international}`);
		const own = parsed?.callingCode ?? KNOWN_CODES.find((c) => international.startsWith(c));
		if (!own) return `"${value}" has a country code this node does not know; choose the country and write the number without it`;
		if (!parsed && COUNTRY_BY_CODE[own]) return `"${value}" is not a valid phone number for +${own}`;
		if (code && code !== own) return `"${value}" is a +${own} number but the country chosen is +${code}`;
		const national = parsed?.national ?? international.slice(own.length).replace(/^0/, '');
		return { number: localForm(own, national), code: own };
	}
	const country = COUNTRY_BY_CODE[code];
	if (!country) return { number: digits(text), code };
	const parsed = parsePhone(text, country);
	if (!parsed || parsed.callingCode !== code) return `"${value}" is not a valid phone number for +${code}`;
	return { number: localForm(code, parsed.national), code };
}

/**
 * Several phones separated by commas (SHOPLINE's mobile_phone allows that); all must share one
 * country. Without a code and without +, the numbers are sent as written (Update keeps the
 * customer's current code).
 */
export function splitPhones(value: string, code: string): SplitPhone | string {
	const parts = value
		.split(',')
		.map((p) => p.trim())
		.filter(Boolean);
	if (!code && !parts.some((p) => /^(\+|00)/.test(p))) return { number: parts.join(','), code: '' };
	const split: SplitPhone[] = [];
	for (const part of parts) {
		const one = splitPhone(part, code || split[0]?.code || '');
		if (typeof one === 'string') return one;
		split.push(one);
	}
	return { number: split.map((s) => s.number).join(','), code: split.find((s) => s.code)?.code ?? code };
}

/** E.164 (+66812345678) from SHOPLINE's number and calling code; null when either is missing. */
export function e164Of(number: unknown, code: unknown): string | null {
	if (typeof number !== 'string' || number.trim() === '') return null;
	const first = number.split(',')[0].trim();
	if (/^(\+|00)/.test(first)) return parsePhone(first)?.e164 ?? `+${digits(first.replace(/^00/, ''))}`;
	const cc = digits(String(code ?? ''));
	if (!cc) return null;
	const national = digits(first).replace(/^0+/, '');
	return parsePhone(`+${cc}${national}`)?.e164 ?? `+${cc}${national}`;
}
