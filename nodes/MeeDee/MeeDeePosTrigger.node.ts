/**
 * Starts a workflow on MeeDee POS webhook events. On activation it subscribes its own URL through
 * the Partner API and keeps the subscription id and signing secret in static data; deliveries are
 * checked against the signature on the raw body, answered at once, and emitted once per event. The
 * duplicate key and the age check use only signed content (the body), never the unsigned headers.
 */
import { createHash } from 'node:crypto';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { claimDelivery, recordDeliveries } from '../shared/deliveries';
import { deleteSubscription, forgetSubscription, keepOnlyOurs, rememberSubscription, type SubscriptionState } from '../shared/webhook';
import { WEBHOOK_EVENTS } from './events';
import { EVENT_HEADER, isValidSignature, SIGNATURE_HEADER, staleReason } from './signature';
import { meedeeList, meedeeRequest } from './transport';
import { PANEL_DESCRIPTION } from './panel';

function sameEvents(a: unknown, b: string[]): boolean {
	const left = Array.isArray(a) ? a.map(String).sort() : [];
	const right = [...b].sort();
	return left.length === right.length && left.every((e, i) => e === right[i]);
}

/** Signed content only: the event id in the body, else a digest of the whole signed body. */
function eventKey(body: IDataObject, rawBody?: Buffer): string | undefined {
	if (typeof body.id === 'string' && body.id !== '') return `event|${body.id}`;
	return rawBody ? `body|${createHash('sha256').update(rawBody).digest('hex')}` : undefined;
}

async function removeSubscription(ctx: IHookFunctions, id: string): Promise<void> {
	await deleteSubscription(ctx.getNode(), () => meedeeRequest.call(ctx, 'DELETE', `/webhooks/${encodeURIComponent(id)}`));
}

export class MeeDeePosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MeeDee POS Trigger',
		name: 'meeDeePosTrigger',
		icon: { light: 'file:../../icons/meedee.svg', dark: 'file:../../icons/meedee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'MeeDee POS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'meeDeePosApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				options: WEBHOOK_EVENTS,
				required: true,
				default: ['sale.created'],
				description:
					'Which events start the workflow. The node subscribes to them in MeeDee POS when the workflow is activated and unsubscribes when it is deactivated. The API Application needs the read:webhooks scope.',
			},
		],
	};

	webhookMethods = {
		default: {
			/** True only when our own subscription is there as configured; strays pointing at our URL are removed. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				const url = this.getNodeWebhookUrl('default');
				const events = this.getNodeParameter('events') as string[];
				const subscriptions = await meedeeList.call(this, '/webhooks', {}, { returnAll: true, limit: Number.MAX_SAFE_INTEGER });
				return await keepOnlyOurs(state, subscriptions, {
					aimsHere: (s) => s.endpoint_url === url,
					isOurs: (s) => s.is_active !== false && sameEvents(s.events, events),
					remove: async (id) => await removeSubscription(this, id),
				});
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const body = {
					endpoint_url: this.getNodeWebhookUrl('default'),
					events: this.getNodeParameter('events') as string[],
					description: `n8n: ${this.getWorkflow().name ?? 'workflow'}`.slice(0, 255),
				};
				const response = await meedeeRequest.call(this, 'POST', '/webhooks', { body });
				const created = (response.data ?? {}) as IDataObject;
				if (typeof created.id !== 'string' || typeof created.secret !== 'string') return false;
				rememberSubscription(this.getWorkflowStaticData('node'), created.id, created.secret);
				return true;
			},

			/** Removes only the subscription this node created. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node') as SubscriptionState;
				if (state.webhookId) await removeSubscription(this, state.webhookId);
				forgetSubscription(state);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const state = this.getWorkflowStaticData('node') as SubscriptionState;
		const headers = this.getHeaderData() as IDataObject;
		// The signature covers the bytes MeeDee sent, so the raw body is checked, never a re-serialised one.
		const rawBody = this.getRequestObject().rawBody as Buffer | undefined;
		if (!isValidSignature(state.secret, rawBody, headers[SIGNATURE_HEADER])) {
			this.getResponseObject().status(401).json({ error: 'invalid_signature', message: 'Signature does not match' });
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData();
		// [INF] created_at is inside the signed body: a replay of an old delivery is refused by its age,
		// and a recent one by the ledger, which remembers at least as long.
		const stale = staleReason(body.created_at);
		if (stale) {
			this.getResponseObject().status(400).json({ error: 'stale_delivery', message: stale });
			return { noWebhookResponse: true };
		}
		const event = String(body.event ?? headers[EVENT_HEADER] ?? '');
		// [INF] MeeDee's ping uses the event name "ping": acknowledged so the ping reports delivered.
		if (event === 'ping') return { webhookResponse: { received: true } };
		const wanted = this.getNodeParameter('events') as string[];
		if (!wanted.includes(event)) return { webhookResponse: { received: true, ignored: event } };
		const key = eventKey(body, rawBody);
		if (key && !claimDelivery(this, key)) return { webhookResponse: { received: true, duplicate: true } };
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}

	/** The execution's first step: the event is recorded as handled, so a repeat after a restart is refused. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// Without an id the key was a digest of the raw body, which the execution no longer has:
		// such deliveries are remembered in the receiving process only.
		return recordDeliveries(this, (json) => eventKey(json));
	}
}
