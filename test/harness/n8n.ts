/**
 * Runs our compiled nodes inside n8n-core, the way the n8n server does: `WorkflowExecute` for
 * actions, n8n-core's own Poll/Hook/Webhook/LoadOptions contexts for triggers and dropdowns, and
 * a credentials helper that applies `authenticate` and `preAuthentication` as the server's does
 * (token stored back into the credential, forced refresh after a 401).
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';

import { PACKAGE_NAME as PACKAGE, ROOT } from '../../scripts/root';
import { DataDeduplicationService, HookContext, LoadOptionsContext, PollContext, WebhookContext, WorkflowExecute, ExecutionLifecycleHooks } from 'n8n-core';
import {
	createRunExecutionData,
	ICredentialsHelper,
	Workflow,
	isExpression,
	type DeduplicationItemTypes,
	type DeduplicationScope,
	type ICheckProcessedContextData,
	type ICheckProcessedOptions,
	type ICredentialDataDecryptedObject,
	type IDataDeduplicator,
	type IDeduplicationOutput,
	type ICredentialType,
	type IDataObject,
	type INodeListSearchResult,
	type IHttpRequestHelper,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWebhookData,
	type IWorkflowExecuteAdditionalData,
	type IVersionedNodeType,
	type NodeExecutionHint,
} from 'n8n-workflow';


/**
 * Everything our nodes output or throw in any test, and every token n8n stored back into a
 * credential, is appended here; the suite-wide secrets reporter (test/secrets-reporter.js) scans it
 * when the whole run ends. Whole outputs are kept: one JSON line per item (then one for the error
 * and other facts of the run), written in chunks, so a 50,000-item output never becomes one string.
 * The reporter names this jest run's own folder (SECRETS_SCAN_DIR).
 */
export const RECORD_DIR = process.env.SECRETS_SCAN_DIR ?? path.join(ROOT, 'test-results', 'suite-outputs');

/** Lines are written to the file in chunks of about this many characters. */
const RECORD_CHUNK = 1 << 20;

/** Errors as their texts (message, description, stack, context): what a user or a log could see. */
const serialise = (value: unknown): string =>
	JSON.stringify(value, (_k, v) => (v instanceof Error ? { message: v.message, description: (v as { description?: unknown }).description, stack: v.stack, context: (v as { context?: unknown }).context } : v)) ?? 'null';

/** Appends each value as one JSON line to this process's file of that kind (secrets and tokens: one string a line). */
export function record(kind: 'output' | 'token' | 'secret', values: Iterable<unknown>): void {
	// Only jest runs are scanned; the bench uses this harness too and must not pay for recording.
	if (!process.env.JEST_WORKER_ID) return;
	let fd: number | undefined;
	try {
		mkdirSync(RECORD_DIR, { recursive: true });
		fd = openSync(path.join(RECORD_DIR, `${kind}-${process.pid}.jsonl`), 'a');
		let chunk: string[] = [];
		let size = 0;
		for (const value of values) {
			const line = `${serialise(value)}\n`;
			chunk.push(line);
			size += line.length;
			if (size >= RECORD_CHUNK) {
				writeSync(fd, chunk.join(''));
				chunk = [];
				size = 0;
			}
		}
		if (chunk.length) writeSync(fd, chunk.join(''));
	} catch {
		// recording is best effort; the scan reports how much it read
	} finally {
		if (fd !== undefined) closeSync(fd);
	}
}

/** A run's record: each item's JSON on its own line, then one line for the rest (error, status, ...). */
function* runLines(items: Iterable<INodeExecutionData> | undefined, rest: Record<string, unknown>): Generator<unknown> {
	for (const item of items ?? []) yield item.json;
	yield rest;
}

export interface Loaded {
	nodes: Map<string, INodeType>;
	credentials: Map<string, ICredentialType>;
}

