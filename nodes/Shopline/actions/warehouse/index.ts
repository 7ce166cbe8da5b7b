import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector('warehouse', [{ name: 'Get Many', value: 'getMany', action: 'Get many warehouses', description: 'List the shop’s warehouses (stock locations)' }], 'getMany'),
	...getMany.description,
];
