import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as create from './create.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: ResourceOperations = { create, updateStatus };

export const description: INodeProperties[] = [
	operationSelector(
		'order',
		[
			{ name: 'Create', value: 'create', action: 'Create an order', description: 'Create a sales order with its products' },
			{ name: 'Update Status', value: 'updateStatus', action: 'Update an order status', description: 'Move an order to another processing status' },
		],
		'create',
	),
	...create.description,
	...updateStatus.description,
];