/** Loads every node and credential class listed in package.json's `n8n` section from dist/. */
export function loadPackage(): Loaded {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const nodes = new Map<string, INodeType>();
	const credentials = new Map<string, ICredentialType>();
	const instantiate = (file: string) => {
		const mod = require(path.join(ROOT, file));
		return Object.values(mod).map((C) => new (C as new () => unknown)());
	};
	for (const file of pkg.n8n.credentials as string[]) {
		for (const c of instantiate(file) as ICredentialType[]) credentials.set(c.name, c);
	}
	for (const file of pkg.n8n.nodes as string[]) {
		for (const n of instantiate(file) as INodeType[]) nodes.set(`${PACKAGE}.${n.description.name}`, n);
	}
	return { nodes, credentials };
}

/** A start node that emits the items given in its `items` parameter (JSON array). */
class ItemsNode implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits test items',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: import('n8n-workflow').IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string | IDataObject[];
		const items = typeof raw === 'string' ? JSON.parse(raw) : raw;
		return [items.map((json: IDataObject) => ({ json }))];
	}
}

class NodeTypes implements INodeTypes {
	constructor(private readonly types: Map<string, INodeType>) {}
	getByName(name: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(name);
	}
	getByNameAndVersion(name: string): INodeType {
		const t = this.types.get(name);
		if (!t) throw new Error(`Unknown node type ${name}`);
		return t;
	}
	getKnownTypes() {
		return {};
	}
}

/** Credentials kept in memory; `tokenUpdates` counts how often preAuthentication stored a token. */
export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, ICredentialDataDecryptedObject>();
	tokenUpdates = 0;
	constructor(private readonly types: Map<string, ICredentialType>) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions, workflow?: Workflow, node?: INode): Promise<IHttpRequestOptions> {
		const type = this.types.get(typeName)!;
		const auth = type.authenticate;
		if (typeof auth === 'function') return await auth(credentials, requestOptions);
		if (auth && auth.type === 'generic') {
			for (const [outer, values] of Object.entries(auth.properties)) {
				const target = ((requestOptions as unknown as Record<string, Record<string, unknown>>)[outer] ??= {});
				for (const [key, value] of Object.entries(values as Record<string, string>)) {
					const resolved = isExpression(value)
						? workflow!.expression.getSimpleParameterValue(node!, value, 'internal', { $credentials: credentials } as never, undefined, '')
						: value;
					target[key] = resolved === undefined || resolved === null ? '' : String(resolved);
				}
			}
		}
		return requestOptions;
	}
	async preAuthentication(helpers: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject, typeName: string, node: INode, credentialsExpired: boolean) {
		const type = this.types.get(typeName)!;
		const expirable = type.properties.find((p) => p.type === 'hidden' && p.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && credentials[expirable.name] !== undefined && !credentialsExpired) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined) return undefined;
		const id = node.credentials?.[typeName]?.id;
		// n8n stores the credential (encrypted JSON) and later reads a fresh copy of it.
		if (id) this.store.set(id, JSON.parse(JSON.stringify({ ...this.store.get(id), ...output })) as ICredentialDataDecryptedObject);
		this.tokenUpdates++;
		record('token', [String(output[expirable.name])]);
		return Object.assign(credentials, output);
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<never> {
		throw new Error('not used');
	}
	async getDecrypted(_a: IWorkflowExecuteAdditionalData, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		const data = this.store.get(nodeCredentials.id ?? '');
		if (!data) throw new Error(`No credential ${nodeCredentials.id} (${type})`);
		const defaults = Object.fromEntries(
			(this.types.get(type)?.properties ?? []).filter((p) => p.default !== undefined).map((p) => [p.name, p.default]),
		);
		return { ...defaults, ...data } as unknown as ICredentialDataDecryptedObject;
	}
	async updateCredentials(nodeCredentials: INodeCredentialsDetails, _type: string, data: ICredentialDataDecryptedObject) {
		this.store.set(nodeCredentials.id ?? '', data);
	}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties(type: string) {
		return this.types.get(type)?.properties ?? [];
	}
}

export interface Harness {
	loaded: Loaded;
	nodeTypes: NodeTypes;
	credentialsHelper: TestCredentialsHelper;
	additionalData: IWorkflowExecuteAdditionalData;
}

/**
 * n8n's processed-data store (behind `checkProcessedAndRecord`), as the server backs it with its
 * database: one list per workflow and node (scope 'node'), the newest `maxEntries` kept. Set up once.
 */
