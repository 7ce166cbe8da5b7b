import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getItems from './getItems.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany, getItems };

export const description: INodeProperties[] = [
	operationSelector(
		'sale',
		[
			{ name: 'Get Many', value: 'getMany', action: 'Get many sales', description: 'List sales (receipts) between two dates, up to 30 days back' },
			{ name: 'Get Items', value: 'getItems', action: 'Get the items of a sale', description: 'List the lines of one sale' },
		],
		'getMany',
	),
	...getMany.description,
	...getItems.description,
];
