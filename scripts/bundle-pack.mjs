/**
 * Packs the compiled pack (tsc's CommonJS output under dist/nodes and dist/credentials) into ONE
 * file, dist/pack.js, and turns every compiled module into a one-line stub that loads its code
 * from there. Runs at the end of `npm run build`, after tsc and gulp.
 *
 * Why: n8n loads a community package by requiring each node and credential file listed in
 * package.json. Resolving, reading and compiling ~300 small files one by one was most of a cold
 * load (bench case 4); one file is read and compiled once (case 4 median, same machine: 222 ms
 * before, 108 ms after).
 *
 * Why one file for all nodes, not a bundle per node: module-level state must stay shared as with
 * separate files: the per-credential pacing lanes (nodes/shared/limiter.ts), the token caches
 * (nodes/shared/tokenCache.ts) and the webhook deliveries (nodes/shared/deliveries.ts) are one
 * copy for the SHOPLINE node and the SHOPLINE Trigger alike. pack.js keeps CommonJS semantics:
 * a module's body runs on its first require and is cached after; relative requires resolve within
 * the pack, anything else (n8n-workflow, zod, node:crypto) goes to Node's require.
 *
 * Why every module gets a stub, not only the entry files: tests and the bench reset the pack's
 * state through dist/nodes/shared/*.js; a stub hands them the same instance the nodes use. Only
 * the entry stubs, pack.js, the codex files and the icons are published (package.json `files`).
 *
 * No dependencies, no eval: the module code is copied verbatim into plain functions, so the n8n
 * scanner lints it like any other file. Stack traces name dist/pack.js, and each module starts
 * under a `// <path>` line there.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const PACK = 'pack.js';
const STUB_MARK = '// Stub: this module is packed in';
/** Parts of the CommonJS wrapper pack.js does not give a module; found in a module, the build stops. */
const UNSUPPORTED = /\b(__dirname|__filename|require\.(resolve|cache|main|extensions)|module\.(parent|children|paths|filename|require))\b/;
const REQUIRE_CALL = /\brequire\(([^)]*)\)/g;

function fail(message) {
	console.error(`bundle-pack: ${message}`);
	process.exit(1);
}

/** dist-relative POSIX paths of every .js file below `dir`, sorted. */
function jsFiles(dir) {
	const out = [];
	const walk = (d) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (entry.name.endsWith('.js')) out.push(path.relative(dist, full).split(path.sep).join('/'));
		}
	};
	if (existsSync(dir)) walk(dir);
	return out.sort();
}

/** The same resolution pack.js does at run time (see `resolveIn` below), for checking at build time. */
function resolveIn(modules, from, request) {
	const parts = from.split('/').slice(0, -1);
	for (const part of request.split('/')) {
		if (part === '..') parts.pop();
		else if (part !== '.' && part !== '') parts.push(part);
	}
	const base = parts.join('/');
	return [base, `${base}.js`, `${base}/index.js`].find((id) => modules.has(id));
}

const ids = [...jsFiles(path.join(dist, 'nodes')), ...jsFiles(path.join(dist, 'credentials'))];
if (ids.length === 0) fail('no compiled modules in dist/nodes or dist/credentials (run tsc first)');
const sources = new Map(ids.map((id) => [id, readFileSync(path.join(dist, id), 'utf8')]));
const registered = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).n8n;
for (const entry of [...registered.credentials, ...registered.nodes]) {
	if (!sources.has(entry.replace(/^dist\//, ''))) fail(`package.json lists ${entry}, which tsc did not build`);
}
for (const [id, code] of sources) {
	if (code.includes(STUB_MARK)) fail(`dist/${id} is already a stub: run the whole build (npm run build), which cleans dist first`);
	const unsupported = code.match(UNSUPPORTED);
	if (unsupported) fail(`dist/${id} uses ${unsupported[0]}, which pack.js does not provide`);
	for (const [, arg] of code.matchAll(REQUIRE_CALL)) {
		const literal = arg.trim().match(/^(["'])([^"']+)\1$/);
		if (!literal) fail(`dist/${id} calls require(${arg}): only string literals can be packed`);
		const request = literal[2];
		if ((request.startsWith('./') || request.startsWith('../')) && !resolveIn(sources, id, request)) {
			fail(`dist/${id} requires "${request}", which is not a packed module`);
		}
	}
}

// Every module runs during a load anyway, so each body is wrapped in parentheses: V8 then compiles it
// once up front instead of pre-parsing it and parsing it again on first call (a small gain).
const modules = ids.map((id) => `// ${id}\n${JSON.stringify(id)}: (function (module, exports, require) {\n${sources.get(id).trimEnd()}\n}),`).join('\n');
const pack = `"use strict";
// Built by scripts/bundle-pack.mjs from tsc's output: every module of the pack in one file, loaded
// the CommonJS way (a module runs on its first require, once). See that script for why.
const factories = {
${modules}
};
const cache = new Map();
/** Outside modules (n8n-workflow, zod, node:crypto) by request: Node resolves each once, not once per require. */
const outside = new Map();
/** A relative request from module \`from\` as a packed module id (the resolution Node does for files). */
function resolveIn(from, request) {
	const parts = from.split('/').slice(0, -1);
	for (const part of request.split('/')) {
		if (part === '..') parts.pop();
		else if (part !== '.' && part !== '') parts.push(part);
	}
	const base = parts.join('/');
	return [base, base + '.js', base + '/index.js'].find((id) => id in factories);
}
function requireFrom(from, request) {
	if (!request.startsWith('./') && !request.startsWith('../')) {
		if (!outside.has(request)) outside.set(request, require(request));
		return outside.get(request);
	}
	const id = resolveIn(from, request);
	if (id === undefined) throw new Error('Cannot find module "' + request + '" from dist/' + from + ' in dist/pack.js');
	return load(id);
}
/** The exports of packed module \`id\` (e.g. "nodes/shared/limiter.js"), running its body on first use. */
function load(id) {
	const cached = cache.get(id);
	if (cached !== undefined) return cached.exports;
	const factory = factories[id];
	if (factory === undefined) throw new Error('dist/pack.js has no module "' + id + '"');
	const module = { id, exports: {} };
	cache.set(id, module);
	try {
		factory.call(module.exports, module, module.exports, (request) => requireFrom(id, request));
	} catch (error) {
		cache.delete(id);
		throw error;
	}
	return module.exports;
}
exports.load = load;
`;
writeFileSync(path.join(dist, PACK), pack);

for (const id of ids) {
	const toPack = path.posix.relative(path.posix.dirname(id), PACK);
	const stub = `"use strict";\n${STUB_MARK} dist/${PACK} (scripts/bundle-pack.mjs).\nmodule.exports = require(${JSON.stringify(toPack)}).load(${JSON.stringify(id)});\n`;
	writeFileSync(path.join(dist, id), stub);
}
console.log(`bundle-pack: ${ids.length} modules -> dist/${PACK} (${(Buffer.byteLength(pack) / 1024).toFixed(0)} KiB), stubs left in their place`);
