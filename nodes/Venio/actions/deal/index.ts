import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getBoards from './getBoards.operation';
import * as getInterests from './getInterests.operation';
import * as getLabels from './getLabels.operation';
import * as getMany from './getMany.operation';
import * as getMissedReasons from './getMissedReasons.operation';
import * as getStages from './getStages.operation';
import * as update from './update.operation';

export const operations: ResourceOperations = { create, update, get, getMany, getBoards, getStages, getInterests, getLabels, getMissedReasons };

export const description: INodeProperties[] = [
	operationSelector(
		'deal',
		[
			{ name: 'Create', value: 'create', action: 'Create a deal', description: 'Create a deal for one or more customers on a board' },
			{ name: 'Update', value: 'update', action: 'Update a deal', description: 'Change a deal: its stage, value, owner, follow-up, or mark it won or missed' },
			{ name: 'Get', value: 'get', action: 'Get a deal', description: 'Get one deal by its ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many deals', description: 'Search deals by keyword or stage (Deal Enquiry)' },
			{ name: 'Get Boards', value: 'getBoards', action: 'Get deal boards', description: 'List the deal boards (pipelines)' },
			{ name: 'Get Stages', value: 'getStages', action: 'Get deal stages', description: 'List the stages of one board or of all boards' },
			{ name: 'Get Interests', value: 'getInterests', action: 'Get deal interests', description: 'List the interests a deal can have' },
			{ name: 'Get Labels', value: 'getLabels', action: 'Get deal labels', description: 'List the labels a deal can have' },
			{ name: 'Get Missed Reasons', value: 'getMissedReasons', action: 'Get deal missed reason categories', description: 'List the reasons a deal can be missed for' },
		],
		'create',
	),
	...create.description,
	...update.description,
	...get.description,
	...getMany.description,
	...getBoards.description,
	...getStages.description,
	...getInterests.description,
	...getLabels.description,
	...getMissedReasons.description,
];
