import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector('product', [{ name: 'Get Many', value: 'getMany', action: 'Get many products', description: 'List products with their SKUs and prices' }], 'getMany'),
	...getMany.description,
];
