/**
 * Catches everything a run writes: process.stdout/stderr, console, n8n-workflow's LoggerProxy and
 * n8n-core's DI Logger (what nodes reach through `this.logger`). Captured output is kept, not shown.
 */
import { inspect } from 'node:util';

import { LoggerProxy } from 'n8n-workflow';

/**
 * n8n-core has its own copies of @n8n/di and @n8n/backend-common; its Logger is built on first use
 * and then re-points LoggerProxy at itself. Our logger is registered in every copy before that.
 */
function diCopies(): Array<{ Container: { set(type: unknown, value: unknown): void }; Logger: unknown }> {
	const copies = new Map<string, { Container: { set(type: unknown, value: unknown): void }; Logger: unknown }>();
	for (const from of [__dirname, require.resolve('n8n-core')]) {
		const di = require.resolve('@n8n/di', { paths: [from] });
		const common = require.resolve('@n8n/backend-common', { paths: [from] });
		copies.set(`${di}|${common}`, { Container: require(di).Container, Logger: require(common).Logger });
	}
	return [...copies.values()];
}

export const show = (value: unknown): string =>
	typeof value === 'string' ? value : inspect(value, { depth: 10, maxStringLength: Infinity, maxArrayLength: Infinity, showHidden: false, breakLength: Infinity });

export class OutputCapture {
	readonly lines: string[] = [];
	private restore: Array<() => void> = [];

	start(): void {
		const record = (source: string) => (...args: unknown[]) => {
			this.lines.push(`${source}: ${args.map(show).join(' ')}`);
		};
		for (const stream of [process.stdout, process.stderr]) {
			const spy = jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown) => {
				this.lines.push(`${stream === process.stdout ? 'stdout' : 'stderr'}: ${Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk)}`);
				return true;
			}) as typeof stream.write);
			this.restore.push(() => spy.mockRestore());
		}
		for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
			const spy = jest.spyOn(console, method).mockImplementation(record(`console.${method}`));
			this.restore.push(() => spy.mockRestore());
		}
		const logger = {
			error: record('logger.error'),
			warn: record('logger.warn'),
			info: record('logger.info'),
			debug: record('logger.debug'),
			verbose: record('logger.verbose'),
			scoped: () => logger,
		};
		LoggerProxy.init(logger as never);
		// Jest gives each test file its own module registry, so these Containers are this file's alone.
		for (const { Container, Logger } of diCopies()) Container.set(Logger, logger);
	}

	stop(): void {
		for (const undo of this.restore.reverse()) undo();
		this.restore = [];
	}
}
