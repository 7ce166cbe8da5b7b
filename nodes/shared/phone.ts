/**
 * Phone numbers for Thailand, Vietnam, Taiwan and Hong Kong, both ways: local forms (081…, 09…,
 * 0912…, 9123 4567) to E.164 (+66…, +84…, +886…, +852…), and E.164 back to what a vendor wants
 * (a local number, or SHOPLINE's country calling code and number apart).
 */

export type Country = 'TH' | 'VN' | 'TW' | 'HK';

export const CALLING_CODES: Record<Country, string> = { TH: '66', VN: '84', TW: '886', HK: '852' };

/** National significant number lengths (without the trunk 0). */
const NSN_LENGTH: Record<Country, number[]> = { TH: [8, 9], VN: [9, 10], TW: [8, 9], HK: [8] };

const byCode = Object.entries(CALLING_CODES).sort((a, b) => b[1].length - a[1].length) as Array<[Country, string]>;

export interface ParsedPhone {
	country: Country;
	callingCode: string;
	/** The number without country code or trunk 0, e.g. 812345678. */
	national: string;
	e164: string;
}

function digitsOf(value: string): string {
	return value.replace(/[\s\-().]/g, '');
}

/**
 * Reads a phone in any common form; `defaultCountry` decides local numbers (those starting with 0,
 * or 8-digit Hong Kong numbers). Returns undefined when it cannot be a number of these markets.
 */
export function parsePhone(value: unknown, defaultCountry: Country = 'TH'): ParsedPhone | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	let text = digitsOf(String(value).trim());
	if (text === '') return undefined;
	if (text.startsWith('00')) text = `+${text.slice(2)}`;
	let country: Country | undefined;
	let national: string;
	if (text.startsWith('+')) {
		const rest = text.slice(1);
		const match = byCode.find(([, code]) => rest.startsWith(code));
		if (!match) return undefined;
		country = match[0];
		national = rest.slice(match[1].length).replace(/^0/, '');
	} else if (/^\d+$/.test(text)) {
		const withCode = byCode.find(([c, code]) => text.startsWith(code) && NSN_LENGTH[c].includes(text.length - code.length));
		if (text.startsWith('0')) {
			country = defaultCountry;
			national = text.slice(1);
		} else if (withCode && text.length > 9) {
			country = withCode[0];
			national = text.slice(withCode[1].length);
		} else {
			country = defaultCountry;
			national = text;
		}
	} else return undefined;
	// A national number never starts with 0: one left over means a doubled trunk 0 ("+84 0 09…").
	if (!/^[1-9]\d*$/.test(national) || !NSN_LENGTH[country].includes(national.length)) return undefined;
	const callingCode = CALLING_CODES[country];
	return { country, callingCode, national, e164: `+${callingCode}${national}` };
}

/** E.164 for a phone, or undefined when it cannot be read. */
export function toE164(value: unknown, defaultCountry: Country = 'TH'): string | undefined {
	return parsePhone(value, defaultCountry)?.e164;
}

/** The local form a person dials at home: 0 + national number (Hong Kong has no trunk 0). */
export function toLocal(value: unknown, defaultCountry: Country = 'TH'): string | undefined {
	const p = parsePhone(value, defaultCountry);
	if (!p) return undefined;
	return p.country === 'HK' ? p.national : `0${p.national}`;
}
