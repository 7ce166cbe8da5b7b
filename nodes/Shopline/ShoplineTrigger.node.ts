/**
 * Starts a workflow from SHOPLINE webhooks. SHOPLINE does not sign merchant-token webhooks, so the
 * subscription address carries a secret token (made on activation, kept in static data) that is
 * checked in constant time. n8n answers 200 at once (SHOPLINE wants it within 15 s and retries up
 * to 3 times); a retried event (same event id) starts the workflow once.
 */
import {
	NodeApiError,
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
	type JsonObject,
} from 'n8n-workflow';

import { newSecret, safeEqual, seenBefore } from '../shared/webhook';
import { TOPICS } from './topics';
import { pagedList, shoplineRequest } from './transport';

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
	try {
		await shoplineRequest.call(ctx, 'DELETE', `/webhooks/${encodeURIComponent(id)}`);
	} catch (error) {
		// Already gone is what we wanted.
		if (error instanceof NodeApiError && error.httpCode === '404') return;
		throw error instanceof NodeApiError ? error : new NodeApiError(ctx.getNode(), error as JsonObject);
	}
}

async function findOurs(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const url = this.getNodeWebhookUrl('default') as string;
	const topics = chosenTopics(this);
	const subscriptions = await pagedList.call(this, '/webhooks', {}, { returnAll: true, limit: 0 });
	let found = false;
	for (const s of subscriptions) {
		if (!pointsAt(s.address, url)) continue;
		const ours =
			!found &&
			s.id === data.webhookId &&
			typeof data.secret === 'string' &&
			s.address === addressWith(url, data.secret) &&
			(s.status === undefined || s.status === 'active') &&
			JSON.stringify([...((s.topics as string[]) ?? [])].sort()) === JSON.stringify(topics);
		if (ours) found = true;
		// Anything else aimed at this workflow's URL is a leftover (old token, old topics, lost
		// activation): remove it, so SHOPLINE never delivers the same event twice.
		else await removeSubscription(this, String(s.id));
	}
	if (!found) {
		delete data.webhookId;
		delete data.secret;
	}
	return found;
}

async function subscribe(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	const secret = newSecret();
	const address = addressWith(this.getNodeWebhookUrl('default') as string, secret);
	const subscription = await shoplineRequest.call(this, 'POST', '/webhooks', { body: { address, topics: chosenTopics(this) } });
	data.webhookId = String(subscription.id);
	data.secret = secret;
	data.seenEvents = [];
	return true;
}

async function unsubscribe(this: IHookFunctions): Promise<boolean> {
	const data = this.getWorkflowStaticData('node');
	// Only our own subscription: others on the same shop belong to other workflows or apps.
	if (typeof data.webhookId === 'string') await removeSubscription(this, data.webhookId);
	delete data.webhookId;
	delete data.secret;
	delete data.seenEvents;
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
		description: 'Starts the workflow when SHOPLINE reports an event: orders, customers, payments, delivery, products, points or the store',
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
		const query = this.getQueryData() as IDataObject;
		if (!safeEqual(query.token, data.secret)) {
			this.getResponseObject().status(401).json({ error: 'invalid token' });
			return { noWebhookResponse: true };
		}
		const body = this.getBodyData() as IDataObject;
		const headers = this.getHeaderData() as IDataObject;
		// [INF] header names; the body carries the same topic and event id.
		const topic = String(headers['x-shopline-topic'] ?? body.topic ?? '');
		const eventId = String(headers['x-shopline-event-id'] ?? body.id ?? '');
		if (topic && !chosenTopics(this).includes(topic)) return { webhookResponse: { received: true, ignored: topic } };
		if (eventId && seenBefore(data, `${topic}|${eventId}`)) return { webhookResponse: { received: true, duplicate: true } };
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}
}
