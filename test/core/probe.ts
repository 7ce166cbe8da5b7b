/**
 * A test-only vendor ("probe") and a node that drives the shared core with it, so the transport,
 * paging, validation and item runner are exercised inside real n8n-core against a real HTTP server.
 */
import type { ICredentialType, IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { z } from 'zod';

import { Vendor, type SimResponse } from '../../sandbox/core';
import { route, type Operation } from '../../nodes/shared/router';
import { apiRequest, type VendorApi } from '../../nodes/shared/transport';
import { cursorPage, paginate } from '../../nodes/shared/pagination';
import { validateInput } from '../../nodes/shared/validation';

export class ProbeApi implements ICredentialType {
	name = 'probeApi';
	displayName = 'Probe API';
	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{ displayName: 'Token', name: 'token', type: 'string' as const, typeOptions: { password: true }, default: '' },
		{ displayName: 'Request Timeout', name: 'requestTimeout', type: 'number' as const, default: 30 },
	];
	authenticate = { type: 'generic' as const, properties: { headers: { 'X-Probe-Token': '={{$credentials.token}}' } } };
}

export const probeApi: VendorApi = {
	name: 'Probe',
	credentialType: 'probeApi',
	baseUrl: (c) => String(c.baseUrl),
	retry: { baseDelayMs: 20, maxDelayMs: 200, maxTotalWaitMs: 5000 },
	isEnvelopeFailure: (body) => !!body && typeof body === 'object' && (body as { error?: unknown }).error === true,
};

const ops: Record<string, Operation> = {
	request: {
		description: [],
		concurrent: true,
		async execute(this: IExecuteFunctions, i: number) {
			const method = this.getNodeParameter('method', i) as 'GET' | 'POST';
			const path = this.getNodeParameter('path', i) as string;
			const idempotent = (this.getNodeParameter('idempotent', i, false) as boolean) || undefined;
			const item = this.getInputData()[i].json;
			return await apiRequest.call<IExecuteFunctions, [typeof probeApi, any], Promise<IDataObject>>(this, probeApi, { method, path, body: method === 'POST' ? item : undefined, idempotent, itemIndex: i });
		},
	},
	list: {
		description: [],
		async execute(this: IExecuteFunctions, i: number) {
			const path = this.getNodeParameter('path', i) as string;
			const returnAll = this.getNodeParameter('returnAll', i, true) as boolean;
			const limit = this.getNodeParameter('limit', i, 1000) as number;
			return await paginate<IDataObject>(this, 'Probe', { returnAll, limit, maxPageSize: 3 }, async (cursor, size) =>
				cursorPage(await apiRequest.call(this, probeApi, { method: 'GET', path, qs: { cursor, limit: size }, itemIndex: i })),
			);
		},
	},
	validate: {
		description: [],
		async execute(this: IExecuteFunctions, i: number) {
			const schema = z.object({ customerName: z.string().min(1), addresses: z.array(z.object({ locationName: z.string() })).optional() });
			return validateInput(this.getNode(), schema, this.getInputData()[i].json, i, { customerName: 'Customer Name', locationName: 'Location Name' });
		},
	},
};

export class CoreProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Core Probe',
		name: 'coreProbe',
		group: ['transform'],
		version: 1,
		description: 'Drives the shared core in tests',
		defaults: { name: 'Core Probe' },
		inputs: ['main'] as never,
		outputs: ['main'] as never,
		credentials: [{ name: 'probeApi', required: true }],
		properties: [
			{ displayName: 'Resource', name: 'resource', type: 'string', default: 'probe' },
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'request' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/thing' },
			{ displayName: 'Idempotent', name: 'idempotent', type: 'boolean', default: false },
			{ displayName: 'Return All', name: 'returnAll', type: 'boolean', default: true },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 1000 },
			{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [{ displayName: 'Concurrency', name: 'concurrency', type: 'number', default: 1 }] },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { probe: ops });
	}
}

/** The probe vendor: a few routes whose behaviour tests steer through public fields. */
export class ProbeSim extends Vendor {
	created: unknown[] = [];
	pages: Record<string, Array<{ items: number[]; next: string | null }>> = {};
	delayNextMs = 0;

	constructor() {
		super('probe', '/probe', (): SimResponse => ({ status: 429, body: { error: 'rate_limited', message: 'Slow down' } }));
		this.onReset = () => {
			this.created = [];
		};
		this.route('GET', '/thing', (req) => ({ status: 200, body: { ok: true, token: req.headers['x-probe-token'] === 'probe-secret' } }));
		this.route('POST', '/create', (req) => {
			this.created.push(req.body);
			return { status: 201, body: { id: this.created.length, ...(req.body as object) } };
		});
		this.route('POST', '/echo-slow', async (req) => {
			const ms = Number((req.body as { delay?: number }).delay ?? 0);
			await new Promise((r) => setTimeout(r, ms));
			return { status: 200, body: req.body };
		});
		this.route('GET', '/flagged', () => ({ status: 200, body: { error: true, msg: 'Token không hợp lệ' } }));
		this.route('GET', '/html', () => ({ status: 500, raw: '<html><head><title>Internal Server Error</title></head><body>x</body></html>', headers: { 'content-type': 'text/html' } }));
		this.route('GET', '/pages/:name', (req) => {
			const list = this.pages[req.params.name] ?? [];
			const index = req.query.cursor ? Number(String(req.query.cursor).replace('c', '')) : 0;
			const page = list[index] ?? { items: [], next: null };
			return { status: 200, body: { data: page.items.map((n) => ({ n })), pagination: { next_cursor: page.next, has_more: page.next !== null } } };
		});
	}
}
