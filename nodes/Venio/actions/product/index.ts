import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getGroups from './getGroups.operation';
import * as getMany from './getMany.operation';
import * as getUnits from './getUnits.operation';
import * as updateStock from './updateStock.operation';

export const operations: ResourceOperations = { createOrUpdate, get, getMany, updateStock, getGroups, getUnits };

export const description: INodeProperties[] = [
	operationSelector(
		'product',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a product', description: 'Create a product, or update the one with the same code' },
			{ name: 'Get by Code', value: 'get', action: 'Get a product by code', description: 'Get one product by its code' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many products', description: 'List products by status, keyword or group' },
			{ name: 'Update Stock', value: 'updateStock', action: 'Update a product stock', description: 'Set the quantity on hand of a product in one warehouse' },
			{ name: 'Get Groups', value: 'getGroups', action: 'Get product groups', description: 'List the product groups set up in Venio' },
			{ name: 'Get Units', value: 'getUnits', action: 'Get product units', description: 'List the units set up in Venio' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...get.description,
	...getMany.description,
	...updateStock.description,
	...getGroups.description,
	...getUnits.description,
];
