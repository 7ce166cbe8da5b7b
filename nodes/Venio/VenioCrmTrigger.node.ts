/**
 * Receives Venio's webhooks: the sales-order one, `{"Data":{"SaleOrderNo":"…", …}}`, and the topic
 * ones for deals, customers and activities, `{Topic, Event, Data}` (webhookTopics.ts). Venio does not
 * sign them, so the URL carries a secret token (checked in constant time). Only the chosen events
 * start the workflow; a re-sent delivery is emitted once. Optionally the full record is fetched.
 */
import {
	NodeApiError,
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { simplifyProperty } from '../shared/router';
import { claimDelivery, recordDeliveries, releaseDelivery } from '../shared/deliveries';
import { pastedUrlWebhookMethods, refusedToken } from '../shared/webhook';
import { getSalesOrder } from './actions/salesOrder/shared';
import { toCommonCustomer, toCommonOrder } from './simplify';
import { PANEL_DESCRIPTION } from './panel';
import { fetchTopicRecord, keyField, OTHER_TOPIC_EVENTS, recordKey, SALES_ORDER_EVENTS, TOPIC_EVENT_OPTIONS, topicDelivery, topicEventKey } from './webhookTopics';

/** The webhook's own `Data` object, wherever the output keeps it (raw, Simplify's `extra`, or as is). */
function deliveryOf(json: IDataObject): IDataObject {
	const extra = json.extra as IDataObject | undefined;
	return ((extra?.webhook ?? json.webhook ?? json) as IDataObject) ?? {};
}

/** [INF] Event and DateModified: a re-sent delivery repeats all three. Topic deliveries: see topicEventKey. */
function eventKey(data: IDataObject): string | undefined {
	if (typeof data.Topic === 'string') return topicEventKey(data);
	const orderNo = typeof data.SaleOrderNo === 'string' ? data.SaleOrderNo.trim() : '';
	return orderNo ? [orderNo, data.Event ?? '', data.DateModified ?? ''].join('|') : undefined;
}

/** A deal, customer or activity delivery: filtered by the chosen events, optionally the full record. */
async function receiveTopic(this: IWebhookFunctions, delivery: NonNullable<ReturnType<typeof topicDelivery>>, events: string[]): Promise<IWebhookResponseData> {
	const listed = TOPIC_EVENT_OPTIONS.some((o) => o.value === delivery.choice);
	if (!listed) return await receiveOtherTopic.call(this, delivery, events);
	if (!delivery.topic || !events.includes(delivery.choice)) return { webhookResponse: { received: true, ignored: true } };
	const key = recordKey(delivery);
	if (!key) {
		this.getResponseObject().status(400).json({ error: `Data.${keyField(delivery.topic)} is missing` });
		return { noWebhookResponse: true };
	}
	const ledgerKey = topicEventKey(delivery.body) as string;
	if (!claimDelivery(this, ledgerKey)) return { webhookResponse: { received: true, duplicate: true } };
	const webhook: IDataObject = { Topic: delivery.body.Topic, Event: delivery.body.Event, Data: delivery.data };
	let json: IDataObject = webhook;
	if (this.getNodeParameter('fetchFullOrder', true) as boolean) {
		try {
			const record = await fetchTopicRecord.call(this, delivery.topic, key);
			// Customers have the pack's common shape (Simplify); deals and activities stay as Venio sends them.
			if (delivery.topic === 'Customer' && (this.getNodeParameter('simplify', true) as boolean)) {
				const common = toCommonCustomer(record);
				common.extra.webhook = webhook;
				json = common;
			} else json = { ...record, webhook };
		} catch (error) {
			// As for orders: a failed fetch is forgotten, so Venio's re-send is processed.
			releaseDelivery(this, ledgerKey);
			throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error);
		}
	}
	return { workflowData: [this.helpers.returnJsonArray(json)] };
}

/**
 * A {Topic, Event, Data} delivery whose topic or event is not in our list (their names are guessed
 * [INF]): passed on as Venio sent it when the operator chose "Any Other Topic Event", never dropped
 * unseen because a name differs; no record is fetched, as its read endpoint is not known.
 */
