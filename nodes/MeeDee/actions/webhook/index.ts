import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as create from './create.operation';
import * as deleteWebhook from './delete.operation';
import * as get from './get.operation';
import * as getDeliveries from './getDeliveries.operation';
import * as getMany from './getMany.operation';
import * as ping from './ping.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { getMany, create, get, update, delete: deleteWebhook, getDeliveries, ping };

export const description: INodeProperties[] = [
	operationSelector(
		'webhook',
		[
			{ name: 'Create', value: 'create', action: 'Create a webhook', description: 'Subscribe an address to events. The answer holds the signing secret, shown only once.' },
			{ name: 'Delete', value: 'delete', action: 'Delete a webhook', description: 'Remove a subscription' },
			{ name: 'Get', value: 'get', action: 'Get a webhook', description: 'Read one subscription' },
			{ name: 'Get Deliveries', value: 'getDeliveries', action: 'Get webhook deliveries', description: 'The delivery log of a subscription: each attempt and its answer' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many webhooks', description: 'List this API Application’s subscriptions' },
			{ name: 'Ping', value: 'ping', action: 'Ping a webhook', description: 'Send a signed test event and see how the receiver answered' },
			{ name: 'Update', value: 'update', action: 'Update a webhook', description: 'Change the address, events, description or pause it' },
		],
		'getMany',
	),
	...getMany.description,
	...create.description,
	...get.description,
	...update.description,
	...deleteWebhook.description,
	...getDeliveries.description,
	...ping.description,
];