class MemoryDeduplicator implements IDataDeduplicator {
	private readonly lists = new Map<string, string[]>();
	private listOf(scope: DeduplicationScope, data: ICheckProcessedContextData): string[] {
		const key = `${data.workflow.id}|${scope === 'node' ? data.node?.id : ''}`;
		let list = this.lists.get(key);
		if (!list) this.lists.set(key, (list = []));
		return list;
	}
	async checkProcessedAndRecord(items: DeduplicationItemTypes[], scope: DeduplicationScope, data: ICheckProcessedContextData, options: ICheckProcessedOptions): Promise<IDeduplicationOutput> {
		const list = this.listOf(scope, data);
		const out: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const value = String(item);
			if (list.includes(value)) out.processed.push(item);
			else {
				out.new.push(item);
				list.push(value);
			}
		}
		if (options.maxEntries) list.splice(0, Math.max(0, list.length - options.maxEntries));
		return out;
	}
	async removeProcessed(items: DeduplicationItemTypes[], scope: DeduplicationScope, data: ICheckProcessedContextData): Promise<void> {
		const list = this.listOf(scope, data);
		for (const item of items) {
			const at = list.indexOf(String(item));
			if (at >= 0) list.splice(at, 1);
		}
	}
	async clearAllProcessedItems(scope: DeduplicationScope, data: ICheckProcessedContextData): Promise<void> {
		this.listOf(scope, data).length = 0;
	}
	async getProcessedDataCount(scope: DeduplicationScope, data: ICheckProcessedContextData): Promise<number> {
		return this.listOf(scope, data).length;
	}
}

function ensureDeduplicationStore(): void {
	try {
		DataDeduplicationService.getInstance();
	} catch {
		void DataDeduplicationService.init(new MemoryDeduplicator());
	}
}

