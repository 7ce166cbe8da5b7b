/**
 * Shared set-up for the Venio tests: the simulator on a loopback port, the n8n-core harness,
 * the credential, and helpers to run the node and read what the simulator received.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { sandboxCredentials } from '../../sandbox';
import { SandboxServer, type LogEntry, type SimRequest, type SimResponse } from '../../sandbox/core';
import { createVenio, type VenioOptions, type VenioSim } from '../../sandbox/venio';
import { createHarness, runNode, type Harness, type RunResult } from '../harness/n8n';
// The harness runs dist/, so the caches to reset are dist's, not the TypeScript sources'.
import { resetLimiters } from '../../dist/nodes/shared/limiter';
import { clearTokenCache } from '../../dist/nodes/shared/tokenCache';

export interface Env {
	server: SandboxServer;
	sim: VenioSim;
	h: Harness;
	base: string;
	credentials(extra?: IDataObject): { venioCrmApi: ICredentialDataDecryptedObject };
	/** Runs the Venio CRM node with these parameters on these input items. */
	run(parameters: IDataObject, input?: IDataObject[], options?: { continueOnFail?: boolean; credentials?: IDataObject }): Promise<RunResult>;
	/** API requests the simulator received (token requests left out). */
	calls(): LogEntry[];
}

export function useVenio(options: Partial<VenioOptions> = {}): Env {
	const env = {} as Env;
	beforeAll(async () => {
		env.sim = createVenio(options);
		env.server = new SandboxServer().mount(env.sim);
		const root = await env.server.start();
		env.base = `${root}/venio`;
		env.h = createHarness();
		env.credentials = (extra = {}) => ({
			venioCrmApi: { ...sandboxCredentials(root).venioCrmApi, ...extra } as ICredentialDataDecryptedObject,
		});
		env.run = async (parameters, input = [{}], opts = {}) =>
			await runNode(env.h, { type: 'venioCrm', parameters: parameters as never, credentials: env.credentials(opts.credentials), continueOnFail: opts.continueOnFail }, input);
		env.calls = () => env.server.requests('venio').filter((r) => !/connect\/token$/i.test(r.path));
	});
	afterAll(async () => {
		await env.sim.flush();
		await env.server.stop();
	});
	beforeEach(async () => {
		await env.sim.flush();
		env.server.reset();
		resetLimiters();
		clearTokenCache();
	});
	return env;
}

/** Wraps one simulator route for the duration of a test; returns a function that restores it. */
export function intercept(
	sim: VenioSim,
	method: string,
	path: string,
	wrap: (req: SimRequest, original: (req: SimRequest) => SimResponse | Promise<SimResponse>, call: number) => SimResponse | Promise<SimResponse>,
): () => void {
	const route = sim.routes.find((r) => r.method === method && `/${r.parts.join('/')}`.toLowerCase() === path.toLowerCase());
	if (!route) throw new Error(`No simulator route ${method} ${path}`);
	const original = route.handler;
	let calls = 0;
	route.handler = (req) => wrap(req, original, ++calls);
	return () => {
		route.handler = original;
	};
}
