/**
 * `npm run demo`: the `npm start` set-up without the editor. Runs every demo workflow against the
 * sandbox in a real n8n and prints what each did: items per node and the writes the vendors got.
 */
import path from 'node:path';

import { startSandbox, type Sandbox } from '../sandbox/index';
import { importDemo } from './demo-setup';
import { DEMO_DRIVERS } from './demo-drivers';
import { ensureN8nInstalled, executeWorkflow, login, prepareFolder, ROOT, setupOwner, startN8n } from './n8n-server';

function writesSince(sandbox: Sandbox, from: number): string[] {
	return sandbox.server.log
		.slice(from)
		.filter((e) => e.method !== 'GET' && !e.path.includes('token') && e.status > 0 && e.status < 300)
		.map((e) => `${e.vendor} ${e.method} ${e.path}`);
}

/** What n8n recorded for a workflow's recent executions: status and the failing node's error. */
async function lastExecutionErrors(url: string, workflowId: string): Promise<string[]> {
	try {
		const { cookie, browserId } = await login(url);
		const headers = { cookie, 'browser-id': browserId };
		const list = (await (await fetch(`${url}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}`, { headers })).json()) as {
			data: { results: Array<{ id: string; status: string }> };
		};
		const lines: string[] = [];
		for (const execution of list.data.results.slice(0, 3)) {
			const detail = (await (await fetch(`${url}/rest/executions/${execution.id}`, { headers })).json()) as { data: { data: string } };
			const error = /"message":"([^"]{0,300})"/.exec(detail.data.data)?.[1];
			lines.push(`n8n execution ${execution.id}: ${execution.status}${error ? ` (${error})` : ''}`);
		}
		return lines.length ? lines : ['n8n recorded no execution for it'];
	} catch (error) {
		return [`could not read n8n's executions: ${(error as Error).message}`];
	}
}

async function main() {
	ensureN8nInstalled();
	const sandbox = await startSandbox();
	const options = { folder: path.join(ROOT, 'build', 'n8n-demo'), port: Number(process.env.N8N_PORT ?? 5680), brokerPort: 5689, fresh: true };
	prepareFolder(options);
	const examples = importDemo(options, sandbox);
	const n8n = await startN8n(options);
	await setupOwner(n8n.url);
	let failed = 0;
	try {
		for (const example of examples) {
			const driver = DEMO_DRIVERS[example.id];
			const logStart = sandbox.server.log.length;
			console.log(`\n▶ ${example.name}`);
			try {
				if (!driver || driver.kind === 'manual') {
					const run = await executeWorkflow(options, example.id);
					const error = run.data.resultData.error?.message;
					for (const [node, runs] of Object.entries(run.data.resultData.runData)) {
						const items = runs.reduce((n, r) => n + (r.data?.main?.[0]?.length ?? 0), 0);
						const nodeError = runs.find((r) => r.error)?.error?.message;
						console.log(`  ${node}: ${nodeError ? `ERROR ${nodeError}` : `${items} item(s)`}`);
					}
					if (error) throw new Error(error);
				} else {
					const summary = await driver.fire(sandbox, n8n.url);
					console.log(`  ${summary}`);
				}
				const writes = writesSince(sandbox, logStart);
				console.log(`  Vendor writes: ${writes.length ? '' : 'none'}`);
				for (const [line, count] of Object.entries(writes.reduce<Record<string, number>>((m, w) => ({ ...m, [w]: (m[w] ?? 0) + 1 }), {}))) {
					console.log(`    ${count} × ${line}`);
				}
			} catch (error) {
				failed++;
				console.log(`  FAILED: ${(error as Error).message.split('\n')[0]}`);
				for (const line of await lastExecutionErrors(n8n.url, example.id)) console.log(`    ${line}`);
			}
		}
	} finally {
		await n8n.stop();
		await sandbox.stop();
	}
	console.log(`\n${examples.length - failed} of ${examples.length} demo workflows succeeded.`);
	process.exit(failed ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
