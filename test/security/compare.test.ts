/**
 * Issue 14: the URL-token check and the MeeDee signature check compare in constant time whatever
 * the lengths. safeEqual compares the SHA-256 digests of both sides, so timingSafeEqual always gets
 * two 32-byte buffers and there is no early return that would reveal the secret's length.
 */
import crypto from 'node:crypto';

import { hmacSha256Hex, safeEqual } from '../../nodes/shared/webhook';

afterEach(() => jest.restoreAllMocks());

describe('safeEqual', () => {
	it('is true only for the same text', () => {
		expect(safeEqual('s3cret-token', 's3cret-token')).toBe(true);
		expect(safeEqual('s3cret-token', 's3cret-tokeN')).toBe(false);
		expect(safeEqual('ไทย-โทเค็น', 'ไทย-โทเค็น')).toBe(true);
	});

	it.each([
		['shorter', 'abc', 'abcdefghijklmnopqrstuvwxyz'],
		['longer', 'abcdefghijklmnopqrstuvwxyz0123456789', 'abcdef'],
		['a prefix', 's3cret', 's3cret-token'],
		['one character', 'x', 's3cret-token-of-some-length'],
	])('compares in constant time when the sides differ in length (%s)', (_title, given, expected) => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		expect(safeEqual(given, expected)).toBe(false);
		// Always reached, always with two digests of the same size: no early return on length.
		expect(spy).toHaveBeenCalledTimes(1);
		const [left, right] = spy.mock.calls[0] as [Buffer, Buffer];
		expect([left.length, right.length]).toEqual([32, 32]);
	});

	it('is false for anything missing or empty, without comparing', () => {
		for (const [a, b] of [[undefined, 'x'], ['x', undefined], ['', ''], ['', 'x'], ['x', ''], [123, '123'], [null, null]] as Array<[unknown, unknown]>) {
			expect(safeEqual(a, b)).toBe(false);
		}
	});

	it('checks an HMAC signature of any length the same way', () => {
		const signature = hmacSha256Hex('whsec_test', '{"event":"sale.created"}');
		expect(safeEqual(signature, hmacSha256Hex('whsec_test', '{"event":"sale.created"}'))).toBe(true);
		expect(safeEqual(signature.slice(0, 10), signature)).toBe(false);
		expect(safeEqual(`${signature}00`, signature)).toBe(false);
	});
});
