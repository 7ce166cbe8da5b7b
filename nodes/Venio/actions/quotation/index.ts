import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as cancel from './cancel.operation';
import * as convertToSalesOrder from './convert.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { createOrUpdate, get, getMany, convertToSalesOrder, cancel };

export const description: INodeProperties[] = [
	operationSelector(
		'quotation',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a quotation', description: 'Create a quotation with its lines, or update the one with the given number' },
			{ name: 'Get by Number', value: 'get', action: 'Get a quotation by number', description: 'Get one quotation by its number' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many quotations', description: 'Search quotations by keyword, customer or status' },
			{ name: 'Convert to Sales Order', value: 'convertToSalesOrder', action: 'Convert a quotation to a sales order', description: 'Turn an open quotation into a sales order' },
			{ name: 'Cancel', value: 'cancel', action: 'Cancel a quotation', description: 'Cancel an open quotation' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...get.description,
	...getMany.description,
	...convertToSalesOrder.description,
	...cancel.description,
];
