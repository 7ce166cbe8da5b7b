/** The repository root and package name, found the same way from source (tests) or compiled (build/). */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE_NAME = 'n8n-nodes-asia-commerce';

function findRoot(start: string): string {
	let dir = start;
	for (let i = 0; i < 6; i++) {
		const pkg = path.join(dir, 'package.json');
		if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === PACKAGE_NAME) return dir;
		dir = path.dirname(dir);
	}
	throw new Error(`Cannot find the ${PACKAGE_NAME} folder above ${start}`);
}

export const ROOT = findRoot(__dirname);
