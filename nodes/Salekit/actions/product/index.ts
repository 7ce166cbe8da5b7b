import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as create from './create.operation';

export const operations: ResourceOperations = { create };

export const description: INodeProperties[] = [
	operationSelector('product', [{ name: 'Create', value: 'create', action: 'Create a product', description: 'Add a product, service or course' }], 'create'),
	...create.description,
];
