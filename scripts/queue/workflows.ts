/**
 * The workflows and credentials the queue-mode checks and the bench import into n8n: what a user
 * builds in the editor (a Webhook node starting a SHOPLINE Return All, a SHOPLINE Trigger, a Venio
 * action), written as n8n's export JSON with fixed ids.
 */
import type { Sandbox } from '../../sandbox/index';

export interface CredentialRef {
	id: string;
	name: string;
}

export interface ImportedCredential extends CredentialRef {
	type: keyof Sandbox['credentials'];
	data: Record<string, unknown>;
}

export type WorkflowJson = Record<string, unknown> & { id: string; name: string };
type WorkflowNode = Record<string, unknown> & { name: string };

const position = (i: number): [number, number] => [i * 240, 0];

/** A Webhook node that answers with the last node's first item when the run has finished. */
function webhookNode(path: string, webhookId: string) {
	return {
		id: `${webhookId}-node`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: position(0),
		webhookId,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} },
	};
}

function chain(nodes: WorkflowNode[]): Record<string, unknown> {
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < nodes.length - 1; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return connections;
}

function workflow(id: string, name: string, nodes: WorkflowNode[]): WorkflowJson {
	return { id, name, active: false, settings: { executionOrder: 'v1' }, nodes, connections: chain(nodes), pinData: {} };
}

/**
 * Webhook → SHOPLINE Get Many (Return All) → Aggregate of the ids: the webhook's answer is
 * `{ id: [...] }`, every record's id once per record read.
 */
export function shoplineReturnAll(id: string, path: string, credential: CredentialRef, resource: 'customer' | 'order', pageSize: number): WorkflowJson {
	return workflow(id, `Queue mode: SHOPLINE ${resource}s, Return All (${credential.name})`, [
		webhookNode(path, `${id}-hook`),
		{
			id: `${id}-shopline`,
			name: 'SHOPLINE',
			type: 'n8n-nodes-asia-commerce.shopline',
			typeVersion: 1,
			position: position(1),
			parameters: { resource, operation: 'getMany', returnAll: true, ...(resource === 'order' ? {} : { simplify: false }), options: { pageSize } },
			credentials: { shoplineApi: credential },
		},
		{
			id: `${id}-aggregate`,
			name: 'Ids',
			type: 'n8n-nodes-base.aggregate',
			typeVersion: 1,
			position: position(2),
			parameters: { aggregate: 'aggregateIndividualFields', fieldsToAggregate: { fieldToAggregate: [{ fieldToAggregate: 'id' }] }, options: {} },
		},
	]);
}

/** SHOPLINE Trigger (order/create) → No Operation: one execution per event n8n accepts. */
export function shoplineTrigger(id: string, webhookId: string, credential: CredentialRef): WorkflowJson {
	return workflow(id, 'Queue mode: SHOPLINE order created', [
		{
			id: `${id}-trigger`,
			name: 'SHOPLINE Trigger',
			type: 'n8n-nodes-asia-commerce.shoplineTrigger',
			typeVersion: 1,
			position: position(0),
			webhookId,
			parameters: { topics: ['order/create'] },
			credentials: { shoplineApi: credential },
		},
		{ id: `${id}-noop`, name: 'Received', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: position(1), parameters: {} },
	]);
}

/** Webhook → Venio customers (the first few): needs Venio's token, which n8n keeps in the credential. */
export function venioCustomers(id: string, path: string, credential: CredentialRef): WorkflowJson {
	return workflow(id, 'Queue mode: Venio customers', [
		webhookNode(path, `${id}-hook`),
		{
			id: `${id}-venio`,
			name: 'Venio',
			type: 'n8n-nodes-asia-commerce.venioCrm',
			typeVersion: 1,
			position: position(1),
			parameters: { resource: 'customer', operation: 'getMany', returnAll: false, limit: 3 },
			credentials: { venioCrmApi: credential },
		},
	]);
}

/**
 * Webhook ({receipt, name}) → Salekit order Create, matched by the receipt number: a re-run on any
 * worker finds the key in n8n's processed-data store (Postgres) and places no second order.
 */
export function salekitOrderByKey(id: string, path: string, credential: CredentialRef, sku: string): WorkflowJson {
	return workflow(id, 'Queue mode: Salekit order per receipt', [
		webhookNode(path, `${id}-hook`),
		{
			id: `${id}-salekit`,
			name: 'Salekit',
			type: 'n8n-nodes-asia-commerce.salekit',
			typeVersion: 1,
			position: position(1),
			parameters: {
				resource: 'order',
				operation: 'create',
				full_name: '={{ $json.body.name }}',
				phone: '0989123456',
				total_price: 70000,
				total_pay: 70000,
				status: 0,
				products: { values: [{ sku, quantity: 1 }] },
				matchBy: 'key',
				orderKey: '={{ $json.body.receipt }}',
			},
			credentials: { salekitApi: credential },
		},
	]);
}

/**
 * Webhook → one action of a vendor node, its errors passed on as an item (the node's "On Error:
 * Continue"): the webhook's answer is the action's first item, or `{ error }` with its message.
 */
export function vendorAction(id: string, path: string, action: { node: string; credentialType: string; parameters: Record<string, unknown> }, credential: CredentialRef): WorkflowJson {
	return workflow(id, `Queue mode: ${action.node} ${String(action.parameters.resource)} ${String(action.parameters.operation)} (${credential.name})`, [
		webhookNode(path, `${id}-hook`),
		{
			id: `${id}-action`,
			name: 'Action',
			type: `n8n-nodes-asia-commerce.${action.node}`,
			typeVersion: 1,
			position: position(1),
			onError: 'continueRegularOutput',
			parameters: action.parameters,
			credentials: { [action.credentialType]: credential },
		},
	]);
}
