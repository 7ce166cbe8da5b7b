import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { get, getMany };

export const description: INodeProperties[] = [
	operationSelector(
		'employee',
		[
			{ name: 'Get', value: 'get', action: 'Get an employee', description: 'Get one employee by code' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many employees', description: 'Search employees by keyword (Employees Enquiry)' },
		],
		'getMany',
	),
	...get.description,
	...getMany.description,
];
