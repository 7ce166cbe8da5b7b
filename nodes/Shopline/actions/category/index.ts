import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector('category', [{ name: 'Get Many', value: 'getMany', action: 'Get many categories', description: 'List the shop’s product categories' }], 'getMany'),
	...getMany.description,
];
