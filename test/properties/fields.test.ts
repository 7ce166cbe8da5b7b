/**
 * The field-table machinery (`objectSchema`, `fieldSchema`, `fromUi`, `calendarDate`) and the
 * messages built from its failures (`describeIssue`, `validateInput`, `fieldPath`): random Unicode,
 * huge strings, wrong types, nulls and malformed dates either parse into a body that matches the
 * table, or fail with a message that names the item and the field by its label, in plain words.
 */
import fc from 'fast-check';
import { NodeOperationError } from 'n8n-workflow';

import { calendarDate, fieldLabels, fieldSchema, fromUi, objectSchema, type Field } from '../../nodes/shared/fields';
import { describeIssue, fieldPath, humanize, validateInput } from '../../nodes/shared/validation';
import {
	bodyWithOneBadField,
	conforms,
	daysInMonth,
	hugeText,
	malformedDate,
	NODE,
	pad,
	propertySuite,
	RAW_JS,
	realDate,
	unicodeText,
	validBody,
	validValue,
	wrongType,
} from './support';

const tally = propertySuite('fields');

/** One field of every type, as a vendor table would declare them. */
const FIELDS: Field[] = [
	{ key: 'customerName', label: 'Customer Name', type: 'string', required: true },
	{ key: 'note', label: 'Note', type: 'string' },
	{ key: 'creditLimit', label: 'Credit Limit', type: 'number' },
	{ key: 'isActive', label: 'Active', type: 'boolean' },
	{ key: 'grade', label: 'Grade', type: 'options', options: [{ name: 'A', value: 'a' }, { name: 'B', value: 'b' }, { name: 'Three', value: 3 }] },
	{ key: 'ownerId', label: 'Owner', type: 'options', loadOptions: 'getOwners' },
	{ key: 'channels', label: 'Channels', type: 'multiOptions', options: [{ name: 'LINE', value: 'line' }, { name: 'Zalo', value: 'zalo' }] },
	{ key: 'birthday', label: 'Birthday', type: 'date' },
	{ key: 'joinedOn', label: 'Joined On', type: 'date', required: true },
	{ key: 'lastSeenAt', label: 'Last Seen At', type: 'dateTime' },
	{ key: 'tags', label: 'Tags', type: 'stringList' },
	{ key: 'custom', label: 'Custom Fields', type: 'keyValue' },
	{ key: 'raw', label: 'Raw Data', type: 'json' },
	{
		key: 'mainAddress',
		label: 'Main Address',
		type: 'group',
		fields: [
			{ key: 'line1', label: 'Address Line 1', type: 'string', required: true },
			{ key: 'postcode', label: 'Postcode', type: 'string' },
		],
	},
	{
		key: 'addresses',
		label: 'Addresses',
		type: 'group',
		multiple: true,
		fields: [
			{ key: 'locationName', label: 'Location Name', type: 'string', required: true },
			{ key: 'since', label: 'Since', type: 'date' },
			{ key: 'floor', label: 'Floor', type: 'number', allowBlank: true },
		],
	},
];

const schema = objectSchema(FIELDS);
const labels = fieldLabels(FIELDS);
const byKey = new Map(FIELDS.map((f) => [f.key, f]));

/** The message validateInput throws for item `itemIndex`, or undefined when the body is valid. */
function messageOf(value: unknown, itemIndex = 0): { message: string; description?: string } | undefined {
	try {
		validateInput(NODE, schema, value, itemIndex, labels);
		return undefined;
	} catch (error) {
		expect(error).toBeInstanceOf(NodeOperationError);
		return { message: (error as Error).message, description: (error as NodeOperationError).description ?? undefined };
	}
}

function expectPlainWords(text: string | undefined): void {
	if (text === undefined) return;
	expect(text).not.toMatch(RAW_JS);
}

/** Random values for one field: valid, of the wrong type, huge, malformed, absent. */
const anyValueFor = (field: Field) =>
	fc.oneof(
		{ weight: 3, arbitrary: validValue(field) },
		{ weight: 2, arbitrary: wrongType },
		{ weight: 1, arbitrary: hugeText },
		{ weight: 1, arbitrary: malformedDate },
		{ weight: 1, arbitrary: unicodeText() },
		{ weight: 1, arbitrary: fc.constant(undefined) },
	);
