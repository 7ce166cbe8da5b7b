// Starts a throwaway n8n with the pack and lists which of our node types it loaded.
import path from 'node:path';
import { PACKAGE_NAME, ROOT, prepareFolder, setupOwner, startN8n, login } from './n8n-server';

async function main() {
	const options = { folder: path.join(ROOT, 'build', 'n8n-smoke'), port: 5690, fresh: true };
	prepareFolder(options);
	const n8n = await startN8n(options);
	try {
		await setupOwner(n8n.url);
		const { cookie, browserId } = await login(n8n.url);
		const res = await fetch(`${n8n.url}/types/nodes.json`, { headers: { cookie, 'browser-id': browserId } });
		const types = (await res.json()) as Array<{ name: string }>;
		console.log(types.filter((t) => t.name.startsWith(PACKAGE_NAME)).map((t) => t.name));
		const creds = await fetch(`${n8n.url}/types/credentials.json`, { headers: { cookie, 'browser-id': browserId } });
		console.log(((await creds.json()) as Array<{ name: string }>).filter((c) => /salekit|venio|meedee|shopline/i.test(c.name)).map((c) => c.name));
	} finally {
		await n8n.stop();
	}
}
void main();
