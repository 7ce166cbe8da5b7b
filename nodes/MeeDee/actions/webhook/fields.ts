/** The subscription fields (vendors.md B; body keys [INF], like the sandbox). */
import { z } from 'zod';

import type { Field } from '../../../shared/fields';
import { WEBHOOK_EVENTS } from '../../events';

const endpointUrl = z
	.string()
	.trim()
	.url('must be a full address starting with https://')
	.refine((u) => /^https?:\/\//i.test(u), 'must start with https:// (or http://)');

export const webhookFields: Field[] = [
	{
		key: 'endpoint_url',
		label: 'Endpoint URL',
		type: 'string',
		required: true,
		schema: endpointUrl,
		placeholder: 'https://example.com/meedee-hook',
		description: 'Where MeeDee POS sends the events. To start an n8n workflow, use the MeeDee POS Trigger node instead: it subscribes by itself.',
	},
	{
		key: 'events',
		label: 'Events',
		type: 'multiOptions',
		required: true,
		options: WEBHOOK_EVENTS,
		default: [],
		schema: z.array(z.string().min(1)).min(1, 'needs at least one event'),
		description: 'Which events to send. Each needs the matching read scope on the API Application.',
	},
	{ key: 'description', label: 'Description', type: 'string', schema: z.string().max(255, 'must be at most 255 characters'), description: 'A note for yourself, e.g. which system receives it' },
	{ key: 'is_active', label: 'Is Active', type: 'boolean', default: true, description: 'Whether MeeDee sends events to it (off pauses the subscription)' },
];

/** For Update: every field optional. */
export const webhookUpdateFields: Field[] = webhookFields.map((f) => ({ ...f, required: false }));
