/**
 * Keeps the bench scripts working: every case at a tiny size, without added latency. Only the
 * shape of each row is checked — numbers present, nothing failed. Performance is measured by
 * `npm run bench`, never asserted in a test.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Row } from '../../bench/cases';
import { markdown } from '../../bench/report';
import { runBench, writeResults } from '../../bench/run';
import { HOST_FILE, startBenchSandbox } from '../../bench/sandbox';

jest.setTimeout(180_000);

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);

describe('bench at smoke size', () => {
	let report: Awaited<ReturnType<typeof runBench>>;
	let out: string;

	beforeAll(async () => {
		report = await runBench({ scale: 0.002, latencyMs: 0, jitterMs: 0, coldLoadRuns: 1, cases: [1, 2, 3, 4] });
		out = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
	});
	afterAll(() => {
		if (out) rmSync(out, { recursive: true, force: true });
	});

	const measured = (c: Row['case']) => report.rows.filter((r) => r.case === c && r.wallMs !== null);

	it.each([1, 2, 3, 4] as const)('case %i produces well-formed rows, our nodes with no failed items', (c) => {
		const rows = measured(c);
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) {
			for (const key of ['wallMs', 'requests', 'status429', 'failedItems', 'tokenRequests', 'records'] as const) expect(isNumber(row[key])).toBe(true);
			// Our nodes must deliver everything; the HTTP Request node losing items to 429s is a result the bench reports.
			if (row.kind === 'pack') {
				expect(row.error).toBeUndefined();
				expect(row.failedItems).toBe(0);
				if (row.expectedRecords !== null) expect(row.records).toBe(row.expectedRecords);
			}
			if (c !== 4) {
				expect(isNumber(row.peakRssMb)).toBe(true);
				expect(isNumber(row.peakHeapMb)).toBe(true);
				expect(isNumber(row.floorMs)).toBe(true);
			}
		}
	});

	it('compares with n8n’s HTTP Request node when the n8n server is installed', () => {
		const http = report.rows.filter((r) => r.kind === 'httpRequest');
		if (http.some((r) => r.wallMs === null)) {
			// Not installed here: the row says why instead of a number.
			expect(http.every((r) => r.notes.join(' ').includes('not run'))).toBe(true);
			return;
		}
		expect(new Set(http.map((r) => r.case))).toEqual(new Set([1, 2, 3]));
	});

	it('states every target of issue 9 and writes markdown and JSON', () => {
		expect(report.targets.map((t) => t.case)).toEqual([1, 2, 3, 4]);
		const files = writeResults(report, out);
		expect(JSON.parse(readFileSync(files.json, 'utf8')).rows).toHaveLength(report.rows.length);
		const md = readFileSync(files.md, 'utf8');
		expect(md).toBe(markdown(report));
		expect(md).toContain('| Case | Runner | Wall |');
	});
});

describe('the sandbox in its own process (how `npm run bench` runs it)', () => {
	it('answers the bench’s calls across the process boundary and stops', async () => {
		expect(existsSync(HOST_FILE)).toBe(true); // built by `npm run build:tools` (pretest)
		const sandbox = await startBenchSandbox('process');
		try {
			expect(sandbox.where).toBe('own process');
			expect(await sandbox.seed('meedee', 12)).toBe(12);
			const before = await sandbox.requestCount('meedee');
			const response = await fetch(`${sandbox.credentials.meeDeePosApi.baseUrl}/api/partner/v1/customers`);
			expect(response.status).toBe(401); // no token: the simulator answers, from the other process
			const seen = await sandbox.requestsSince('meedee', before);
			expect(seen).toEqual([expect.objectContaining({ path: '/api/partner/v1/customers', status: 401 })]);
			expect(await sandbox.cpuMs()).toBeGreaterThan(0);
			await expect((sandbox.seed as (...a: unknown[]) => Promise<number>)('salekit', 1)).rejects.toThrow('no bench seeding for salekit');
		} finally {
			await sandbox.stop();
		}
	});
});
