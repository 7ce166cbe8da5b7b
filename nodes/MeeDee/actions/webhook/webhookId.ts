import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { validateInput } from '../../../shared/validation';

/** The subscription to act on, chosen from MeeDee's list. */
export const webhookIdProperty: INodeProperties = {
	displayName: 'Webhook Name or ID',
	name: 'webhookId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWebhooks' },
	required: true,
	default: '',
	description:
		'The webhook subscription. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** [INF] subscription ID format is undocumented, so any non-empty text is accepted. */
export function readWebhookId(ctx: IExecuteFunctions, i: number): string {
	const value = ctx.getNodeParameter('webhookId', i, '') as unknown;
	const parsed = validateInput(ctx.getNode(), z.object({ webhookId: z.string().trim().min(1, 'is required') }), { webhookId: value ?? '' }, i, { webhookId: 'Webhook' });
	return parsed.webhookId;
}

/** The subscription for item messages ("webhook wh_…"), read leniently; undefined when none is chosen. */
export function webhookRecordOf(this: IExecuteFunctions, i: number): string | undefined {
	const value = this.getNodeParameter('webhookId', i, '') as unknown;
	const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	return id ? `webhook ${id}` : undefined;
}
