/**
 * Suite-wide secrets check (issue 10): after the whole `npm test` run, every output item and error
 * our nodes produced in any test (recorded by test/harness/n8n.ts), every console line jest
 * captured and every failure message are searched for every credential secret handed to the
 * harness and every token n8n stored back into a credential. Any hit fails the run.
 */
const fs = require('node:fs');
const path = require('node:path');

const DIR = path.join(__dirname, '..', 'test-results', 'suite-outputs');
const RESULT = path.join(__dirname, '..', 'test-results', 'secrets-suite.json');

function readLines(prefix) {
	if (!fs.existsSync(DIR)) return [];
	return fs
		.readdirSync(DIR)
		.filter((f) => f.startsWith(prefix))
		.flatMap((f) => fs.readFileSync(path.join(DIR, f), 'utf8').split('\n').filter(Boolean));
}

class SecretsReporter {
	constructor() {
		this.texts = [];
		this.error = undefined;
	}

	onRunStart() {
		fs.rmSync(DIR, { recursive: true, force: true });
	}

	onTestResult(_test, result) {
		for (const entry of result.console ?? []) this.texts.push({ where: `console of ${path.basename(result.testFilePath)}`, text: String(entry.message) });
		if (result.failureMessage) this.texts.push({ where: `failures of ${path.basename(result.testFilePath)}`, text: result.failureMessage });
	}

	onRunComplete() {
		const secrets = [...new Set([...readLines('secret-'), ...readLines('token-')].map((s) => s.trim()).filter((s) => s.length >= 8))];
		const outputs = readLines('output-');
		const places = [...outputs.map((text) => ({ where: 'node output or error', text })), ...this.texts];
		const findings = [];
		for (const { where, text } of places) {
			for (const secret of secrets) if (text.includes(secret)) findings.push({ where, secret: `${secret.slice(0, 3)}…(${secret.length} chars)` });
		}
		const summary = { secretsChecked: secrets.length, outputsScanned: outputs.length, consoleAndFailureTexts: this.texts.length, secretsFound: findings.length, findings: findings.slice(0, 20) };
		fs.mkdirSync(path.dirname(RESULT), { recursive: true });
		fs.writeFileSync(RESULT, `${JSON.stringify(summary, null, 2)}\n`);
		console.log(`\nSecrets scan of the whole suite: ${secrets.length} secret values, ${outputs.length} node runs, ${this.texts.length} console/failure texts: ${findings.length} found`);
		if (findings.length) this.error = new Error(`Secrets found in test outputs or logs: ${JSON.stringify(findings.slice(0, 5))}`);
	}

	getLastError() {
		return this.error;
	}
}

module.exports = SecretsReporter;
