/**
 * Issue 14: the suite-wide secrets scan reads whole outputs. The harness records every item of an
 * output (one JSON line each, however many), and the reporter (test/secrets-reporter.js) streams
 * every recorded file and every n8n server log line by line: a secret far past the first 200,000
 * characters, JSON-escaped inside a record, or in the middle of a multi-megabyte n8n log is found.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { record, RECORD_DIR } from '../harness/n8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const SecretsReporter = require('../secrets-reporter') as {
	new (config: unknown, options: { dir: string; result: string }): {
		onRunComplete(): Promise<void>;
		onTestResult(test: unknown, result: { testFilePath: string; console?: Array<{ message: string }>; failureMessage?: string }): void;
		getLastError(): Error | undefined;
	};
	SecretMatcher: new (secrets: string[]) => { find(text: string): Set<string> };
};

const PLANTED = 'planted-secret-7Qx"9\\zz';
const TOKEN = 'veni.issued-token-abcdefghijklmnop';

describe('SecretMatcher', () => {
	const matcher = new SecretsReporter.SecretMatcher([PLANTED, TOKEN, 'another-secret-value']);

	it('finds every secret in one pass, at any position', () => {
		expect([...matcher.find(`${TOKEN}`)]).toEqual([TOKEN]);
		expect([...matcher.find(`${'x'.repeat(1_000_003)}${TOKEN}`)]).toEqual([TOKEN]);
		expect(new Set(matcher.find(`a ${TOKEN} b another-secret-value c`))).toEqual(new Set([TOKEN, 'another-secret-value']));
		expect([...matcher.find(`${TOKEN.slice(0, -1)} another-secret-valu`)]).toEqual([]);
	});

	it('finds a secret as is and JSON-escaped (as it sits in a recorded JSON line)', () => {
		expect([...matcher.find(`log: ${PLANTED}`)]).toEqual([PLANTED]);
		expect([...matcher.find(JSON.stringify({ error: `token ${PLANTED} refused` }))]).toEqual([PLANTED]);
	});

	it('finds nothing in short or clean texts', () => {
		expect(matcher.find('').size + matcher.find('short').size + matcher.find('ไทย 中文 tiếng Việt '.repeat(1000)).size).toBe(0);
	});
});

describe('the reporter', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'secrets-scan-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	async function scan(): Promise<{ error?: Error; summary: { secretsChecked: number; secretsFound: number; findings: Array<{ where: string }>; outputs: { lines: number }; n8nLogs: { lines: number; characters: number } } }> {
		const result = path.join(dir, 'result.json');
		const reporter = new SecretsReporter({}, { dir, result });
		reporter.onTestResult({}, { testFilePath: '/x/e2e.test.ts', console: [{ message: 'nothing secret here' }] });
		await reporter.onRunComplete();
		return { error: reporter.getLastError(), summary: JSON.parse(readFileSync(result, 'utf8')) };
	}

	function plant(): void {
		writeFileSync(path.join(dir, 'secret-1.jsonl'), `${JSON.stringify(PLANTED)}\n${JSON.stringify('short')}\n`);
		writeFileSync(path.join(dir, 'token-1.jsonl'), `${JSON.stringify(TOKEN)}\n`);
	}

	it('passes when no output or log holds a secret, and says how much it read', async () => {
		plant();
		writeFileSync(path.join(dir, 'output-1.jsonl'), `${JSON.stringify({ id: 1 })}\n`.repeat(3));
		writeFileSync(path.join(dir, 'n8n-e2e-1.log'), 'n8n ready\n'.repeat(5));
		const { error, summary } = await scan();
		expect(error).toBeUndefined();
		expect(summary).toMatchObject({ secretsChecked: 2, secretsFound: 0, outputs: { lines: 3 }, n8nLogs: { lines: 5 } });
	});

	it('finds a secret past the first 200,000 characters of an output (JSON-escaped) and one in the middle of a big n8n log', async () => {
		plant();
		const items = Array.from({ length: 5000 }, (_, i) => JSON.stringify({ id: i, note: 'x'.repeat(100) }));
		items.push(JSON.stringify({ id: 'last', error: `refused ${PLANTED}` }));
		writeFileSync(path.join(dir, 'output-1.jsonl'), `${items.join('\n')}\n`);
		const log = ['start\n'.repeat(200_000), `Authorization: Bearer ${TOKEN}\n`, 'stop\n'.repeat(200_000)].join('');
		writeFileSync(path.join(dir, 'n8n-e2e-1.log'), log);
		const { error, summary } = await scan();
		expect(summary.secretsFound).toBe(2);
		expect(summary.findings.map((f) => f.where)).toEqual(['node output or error (output-1.jsonl:5001)', 'n8n server log (n8n-e2e-1.log:200001)']);
		expect(summary.n8nLogs.characters).toBe(log.length);
		expect(error?.message).toMatch(/^Secrets found in test outputs or logs/);
	});

	it('looks in console lines and failure messages too', async () => {
		plant();
		const reporter = new SecretsReporter({}, { dir, result: path.join(dir, 'result.json') });
		reporter.onTestResult({}, { testFilePath: '/x/a.test.ts', failureMessage: `expected ${TOKEN} to be gone` });
		await reporter.onRunComplete();
		expect(reporter.getLastError()?.message).toMatch(/failures of a\.test\.ts/);
	});
});

describe('the harness records whole outputs', () => {
	it('keeps every item of a 50,000-item output, one JSON line each', () => {
		const file = path.join(RECORD_DIR, `output-${process.pid}.jsonl`);
		const linesBefore = (() => {
			try {
				return readFileSync(file, 'utf8').split('\n').length - 1;
			} catch {
				return 0;
			}
		})();
		function* items() {
			for (let i = 0; i < 50_000; i++) yield { id: i, name: `customer ${i}`, note: 'n'.repeat(40) };
		}
		record('output', items());
		const lines = readFileSync(file, 'utf8').split('\n');
		expect(lines.length - 1 - linesBefore).toBe(50_000);
		expect(JSON.parse(lines[lines.length - 2])).toEqual({ id: 49_999, name: 'customer 49999', note: 'n'.repeat(40) });
	});
});
