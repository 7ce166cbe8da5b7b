import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as createOrUpdate from './createOrUpdate.operation';
import { tagOperation } from './tags';

const addTags = tagOperation('addTags');
const removeTags = tagOperation('removeTags');

export const operations: ResourceOperations = { createOrUpdate, addTags, removeTags };

export const description: INodeProperties[] = [
	operationSelector(
		'audience',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update an audience', description: 'Create a customer, or update the one with the same email' },
			{ name: 'Add Tags', value: 'addTags', action: 'Add tags to an audience', description: 'Tag a customer; missing tags are created' },
			{ name: 'Remove Tags', value: 'removeTags', action: 'Remove tags from an audience', description: 'Take tags off a customer' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...addTags.description,
	...removeTags.description,
];
