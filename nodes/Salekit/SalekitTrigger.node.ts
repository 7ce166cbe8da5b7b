/**
 * Receives Salekit's sync webhooks (Bán hàng → Đồng bộ). Salekit does not sign them, so the URL
 * carries a secret token that is checked in constant time; a re-sent delivery is emitted once.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { claimDelivery, recordDeliveries } from '../shared/deliveries';
import { pastedUrlWebhookMethods, refusedToken } from '../shared/webhook';
import { PANEL_DESCRIPTION } from './panel';

const EVENTS = [
	{ name: 'Any Sync Event', value: 'any', description: 'Every order event this URL receives' },
	{ name: 'Order Created', value: 'order_created', description: 'Salekit field "API tạo đơn"' },
	{ name: 'Payment Status Changed', value: 'order_payment_changed', description: 'Salekit field "API cập nhật trạng thái thanh toán"' },
	{ name: 'Processing Status Changed', value: 'order_status_changed', description: 'Salekit field "API cập nhật trạng thái xử lý"' },
];

/** [INF] Salekit's sync body is the order itself; a re-send repeats the same order state. */
function eventKey(body: IDataObject): string {
	const event = typeof body.event === 'string' ? body.event : undefined;
	return [event ?? 'order', body.id, body.status, body.pay_status, body.updated_at].join('|');
}

export class SalekitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salekit Trigger',
		name: 'salekitTrigger',
		icon: { light: 'file:../../icons/salekit.svg', dark: 'file:../../icons/salekit.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'Salekit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'salekit' }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				options: EVENTS,
				default: 'any',
				description: 'Which sync event starts the workflow; others are acknowledged and ignored',
			},
			{
				displayName: 'Secret Token',
				name: 'secretToken',
				type: 'string',
				typeOptions: { password: true },
				required: true,
				default: '',
				description:
					'A long random value of your choice. In Salekit, open Bán hàng → Đồng bộ (Sales → Sync) and paste this node’s Production URL followed by ?token= and this value. Requests without it are refused with 401.',
			},
		],
	};

	// Salekit has no API to register webhooks: the URL is pasted in its admin.
	webhookMethods = pastedUrlWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (refusedToken(this, this.getNodeParameter('secretToken'))) return { noWebhookResponse: true };
		const body = this.getBodyData() as IDataObject;
		const event = typeof body.event === 'string' ? body.event : undefined;
		const wanted = this.getNodeParameter('event') as string;
		if (wanted !== 'any' && event && event !== wanted) return { webhookResponse: { received: true, ignored: event } };

		if (!claimDelivery(this, eventKey(body))) return { webhookResponse: { received: true, duplicate: true } };
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}

	/** The execution's first step: the event is recorded as handled, so a repeat after a restart is refused. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return recordDeliveries(this, eventKey);
	}
}
