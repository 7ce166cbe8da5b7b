/**
 * How the bench runs nodes: the test harness (test/harness/n8n.ts, n8n-core's WorkflowExecute),
 * our compiled nodes from dist/, and n8n's own HTTP Request node (V3) from the installed n8n server,
 * side by side in one process.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

import { WorkflowExecute } from 'n8n-core';
import { Workflow, createRunExecutionData, type IDataObject, type INode, type INodeExecutionData, type INodeType, type ICredentialType, type IRun } from 'n8n-workflow';

import { ROOT } from '../scripts/root';
import * as harnessModule from '../test/harness/n8n';

export type Harness = harnessModule.Harness;

export { ROOT };

const N8N_BASE = path.join(ROOT, '.n8n-server', 'node_modules', 'n8n-nodes-base', 'dist');

/** The test harness (n8n-core's WorkflowExecute around our compiled nodes), as the tests use it. */
export function loadHarness(): typeof harnessModule {
	return harnessModule;
}

/** Forgets the pack's per-credential pacing lanes and cached tokens between runs (dist's copies). */
export function resetPackState(): void {
	require(path.join(ROOT, 'dist', 'nodes', 'shared', 'limiter.js')).resetLimiters();
	require(path.join(ROOT, 'dist', 'nodes', 'shared', 'tokenCache.js')).clearTokenCache();
}

export interface HttpRequestNode {
	available: boolean;
	/** Why it could not be loaded, when it could not. */
	reason?: string;
	node?: INodeType;
	credentials: ICredentialType[];
}

/** n8n's HTTP Request node V3 (typeVersion 4.2) and the generic credentials it needs. */
export function loadHttpRequestNode(): HttpRequestNode {
	const nodeFile = path.join(N8N_BASE, 'nodes', 'HttpRequest', 'V3', 'HttpRequestV3.node.js');
	if (!existsSync(nodeFile)) {
		return { available: false, reason: `n8n server not installed (${path.relative(ROOT, nodeFile)} missing; run scripts/ensure-n8n.sh)`, credentials: [] };
	}
	try {
		const { HttpRequestV3 } = require(nodeFile);
		const baseDescription = { displayName: 'HTTP Request', name: 'httpRequest', group: ['output'], subtitle: '', description: 'Makes an HTTP request', defaultVersion: 4.2 };
		const credentials = ['HttpBearerAuth', 'OAuth2Api'].map((name) => {
			const mod = require(path.join(N8N_BASE, 'credentials', `${name}.credentials.js`));
			return new mod[name]() as ICredentialType;
		});
		return { available: true, node: new HttpRequestV3(baseDescription) as INodeType, credentials };
	} catch (error) {
		return { available: false, reason: `could not load n8n's HTTP Request node: ${(error as Error).message}`, credentials: [] };
	}
}

export const HTTP_REQUEST_TYPE = 'n8n-nodes-base.httpRequest';
export const HTTP_REQUEST_VERSION = 4.2;

export interface ChainNode {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: IDataObject;
	/** Credential type -> data (stored under a fresh id). */
	credentials?: Record<string, IDataObject>;
	executeOnce?: boolean;
}

export interface ChainResult {
	/** Output items of the last node. */
	items: INodeExecutionData[];
	error?: Error;
	run: IRun;
}

/**
 * Runs nodes connected one after another (A -> B -> C) through WorkflowExecute, like the
 * harness's runNode, but with any node type and version (the HTTP Request node needs 4.2).
 */
export async function runChain(harness: typeof harnessModule, h: Harness, chain: ChainNode[]): Promise<ChainResult> {
	const nodes: INode[] = chain.map((spec, index) => ({
		id: `node-${index}`,
		name: spec.name,
		type: spec.type.includes('.') ? spec.type : `n8n-nodes-asia-commerce.${spec.type}`,
		typeVersion: spec.typeVersion ?? 1,
		position: [index * 200, 0],
		parameters: spec.parameters as INode['parameters'],
		credentials: harness.storeCredentials(h, (spec.credentials ?? {}) as never),
		...(spec.executeOnce ? { executeOnce: true } : {}),
	}));
	const connections: Record<string, { main: { node: string; type: 'main'; index: number }[][] }> = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	const workflow = new Workflow({
		id: 'wf-bench',
		name: 'bench',
		nodes,
		connections,
		active: false,
		nodeTypes: h.nodeTypes,
		settings: { timezone: 'Asia/Bangkok' },
	});
	const runData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: nodes[0], data: { main: [[{ json: {} }]] }, source: null }] },
	});
	const run = await new WorkflowExecute(h.additionalData, 'manual', runData).processRunExecutionData(workflow);
	const last = nodes[nodes.length - 1].name;
	const task = run.data.resultData.runData[last]?.[0];
	const failed = Object.values(run.data.resultData.runData)
		.map((tasks) => tasks[0]?.error)
		.find(Boolean);
	return { items: task?.data?.main?.[0] ?? [], error: (task?.error ?? failed ?? run.data.resultData.error) as Error | undefined, run };
}
