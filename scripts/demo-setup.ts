/**
 * What `npm start`, `npm run demo` and the end-to-end tests put into a real n8n: one credential
 * per vendor pointing at the sandbox, and the demo workflows from examples/.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { Sandbox } from '../sandbox/index';
import { importCredentials, importWorkflows, publishWorkflow, ROOT, type N8nOptions } from './n8n-server';

/** Fixed credential ids: the example workflows refer to them. */
export const CREDENTIAL_IDS = {
	venioCrmApi: { id: 'sandboxVenio0001', name: 'Venio CRM (sandbox)' },
	meeDeePosApi: { id: 'sandboxMeeDee001', name: 'MeeDee POS (sandbox)' },
	shoplineApi: { id: 'sandboxShopline1', name: 'SHOPLINE (sandbox)' },
	salekitApi: { id: 'sandboxSalekit01', name: 'Salekit (sandbox)' },
} as const;

export interface DemoWorkflow {
	id: string;
	name: string;
	/** Workflows started by a vendor webhook are published (activated) so n8n registers them. */
	publish: boolean;
	json: Record<string, unknown>;
}

export function loadExamples(): DemoWorkflow[] {
	const dir = path.join(ROOT, 'examples');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const json = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
			const nodes = json.nodes as Array<{ type: string }>;
			const publish = nodes.some((n) => /Trigger$/.test(n.type) && !/manualTrigger|scheduleTrigger/.test(n.type));
			return { id: json.id, name: json.name, publish, json };
		});
}

/** Imports the sandbox credentials and the example workflows with n8n's own CLI. */
export function importDemo(options: N8nOptions, sandbox: Sandbox): DemoWorkflow[] {
	const credentialsFile = path.join(options.folder, 'sandbox-credentials.json');
	const credentials = Object.entries(CREDENTIAL_IDS).map(([type, ref]) => ({
		...ref,
		type,
		data: sandbox.credentials[type as keyof typeof CREDENTIAL_IDS],
	}));
	writeFileSync(credentialsFile, JSON.stringify(credentials, null, 2));
	importCredentials(options, credentialsFile);

	const examples = loadExamples();
	const workflowsFile = path.join(options.folder, 'demo-workflows.json');
	writeFileSync(workflowsFile, JSON.stringify(examples.map((e) => e.json), null, 2));
	importWorkflows(options, workflowsFile);
	for (const example of examples.filter((e) => e.publish)) publishWorkflow(options, example.id);
	return examples;
}
