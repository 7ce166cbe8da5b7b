/**
 * mapInPool (shared/execute.ts): the bounded pool behind parallel page reads and MeeDee's sale lines.
 */
import { mapInPool } from '../../nodes/shared/execute';

const tick = () => new Promise((resolve) => setImmediate(resolve));

it('keeps input order, never runs more than the limit at once', async () => {
	let running = 0;
	let most = 0;
	const out = await mapInPool([5, 1, 4, 2, 3, 0], 3, async (n, index) => {
		running++;
		most = Math.max(most, running);
		for (let k = 0; k < n; k++) await tick();
		running--;
		return `${index}:${n}`;
	});
	expect(out).toEqual(['0:5', '1:1', '2:4', '3:2', '4:3', '5:0']);
	expect(most).toBe(3);
});

it('starts nothing new after a failure and throws that failure', async () => {
	const started: number[] = [];
	await expect(
		mapInPool([0, 1, 2, 3, 4, 5, 6, 7], 2, async (n) => {
			started.push(n);
			await tick();
			if (n === 1) throw new Error('page 1 failed');
			return n;
		}),
	).rejects.toThrow('page 1 failed');
	// Worker 0 had already moved on to value 2 when value 1 failed; nothing after that starts.
	expect(started).toEqual([0, 1, 2]);
});

it('copes with an empty list and a limit above the count', async () => {
	expect(await mapInPool([], 4, async () => 1)).toEqual([]);
	expect(await mapInPool([1, 2], 10, async (n) => n * 2)).toEqual([2, 4]);
});
