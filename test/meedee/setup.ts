/**
 * Shared set-up for the MeeDee POS tests: the simulator on a loopback port, the n8n-core harness,
 * credentials per demo application, and a way to make one simulator route misbehave for a test.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { SandboxServer, type SimRequest, type SimResponse } from '../../sandbox/core';
import { createMeeDee, MEEDEE_DEMO, type MeeDeeApplication, type MeeDeeOptions, type MeeDeeSim } from '../../sandbox/meedee';
import { createHarness, type Harness } from '../harness/n8n';
// The harness runs dist/, so the caches to reset are dist's, not the TypeScript sources'.
import { resetLimiters } from '../../dist/nodes/shared/limiter';
import { clearTokenCache } from '../../dist/nodes/shared/tokenCache';

export interface Env {
	server: SandboxServer;
	sim: MeeDeeSim;
	h: Harness;
	base: string;
	credentialsFor(app?: MeeDeeApplication, extra?: IDataObject): { meeDeePosApi: ICredentialDataDecryptedObject };
}

/** Registers beforeAll/afterAll/beforeEach for one test file and returns the live environment. */
export function useMeeDee(options: MeeDeeOptions = {}): Env {
	const env = {} as Env;
	beforeAll(async () => {
		env.sim = createMeeDee(options);
		env.server = new SandboxServer().mount(env.sim);
		env.base = `${await env.server.start()}/meedee`;
		env.h = createHarness();
		env.credentialsFor = (app = MEEDEE_DEMO, extra = {}) => ({
			meeDeePosApi: { baseUrl: env.base, clientId: app.clientId, clientSecret: app.clientSecret, ...extra } as ICredentialDataDecryptedObject,
		});
	});
	afterAll(async () => {
		await env.sim.idle();
		await env.server.stop();
	});
	beforeEach(async () => {
		await env.sim.idle();
		env.server.reset();
		resetLimiters();
		clearTokenCache();
	});
	return env;
}

/** Wraps one simulator route for the duration of a test; returns a function that restores it. */
export function intercept(
	sim: MeeDeeSim,
	method: string,
	path: string,
	wrap: (req: SimRequest, original: (req: SimRequest) => SimResponse | Promise<SimResponse>, call: number) => SimResponse | Promise<SimResponse>,
): () => void {
	const route = sim.routes.find((r) => r.method === method && `/${r.parts.join('/')}` === `/api/partner/v1${path}`);
	if (!route) throw new Error(`No simulator route ${method} ${path}`);
	const original = route.handler;
	let calls = 0;
	route.handler = (req) => wrap(req, original, ++calls);
	return () => {
		route.handler = original;
	};
}

/** A refusal MeeDee's shape, which the transport does not retry. */
export const refuse = (message = 'Simulated refusal'): SimResponse => ({ status: 400, body: { error: 'invalid_request', message } });

/** A loopback HTTP receiver; `handle` answers each request (raw body kept). */
export async function startReceiver(
	handle: (req: { headers: http.IncomingHttpHeaders; rawBody: Buffer; body: IDataObject }) => Promise<number> | number,
): Promise<{ url: string; stop: () => Promise<void> }> {
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const rawBody = Buffer.concat(chunks);
			void Promise.resolve(handle({ headers: req.headers, rawBody, body: JSON.parse(rawBody.toString('utf8') || '{}') }))
				.catch(() => 500)
				.then((status) => {
					res.writeHead(status, { 'content-type': 'application/json' });
					res.end('{}');
				});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	return { url, stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** YYYY-MM-DD `days` from today (UTC). */
export function utcDay(days = 0): string {
	return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
