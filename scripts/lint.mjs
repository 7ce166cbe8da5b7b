// Lints the pack the way n8n verifies community packages:
// 1. `n8n-node lint` (strict, untouched eslint.config.mjs) over what n8n's scanner calls the
//    package source: package.json, nodes/ and credentials/. Tests, the sandbox and tools are not
//    part of the package, so they are staged out rather than linted with node-only rules.
// 2. The packed tarball's compiled JS and package.json, with inline eslint-disable comments
//    ignored, using the scanner's own ESLint configuration (@n8n/scan-community-package).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { analyzePackage } from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let failed = false;

// 1. Source lint in a staging folder inside the repo (so node_modules resolves from the root).
const stage = path.join(root, 'build', 'lint-stage');
rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
for (const entry of ['package.json', 'eslint.config.mjs', 'tsconfig.json', 'icons', 'nodes', 'credentials']) {
	cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
}
try {
	execFileSync(bin('n8n-node'), ['lint'], { cwd: stage, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
	console.log('n8n-node lint: clean');
} catch {
	failed = true;
	console.error('n8n-node lint: problems found (above)');
}

// 2. The tarball, as published.
const packDir = mkdtempSync(path.join(tmpdir(), 'asia-commerce-pack-'));
try {
	execFileSync('npm', ['pack', '--pack-destination', packDir, '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	const tarball = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
	const unpacked = path.join(packDir, 'package');
	execFileSync('tar', ['-xzf', tarball, '-C', packDir], { cwd: packDir });
	const result = await analyzePackage(unpacked, ['**/*.js', 'package.json']);
	if (result.passed) console.log(`tarball lint (inline disables ignored): clean (${tarball})`);
	else {
		failed = true;
		console.error(`tarball lint: ${result.message}\n${result.details ?? ''}`);
	}
} finally {
	rmSync(packDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