const randomBody = fc.record(Object.fromEntries(FIELDS.map((f) => [f.key, anyValueFor(f)])), { requiredKeys: [] });

describe('objectSchema / fieldSchema', () => {
	it('accepts every body the table allows, unchanged', async () => {
		await tally.check(
			'valid bodies parse to themselves',
			fc.property(validBody(FIELDS), (body) => {
				const parsed = schema.safeParse(body);
				expect(parsed.success).toBe(true);
				expect(parsed.success && parsed.data).toEqual(body);
			}),
		);
	});

	it('refuses a body with one wrong field, naming that field by its label', async () => {
		await tally.check(
			'one bad field: refused, message names item and label',
			fc.property(bodyWithOneBadField(FIELDS), fc.nat({ max: 500 }), ({ target, body }, itemIndex) => {
				const parsed = schema.safeParse(body);
				expect(parsed.success).toBe(false);
				for (const issue of parsed.success ? [] : parsed.error.issues) expect(issue.path[0]).toBe(target.key);
				const error = messageOf(body, itemIndex)!;
				expect(error.message.startsWith(`Item ${itemIndex + 1}: "${target.label}`)).toBe(true);
				expectPlainWords(error.message);
				expectPlainWords(error.description);
			}),
		);
	});

	it('random Unicode, huge strings, wrong types and nulls: a conforming body or a clear refusal', async () => {
		await tally.check(
			'random bodies: conforming parse or labelled issues',
			fc.property(randomBody, (body) => {
				const parsed = schema.safeParse(body);
				if (parsed.success) {
					for (const f of FIELDS) expect({ key: f.key, ok: conforms(f, parsed.data[f.key]) }).toEqual({ key: f.key, ok: true });
					expect(schema.parse(parsed.data)).toEqual(parsed.data);
					return;
				}
				expect(parsed.error.issues.length).toBeGreaterThan(0);
				for (const issue of parsed.error.issues) {
					const text = describeIssue(issue, labels);
					expect(text.startsWith(`"${byKey.get(String(issue.path[0]))!.label}`)).toBe(true);
					expectPlainWords(text);
				}
				const error = messageOf(body)!;
				expect(error.message).toMatch(/^Item 1: "/);
				expectPlainWords(error.description);
			}),
			150,
		);
	});

	it('every field type alone: wrong kinds of value are refused with the field label', async () => {
		await tally.check(
			'fieldSchema alone: valid accepted, invalid refused with label',
			fc.property(
				fc.constantFrom(...FIELDS).chain((f) => fc.tuple(fc.constant(f), validValue(f), bodyWithOneBadField([f]).map((b) => b.body[f.key]))),
				([field, good, bad]) => {
					// Required-ness is applied by objectSchema, so each field is checked inside a one-field table.
					const one = objectSchema([field]);
					expect(fieldSchema(field).safeParse(good).success).toBe(true);
					expect(one.safeParse({ [field.key]: good }).success).toBe(true);
					const refused = one.safeParse({ [field.key]: bad });
					expect(refused.success).toBe(false);
					for (const issue of refused.success ? [] : refused.error.issues) {
						const text = describeIssue(issue, { [field.key]: field.label, ...fieldLabels(field.fields ?? []) });
						expect(text.startsWith(`"${field.label}`)).toBe(true);
						expectPlainWords(text);
					}
				},
			),
		);
	});

	it('lists every problem in the description when there are several', async () => {
		await tally.check(
			'several problems: all listed, the first in the message',
			fc.property(fc.subarray(FIELDS, { minLength: 2 }), (chosen) => {
				const body = Object.fromEntries(chosen.map((f) => [f.key, Symbol('bad')]));
				const error = messageOf(body)!;
				const lines = (error.description ?? '').split('\n- ').slice(1);
				expect(lines.length).toBeGreaterThanOrEqual(chosen.length);
				expect(error.message).toBe(`Item 1: ${lines[0]}`);
				for (const f of chosen) expect(error.description).toContain(`"${f.label}"`);
				expectPlainWords(error.description);
			}),
		);
	});
});

describe('calendarDate', () => {
	it('accepts exactly the real calendar dates written YYYY-MM-DD', async () => {
		await tally.check(
			'calendarDate accepts real dates, refuses impossible ones',
			fc.property(fc.integer({ min: 100, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
				const text = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
				// Years 0-99 are left out: Date.UTC reads them as 1900-1999 (no vendor has such dates).
				const real = m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
				const result = calendarDate.safeParse(text);
				expect(result.success).toBe(real);
				if (!result.success) expect(describeIssue(result.error.issues[0], {})).toMatch(/^The input: |^The input (must be a date written YYYY-MM-DD|is not a real calendar date)$/);
			}),
		);
	});

	it('refuses malformed text and wrong types', async () => {
		await tally.check(
			'calendarDate refuses malformed values',
			fc.property(fc.oneof(malformedDate, unicodeText().filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)), wrongType, hugeText), (value) => {
				expect(calendarDate.safeParse(value).success).toBe(false);
			}),
		);
	});

	it('says one thing about a date in another format: how to write it', () => {
		const result = calendarDate.safeParse('13/04/2026');
		expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual(['must be a date written YYYY-MM-DD']);
		const impossible = calendarDate.safeParse('2026-02-30');
		expect(impossible.success ? [] : impossible.error.issues.map((i) => i.message)).toEqual(['is not a real calendar date']);
	});
});

