/**
 * Starts a workflow from SHOPLINE webhooks. SHOPLINE does not sign merchant-token webhooks, so the
 * subscription address carries a secret token (made on activation, kept in static data) that is
 * checked in constant time. n8n answers 200 at once (SHOPLINE wants it within 15 s and retries up
 * to 3 times); a retried event (same topic and event id) starts the workflow once (deliveries.ts).
 */
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
import { deleteSubscription, forgetSubscription, keepOnlyOurs, newSecret, refusedToken, rememberSubscription, type SubscriptionState } from '../shared/webhook';
import { TOPICS } from './topics';
import { pagedList, shoplineRequest } from './transport';
import { PANEL_DESCRIPTION } from './panel';

/**
 * [INF] One key per event: its id, as the body carries it (the X-Shopline-Event-Id header repeats it
 * and stays the same on every retry). The execution's first step reads it back from the body.
 */
function eventKey(body: IDataObject, headers: IDataObject = {}): string | undefined {
	const eventId = body.id ?? headers['x-shopline-event-id'];
	return eventId === undefined || eventId === null || eventId === '' ? undefined : `event|${String(eventId)}`;
}

function chosenTopics(ctx: IHookFunctions | IWebhookFunctions): string[] {
	return [...((ctx.getNodeParameter('topics', []) as string[]) ?? [])].sort();
}

/** The address SHOPLINE posts to: this node's webhook URL plus the secret token. */
function addressWith(url: string, secret: string): string {
	return `${url}${url.includes('?') ? '&' : '?'}token=${encodeURIComponent(secret)}`;
}

function pointsAt(address: unknown, url: string): boolean {
	return typeof address === 'string' && (address === url || address.startsWith(`${url}?`) || address.startsWith(`${url}&`));
}

async function removeSubscription(ctx: IHookFunctions, id: string): Promise<void> {
	await deleteSubscription(ctx.getNode(), () => shoplineRequest.call(ctx, 'DELETE', `/webhooks/${encodeURIComponent(id)}`));
}

async function findOurs(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as SubscriptionState;
	const url = this.getNodeWebhookUrl('default') as string;
	const topics = JSON.stringify(chosenTopics(this));
	const subscriptions = await pagedList.call(this, '/webhooks', {}, { returnAll: true, limit: 0 });
	return await keepOnlyOurs(state, subscriptions, {
		aimsHere: (s) => pointsAt(s.address, url),
		// Same token and topics, still active; an old token or old topics make it a leftover.
		isOurs: (s) =>
			s.address === addressWith(url, String(state.secret)) &&
			(s.status === undefined || s.status === 'active') &&
			JSON.stringify([...((s.topics as string[]) ?? [])].sort()) === topics,
		remove: async (id) => await removeSubscription(this, id),
	});
}

async function subscribe(this: IHookFunctions): Promise<boolean> {
	const secret = newSecret();
	const address = addressWith(this.getNodeWebhookUrl('default') as string, secret);
	const subscription = await shoplineRequest.call(this, 'POST', '/webhooks', { body: { address, topics: chosenTopics(this) } });
	rememberSubscription(this.getWorkflowStaticData('node'), String(subscription.id), secret);
	return true;
}

async function unsubscribe(this: IHookFunctions): Promise<boolean> {
	const state = this.getWorkflowStaticData('node') as SubscriptionState;
	// Only our own subscription: others on the same shop belong to other workflows or apps.
	if (typeof state.webhookId === 'string') await removeSubscription(this, state.webhookId);
	forgetSubscription(state);
	return true;
}

export class ShoplineTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SHOPLINE Trigger',
		name: 'shoplineTrigger',
		icon: { light: 'file:../../icons/shopline.svg', dark: 'file:../../icons/shopline.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["topics"].join(", ")}}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'SHOPLINE Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shoplineApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Topics',
				name: 'topics',
				type: 'multiOptions',
				options: TOPICS,
				required: true,
				default: [],
				description:
					'Which SHOPLINE events start the workflow. The token needs the Webhook permission (SHOPLINE admin → Staff Settings → API Auth; regenerate the token after ticking it).',
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await findOurs.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await subscribe.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await unsubscribe.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = this.getWorkflowStaticData('node');
		if (refusedToken(this, data.secret)) return { noWebhookResponse: true };
		const body = this.getBodyData() as IDataObject;
		const headers = this.getHeaderData() as IDataObject;
		// [INF] header names; the body carries the same topic and event id.
		const topic = String(headers['x-shopline-topic'] ?? body.topic ?? '');
		if (topic && !chosenTopics(this).includes(topic)) return { webhookResponse: { received: true, ignored: topic } };
		const key = eventKey(body, headers);
		if (key && !claimDelivery(this, key)) return { webhookResponse: { received: true, duplicate: true } };
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}

	/** The execution's first step: the event is recorded as handled, so a repeat after a restart is refused. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return recordDeliveries(this, (json) => eventKey(json));
	}
}
