/**
 * Venio's topic webhooks: `{Topic, Event, Data}` for deals, customers and activities (the shape
 * Gofive's "Webhook Payload" page and public code show; the Chat topic is the one seen in full).
 * Sales-order deliveries (`{Data:{SaleOrderNo}}`, no Topic) stay with VenioCrmTrigger itself.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import { ACTIVITY_PATHS, DEAL_PATHS, WEBHOOK_TOPICS } from './endpoints';
import { segment, venioRecord, type RequestContext } from './transport';

/** The trigger's value for sales-order deliveries (kept as the default, so saved workflows keep working). */
export const SALES_ORDER_EVENTS = 'salesOrder';

/** The Events choice for a topic delivery not in TOPIC_EVENT_OPTIONS (Chat, or a name we guessed wrong). */
export const OTHER_TOPIC_EVENTS = 'otherTopic';

type Topic = keyof typeof WEBHOOK_TOPICS;

/** "Deal Created", "Customer Updated", … as the trigger's Events choices (value `deal.created`). */
export const TOPIC_EVENT_OPTIONS: INodePropertyOptions[] = (Object.keys(WEBHOOK_TOPICS) as Topic[]).flatMap((topic) =>
	WEBHOOK_TOPICS[topic].events.map((event) => ({
		name: `${WEBHOOK_TOPICS[topic].label} ${event}`,
		value: `${topic.toLowerCase()}.${event.toLowerCase()}`,
		description: `Venio sends Topic "${topic}", Event "${event}"`,
	})),
);

export type { Topic };

export interface TopicDelivery {
	topic: Topic | undefined;
	/** `deal.created`: what the Events option holds. */
	choice: string;
	/** The body as Venio sent it: {Topic, Event, Data}. */
	body: IDataObject;
	data: IDataObject;
}

const isObject = (v: unknown): v is IDataObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** A body with a Topic is a topic delivery; anything else is left to the sales-order path. */
export function topicDelivery(body: IDataObject): TopicDelivery | undefined {
	if (typeof body.Topic !== 'string' || !body.Topic.trim()) return undefined;
	const topic = (Object.keys(WEBHOOK_TOPICS) as Topic[]).find((t) => t.toLowerCase() === String(body.Topic).trim().toLowerCase());
	const event = typeof body.Event === 'string' ? body.Event.trim().toLowerCase() : '';
	return { topic, choice: `${String(body.Topic).trim().toLowerCase()}.${event}`, body, data: isObject(body.Data) ? body.Data : {} };
}

export const keyField = (topic: Topic): string => WEBHOOK_TOPICS[topic].key;

/** The record's key in Data (DealId, CustomerCode, ActivityId), or undefined when Data lacks it. */
export function recordKey(delivery: TopicDelivery): string | undefined {
	if (!delivery.topic) return undefined;
	const value = delivery.data[WEBHOOK_TOPICS[delivery.topic].key];
	return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || undefined : undefined;
}

/** JSON with object keys sorted, so the same content always gives the same text. */
function stable(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
	if (isObject(value)) return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${stable(value[k])}`).join(',')}}`;
	return JSON.stringify(value) ?? 'null';
}

/**
 * [INF] A re-sent delivery repeats Topic, Event and Data unchanged; two real changes differ in Data
 * (its DateModified at least). So the whole content is the delivery's identity.
 */
export function topicEventKey(body: IDataObject): string | undefined {
	if (typeof body.Topic !== 'string') return undefined;
	return `topic|${stable({ Topic: body.Topic, Event: body.Event ?? null, Data: body.Data ?? null })}`;
}

/** The full record through the Venio operations' own read endpoints. */
export async function fetchTopicRecord(this: RequestContext, topic: Topic, key: string): Promise<IDataObject> {
	const path = topic === 'Deal' ? DEAL_PATHS.get(segment(key)) : topic === 'Customer' ? `/v3/customers/${segment(key)}` : ACTIVITY_PATHS.byId(segment(key));
	return await venioRecord.call(this, { method: 'GET', path });
}
