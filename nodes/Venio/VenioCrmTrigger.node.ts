/**
 * Receives Venio's sales-order webhook, `{"Data":{"SaleOrderNo":"…", …}}`. Venio does not sign
 * it, so the URL carries a secret token (checked in constant time). A re-sent delivery of the same
 * event is emitted once. Optionally the full order is fetched, as Venio's own examples do.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { simplifyProperty } from '../shared/router';
import { hasSeen, pastedUrlWebhookMethods, refusedToken, seenBefore } from '../shared/webhook';
import { getSalesOrder } from './actions/salesOrder/shared';
import { toCommonOrder } from './simplify';


export class VenioCrmTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Venio CRM Trigger',
		name: 'venioCrmTrigger',
		icon: { light: 'file:../../icons/venio.svg', dark: 'file:../../icons/venio.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["fetchFullOrder"] ? "Sales order (full)" : "Sales order event"}}',
		description: 'Starts the workflow when Venio CRM sends a sales-order webhook (created, changed, approved, paid…)',
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
				displayName: 'Fetch Full Sales Order',
				name: 'fetchFullOrder',
				type: 'boolean',
				default: true,
				description: 'Whether to read the whole sales order from Venio (one request per event). Off: output the webhook’s own fields only.',
			},
			{ ...simplifyProperty, displayOptions: { show: { fetchFullOrder: [true] } } },
		],
	};

	// Nothing to register at Venio: the URL is pasted in its admin.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (refusedToken(this, this.getNodeParameter('secretToken'))) return { noWebhookResponse: true };
		const body = this.getBodyData() as IDataObject;
		const data = (body.Data && typeof body.Data === 'object' ? body.Data : body) as IDataObject;
		const orderNo = typeof data.SaleOrderNo === 'string' ? data.SaleOrderNo.trim() : '';
		if (!orderNo) {
			this.getResponseObject().status(400).json({ error: 'Data.SaleOrderNo is missing' });
			return { noWebhookResponse: true };
		}

		// [INF] Event and DateModified: a re-sent delivery repeats all three.
		const key = [orderNo, data.Event ?? '', data.DateModified ?? ''].join('|');
		const staticData = this.getWorkflowStaticData('node');
		if (hasSeen(staticData, key)) return { webhookResponse: { received: true, duplicate: true } };

		let json: IDataObject = data;
		if (this.getNodeParameter('fetchFullOrder', true) as boolean) {
			// A failed fetch answers 500 and is not remembered, so Venio's re-send is processed.
			const order = await getSalesOrder.call(this, orderNo);
			// The delivery's own fields stay with the order: under `extra` in the common shape.
			if (this.getNodeParameter('simplify', true) as boolean) {
				const common = toCommonOrder(order);
				common.extra.webhook = data;
				json = common;
			} else json = { ...order, webhook: data };
		}
		// Recorded only now, so a failed fetch lets Venio's re-send through; a re-send that arrived
		// while this one was fetching was recorded first and this copy is dropped.
		if (seenBefore(staticData, key)) return { webhookResponse: { received: true, duplicate: true } };
		return { workflowData: [this.helpers.returnJsonArray(json)] };
	}
}
