/**
 * Issue 16, point 2, as an invariant over every node: each operation that writes exports `prepare`,
 * so the router checks all items before the first write. Reads are told apart by name (Get…,
 * Search…, List…) plus the few named below; a new write without `prepare` fails here by name.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { ROOT } from '../../scripts/root';

/** Operations that only read although their name does not say so. */
const READS_BY_OTHER_NAMES: Record<string, string[]> = {
	MeeDee: ['report.inventorySummary', 'report.salesSummary'],
};
const READ_NAME = /^(get|search|list)/;

/** Every resource's `operations` map, from the compiled nodes the tests run. */
function operationsOf(vendor: string): Array<{ name: string; prepare: boolean }> {
	const actions = path.join(ROOT, 'dist', 'nodes', vendor, 'actions');
	const out: Array<{ name: string; prepare: boolean }> = [];
	for (const resource of readdirSync(actions)) {
		const index = path.join(actions, resource, 'index.js');
		if (!statSync(path.join(actions, resource)).isDirectory()) continue;
		const { operations } = require(index) as { operations?: Record<string, { prepare?: unknown }> };
		for (const [operation, op] of Object.entries(operations ?? {})) out.push({ name: `${resource}.${operation}`, prepare: typeof op.prepare === 'function' });
	}
	return out;
}

describe.each(['Venio', 'Shopline', 'MeeDee', 'Salekit'])('%s: every write checks all items first', (vendor) => {
	const operations = operationsOf(vendor);

	it('finds the operations', () => {
		expect(operations.length).toBeGreaterThan(3);
	});

	it('every write operation exports prepare', () => {
		const reads = new Set(READS_BY_OTHER_NAMES[vendor] ?? []);
		const writesWithoutPrepare = operations.filter((op) => !READ_NAME.test(op.name.split('.')[1]) && !reads.has(op.name) && !op.prepare).map((op) => op.name);
		expect(writesWithoutPrepare).toEqual([]);
	});
});
