/**
 * Removes compiled output before a build, so a file moved or deleted in the sources leaves no stale
 * copy behind (Node loads `build/sandbox/salekit.js` before `build/sandbox/salekit/index.js`, and
 * `npm pack` would ship a removed node's old `dist/` file). Run state under build/ (n8n folders,
 * bench and queue runs) is left alone.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const targets = { nodes: ['dist'], tools: ['build/sandbox', 'build/scripts', 'build/bench', 'build/test'] };
const which = process.argv[2];
if (!(which in targets)) {
	console.error(`usage: node scripts/clean-output.mjs ${Object.keys(targets).join('|')}`);
	process.exit(2);
}
for (const dir of targets[which]) rmSync(path.join(root, dir), { recursive: true, force: true });
