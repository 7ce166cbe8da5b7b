/**
 * The per-credential limiter: smooth starts, and never more than the rate within any second, even
 * when the event loop stalls while requests wait (the case that broke SHOPLINE's 20/s before).
 */
import { resetLimiters, waitForSlot } from '../../nodes/shared/limiter';

const maxInAnySecond = (times: number[]) => {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[i] - sorted[j] >= 1000) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
};

beforeEach(() => resetLimiters());

it('spaces starts at 1/rate', async () => {
	const times: number[] = [];
	await Promise.all(Array.from({ length: 6 }, async () => times.push((await waitForSlot('smooth', 20), Date.now()))));
	const sorted = times.sort((a, b) => a - b);
	for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(45);
});

it('keeps to the rate within every second when the event loop stalls mid-way', async () => {
	const times: number[] = [];
	const waits = Array.from({ length: 40 }, async () => times.push((await waitForSlot('stall', 19), Date.now())));
	await new Promise((r) => setTimeout(r, 200));
	const until = Date.now() + 600;
	while (Date.now() < until) {
		// a busy event loop: every slot due in these 600 ms comes due at once
	}
	await Promise.all(waits);
	expect(times).toHaveLength(40);
	expect(maxInAnySecond(times)).toBeLessThanOrEqual(19);
});
