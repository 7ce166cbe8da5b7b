/**
 * Shared set-up for the Salekit tests: the simulator on a loopback port, the n8n-core harness and
 * the credential, handed to the test file once they are ready; pacing state is reset before each
 * test (the harness runs dist/, so the limiter reset is dist's).
 */
import { sandboxCredentials } from '../../sandbox';
import { SandboxServer } from '../../sandbox/core';
import { createSalekit, type SalekitSim } from '../../sandbox/salekit';
import { createHarness, type Harness } from '../harness/n8n';
import { resetLimiters } from '../../dist/nodes/shared/limiter';

export interface SalekitEnv {
	server: SandboxServer;
	sim: SalekitSim;
	h: Harness;
	credentials: { salekitApi: { baseUrl: string; token: string } };
}

export function useSalekit(ready: (env: SalekitEnv) => void): void {
	let env: SalekitEnv;
	beforeAll(async () => {
		const sim = createSalekit();
		const server = new SandboxServer().mount(sim);
		env = { sim, server, credentials: { salekitApi: sandboxCredentials(await server.start()).salekitApi }, h: createHarness() };
		ready(env);
	});
	afterAll(async () => env.server.stop());
	beforeEach(() => {
		env.server.reset();
		resetLimiters();
	});
}
