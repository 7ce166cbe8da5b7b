import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { getMany };

export const description: INodeProperties[] = [
	operationSelector(
		'membershipTier',
		[{ name: 'Get Many', value: 'getMany', action: 'Get many membership tiers', description: 'List the shop’s membership tiers (levels)' }],
		'getMany',
	),
	...getMany.description,
];
