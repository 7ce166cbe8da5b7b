/**
 * Shared pieces of the property tests: a tally that runs each property with fast-check and records
 * how many inputs it tried (written to test-results/properties.json), input generators for the
 * languages our users write in, and generators derived from a vendor's field table.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import type { INode } from 'n8n-workflow';

import type { Field } from '../../nodes/shared/fields';

export const RESULTS_DIR = path.resolve(__dirname, '../../test-results');

/** The smallest node object the shared helpers need to build their errors. */
export const NODE: INode = {
	id: 'property-node',
	name: 'Property Node',
	type: 'n8n-nodes-asia-commerce.propertyNode',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Upper bound on runs per property (the suite must stay fast and bounded). */
export const MAX_RUNS = 200;

// ---------------------------------------------------------------------------------------------
// Results file

function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Merges `value` under `key` into a JSON file in test-results/. Jest runs files in parallel
 * workers, so a lock directory serialises the read-merge-write (bounded wait; a stale lock from a
 * killed run is overridden after about two seconds).
 */
export function mergeResult(file: string, key: string, value: unknown, total?: (all: Record<string, any>) => Record<string, unknown>): void {
	mkdirSync(RESULTS_DIR, { recursive: true });
	const target = path.join(RESULTS_DIR, file);
	const lock = `${target}.lock`;
	for (let attempt = 0; attempt < 200; attempt++) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			sleepSync(10);
		}
	}
	try {
		let current: { suites?: Record<string, unknown> } = {};
		try {
			current = JSON.parse(readFileSync(target, 'utf8'));
		} catch {
			current = {};
		}
		const suites = { ...(current.suites ?? {}), [key]: value } as Record<string, any>;
		const next = { ...(total ? total(suites) : {}), suites };
		const tmp = `${target}.${process.pid}.tmp`;
		writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
		renameSync(tmp, target);
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

export function writeResult(file: string, value: unknown): void {
	mkdirSync(RESULTS_DIR, { recursive: true });
	writeFileSync(path.join(RESULTS_DIR, file), `${JSON.stringify(value, null, 2)}\n`);
}

// ---------------------------------------------------------------------------------------------
// The tally

interface SuiteResult {
	inputsTried: number;
	properties: Record<string, number>;
	knownBugs: string[];
	updatedAt: string;
}

/**
 * One per property file. `check` runs a property (at most MAX_RUNS inputs) and fails the test with
 * fast-check's report (seed and shrunk counterexample) when it does not hold. Set FC_SEED to replay.
 */
export class Tally {
	readonly tried: Record<string, number> = {};
	readonly knownBugs: string[] = [];
	private readonly expected = new Set<string>();

	constructor(readonly suite: string) {}

	async check<Ts>(name: string, property: fc.IProperty<Ts> | fc.IAsyncProperty<Ts>, numRuns = MAX_RUNS): Promise<void> {
		this.expected.add(name);
		const runs = Math.min(numRuns, MAX_RUNS);
		const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
		const details = await fc.check(property as fc.IAsyncProperty<Ts>, { numRuns: runs, ...(seed !== undefined ? { seed } : {}) });
		if (details.failed) throw new Error(`Property "${name}" does not hold.\n${fc.defaultReportMessage(details)}`);
		this.tried[name] = details.numRuns;
	}

	/** Names a known bug in shared code, shown by an `it.failing` test in the same file. */
	bug(summary: string): string {
		this.knownBugs.push(summary);
		return `known bug: ${summary}`;
	}

	get total(): number {
		return Object.values(this.tried).reduce((a, b) => a + b, 0);
	}

	/** The file's last test: every property ran, and the count is written for the README. */
	summaryTest(): void {
		it('summary: records how many inputs every property tried', () => {
			expect(Object.keys(this.tried).sort()).toEqual([...this.expected].sort());
			for (const runs of Object.values(this.tried)) expect(runs).toBeGreaterThan(0);
			expect(this.total).toBeGreaterThan(0);
		});
	}

	write(): void {
		if (this.total === 0) return;
		const result: SuiteResult = { inputsTried: this.total, properties: this.tried, knownBugs: this.knownBugs, updatedAt: new Date().toISOString() };
		mergeResult('properties.json', this.suite, result, (suites) => ({
			inputsTried: Object.values(suites).reduce((sum: number, s: SuiteResult) => sum + (s.inputsTried ?? 0), 0),
			properties: Object.values(suites).reduce((sum: number, s: SuiteResult) => sum + Object.keys(s.properties ?? {}).length, 0),
			knownBugs: Object.values(suites).flatMap((s: SuiteResult) => s.knownBugs ?? []),
		}));
	}
}

/** Creates the file's tally and writes its counts after the file's tests. */
export function propertySuite(suite: string): Tally {
	const tally = new Tally(suite);
	afterAll(() => tally.write());
	return tally;
}

// ---------------------------------------------------------------------------------------------
// Text our users write

const codePoints = (from: number, to: number) => fc.integer({ min: from, max: to }).map((c) => String.fromCodePoint(c));

export const thaiChar = codePoints(0x0e01, 0x0e5b);
/** Precomposed Vietnamese letters, and bare combining marks (text pasted in NFD form). */
export const vietnameseChar = fc.oneof(
	fc.constantFrom(...'ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵĂÂĐÊÔƠƯỄ'),
	codePoints(0x0300, 0x0323),
);
export const chineseChar = codePoints(0x4e00, 0x9fff);
export const asciiChar = codePoints(0x20, 0x7e);
export const emojiChar = codePoints(0x1f300, 0x1f6ff);
/** Characters that break naive code: NUL, zero-width, BOM, right-to-left override, a lone surrogate, quotes, markup. */
export const awkwardChar = fc.constantFrom('\u0000', '\u200b', '\ufeff', '\u202e', '\n', '\t', '\ud800', '"', '\\', '<', '>', '&', ',', '{', '}');

export const anyChar = fc.oneof(
	{ weight: 3, arbitrary: asciiChar },
	{ weight: 2, arbitrary: thaiChar },
	{ weight: 2, arbitrary: vietnameseChar },
	{ weight: 2, arbitrary: chineseChar },
	{ weight: 1, arbitrary: emojiChar },
	{ weight: 1, arbitrary: awkwardChar },
);

export function unicodeText(constraints: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<string> {
	return fc.string({ unit: anyChar, maxLength: 40, ...constraints });
}

/** 20k to 200k characters, cheaply: a short random text repeated. */
export const hugeText = fc
	.tuple(unicodeText({ minLength: 1, maxLength: 8 }), fc.integer({ min: 20_000, max: 200_000 }))
	.map(([seed, length]) => seed.repeat(Math.ceil(length / seed.length)).slice(0, length));

/** Date-like text that is not a real YYYY-MM-DD date. */
export const malformedDate = fc.oneof(
	fc.constantFrom('2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-04-31', '24-01-01', '2024/01/01', '01-02-2024', '2024-1-1', '２０２４-０１-０１', '2567-13-01', 'yesterday', ''),
	fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`),
	fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`),
);

/** Values of the wrong kind for almost any field. */
export const wrongType = fc.oneof(
	fc.constant(null),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
	fc.dictionary(unicodeText({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
	fc.constant(new Date(Number.NaN)),
);

export function pad(n: number, width = 2): string {
	return String(n).padStart(width, '0');
}

/** Days in a month, from first principles (an oracle independent of Date). */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real calendar date written YYYY-MM-DD. */
export const realDate = fc
	.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
	.map(([y, m, d]) => `${y}-${pad(m)}-${pad(Math.min(d, daysInMonth(y, m)))}`);

/** An email address zod's `.email()` accepts: ASCII local part and domain. */
export const plainEmail = fc
	.tuple(
		fc.stringMatching(/^[a-z0-9]([a-z0-9_+-]{0,10}[a-z0-9])?$/),
		fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/), { minLength: 1, maxLength: 3 }),
		fc.stringMatching(/^[a-z]{2,6}$/),
	)
	.map(([local, labels, tld]) => `${local}@${labels.join('.')}.${tld}`);

/** Raw JavaScript that must never reach a user-facing message. */
export const RAW_JS = /\[object \w+\]|\bundefined\b|\bNaN\b|native code|function\s*\w*\s*\(/;

// ---------------------------------------------------------------------------------------------
// Generators from a field table

export type Overrides = Record<string, fc.Arbitrary<unknown>>;

const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true });

function optionValues(field: Field): Array<string | number> {
	return (field.options ?? []).map((o) => o.value);
}

/** A value the field's schema accepts (`overrides` by key for fields with their own schema). */
export function validValue(field: Field, overrides: Overrides = {}): fc.Arbitrary<unknown> {
	if (overrides[field.key]) return overrides[field.key];
	const values = optionValues(field);
	switch (field.type) {
		case 'string':
			// A required text needs something besides spaces (objectSchema refuses spaces alone).
			return field.required ? unicodeText({ minLength: 1 }).filter((t) => t.trim() !== '') : unicodeText();
		case 'number':
			return finiteNumber;
		case 'boolean':
			return fc.boolean();
		case 'options':
			return values.length && !field.loadOptions ? fc.constantFrom(...values) : fc.oneof(unicodeText({ minLength: 1 }), fc.integer());
		case 'multiOptions':
			return values.length && !field.loadOptions ? fc.subarray(values) : fc.array(unicodeText({ minLength: 1 }), { maxLength: 3 });
		case 'date':
			return realDate;
		case 'dateTime':
			return fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
		case 'stringList':
			return fc.array(unicodeText({ minLength: 1, maxLength: 12 }), { maxLength: 4 });
		case 'keyValue':
			return fc.dictionary(unicodeText({ minLength: 1, maxLength: 8 }), fc.oneof(unicodeText(), fc.integer(), fc.boolean()), { maxKeys: 3, noNullPrototype: true });
		case 'json':
			return fc.oneof(fc.dictionary(unicodeText({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3, noNullPrototype: true }), fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }));
		case 'group': {
			const entry = validBody(field.fields ?? [], overrides);
			return field.multiple ? fc.array(entry, { minLength: field.required ? 1 : 0, maxLength: 3 }) : entry;
		}
	}
}

