/**
 * The common-shape helpers every Simplify mapper uses: `toAmount` gives a finite number or null,
 * `textOrNull` gives trimmed text or null, whatever a vendor sends.
 */
import fc from 'fast-check';

import { textOrNull, toAmount } from '../../nodes/shared/shapes';
import { propertySuite, unicodeText } from './support';

const tally = propertySuite('shapes');

/** Objects whose own toString/valueOf keys break Number() and String() (see the known bug below). */
const overridesConversion = (v: unknown): boolean =>
	!!v && typeof v === 'object' && (Object.hasOwn(v, 'toString') || Object.hasOwn(v, 'valueOf') || Object.values(v).some(overridesConversion));

describe('toAmount', () => {
	it('keeps finite numbers and reads decimal strings', async () => {
		await tally.check(
			'finite numbers and their decimal strings',
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('plain', 'fixed', 'padded'), (n, style) => {
				expect(toAmount(n)).toBe(n);
				const text = style === 'fixed' ? n.toFixed(2) : style === 'padded' ? ` ${n} ` : String(n);
				expect(toAmount(text)).toBe(Number(text));
			}),
		);
	});

	it('gives null for absent and non-numeric values, and never NaN or Infinity', async () => {
		await tally.check(
			'null or a finite number, never NaN/Infinity',
			fc.property(fc.oneof(fc.anything().filter((v) => !overridesConversion(v)), unicodeText(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 'NaN', 'Infinity', '1e999', null, undefined, '')), (value) => {
				const out = toAmount(value);
				expect(out === null || Number.isFinite(out)).toBe(true);
				if (value === null || value === undefined || value === '') expect(out).toBeNull();
				if (typeof value === 'string' && !/\d/.test(value) && !/^\s*$/.test(value)) expect(out).toBeNull();
			}),
		);
	});

	// Number(" ") is 0, Number(true) is 1 and Number([]) is 0: not numbers a vendor sent.
	it('gives null for blank text, booleans, arrays and objects (only numbers and numeric text count)', async () => {
		for (const value of [' ', '\t', true, false, [], [5], ['5'], {}, new Date(0), { valueOf: () => 5 }]) expect(toAmount(value)).toBeNull();
		await tally.check(
			'anything that is not a number or text: null, never throws',
			fc.property(fc.anything({ withDate: true, withMap: true, withSet: true, withNullPrototype: true, withBoxedValues: true }), (value) => {
				const out = toAmount(value);
				if (typeof value !== 'number' && typeof value !== 'string') expect(out).toBeNull();
			}),
		);
	});
});

describe('textOrNull', () => {
	it('trims text, and gives null for absent or blank values', async () => {
		await tally.check(
			'trimmed text or null',
			fc.property(fc.oneof(unicodeText(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(undefined)), (value) => {
				const out = textOrNull(value);
				if (value === null || value === undefined || String(value).trim() === '') expect(out).toBeNull();
				else expect(out).toBe(String(value).trim());
				if (out !== null) expect(out).toBe(out.trim());
			}),
		);
	});

	// JSON.parse('{"toString":0}') is a plain object that Number() and String() cannot convert.
	it('never throws on objects that cannot be converted ({"toString":0})', () => {
		expect(toAmount(JSON.parse('{"toString":0}'))).toBeNull();
		expect(textOrNull(JSON.parse('{"toString":0}'))).toBeNull();
		expect(textOrNull(JSON.parse('{"valueOf":0,"toString":0}'))).toBeNull();
	});

	// String({}) is "[object Object]": a nested vendor object would land in the common shape as that text.
	it('gives null for objects and arrays, never "[object Object]"', async () => {
		expect(textOrNull({ name: 'x' })).toBeNull();
		expect(textOrNull(['a'])).toBeNull();
		await tally.check(
			'objects and arrays: null, never throws',
			fc.property(fc.oneof(fc.object(), fc.array(fc.anything()), fc.anything({ withDate: true, withMap: true, withNullPrototype: true })), (value) => {
				const out = textOrNull(value);
				if (value !== null && typeof value === 'object') expect(out).toBeNull();
				if (out !== null && typeof value !== 'string') expect(out).not.toMatch(/\[object \w+\]/);
			}),
		);
	});

	tally.summaryTest();
});
