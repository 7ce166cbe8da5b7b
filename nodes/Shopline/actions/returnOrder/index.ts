import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { get, getMany };

export const description: INodeProperties[] = [
	operationSelector(
		'returnOrder',
		[
			{ name: 'Get', value: 'get', action: 'Get a return order', description: 'Get a return order by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many return orders', description: 'List return orders by order, status, time or text' },
		],
		'getMany',
	),
	...get.description,
	...getMany.description,
];
