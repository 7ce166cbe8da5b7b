import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, update, get, getMany };

export const description: INodeProperties[] = [
	operationSelector(
		'expense',
		[
			{ name: 'Create', value: 'create', action: 'Create an expense', description: 'Record money an employee spent, for a customer or deal' },
			{ name: 'Update', value: 'update', action: 'Update an expense', description: 'Change an expense by its ID' },
			{ name: 'Get', value: 'get', action: 'Get an expense', description: 'Get one expense by its ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many expenses', description: 'Search expenses by keyword, employee, customer or dates (Expense Enquiry)' },
		],
		'create',
	),
	...create.description,
	...update.description,
	...get.description,
	...getMany.description,
];