/** A value of the wrong kind for the field (never one its schema accepts). */
export function invalidValue(field: Field): fc.Arbitrary<unknown> {
	const notText = fc.oneof(fc.constant(null), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 2 }), fc.constant({ a: 1 }));
	const values = optionValues(field);
	switch (field.type) {
		case 'string':
			return field.required ? fc.oneof(notText, fc.constant('')) : notText;
		case 'number':
			return fc.oneof(fc.constant(null), unicodeText(), fc.constant(Number.NaN), fc.boolean(), fc.constant([1]), fc.constant({ value: 1 }));
		case 'boolean':
			return fc.oneof(fc.constant(null), fc.constantFrom('true', 'false', 'yes'), fc.constantFrom(0, 1), fc.constant({}));
		case 'options':
			// A dropdown loaded from the API takes any ID; only non-IDs are wrong.
			if (field.loadOptions || !values.length) return fc.constantFrom(null, {}, [], '', true);
			return fc.oneof(fc.constant(null), fc.constant({}), fc.constant([]), unicodeText().filter((v) => !values.includes(v)), fc.integer().filter((v) => !values.includes(v)));
		case 'multiOptions':
			return fc.oneof(fc.constant(null), fc.constant('a'), fc.constant([null]));
		case 'date':
			return fc.oneof(malformedDate, notText, fc.constant(new Date(0)));
		case 'dateTime':
			return fc.oneof(fc.constantFrom('not a date', 'สวัสดี', 'ngày mai', '下週'), fc.constant(null), fc.integer(), fc.constant({}));
		case 'stringList':
			return fc.oneof(fc.constant(null), fc.constant('a,b'), fc.constant(['']), fc.constant(['ok', '']), fc.constant([1]), fc.constant({}));
		case 'keyValue':
			return fc.oneof(fc.constant(null), fc.constant('a=b'), fc.constant(5), fc.constant({ k: {} }), fc.constant({ k: null }), fc.constant({ k: [1] }));
		case 'json':
			return fc.oneof(fc.constant(null), fc.constant('{"a":1}'), fc.constant(5), fc.constant(true));
		case 'group':
			return field.multiple ? fc.oneof(fc.constant(null), fc.constant('x'), fc.constant(5), fc.constant({})) : fc.oneof(fc.constant(null), fc.constant('x'), fc.constant(5), fc.constant([]));
	}
}

