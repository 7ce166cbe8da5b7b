/**
 * Venio simulator: the topic webhooks, `{Topic, Event, Data}`, for deals, customers and activities.
 * [INF] Gofive's Webhook Payload page gives the envelope (Topic, Event, Data; Chat/Message seen in
 * public code); the topic names, events and Data fields below are assumed: the record's key and
 * number, its name, and DateModified (so two real changes never look like one re-sent delivery).
 * Emitted on demand: control {action:'emitTopic', topic:'Deal'|'Customer'|'Activity',
 * event:'Created'|'Updated', key?} (key = deal id, customer code or activity id; default the first).
 */
import { bkkTime } from './helpers';
import { type Delivery } from './model';
import { deliver } from './webhook';
import type { VenioSim } from './index';

export const TOPIC_EVENTS: Record<string, string[]> = {
	Deal: ['Created', 'Updated'],
	Customer: ['Created', 'Updated'],
	Activity: ['Created', 'Updated'],
};

/** The Data of one topic delivery, from the simulator's record; undefined when there is no such record. */
function dataOf(sim: VenioSim, topic: string, key: string | undefined): Record<string, unknown> | undefined {
	if (topic === 'Deal') {
		const d = key === undefined ? [...sim.deals.values()][0] : sim.deals.get(Number(key));
		return d && { DealId: d.dealsId, DealNo: d.dealNo, DealName: d.dealsName, DealStageId: d.dealStageId, DateModified: bkkTime(d.dateModified) };
	}
	if (topic === 'Customer') {
		const c = key === undefined ? sim.customers[0] : sim.customerByCode.get(key.toUpperCase());
		return c && { CustomerCode: c.customerCode, CustomerName: c.customerName, DateModified: bkkTime(c.dateModified) };
	}
	const a = key === undefined ? sim.activities[0] : sim.activities.find((x) => String(x.activityId) === key);
	return a && { ActivityId: a.activityId, ActivityNo: a.activityNo, Subject: a.subject, DateModified: bkkTime(a.dateModified) };
}

/** Sends `{Topic, Event, Data}` to every configured URL; the deliveries are recorded like the order ones. */
export function emitTopic(sim: VenioSim, body: { topic?: unknown; event?: unknown; key?: unknown }): { ok: boolean; deliveries?: Delivery[]; error?: string } {
	const topic = String(body.topic ?? '');
	const event = String(body.event ?? '');
	if (!TOPIC_EVENTS[topic]?.includes(event)) {
		return { ok: false, error: `topic/event must be one of ${Object.entries(TOPIC_EVENTS).flatMap(([t, es]) => es.map((e) => `${t}/${e}`)).join(', ')}` };
	}
	const Data = dataOf(sim, topic, body.key === undefined || body.key === null ? undefined : String(body.key));
	if (!Data) return { ok: false, error: `no ${topic} ${String(body.key ?? '')} in the simulator` };
	const deliveries = sim.options.webhookUrls.map((url) => deliver(sim, url, `${topic}.${event}`, { Topic: topic, Event: event, Data: structuredClone(Data) }, null));
	return { ok: true, deliveries };
}
