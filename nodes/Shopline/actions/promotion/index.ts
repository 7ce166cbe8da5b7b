import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector('promotion', [{ name: 'Get Many', value: 'getMany', action: 'Get many promotions', description: 'List the shop’s promotions and coupons' }], 'getMany'),
	...getMany.description,
];
