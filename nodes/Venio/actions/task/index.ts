import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as create from './create.operation';

export const operations: ResourceOperations = { create };

export const description: INodeProperties[] = [
	operationSelector('task', [{ name: 'Create', value: 'create', action: 'Create a task', description: 'Create a follow-up task for an employee, on a customer or a deal' }], 'create'),
	...create.description,
];
