/**
 * How each demo workflow is started outside the editor. Manual ones run with `n8n execute`;
 * webhook-started ones are active in the server, and the sandbox fires the vendor's real event at
 * n8n's production webhook URL, then we wait for the execution's effect in the sandbox.
 */
import type { Sandbox } from '../sandbox/index';

export type DemoDriver = { kind: 'manual' } | { kind: 'webhook'; fire: (sandbox: Sandbox, n8nUrl: string) => Promise<string> };

/** Polls `done` until it is true or `timeoutMs` passes (bounded: at most timeoutMs / 250 checks). */
export async function waitFor(done: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = 'the workflow'): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await done()) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

export const DEMO_DRIVERS: Record<string, DemoDriver> = {
	demoCustomersSalekit3: { kind: 'manual' },
};