export function createHarness(extraNodes: Record<string, INodeType> = {}, extraCredentials: ICredentialType[] = []): Harness {
	ensureDeduplicationStore();
	const loaded = loadPackage();
	const types = new Map(loaded.nodes);
	types.set('test.items', new ItemsNode());
	for (const [name, node] of Object.entries(extraNodes)) types.set(name, node);
	const credentialTypes = new Map(loaded.credentials);
	for (const c of extraCredentials) credentialTypes.set(c.name, c);
	const credentialsHelper = new TestCredentialsHelper(credentialTypes);
	const additionalData = {
		credentialsHelper,
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', {} as never),
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		userId: 'test-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return { loaded, nodeTypes: new NodeTypes(types), credentialsHelper, additionalData };
}

export interface NodeUnderTest {
	/** Node type: our node's `description.name`, e.g. `venioCrm`, or a full type name. */
	type: string;
	parameters: INodeParameters;
	/** Credential type name -> data stored for it. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	/** The node's Settings → On Error, when not the one `continueOnFail` implies. */
	onError?: INode['onError'];
	name?: string;
	/** The workflow's time zone (settings.timezone); Asia/Bangkok when not given. */
	timezone?: string;
	/** The node's version; the one n8n gives a newly added node (defaultVersion) when not given. */
	typeVersion?: number;
}

function fullType(type: string): string {
	return type.includes('.') ? type : `${PACKAGE}.${type}`;
}

let credentialCounter = 0;

/** Registers credential data under fresh ids and returns the node's `credentials` block. */
export function storeCredentials(h: Harness, credentials: Record<string, ICredentialDataDecryptedObject> = {}): INode['credentials'] {
	const out: NonNullable<INode['credentials']> = {};
	for (const [type, data] of Object.entries(credentials)) {
		for (const property of h.credentialsHelper.getCredentialsProperties(type)) {
			const value = data[property.name];
			if (property.typeOptions?.password && typeof value === 'string' && value.length >= 8) record('secret', [value]);
		}
		const id = `cred-${++credentialCounter}`;
		h.credentialsHelper.store.set(id, { ...data });
		out[type] = { id, name: `${type} (test)` };
	}
	return out;
}

/** The version n8n gives a node added in the editor: defaultVersion, else the highest listed. */
function newNodeVersion(h: Harness, type: string): number {
	const { description } = h.nodeTypes.getByNameAndVersion(type);
	const versions = Array.isArray(description.version) ? description.version : [description.version];
	return description.defaultVersion ?? Math.max(...versions);
}

export function makeNode(h: Harness, spec: NodeUnderTest, credentials?: INode['credentials']): INode {
	const type = fullType(spec.type);
	return {
		id: `node-${spec.name ?? 'Node'}`,
		name: spec.name ?? 'Node',
		type,
		typeVersion: spec.typeVersion ?? newNodeVersion(h, type),
		position: [200, 0],
		parameters: spec.parameters,
		credentials: credentials ?? storeCredentials(h, spec.credentials),
		continueOnFail: spec.continueOnFail,
		...(spec.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(spec.onError ? { onError: spec.onError } : {}),
	};
}

export interface RunResult {
	/** Output items of the node under test (first output). */
	items: INodeExecutionData[];
	/** The node's error, when it failed without continueOnFail. */
	error?: Error & { description?: string; httpCode?: string | null; context?: IDataObject };
	/** The hints the node added to its run (n8n shows them above the output). */
	hints: NodeExecutionHint[];
	run: IRun;
}

/** Runs `Items -> node` through WorkflowExecute and returns the node's output or error. */
export async function runNode(h: Harness, spec: NodeUnderTest, input: IDataObject[] = [{}], credentials?: INode['credentials']): Promise<RunResult> {
	const start: INode = {
		id: 'node-items',
		name: 'Items',
		type: 'test.items',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(input) },
	};
	const node = makeNode(h, spec, credentials);
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes: [start, node],
		connections: { Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: false,
		nodeTypes: h.nodeTypes,
		settings: { timezone: spec.timezone ?? 'Asia/Bangkok' },
	});
	const runData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	const execute = new WorkflowExecute(h.additionalData, 'manual', runData);
	const run = await execute.processRunExecutionData(workflow);
	const taskData = run.data.resultData.runData[node.name]?.[0];
	const error = (taskData?.error ?? run.data.resultData.error) as RunResult['error'];
	const items = taskData?.data?.main?.[0] ?? [];
	record('output', runLines(items, { error: error && { message: error.message, description: error.description, stack: error.stack, context: error.context } }));
	return { items, error, hints: taskData?.hints ?? [], run };
}

/** Each static-data "database" object stands for one workflow, with an id of its own. */
const workflowIds = new WeakMap<IDataObject, string>();
let workflowCounter = 0;
function workflowIdOf(db: IDataObject): string {
	let id = workflowIds.get(db);
	if (!id) workflowIds.set(db, (id = `wf-trigger-${++workflowCounter}`));
	return id;
}

function workflowFor(h: Harness, node: INode, staticData: IDataObject = {}, id = 'wf-trigger') {
	return new Workflow({
		id,
		name: 'trigger test',
		nodes: [node],
		connections: {},
		active: true,
		nodeTypes: h.nodeTypes,
		staticData,
		settings: { timezone: 'Asia/Bangkok' },
	});
}

/*
 * Static data as n8n 2.41 keeps it. The caller's `staticData` object stands for the workflow's row in
 * n8n's database: every webhook request loads its own copy (JSON), as n8n does, and what is written
 * back follows n8n's rules (live-webhooks.js, workflow-runner.js, poll-trigger-executor.js):
 *   - a webhook request that starts no execution saves its changes;
 *   - a webhook request that starts an execution loses its own changes (n8n resets the change flag
 *     when it builds the execution), and the execution runs the trigger node's `execute()`, if any,
 *     on a fresh copy and saves what that changed when it ends; in queue mode (`queueMode`) the
 *     worker starts from no static data and what it saves replaces the workflow's static data;
 *   - the activation hooks (checkExists/create/delete) save their changes;
 *   - a poller keeps its static data in the process's memory between polls and saves it to the
 *     database only when a poll emits; `restartPollers` drops the memory (as a restart does).
 */
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? {})) as T;

