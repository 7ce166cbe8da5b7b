/**
 * `npm run sandbox`: starts the four simulators on 127.0.0.1 and prints what to put in n8n.
 * Port: SANDBOX_PORT (default 7780). Ctrl-C stops it.
 */
import { startSandbox } from './index';

async function main() {
	const port = Number(process.env.SANDBOX_PORT ?? 7780);
	const sandbox = await startSandbox({ port, verbose: process.env.SANDBOX_VERBOSE === '1' });
	const c = sandbox.credentials;
	console.log(`Vendor sandbox listening on ${sandbox.server.baseUrl} (127.0.0.1 only)\n`);
	console.log('Credentials to create in n8n (demo values of this sandbox):');
	console.log(`  Venio CRM API    Base URL ${c.venioCrmApi.baseUrl}  (legacy: ${sandbox.urls.venioLegacy})`);
	console.log(`                   Client ID ${c.venioCrmApi.clientId}  Client Secret ${c.venioCrmApi.clientSecret}  Subscription Key ${c.venioCrmApi.subscriptionApiKey}`);
	console.log(`  MeeDee POS API   Base URL ${c.meeDeePosApi.baseUrl}  Client ID ${c.meeDeePosApi.clientId}  Client Secret ${c.meeDeePosApi.clientSecret}`);
	console.log(`  SHOPLINE API     Base URL ${c.shoplineApi.baseUrl}  Access Token ${c.shoplineApi.accessToken}  User-Agent ${c.shoplineApi.userAgent}`);
	console.log(`  Salekit API      Base URL ${c.salekitApi.baseUrl}  Token ${c.salekitApi.token}`);
	console.log(`\nControl API: POST ${sandbox.server.baseUrl}/__sandbox/reset, /__sandbox/faults/<vendor>, GET /__sandbox/log, /__sandbox/state/<vendor>`);
	const stop = async () => {
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
