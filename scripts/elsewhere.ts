/**
 * Another origin on this machine (127.0.0.1, a port of its own): it records every request it
 * receives and answers as a vendor would, with success. Redirect checks point the sandbox's 3xx at
 * it; whatever a credential-carrying request sends after a redirect to another origin lands here.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

export interface Elsewhere {
	origin: string;
	received: Received[];
	stop(): Promise<void>;
}

export async function startElsewhere(): Promise<Elsewhere> {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ ok: true, error: false, access_token: 'elsewhere-token-0000', expires_in: 3600, data: [], items: [], status: { code: '1000' } }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		origin: `http://127.0.0.1:${port}`,
		received,
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
