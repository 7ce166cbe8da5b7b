/**
 * The transport's pure helpers: Retry-After read as seconds or an HTTP date (garbage ignored, never a
 * negative or endless wait), back-off always within [0, maxDelayMs], failures read out of whatever
 * an HTTP client throws, and credential keys that never contain the secret.
 */
import fc from 'fast-check';

import { backoffMs, credentialKey, DEFAULT_RETRY, failureOf, MAX_RETRY_AFTER_MS, retryAfterMs, type RetryPolicy } from '../../nodes/shared/transport';
import { propertySuite, unicodeText } from './support';

const tally = propertySuite('transport');

/** "now" on a whole second, so an HTTP date (second precision) gives an exact wait. */
const now = fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2090, 0, 1) / 1000 }).map((s) => s * 1000);
const headerName = fc.constantFrom('retry-after', 'Retry-After');

const policy: fc.Arbitrary<RetryPolicy> = fc
	.record({ baseDelayMs: fc.integer({ min: 0, max: 60_000 }), maxDelayMs: fc.integer({ min: 0, max: 120_000 }), maxAttempts: fc.integer({ min: 1, max: 10 }), maxTotalWaitMs: fc.nat(), maxRateLimitAttempts: fc.integer({ min: 1, max: 40 }) })
	.map((p) => p);

describe('retryAfterMs', () => {
	it('reads seconds, whole or decimal, as a string, number or header array', async () => {
		await tally.check(
			'Retry-After seconds',
			fc.property(fc.integer({ min: 0, max: 86_400 }), fc.constantFrom(0, 0.5, 0.25), headerName, fc.constantFrom('string', 'number', 'array', 'padded'), now, (whole, fraction, name, shape, at) => {
				const seconds = whole + fraction;
				const value = shape === 'number' ? seconds : shape === 'array' ? [String(seconds)] : shape === 'padded' ? ` ${seconds} ` : String(seconds);
				expect(retryAfterMs({ [name]: value }, at)).toBe(Math.ceil(seconds * 1000));
			}),
		);
	});

	it('reads an HTTP date as the time left until it, and a past date as no wait', async () => {
		await tally.check(
			'Retry-After HTTP dates',
			fc.property(fc.integer({ min: -86_400, max: 86_400 }), now, headerName, (deltaSeconds, at, name) => {
				const header = new Date(at + deltaSeconds * 1000).toUTCString();
				expect(retryAfterMs({ [name]: header }, at)).toBe(Math.max(0, deltaSeconds * 1000));
			}),
		);
	});

	it('ignores garbage, and never answers a negative or endless wait', async () => {
		await tally.check(
			'Retry-After garbage: undefined or a finite wait >= 0',
			fc.property(fc.oneof(unicodeText(), fc.jsonValue({ maxDepth: 1 }), fc.constant(undefined), fc.stringMatching(/^[0-9 .,:-]{0,12}$/)), now, (value, at) => {
				const wait = retryAfterMs(value === undefined ? undefined : { 'retry-after': value }, at);
				if (wait !== undefined) {
					expect(Number.isFinite(wait)).toBe(true);
					expect(wait).toBeGreaterThanOrEqual(0);
				}
				if (typeof value === 'string' && !/\d/.test(value)) expect(wait).toBeUndefined();
			}),
		);
	});

	// Math.ceil(Number("9999…") * 1000) was unbounded; the 429 error then built
	// new Date(Date.now() + Infinity).toISOString() and threw RangeError "Invalid time value".
	it('caps an absurd Retry-After at a week, so the retry time is always a real date', async () => {
		expect(retryAfterMs({ 'retry-after': '9'.repeat(400) })).toBe(MAX_RETRY_AFTER_MS);
		expect(retryAfterMs({ 'retry-after': 'Fri, 31 Dec 275759 00:00:00 GMT' }, 0)).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
		await tally.check(
			'any Retry-After: a wait within a week, a printable retry time',
			fc.property(fc.oneof(fc.stringMatching(/^\d{1,40}(\.\d{1,5})?$/), fc.date({ noInvalidDate: true }).map((d) => d.toUTCString())), now, (value, at) => {
				const wait = retryAfterMs({ 'retry-after': value }, at);
				if (wait === undefined) return;
				expect(wait).toBeGreaterThanOrEqual(0);
				expect(wait).toBeLessThanOrEqual(MAX_RETRY_AFTER_MS);
				expect(() => new Date(at + wait).toISOString()).not.toThrow();
			}),
		);
	});
});

