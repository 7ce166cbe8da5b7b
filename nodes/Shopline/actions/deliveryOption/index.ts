import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector('deliveryOption', [{ name: 'Get Many', value: 'getMany', action: 'Get many delivery options', description: 'List the shop’s delivery options' }], 'getMany'),
	...getMany.description,
];
