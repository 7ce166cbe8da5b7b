import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector(
		'customer',
		[{ name: 'Get Many', value: 'getMany', action: 'Get many customers', description: 'List the business’s customers, with their loyalty points' }],
		'getMany',
	),
	...getMany.description,
];
