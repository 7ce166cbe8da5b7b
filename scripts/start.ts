/**
 * `npm start`: the main job. Starts the vendor sandbox with seeded data and a real n8n server
 * (SQLite, 127.0.0.1:5678) with this pack installed as a community package, the sandbox
 * credentials and the demo workflows imported, then prints the URL and login. Ctrl-C stops both.
 */
import path from 'node:path';

import { startSandbox } from '../sandbox/index';
import { VENIO_WEBHOOK } from './demo-drivers';
import { importDemo } from './demo-setup';
import { ensureN8nInstalled, OWNER, prepareFolder, ROOT, setupOwner, startN8n } from './n8n-server';
import { n8nTimeZone } from './timezone';

async function main() {
	ensureN8nInstalled();
	const sandbox = await startSandbox({ port: Number(process.env.SANDBOX_PORT ?? 7780) });
	const options = { folder: path.join(ROOT, '.n8n-demo'), port: Number(process.env.N8N_PORT ?? 5678), timezone: n8nTimeZone() };
	prepareFolder(options);
	console.log('Importing sandbox credentials and demo workflows...');
	const examples = importDemo(options, sandbox);
	console.log('Starting n8n...');
	const n8n = await startN8n(options);
	await setupOwner(n8n.url);
	// Venio has no API to register webhooks: point the sandbox's Venio at demo 4's webhook, as an admin would.
	await sandbox.venio.control({ action: 'setWebhook', url: `${n8n.url}/webhook/${VENIO_WEBHOOK.id}/${VENIO_WEBHOOK.path}?token=${VENIO_WEBHOOK.token}` });

	console.log(`
n8n is running at ${n8n.url}
  Log in with ${OWNER.email} / ${OWNER.password}
  Time zone (GENERIC_TIMEZONE): ${options.timezone}
  Vendor sandbox: ${sandbox.server.baseUrl}  (Venio ${sandbox.urls.venio}, MeeDee POS ${sandbox.urls.meedee},
                  SHOPLINE ${sandbox.urls.shopline}, Salekit ${sandbox.urls.salekit})
  Demo workflows: ${examples.map((e) => `${e.name}${e.publish ? ' (active)' : ''}`).join('; ') || 'none'}
Press Ctrl-C to stop.`);

	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		console.log('\nStopping n8n and the sandbox...');
		await n8n.stop();
		await sandbox.stop();
		process.exit(0);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	n8n.process.once('exit', (code) => {
		if (!stopping) {
			console.error(`n8n stopped unexpectedly (exit ${code}). Last output:\n${n8n.output.slice(-30).join('')}`);
			void sandbox.stop().then(() => process.exit(1));
		}
	});
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
