/**
 * The whole sandbox: the four vendor simulators on one loopback server, for tests, benchmarks,
 * `npm run sandbox` and `npm start`.
 */
import { SandboxServer } from './core';
import { createMeeDee, MEEDEE_DEMO, type MeeDeeSim } from './meedee';
import { createSalekit, SALEKIT_DEMO, type SalekitSim } from './salekit';
import { createShopline, SHOPLINE_DEMO, type ShoplineSim } from './shopline';
import { createVenio, VENIO_DEMO, type VenioSim } from './venio';

export interface Sandbox {
	server: SandboxServer;
	venio: VenioSim;
	meedee: MeeDeeSim;
	shopline: ShoplineSim;
	salekit: SalekitSim;
	/** The base URL to put in each vendor's n8n credential. */
	urls: { venio: string; venioLegacy: string; meedee: string; shopline: string; salekit: string };
	/** Credential data for each of our credential types, pointing at this sandbox. */
	credentials: {
		venioCrmApi: { baseUrl: string; clientId: string; clientSecret: string; subscriptionApiKey: string };
		meeDeePosApi: { baseUrl: string; clientId: string; clientSecret: string };
		shoplineApi: { baseUrl: string; accessToken: string; userAgent: string };
		salekitApi: { baseUrl: string; token: string };
	};
	stop(): Promise<void>;
}

export async function startSandbox(options: { port?: number; verbose?: boolean } = {}): Promise<Sandbox> {
	const venio = createVenio();
	const meedee = createMeeDee();
	const shopline = createShopline();
	const salekit = createSalekit();
	const server = new SandboxServer({ port: options.port, verbose: options.verbose }).mount(venio).mount(meedee).mount(shopline).mount(salekit);
	const base = await server.start();
	const credentials = sandboxCredentials(base);
	return {
		server,
		venio,
		meedee,
		shopline,
		salekit,
		urls: {
			venio: credentials.venioCrmApi.baseUrl,
			venioLegacy: `${base}/venio/dev`,
			meedee: credentials.meeDeePosApi.baseUrl,
			shopline: credentials.shoplineApi.baseUrl,
			salekit: credentials.salekitApi.baseUrl,
		},
		credentials,
		stop: () => server.stop(),
	};
}

/** Credential data for each of our credential types, pointing at a sandbox served from `base`. */
export function sandboxCredentials(base: string): Sandbox['credentials'] {
	return {
		venioCrmApi: { baseUrl: `${base}/venio`, clientId: VENIO_DEMO.clientId, clientSecret: VENIO_DEMO.clientSecret, subscriptionApiKey: VENIO_DEMO.subscriptionKey },
		meeDeePosApi: { baseUrl: `${base}/meedee`, clientId: MEEDEE_DEMO.clientId, clientSecret: MEEDEE_DEMO.clientSecret },
		shoplineApi: { baseUrl: `${base}/shopline/v1`, accessToken: SHOPLINE_DEMO.accessToken, userAgent: SHOPLINE_DEMO.userAgent },
		salekitApi: { baseUrl: `${base}/salekit/api/v1`, token: SALEKIT_DEMO.token },
	};
}
