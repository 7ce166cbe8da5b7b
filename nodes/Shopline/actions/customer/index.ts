import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as search from './search.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, createOrUpdate, delete: del, get, getMany, search, update };

export const description: INodeProperties[] = [
	operationSelector(
		'customer',
		[
			{ name: 'Create', value: 'create', action: 'Create a customer', description: 'Create a customer (name plus email or mobile phone)' },
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a customer',
				description: 'Update the customer with the same email or mobile phone, or create one',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a customer', description: 'Delete a customer' },
			{ name: 'Get', value: 'get', action: 'Get a customer', description: 'Get a customer by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many customers', description: 'List customers, optionally changed within a time range' },
			{ name: 'Search', value: 'search', action: 'Search customers', description: 'Find customers by text, email, phone, tag and more' },
			{ name: 'Update', value: 'update', action: 'Update a customer', description: 'Change fields of a customer' },
		],
		'createOrUpdate',
	),
	...create.description,
	...createOrUpdate.description,
	...del.description,
	...get.description,
	...getMany.description,
	...search.description,
	...update.description,
];
