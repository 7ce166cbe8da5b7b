import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as get from './get.operation';
import * as getCustomerIds from './getCustomerIds.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';

export const operations: ResourceOperations = { get, getCustomerIds, getMany, search };

export const description: INodeProperties[] = [
	operationSelector(
		'customerGroup',
		[
			{ name: 'Get', value: 'get', action: 'Get a customer group', description: 'Get a customer group by ID' },
			{ name: 'Get Customer IDs', value: 'getCustomerIds', action: 'Get customer IDs of a customer group', description: 'List the IDs of the customers in a group' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many customer groups', description: 'List customer groups, optionally by status or creation time' },
			{ name: 'Search', value: 'search', action: 'Search customer groups', description: 'Find customer groups by name' },
		],
		'getMany',
	),
	...get.description,
	...getCustomerIds.description,
	...getMany.description,
	...search.description,
];
