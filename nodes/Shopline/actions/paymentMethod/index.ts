import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector('paymentMethod', [{ name: 'Get Many', value: 'getMany', action: 'Get many payment methods', description: 'List the shop’s payment methods' }], 'getMany'),
	...getMany.description,
];