/** A body for `fields`: every required field, any subset of the optional ones. */
export function validBody(fields: Field[], overrides: Overrides = {}): fc.Arbitrary<Record<string, unknown>> {
	const model: Record<string, fc.Arbitrary<unknown>> = {};
	for (const f of fields) model[f.key] = validValue(f, overrides);
	return fc.record(model, { requiredKeys: fields.filter((f) => f.required).map((f) => f.key) }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A valid body with one field replaced by a value of the wrong kind; says which field. */
export function bodyWithOneBadField(fields: Field[], overrides: Overrides = {}, bad: Overrides = {}) {
	return fc.constantFrom(...fields).chain((target) =>
		fc.tuple(validBody(fields, overrides), bad[target.key] ?? invalidValue(target)).map(([body, value]) => ({ target, body: { ...body, [target.key]: value } })),
	);
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date);

/** Our own reading of what a parsed value of `field` must look like (an oracle for successful parses). */
export function conforms(field: Field, value: unknown): boolean {
	if (value === undefined) return !field.required;
	const values = optionValues(field);
	switch (field.type) {
		case 'string':
			return typeof value === 'string' && (!field.required || value !== '');
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'options':
			return values.length && !field.loadOptions ? values.includes(value as string) : (typeof value === 'string' && value !== '') || typeof value === 'number';
		case 'multiOptions':
			return Array.isArray(value) && value.every((v) => (values.length && !field.loadOptions ? values.includes(v) : typeof v === 'string' || typeof v === 'number'));
		case 'date': {
			const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
			return typeof value === 'string' && !!m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[3]) >= 1 && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2]));
		}
		case 'dateTime':
			return typeof value === 'string';
		case 'stringList':
			return Array.isArray(value) && value.every((v) => typeof v === 'string' && v !== '');
		case 'keyValue':
			return isPlainObject(value) && Object.values(value).every((v) => ['string', 'number', 'boolean'].includes(typeof v));
		case 'json':
			return isPlainObject(value) || Array.isArray(value);
		case 'group': {
			const ok = (entry: unknown) => isPlainObject(entry) && (field.fields ?? []).every((f) => conforms(f, entry[f.key]));
			return field.multiple ? Array.isArray(value) && value.every(ok) : ok(value);
		}
	}
}