function saveIfChanged(db: IDataObject, workflow: Workflow, nodeName: string): void {
	if ((workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged !== true) return;
	const key = `node:${nodeName}`;
	const saved = jsonCopy(workflow.staticData as IDataObject);
	if (saved[key] === undefined) delete db[key];
	else db[key] = saved[key];
}

/** Each poller's in-process static data, per "database" object. */
const pollerMemory = new WeakMap<IDataObject, IDataObject>();

/** Runs a polling trigger's `poll()` once with n8n-core's PollContext, keeping static data as n8n does. */
export async function poll(h: Harness, node: INode, staticData: IDataObject, mode: 'manual' | 'trigger' = 'trigger') {
	// The poller's memory starts from the database; JSON both ways, so nothing but JSON survives a poll.
	const memory = jsonCopy(pollerMemory.get(staticData) ?? staticData);
	const workflow = workflowFor(h, node, memory, workflowIdOf(staticData));
	const ctx = new PollContext(workflow, node, h.additionalData, mode, 'activate');
	const type = h.nodeTypes.getByNameAndVersion(node.type);
	const result = await type.poll!.call(ctx);
	record('output', runLines(result?.flat(), { poll: result ? 'emitted' : null }));
	pollerMemory.set(staticData, jsonCopy(workflow.staticData as IDataObject));
	if (result !== null && result !== undefined) saveIfChanged(staticData, workflow, node.name);
	return result;
}

/** What a poller holds in memory now (the database copy before its first poll). */
export function pollerStaticData(staticData: IDataObject): IDataObject {
	return pollerMemory.get(staticData) ?? staticData;
}

/** A restart of n8n for a poller: its memory is gone, the next poll starts from the database. */
export function restartPollers(staticData: IDataObject): void {
	pollerMemory.delete(staticData);
}

/** A restart of n8n for webhook triggers: the process's memory of deliveries is gone. */
export function restartWebhookProcess(): void {
	(require(path.join(ROOT, 'dist', 'nodes', 'shared', 'deliveries.js')) as { forgetDeliveriesInMemory: () => void }).forgetDeliveriesInMemory();
}

/** Calls a webhook trigger's lifecycle method (`checkExists`, `create`, `delete`) with n8n-core's HookContext. */
export async function webhookLifecycle(h: Harness, node: INode, staticData: IDataObject, method: 'checkExists' | 'create' | 'delete', webhookUrl: string) {
	const workflow = workflowFor(h, node, jsonCopy(staticData), workflowIdOf(staticData));
	const webhookData = { webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' }, workflowId: workflow.id, node: node.name, httpMethod: 'POST', path: 'webhook', isTest: false } as unknown as IWebhookData;
	const ctx = new HookContext(workflow, node, h.additionalData, 'trigger', 'activate', webhookData);
	(ctx as unknown as { getNodeWebhookUrl: () => string }).getNodeWebhookUrl = () => webhookUrl;
	const type = h.nodeTypes.getByNameAndVersion(node.type);
	const result = await type.webhookMethods!.default![method]!.call(ctx);
	saveIfChanged(staticData, workflow, node.name);
	return result;
}

export interface FakeWebhookRequest {
	body: unknown;
	rawBody?: Buffer;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

/**
 * The execution a webhook starts: the trigger node first (its `execute()` when it has one, as
 * n8n-core runs it), on static data loaded afresh, saved when it ends if changed.
 */
async function runTriggerExecution(h: Harness, node: INode, staticData: IDataObject, data: INodeExecutionData[][], queueMode = false): Promise<INodeExecutionData[]> {
	// Queue mode: the worker gets no static data for a new execution, and saving replaces it all.
	const workflow = workflowFor(h, node, queueMode ? {} : jsonCopy(staticData), workflowIdOf(staticData));
	const runData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node, data: { main: data }, source: null }] } });
	const run = await new WorkflowExecute(h.additionalData, 'webhook', runData).processRunExecutionData(workflow);
	const task = run.data.resultData.runData[node.name]?.[0];
	if (task?.error) throw task.error;
	if (queueMode && (workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true) {
		for (const key of Object.keys(staticData)) delete staticData[key];
		Object.assign(staticData, jsonCopy(workflow.staticData as IDataObject));
	} else saveIfChanged(staticData, workflow, node.name);
	return task?.data?.main?.[0] ?? [];
}

