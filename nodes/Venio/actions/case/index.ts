import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as add from './add.operation';
import * as edit from './edit.operation';
import * as get from './get.operation';
import * as getCategories from './getCategories.operation';

export const operations: ResourceOperations = { add, edit, get, getCategories };

export const description: INodeProperties[] = [
	operationSelector(
		'case',
		[
			{ name: 'Add', value: 'add', action: 'Add a case', description: 'Add a case (a request for action or for your information), optionally about a customer, activities or deals' },
			{ name: 'Edit', value: 'edit', action: 'Edit a case', description: 'Change a case by its number' },
			{ name: 'Get', value: 'get', action: 'Get a case', description: 'Get one case by its number' },
			{ name: 'Get Categories', value: 'getCategories', action: 'Get case categories', description: 'List the case categories' },
		],
		'add',
	),
	...add.description,
	...edit.description,
	...get.description,
	...getCategories.description,
];
