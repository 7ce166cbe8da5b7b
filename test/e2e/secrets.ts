/**
 * For the suite's secrets scan (test/secrets-reporter.js) in the end-to-end runs: the real server's
 * log goes to a file beside the run's recorded outputs, and every secret the server could leak is
 * recorded: the imported credentials' password fields and every token the sandbox issues.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../../sandbox/index';
import type { TokenIssuer } from '../../sandbox/core';
import { loadPackage, record, RECORD_DIR } from '../harness/n8n';

/** A log file the reporter reads (it searches files named n8n-*.log). */
export function serverLogFile(name: string): string {
	const file = path.join(RECORD_DIR, `n8n-${name}-${process.pid}.log`);
	mkdirSync(path.dirname(file), { recursive: true });
	return file;
}

/** A token and, for a JWT, its signature on its own (header and payload are not secret). */
const tokenParts = (token: string) => [token, ...token.split('.').filter((p) => p.length >= 20 && !p.startsWith('eyJ'))];

/** The sandbox credentials' password fields now, and every token the sandbox issues from now on. */
export function recordSandboxSecrets(sandbox: Sandbox): void {
	const types = loadPackage().credentials;
	const data = sandbox.credentials as unknown as Record<string, Record<string, unknown>>;
	record(
		'secret',
		Object.entries(data).flatMap(([type, values]) =>
			(types.get(type)?.properties ?? []).filter((p) => p.typeOptions?.password).map((p) => values[p.name]).filter((v): v is string => typeof v === 'string'),
		),
	);
	for (const issuer of [sandbox.venio.tokens, sandbox.meedee.issuer] as TokenIssuer[]) {
		const issue = issuer.issue.bind(issuer);
		issuer.issue = (...args) => {
			const issued = issue(...args);
			record('token', tokenParts(issued.token));
			return issued;
		};
	}
}
