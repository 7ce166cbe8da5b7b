import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getLevels from './getLevels.operation';
import * as getMovements from './getMovements.operation';

export const operations: ResourceOperations = { getLevels, getMovements };

export const description: INodeProperties[] = [
	operationSelector(
		'inventory',
		[
			{ name: 'Get Levels', value: 'getLevels', action: 'Get inventory levels', description: 'Stock on hand per branch and SKU' },
			{ name: 'Get Movements', value: 'getMovements', action: 'Get inventory movements', description: 'Stock going in and out: sales, purchases, adjustments' },
		],
		'getLevels',
	),
	...getLevels.description,
	...getMovements.description,
];