async function receiveOtherTopic(this: IWebhookFunctions, delivery: NonNullable<ReturnType<typeof topicDelivery>>, events: string[]): Promise<IWebhookResponseData> {
	if (!events.includes(OTHER_TOPIC_EVENTS)) return { webhookResponse: { received: true, ignored: true } };
	if (!claimDelivery(this, topicEventKey(delivery.body) as string)) return { webhookResponse: { received: true, duplicate: true } };
	return { workflowData: [this.helpers.returnJsonArray({ Topic: delivery.body.Topic, Event: delivery.body.Event, Data: delivery.data })] };
}

export class VenioCrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Venio CRM Trigger',
		name: 'venioCrmTrigger',
		icon: { light: 'file:../../icons/venio.svg', dark: 'file:../../icons/venio.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{($parameter["events"] || []).length + " event type(s)" + ($parameter["fetchFullOrder"] ? ", full record" : "")}}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'Venio CRM Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'venioCrmApi', required: true, displayOptions: { show: { fetchFullOrder: [true] } } }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'venio' }],
		properties: [
			{
				displayName:
					'In Venio, open the webhook settings and paste this node’s Production URL followed by ?token= and the Secret Token below. Venio has no API to register webhooks.',
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Secret Token',
				name: 'secretToken',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description: 'A long random value of your choice, added to the URL as ?token=… . Requests without it are refused with 401.',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{ name: 'Sales Order (Any Event)', value: SALES_ORDER_EVENTS, description: 'Created, updated, approved, rejected or paid' },
					...TOPIC_EVENT_OPTIONS,
					{ name: 'Any Other Topic Event', value: OTHER_TOPIC_EVENTS, description: 'Any other {Topic, Event, Data} delivery (e.g. Chat Message), passed on as Venio sent it' },
				],
				default: [SALES_ORDER_EVENTS],
				description: 'Which Venio events start the workflow. Others are answered and ignored.',
			},
			{
				displayName: 'Fetch Full Record',
				name: 'fetchFullOrder',
				type: 'boolean',
				default: true,
				description:
					'Whether to read the whole sales order, deal, customer or activity from Venio (one request per event), with the webhook under "webhook". Off: output what the webhook sent.',
			},
			{ ...simplifyProperty, displayOptions: { show: { fetchFullOrder: [true] } } },
		],
	};

	// Nothing to register at Venio: the URL is pasted in its admin.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (refusedToken(this, this.getNodeParameter('secretToken'))) return { noWebhookResponse: true };
		const body = this.getBodyData() as IDataObject;
		const events = this.getNodeParameter('events', [SALES_ORDER_EVENTS]) as string[];
		const topic = topicDelivery(body);
		if (topic) return await receiveTopic.call(this, topic, events);
		if (!events.includes(SALES_ORDER_EVENTS)) return { webhookResponse: { received: true, ignored: true } };
		const data = (body.Data && typeof body.Data === 'object' ? body.Data : body) as IDataObject;
		const orderNo = typeof data.SaleOrderNo === 'string' ? data.SaleOrderNo.trim() : '';
		if (!orderNo) {
			this.getResponseObject().status(400).json({ error: 'Data.SaleOrderNo is missing' });
			return { noWebhookResponse: true };
		}

		const key = eventKey(data) as string;
		// Claimed before the fetch, so a re-send arriving meanwhile is refused at once.
		if (!claimDelivery(this, key)) return { webhookResponse: { received: true, duplicate: true } };

		let json: IDataObject = data;
		if (this.getNodeParameter('fetchFullOrder', true) as boolean) {
			try {
				const order = await getSalesOrder.call(this, orderNo);
				// The delivery's own fields stay with the order: under `extra` in the common shape.
				if (this.getNodeParameter('simplify', true) as boolean) {
					const common = toCommonOrder(order);
					common.extra.webhook = data;
					json = common;
				} else json = { ...order, webhook: data };
			} catch (error) {
				// A failed fetch answers 500 and is forgotten, so Venio's re-send is processed.
				releaseDelivery(this, key);
				throw error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error);
			}
		}
		return { workflowData: [this.helpers.returnJsonArray(json)] };
	}

	/** The execution's first step: the event is recorded as handled, so a repeat after a restart is refused. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return recordDeliveries(this, (json) => eventKey(deliveryOf(json)));
	}
}
