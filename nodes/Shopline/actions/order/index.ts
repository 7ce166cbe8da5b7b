import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: ResourceOperations = { cancel, create, get, getMany, search, updateStatus };

export const description: INodeProperties[] = [
	operationSelector(
		'order',
		[
			{ name: 'Cancel', value: 'cancel', action: 'Cancel an order', description: 'Cancel an order and give back the points and credit it used' },
			{ name: 'Create', value: 'create', action: 'Create an order', description: 'Create an order (no third-party delivery or payment)' },
			{ name: 'Get', value: 'get', action: 'Get an order', description: 'Get an order by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many orders', description: 'List orders by time range, status or IDs' },
			{ name: 'Search', value: 'search', action: 'Search orders', description: 'Find orders by number, customer, phone or product' },
			{ name: 'Update Status', value: 'updateStatus', action: 'Update an order status', description: 'Set an order to pending, confirmed, completed or cancelled' },
		],
		'get',
	),
	...cancel.description,
	...create.description,
	...get.description,
	...getMany.description,
	...search.description,
	...updateStatus.description,
];
