/**
 * Phone numbers of Thailand, Vietnam, Taiwan and Hong Kong in every form people type them: each
 * form reads back to the same E.164 number, the conversions round-trip, and garbage is refused
 * (undefined) without ever throwing.
 */
import fc from 'fast-check';

import { CALLING_CODES, parsePhone, toE164, toLocal, type Country } from '../../nodes/shared/phone';
import { anyChar, propertySuite, unicodeText, wrongType } from './support';

const tally = propertySuite('phone');

const COUNTRIES: Country[] = ['TH', 'VN', 'TW', 'HK'];
/** National significant number lengths as the markets use them (trunk 0 not counted). */
const LENGTHS: Record<Country, number[]> = { TH: [8, 9], VN: [9, 10], TW: [8, 9], HK: [8] };

/** A country and a national number of a valid length that does not start with 0. */
const nationalNumber = fc
	.constantFrom(...COUNTRIES)
	.chain((country) =>
		fc
			.constantFrom(...LENGTHS[country])
			.chain((length) => fc.tuple(fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length - 1, maxLength: length - 1 })))
			.map(([first, rest]) => ({ country, national: `${first}${rest.join('')}` })),
	);

type Form = 'local' | 'plus' | 'doubleZero' | 'plusTrunk' | 'codeOnly';

/** How a person writes the number; `codeOnly` (66812345678) is only unambiguous for long numbers. */
function write(country: Country, national: string, form: Form): string {
	const code = CALLING_CODES[country];
	switch (form) {
		case 'local':
			return country === 'HK' ? national : `0${national}`;
		case 'plus':
			return `+${code}${national}`;
		case 'doubleZero':
			return `00${code}${national}`;
		case 'plusTrunk':
			return `+${code} (0)${national}`;
		case 'codeOnly':
			return `${code}${national}`;
	}
}

/** Puts spaces, dashes, dots or brackets between digits, as people and spreadsheets do. */
const decorate = (text: string) =>
	fc
		.array(fc.constantFrom('', '', '', ' ', '-', '.', ' - ', '  '), { minLength: text.length, maxLength: text.length })
		.chain((seps) => fc.tuple(fc.constant(seps), fc.constantFrom('', ' ', '\t'), fc.constantFrom('', ' ', '\n')))
		.map(([seps, before, after]) => before + [...text].map((ch, i) => (i > 0 && /\d/.test(ch) && /\d/.test(text[i - 1]) ? seps[i] : '') + ch).join('') + after);

const written = nationalNumber.chain(({ country, national }) =>
	fc
		.constantFrom<Form>('local', 'plus', 'doubleZero', 'plusTrunk', 'codeOnly')
		.filter((form) => form !== 'codeOnly' || national.length >= 8)
		.chain((form) => decorate(write(country, national, form)).map((text) => ({ country, national, form, text }))),
);

describe('phone numbers (TH, VN, TW, HK)', () => {
	it('reads every written form back to the same number', async () => {
		await tally.check(
			'every local/international/spaced/dashed form parses to its E.164',
			fc.property(written, ({ country, national, text }) => {
				const parsed = parsePhone(text, country);
				expect(parsed).toEqual({ country, callingCode: CALLING_CODES[country], national, e164: `+${CALLING_CODES[country]}${national}` });
			}),
		);
	});

	it('reads international forms the same whatever the default country', async () => {
		await tally.check(
			'international forms ignore the default country',
			fc.property(nationalNumber, fc.constantFrom<Form>('plus', 'doubleZero', 'plusTrunk'), fc.constantFrom(...COUNTRIES), ({ country, national }, form, otherDefault) => {
				expect(toE164(write(country, national, form), otherDefault)).toBe(`+${CALLING_CODES[country]}${national}`);
			}),
		);
	});

	it('round-trips E.164 and the local form', async () => {
		await tally.check(
			'toLocal(toE164(x)) === toLocal(x) and toE164(toLocal(x)) === toE164(x)',
			fc.property(written, ({ country, text }) => {
				const e164 = toE164(text, country)!;
				const local = toLocal(text, country)!;
				expect(toLocal(e164, country)).toBe(local);
				expect(toE164(local, country)).toBe(e164);
				expect(toE164(e164, country)).toBe(e164);
				expect(local).toMatch(country === 'HK' ? /^[1-9]\d{7}$/ : /^0[1-9]\d{7,9}$/);
			}),
		);
	});

	it('accepts a number given as a JavaScript number (spreadsheets drop the leading 0)', async () => {
		await tally.check(
			'numeric input reads as the national number',
			// A bare national number that starts like a calling code (VN 6600000000 vs TH +66 00000000)
			// is ambiguous by nature; those are left out.
			fc.property(nationalNumber.filter(({ national }) => !/^(66|84|886|852)/.test(national)), ({ country, national }) => {
				expect(toE164(Number(national), country)).toBe(`+${CALLING_CODES[country]}${national}`);
			}),
		);
	});

	it('refuses text with letters or other scripts, and never throws', async () => {
		const withLetter = fc
			.tuple(unicodeText({ maxLength: 12 }), fc.string({ unit: anyChar, minLength: 1, maxLength: 3 }).filter((s) => /[^\d\s\-().+]/.test(s)), unicodeText({ maxLength: 12 }))
			.map(([a, b, c]) => a + b + c);
		await tally.check(
			'garbage text gives undefined',
			fc.property(withLetter, fc.constantFrom(...COUNTRIES), (text, country) => {
				expect(parsePhone(text, country)).toBeUndefined();
				expect(toE164(text, country)).toBeUndefined();
				expect(toLocal(text, country)).toBeUndefined();
			}),
		);
	});

	it('refuses values of the wrong type, and never throws on anything', async () => {
		await tally.check(
			'wrong types give undefined',
			fc.property(fc.oneof(wrongType.filter((v) => typeof v !== 'number'), fc.anything().filter((v) => typeof v !== 'string' && typeof v !== 'number')), (value) => {
				expect(parsePhone(value)).toBeUndefined();
			}),
		);
		await tally.check(
			'anything: undefined or a well-formed number of these markets',
			fc.property(fc.oneof(fc.anything(), fc.stringMatching(/^[+0-9 ()\-.]{0,20}$/)), fc.constantFrom(...COUNTRIES), (value, country) => {
				const parsed = parsePhone(value, country);
				if (parsed) {
					expect(parsed.e164).toMatch(/^\+(66|84|886|852)[1-9]\d{7,9}$/);
					expect(parsed.e164).toBe(`+${parsed.callingCode}${parsed.national}`);
					expect(LENGTHS[parsed.country]).toContain(parsed.national.length);
				}
			}),
		);
	});

	// Vietnam's national numbers are 9 or 10 digits, so a doubled trunk 0 still had a valid length.
	it('refuses a doubled trunk 0 ("+84 0 0912345678"), in any market and any form', () => {
		expect(parsePhone('+84 0 0912345678', 'VN')).toBeUndefined();
		expect(parsePhone('840912345678', 'VN')).toBeUndefined();
		expect(parsePhone('+66 0 081234567', 'TH')).toBeUndefined();
		expect(parsePhone('+84 0912345678', 'VN')?.e164).toBe('+84912345678');
	});

	tally.summaryTest();
});
