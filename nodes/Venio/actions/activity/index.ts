import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getByNumber from './getByNumber.operation';
import * as getKeyActivities from './getKeyActivities.operation';
import * as getMany from './getMany.operation';

export const operations: ResourceOperations = { createOrUpdate, get, getByNumber, getMany, getKeyActivities };

export const description: INodeProperties[] = [
	operationSelector(
		'activity',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update an activity', description: 'Create an activity (visit, call, meeting), or update the one with the given number' },
			{ name: 'Get by ID', value: 'get', action: 'Get an activity by ID', description: 'Get one activity by its ID' },
			{ name: 'Get by Number', value: 'getByNumber', action: 'Get an activity by number', description: 'Get one activity by its number' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many activities', description: 'Search activities by keyword, customer, status or date (Activities Enquiry)' },
			{ name: 'Get Key Activities', value: 'getKeyActivities', action: 'Get key activities', description: 'List the kinds of activity (key activities)' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...get.description,
	...getByNumber.description,
	...getMany.description,
	...getKeyActivities.description,
];
