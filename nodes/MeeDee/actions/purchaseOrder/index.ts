import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getItems from './getItems.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany, getItems };

export const description: INodeProperties[] = [
	operationSelector(
		'purchaseOrder',
		[
			{ name: 'Get Many', value: 'getMany', action: 'Get many purchase orders', description: 'List purchase orders to suppliers' },
			{ name: 'Get Items', value: 'getItems', action: 'Get the items of a purchase order', description: 'List the lines of one purchase order' },
		],
		'getMany',
	),
	...getMany.description,
	...getItems.description,
];