describe('required text', () => {
	it('refuses spaces alone as "is required", and keeps a value with spaces around it as given', () => {
		const schema = objectSchema([{ key: 'reason', label: 'Reason', type: 'string', required: true }]);
		for (const blank of ['', ' ', '\t \n', '\u3000']) {
			const result = schema.safeParse({ reason: blank });
			expect(result.success ? [] : result.error.issues.map((i) => i.message)).toEqual(['is required']);
		}
		expect(schema.parse({ reason: ' ลูกค้ายกเลิก ' })).toEqual({ reason: ' ลูกค้ายกเลิก ' });
	});
});

describe('fromUi', () => {
	it('never throws on anything the UI or an expression can give', async () => {
		await tally.check(
			'fromUi never throws',
			fc.property(fc.constantFrom(...FIELDS, ...(byKey.get('addresses')!.fields ?? [])), fc.anything({ withDate: true }), (field, value) => {
				fromUi(field, value, 'Asia/Bangkok');
			}),
		);
	});

	it('turns what the UI gives into what the schema expects', async () => {
		const uiCases = fc.oneof(
			// Numbers typed in a text box (blank-able numbers inside groups); + 0 turns -0 (written "0") into 0.
			fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map((n) => ({ field: byKey.get('creditLimit')!, ui: ` ${n + 0} `, body: n + 0 })),
			fc.constant({ field: byKey.get('creditLimit')!, ui: '  ', body: undefined }),
			// Comma-separated tags with stray spaces and empty entries.
			fc.array(unicodeText({ minLength: 1, maxLength: 10 }).filter((s) => !s.includes(',') && s.trim() !== ''), { maxLength: 5 }).map((tags) => ({
				field: byKey.get('tags')!,
				ui: tags.map((t) => ` ${t} `).join(', ,'),
				body: tags.map((t) => t.trim()),
			})),
			// Name/value pairs from a fixedCollection; an empty name means "not set".
			fc.array(fc.tuple(unicodeText({ minLength: 1, maxLength: 8 }).filter((k) => k !== '__proto__'), unicodeText({ maxLength: 8 })), { maxLength: 4 }).map((pairs) => ({
				field: byKey.get('custom')!,
				ui: { pairs: [...pairs.map(([name, value]) => ({ name, value })), { name: '', value: 'ignored' }] },
				body: Object.fromEntries(pairs),
			})),
			// JSON typed as text.
			fc.dictionary(unicodeText({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3, noNullPrototype: true }).map((obj) => ({ field: byKey.get('raw')!, ui: JSON.stringify(obj), body: JSON.parse(JSON.stringify(obj)) })),
			// A date picked as a date-time in Bangkok keeps its Bangkok date.
			realDate.map((d) => ({ field: byKey.get('birthday')!, ui: `${d}T23:30:00+07:00`, body: d })),
			realDate.map((d) => ({ field: byKey.get('birthday')!, ui: d, body: d })),
		);
		await tally.check(
			'UI values convert to schema-valid body values',
			fc.property(uiCases, ({ field, ui, body }) => {
				const converted = fromUi(field, ui, 'Asia/Bangkok');
				expect(converted).toEqual(body);
				if (converted !== undefined) expect(fieldSchema(field).safeParse(converted).success).toBe(true);
			}),
		);
	});
});

describe('describeIssue / fieldPath', () => {
	it('names nested fields by their labels with 1-based positions', async () => {
		await tally.check(
			'fieldPath: labels and 1-based positions',
			fc.property(
				fc.array(fc.oneof(fc.constantFrom(...Object.keys(labels)), fc.nat({ max: 99 })), { minLength: 1, maxLength: 5 }),
				(path) => {
					const text = fieldPath(path, labels);
					const parts = text.split(' › ');
					expect(parts).toHaveLength(path.length);
					path.forEach((p, i) => expect(parts[i]).toBe(typeof p === 'number' ? String(p + 1) : labels[p]));
				},
			),
		);
	});

	it('humanizes unlabelled keys into words and never throws', async () => {
		await tally.check(
			'humanize: no underscores, never throws',
			fc.property(fc.oneof(unicodeText(), fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,20}$/)), (key) => {
				const text = humanize(key);
				expect(typeof text).toBe('string');
				if (/^[a-z][a-zA-Z0-9_-]*$/.test(key)) expect(text).not.toMatch(/[_-]/);
			}),
		);
	});

	// Labels are looked up as own properties, so keys such as "constructor" never find Object.prototype members.
	it('names a user key such as "constructor" or "toString" in words, never with JavaScript internals', () => {
		for (const key of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
			const error = messageOf({ customerName: 'A', joinedOn: '2024-01-01', custom: JSON.parse(`{"${key}": {}}`) })!;
			expect(error.message).toMatch(/^Item 1: "Custom Fields › /);
			expect(error.message).not.toMatch(RAW_JS);
		}
	});
	it('fromUi leaves keyValue input that is not a list of pairs to the schema, which refuses it naming the field', () => {
		// A text under "pairs" is an ordinary custom field named "pairs" (a valid record), kept as given.
		expect(fromUi(byKey.get('custom')!, { pairs: 'name=value' }, 'UTC')).toEqual({ pairs: 'name=value' });
		for (const ui of [{ pairs: [null] }, { pairs: [{ name: {} }] }, { pairs: [5] }, { pairs: JSON.parse('[{"name":{"toString":0}}]') }]) {
			let body: unknown;
			expect(() => (body = fromUi(byKey.get('custom')!, ui, 'UTC'))).not.toThrow();
			const error = messageOf({ customerName: 'A', joinedOn: '2024-01-01', custom: body })!;
			expect(error.message).toMatch(/^Item 1: "Custom Fields/);
		}
	});
	it('a dateTime field takes only an ISO 8601 date-time, with or without offset', () => {
		const schemaOf = fieldSchema(byKey.get('lastSeenAt')!);
		for (const ok of ['2024-05-01T09:00:00', '2024-05-01T09:00', '2024-05-01 09:00:00', '2024-05-01T09:00:00.123Z', '2024-05-01T09:00:00+07:00', '2024-05-01T09:00:00-0330', '2024-02-29T23:59:59Z']) {
			expect({ ok, success: schemaOf.safeParse(ok).success }).toEqual({ ok, success: true });
		}
		for (const bad of ['1', '12Z', '2024', '2024-05-01', 'May 1 2024 09:00', '2024-02-30T10:00:00', '2024-05-01T24:00:00', '2024-05-01T09:00:00+25:00', '2024-05-01T09:00:00 GMT', 'tomorrow']) {
			expect({ bad, success: schemaOf.safeParse(bad).success }).toEqual({ bad, success: false });
		}
		const refusal = schemaOf.safeParse('1');
		expect(!refusal.success && describeIssue(refusal.error.issues[0], {})).toBe('The input must be a date and time written ISO 8601, e.g. 2024-05-01T09:00:00 or 2024-05-01T09:00:00+07:00');
	});

	tally.summaryTest();
});
