/**
 * Suite-wide secrets check (issues 10 and 14): after the whole `npm test` run, every output item and
 * error our nodes produced in any test (recorded whole by test/harness/n8n.ts, one JSON line per
 * item), the whole log of every real n8n server and CLI run the end-to-end tests started
 * (`n8n-*.log`), every console line jest captured and every failure message are searched for every
 * credential secret handed to the harness or imported into n8n, and every token a vendor issued or
 * n8n stored. Files are read line by line (streamed), so nothing is cut and nothing is loaded whole.
 * Any hit fails the run.
 */
const fs = require('node:fs');
const path = require('node:path');
const readline = require('node:readline');

/**
 * Each jest run records into its own folder (run-<pid of the jest process>), handed to the test
 * workers through SECRETS_SCAN_DIR: several people's runs in one working tree then never clear or
 * mix each other's records.
 */
const ROOT_DIR = path.join(__dirname, '..', 'test-results', 'suite-outputs');
const RESULT = path.join(__dirname, '..', 'test-results', 'secrets-suite.json');

/** Shorter values are not treated as secrets (they would match ordinary text); also the matcher's window. */
const MIN_SECRET_LENGTH = 8;

function filesWith(dir, prefix) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((f) => f.startsWith(prefix))
		.sort()
		.map((f) => path.join(dir, f));
}

/** The file's lines, streamed; none when the file went away meanwhile (another jest run cleared the folder). */
async function* linesOf(file) {
	const input = fs.createReadStream(file, { encoding: 'utf8' });
	const opened = await new Promise((resolve) => {
		input.once('open', () => resolve(true));
		input.once('error', () => resolve(false));
	});
	if (!opened) return;
	const lines = readline.createInterface({ input, crlfDelay: Infinity });
	for await (const line of lines) yield line;
}

/** A recorded secret or token line: a JSON string (older records: the raw text). */
function secretOf(line) {
	try {
		const value = JSON.parse(line);
		if (typeof value === 'string') return value.trim();
	} catch {
		// raw text
	}
	return line.trim();
}

/**
 * Finds any of many secrets in a text in one pass (a rolling hash over the first MIN_SECRET_LENGTH
 * characters of each form, confirmed with startsWith), so whole outputs of hundreds of MB stay
 * cheap to scan for hundreds of secrets. Each secret is looked for as is and JSON-escaped (how it
 * would appear inside a recorded JSON line).
 */
class SecretMatcher {
	constructor(secrets) {
		this.secrets = secrets;
		this.byHash = new Map();
		this.filter = new Uint8Array(1 << 20);
		for (const secret of secrets) {
			const escaped = JSON.stringify(secret).slice(1, -1);
			for (const form of new Set([secret, escaped])) {
				const h = SecretMatcher.hash(form, 0);
				if (!this.byHash.has(h)) this.byHash.set(h, []);
				this.byHash.get(h).push({ form, secret });
				this.filter[h & 0xfffff] = 1;
			}
		}
	}

	/** A polynomial hash of MIN_SECRET_LENGTH characters in 32-bit integer arithmetic (wrapping). */
	static hash(text, from) {
		let h = 0;
		for (let i = from; i < from + MIN_SECRET_LENGTH; i++) h = (Math.imul(h, SecretMatcher.BASE) + text.charCodeAt(i)) | 0;
		return h;
	}

	/** The secrets found in `text`. */
	find(text) {
		const found = new Set();
		const K = MIN_SECRET_LENGTH;
		if (this.secrets.length === 0 || text.length < K) return found;
		const { BASE, TOP } = SecretMatcher;
		const filter = this.filter;
		let h = SecretMatcher.hash(text, 0);
		for (let i = 0; ; i++) {
			if (filter[h & 0xfffff] === 1) {
				for (const candidate of this.byHash.get(h) ?? []) if (text.startsWith(candidate.form, i)) found.add(candidate.secret);
			}
			if (i + K >= text.length) break;
			h = (Math.imul(h - Math.imul(text.charCodeAt(i), TOP), BASE) + text.charCodeAt(i + K)) | 0;
		}
		return found;
	}
}
SecretMatcher.BASE = 131;
/** BASE^(K-1), wrapped to 32 bits: the weight of the character leaving the window. */
SecretMatcher.TOP = Array.from({ length: MIN_SECRET_LENGTH - 1 }).reduce((acc) => Math.imul(acc, SecretMatcher.BASE), 1);

