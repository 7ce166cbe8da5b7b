import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as sendMessage from './sendMessage.operation';

export const operations: ResourceOperations = { sendMessage };

export const description: INodeProperties[] = [
	operationSelector(
		'chat',
		[{ name: 'Send Message', value: 'sendMessage', action: 'Send a chat message', description: 'Answer a customer in a LINE or Messenger chat room' }],
		'sendMessage',
	),
	...sendMessage.description,
];
