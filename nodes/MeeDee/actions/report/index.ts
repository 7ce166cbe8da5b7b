import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as inventorySummary from './inventorySummary.operation';
import * as salesSummary from './salesSummary.operation';

export const operations: ResourceOperations = { salesSummary, inventorySummary };

export const description: INodeProperties[] = [
	operationSelector(
		'report',
		[
			{ name: 'Sales Summary', value: 'salesSummary', action: 'Get a sales summary', description: 'Orders, revenue, discounts, tax and refunds of one branch' },
			{ name: 'Inventory Summary', value: 'inventorySummary', action: 'Get an inventory summary', description: 'Stock value and low or out-of-stock counts of one branch' },
		],
		'salesSummary',
	),
	...salesSummary.description,
	...inventorySummary.description,
];