class SecretsReporter {
	constructor(_globalConfig, options = {}) {
		this.dir = options.dir ?? path.join(ROOT_DIR, `run-${process.pid}`);
		// Read by test/harness/n8n.ts in the workers jest starts after this.
		if (!options.dir) process.env.SECRETS_SCAN_DIR = this.dir;
		this.resultFile = options.result ?? RESULT;
		this.texts = [];
		this.error = undefined;
	}

	onRunStart() {
		pruneFinishedRuns();
		fs.rmSync(this.dir, { recursive: true, force: true });
	}

	onTestResult(_test, result) {
		for (const entry of result.console ?? []) this.texts.push({ where: `console of ${path.basename(result.testFilePath)}`, text: String(entry.message) });
		if (result.failureMessage) this.texts.push({ where: `failures of ${path.basename(result.testFilePath)}`, text: result.failureMessage });
	}

	async readSecrets() {
		const secrets = new Set();
		for (const file of [...filesWith(this.dir, 'secret-'), ...filesWith(this.dir, 'token-')]) {
			for await (const line of linesOf(file)) {
				const secret = secretOf(line);
				if (secret.length >= MIN_SECRET_LENGTH) secrets.add(secret);
			}
		}
		return [...secrets];
	}

	async scanFiles(matcher, files, where, findings) {
		const totals = { files: files.length, lines: 0, characters: 0 };
		for (const file of files) {
			let lineNumber = 0;
			for await (const line of linesOf(file)) {
				lineNumber++;
				totals.characters += line.length + 1;
				for (const secret of matcher.find(line)) findings.push({ where: `${where} (${path.basename(file)}:${lineNumber})`, secret: mask(secret) });
			}
			totals.lines += lineNumber;
		}
		return totals;
	}

	async onRunComplete() {
		const secrets = await this.readSecrets();
		const matcher = new SecretMatcher(secrets);
		const findings = [];
		const outputs = await this.scanFiles(matcher, filesWith(this.dir, 'output-'), 'node output or error', findings);
		const n8nLogs = await this.scanFiles(matcher, filesWith(this.dir, 'n8n-'), 'n8n server log', findings);
		for (const { where, text } of this.texts) for (const secret of matcher.find(text)) findings.push({ where, secret: mask(secret) });
		const summary = {
			secretsChecked: secrets.length,
			outputs,
			n8nLogs,
			consoleAndFailureTexts: this.texts.length,
			secretsFound: findings.length,
			findings: findings.slice(0, 20),
		};
		fs.mkdirSync(path.dirname(this.resultFile), { recursive: true });
		fs.writeFileSync(this.resultFile, `${JSON.stringify(summary, null, 2)}\n`);
		console.log(
			`\nSecrets scan of the whole suite: ${secrets.length} secret values; ${outputs.lines} output lines (${megabytes(outputs.characters)}), ${n8nLogs.lines} n8n log lines (${megabytes(n8nLogs.characters)}), ${this.texts.length} console/failure texts read whole: ${findings.length} found`,
		);
		this.error = findings.length ? new Error(`Secrets found in test outputs or logs: ${JSON.stringify(findings.slice(0, 5))}`) : undefined;
	}

	getLastError() {
		return this.error;
	}
}

/** Removes the folders of jest runs that have ended (their process is gone), and loose files of the older layout. */
function pruneFinishedRuns() {
	if (!fs.existsSync(ROOT_DIR)) return;
	for (const entry of fs.readdirSync(ROOT_DIR, { withFileTypes: true })) {
		const run = /^run-(\d+)$/.exec(entry.name);
		if (entry.isDirectory() && run && isAlive(Number(run[1]))) continue;
		fs.rmSync(path.join(ROOT_DIR, entry.name), { recursive: true, force: true });
	}
}

function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

const mask = (secret) => `${secret.slice(0, 3)}…(${secret.length} chars)`;
const megabytes = (characters) => `${(characters / 1e6).toFixed(1)} M characters`;

module.exports = SecretsReporter;
module.exports.SecretMatcher = SecretMatcher;
