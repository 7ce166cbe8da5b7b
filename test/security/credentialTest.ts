/**
 * Runs a credential's `test` the way n8n 2.41's server does (CredentialsTester.runRequestTest in
 * packages/cli): a temporary node whose one property routes the test request, run by n8n-core's
 * RoutingNode in an ExecuteContext, so `preAuthentication`, `authenticate` and the HTTP helper are
 * n8n's own. The verdict follows the server's rules: a thrown HTTP error is checked against the
 * test's responseCode rules, then reported by its status; anything else by its message.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { createRunExecutionData, Workflow, type ICredentialDataDecryptedObject, type INode, type INodeType, type INodeTypes } from 'n8n-workflow';

import { startSandbox, type Sandbox } from '../../sandbox';
import { createHarness, storeCredentials, type Harness } from '../harness/n8n';
import { resetLimiters } from '../../dist/nodes/shared/limiter';
import { clearTokenCache } from '../../dist/nodes/shared/tokenCache';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export async function testCredential(h: Harness, type: string, data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const credentialType = h.loaded.credentials.get(type);
	const testRequest = credentialType?.test;
	if (!testRequest) throw new Error(`${type} has no credential test`);
	const stored = storeCredentials(h, { [type]: data })!;
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTestTemp',
			group: ['transform'],
			version: 1,
			description: 'Runs a credential test',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: type, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: testRequest.request }, default: '' }],
		},
	} as unknown as INodeType;
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const node: INode = { id: 'temp', name: 'Temp-Node', type: 'credentialTestTemp', typeVersion: 1, position: [0, 0], parameters: {}, credentials: stored };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const executeData = { node, data: {}, source: null };
	const context = new ExecuteContext(workflow, node, h.additionalData, 'internal', createRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, executeData, []);
	const credentialsDecrypted = { id: stored[type].id!, name: stored[type].name, type, data: { ...data } };
	try {
		await new RoutingNode(context, nodeType, credentialsDecrypted).runNode();
	} catch (error) {
		const e = error as Error & { cause?: { response?: { status: number; statusText?: string }; code?: string } };
		const response = e.cause?.response;
		if (response) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) return { status: 'Error', message: rule.properties.message };
			}
			if (response.status < 199 || response.status > 299) return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}` };
		} else if (e.cause?.code) {
			return { status: 'Error', message: e.cause.code };
		}
		return { status: 'Error', message: String(e.message) };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/**
 * The whole sandbox and a harness for a security test file, handed over once ready; pacing and
 * token caches (dist's, which the harness runs) are cleared before each test.
 */
export function useSecuritySandbox(ready: (sandbox: Sandbox, h: Harness) => void): void {
	let sandbox: Sandbox;
	beforeAll(async () => {
		sandbox = await startSandbox();
		ready(sandbox, createHarness());
	});
	afterAll(async () => {
		await sandbox.venio.flush();
		await sandbox.stop();
	});
	beforeEach(() => {
		sandbox.server.reset();
		resetLimiters();
		clearTokenCache();
	});
}