describe('backoffMs', () => {
	it('stays within [0, maxDelayMs] and grows with the attempt', async () => {
		await tally.check(
			'back-off within [0, maxDelayMs]',
			fc.property(fc.integer({ min: 1, max: 60 }), policy, fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, p, r) => {
				const wait = backoffMs(attempt, p, () => r);
				expect(Number.isInteger(wait)).toBe(true);
				expect(wait).toBeGreaterThanOrEqual(0);
				expect(wait).toBeLessThanOrEqual(p.maxDelayMs);
				const ceiling = Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** (attempt - 1));
				expect(wait).toBeGreaterThanOrEqual(Math.floor(ceiling / 2));
			}),
		);
	});

	it('uses Math.random by default and keeps the default policy bounds', async () => {
		await tally.check(
			'default policy and random source stay in bounds',
			fc.property(fc.integer({ min: 1, max: DEFAULT_RETRY.maxAttempts }), (attempt) => {
				const wait = backoffMs(attempt, DEFAULT_RETRY);
				expect(wait).toBeGreaterThanOrEqual(0);
				expect(wait).toBeLessThanOrEqual(DEFAULT_RETRY.maxDelayMs);
			}),
		);
	});
});

describe('failureOf / credentialKey', () => {
	it('reads status, body and network code from anything thrown, without throwing', async () => {
		const thrown = fc.oneof(
			fc.anything(),
			fc.record({
				message: unicodeText(),
				code: fc.oneof(fc.constantFrom('ECONNRESET', 'ETIMEDOUT', 'ERR_SOCKET_CONNECTION_TIMEOUT', 'EBADTHING'), unicodeText({ maxLength: 8 })),
				httpCode: fc.oneof(fc.constantFrom('404', '503'), unicodeText({ maxLength: 4 })),
				response: fc.record({ status: fc.integer({ min: 100, max: 599 }), data: fc.jsonValue({ maxDepth: 1 }), headers: fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }) }, { requiredKeys: [] }),
				cause: fc.anything({ maxDepth: 2 }),
			}, { requiredKeys: [] }),
		);
		await tally.check(
			'failureOf: never throws; status a number or absent; code a network code or absent',
			fc.property(thrown, (error) => {
				const failure = failureOf(error);
				expect(failure.status === undefined || typeof failure.status === 'number').toBe(true);
				if (failure.code !== undefined) expect(failure.code).toMatch(/^E[A-Z]+$|^ERR_SOCKET|^UND_ERR/);
			}),
		);
	});

	it('keys a credential by a hash that never contains the secret', async () => {
		await tally.check(
			'credentialKey: stable, secret-free',
			fc.property(unicodeText({ minLength: 6, maxLength: 60 }), unicodeText({ maxLength: 30 }), (token, baseUrl) => {
				const key = credentialKey('Vendor', { token, baseUrl }, ['baseUrl', 'token']);
				expect(key).toMatch(/^Vendor:[0-9a-f]{24}$/);
				expect(key).not.toContain(token);
				expect(credentialKey('Vendor', { token, baseUrl }, ['baseUrl', 'token'])).toBe(key);
				expect(credentialKey('Vendor', { token: `${token}x`, baseUrl }, ['baseUrl', 'token'])).not.toBe(key);
			}),
		);
	});

	tally.summaryTest();
});
