import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { get, getMany };

export const description: INodeProperties[] = [
	operationSelector(
		'product',
		[
			{ name: 'Get', value: 'get', action: 'Get a product', description: 'Get a product with its variations' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many products', description: 'List products' },
		],
		'getMany',
	),
	...get.description,
	...getMany.description,
];
