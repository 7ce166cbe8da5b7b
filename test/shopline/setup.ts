/**
 * Shared set-up for the SHOPLINE tests: the simulator on a loopback port, the n8n-core harness and
 * the credential, handed to the test file once they are ready; pacing state is reset before each
 * test (the harness runs dist/, so the limiter reset is dist's).
 */
import { sandboxCredentials } from '../../sandbox';
import { SandboxServer } from '../../sandbox/core';
import { createShopline, type ShoplineSim } from '../../sandbox/shopline';
import type { ShoplineOptions } from '../../sandbox/shopline/model';
import { createHarness, type Harness } from '../harness/n8n';
import { resetLimiters } from '../../dist/nodes/shared/limiter';

export interface ShoplineEnv {
	server: SandboxServer;
	sim: ShoplineSim;
	h: Harness;
	credentials: { shoplineApi: { baseUrl: string; accessToken: string; userAgent: string } };
}

export function useShopline(options: ShoplineOptions, ready: (env: ShoplineEnv) => void): void {
	let env: ShoplineEnv;
	beforeAll(async () => {
		const sim = createShopline(options);
		const server = new SandboxServer().mount(sim);
		env = { sim, server, credentials: { shoplineApi: sandboxCredentials(await server.start()).shoplineApi }, h: createHarness() };
		ready(env);
	});
	afterAll(async () => {
		await env.sim.idle();
		await env.server.stop();
	});
	beforeEach(() => {
		env.server.reset();
		resetLimiters();
	});
}