/**
 * Delivers one request to a webhook trigger's `webhook()` with n8n-core's WebhookContext, and when it
 * starts an execution, runs that execution's trigger step. `emitted` is what the workflow receives.
 */
export async function deliver(h: Harness, node: INode, staticData: IDataObject, request: FakeWebhookRequest, options: { queueMode?: boolean } = {}) {
	const workflow = workflowFor(h, node, jsonCopy(staticData), workflowIdOf(staticData));
	const webhookData = { webhookDescription: { name: 'default', httpMethod: 'POST', path: 'webhook' }, workflowId: workflow.id, node: node.name, httpMethod: 'POST', path: 'webhook', isTest: false } as unknown as IWebhookData;
	let status = 200;
	let sent: unknown;
	const res = {
		status(code: number) {
			status = code;
			return res;
		},
		json(body: unknown) {
			sent = body;
			return res;
		},
		send(body: unknown) {
			sent = body;
			return res;
		},
		end(body?: unknown) {
			sent = body;
			return res;
		},
		setHeader() {
			return res;
		},
	};
	const rawBody = request.rawBody ?? Buffer.from(JSON.stringify(request.body));
	const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const req = { body: request.body, rawBody, headers, query: request.query ?? {}, params: {}, method: 'POST' };
	const additionalData = { ...h.additionalData, httpRequest: req, httpResponse: res } as unknown as IWorkflowExecuteAdditionalData;
	const ctx = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);
	const type = h.nodeTypes.getByNameAndVersion(node.type);
	const result = await type.webhook!.call(ctx);
	let emitted: INodeExecutionData[] | undefined;
	if (result.workflowData) emitted = await runTriggerExecution(h, node, staticData, result.workflowData, options.queueMode);
	else saveIfChanged(staticData, workflow, node.name);
	record('output', runLines([...(result.workflowData?.flat() ?? []), ...(emitted ?? [])], { status, sent }));
	return { result, status, sent, emitted };
}

/** Calls a `methods.loadOptions` entry with n8n-core's LoadOptionsContext; the node's parameters are the editor's current ones. */
/**
 * Calls a `methods.loadOptions` entry as the editor does for the dropdown at `path` (a field inside
 * Lines is e.g. `parameters.lines.values[0].variation_id`: `&item_id` then means that line's product).
 */
export async function loadOptions(h: Harness, node: INode, method: string, path = 'parameters') {
	const workflow = workflowFor(h, node);
	const ctx = new LoadOptionsContext(workflow, node, { ...h.additionalData, currentNodeParameters: node.parameters }, path);
	const type = h.nodeTypes.getByNameAndVersion(node.type);
	return await type.methods!.loadOptions![method].call(ctx as never);
}

/** Calls a `methods.listSearch` entry (a resource locator's "From List") with n8n-core's LoadOptionsContext. */
export async function listSearch(h: Harness, node: INode, method: string, filter?: string, paginationToken?: string) {
	const workflow = workflowFor(h, node);
	const ctx = new LoadOptionsContext(workflow, node, h.additionalData, 'parameters');
	const type = h.nodeTypes.getByNameAndVersion(node.type);
	return await type.methods!.listSearch![method].call(ctx as never, filter, paginationToken);
}

/** Every page of a list search, following its pagination token as the editor does when scrolling (at most 20 pages). */
export async function listSearchPages(h: Harness, node: INode, method: string, filter?: string): Promise<INodeListSearchResult[]> {
	const pages: INodeListSearchResult[] = [];
	let token: string | undefined;
	do {
		const page = await listSearch(h, node, method, filter, token);
		pages.push(page);
		token = page.paginationToken as string | undefined;
	} while (token && pages.length < 20);
	return pages;
}

/** The values of every result over the pages of a list search. */
export const listSearchValues = (pages: INodeListSearchResult[]) => pages.flatMap((p) => p.results.map((r) => String(r.value)));
