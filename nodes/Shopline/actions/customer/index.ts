import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as addMemberPoints from './addMemberPoints.operation';
import * as addStoreCredits from './addStoreCredits.operation';
import * as bulkUpdateMemberPoints from './bulkUpdateMemberPoints.operation';
import * as bulkUpdateStoreCredits from './bulkUpdateStoreCredits.operation';
import * as create from './create.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getMemberPoints from './getMemberPoints.operation';
import * as getMembershipInfo from './getMembershipInfo.operation';
import * as getPromotions from './getPromotions.operation';
import * as getStoreCredits from './getStoreCredits.operation';
import * as getTierHistory from './getTierHistory.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as updateTags from './updateTags.operation';

export const operations: ResourceOperations = {
	create,
	createOrUpdate,
	delete: del,
	get,
	getMany,
	search,
	update,
	// Loyalty: member points, store credits, membership tier, tags, promotions.
	addMemberPoints,
	addStoreCredits,
	bulkUpdateMemberPoints,
	bulkUpdateStoreCredits,
	getMemberPoints,
	getMembershipInfo,
	getPromotions,
	getStoreCredits,
	getTierHistory,
	updateTags,
};

export const description: INodeProperties[] = [
	operationSelector(
		'customer',
		[
			{ name: 'Create', value: 'create', action: 'Create a customer', description: 'Create a customer (name plus email or mobile phone)' },
			{
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a customer',
				description: 'Update the customer with the same email or mobile phone, or create one',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a customer', description: 'Delete a customer' },
			{ name: 'Get', value: 'get', action: 'Get a customer', description: 'Get a customer by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many customers', description: 'List customers, optionally changed within a time range' },
			{ name: 'Search', value: 'search', action: 'Search customers', description: 'Find customers by text, email, phone, tag and more' },
			{ name: 'Update', value: 'update', action: 'Update a customer', description: 'Change fields of a customer' },
			{ name: 'Add Member Points', value: 'addMemberPoints', action: 'Add member points to a customer', description: 'Add (or deduct) member points of one customer' },
			{ name: 'Add Store Credits', value: 'addStoreCredits', action: 'Add store credits to a customer', description: 'Add, deduct or set the store credit of one customer' },
			{
				name: 'Bulk Update Member Points',
				value: 'bulkUpdateMemberPoints',
				action: 'Bulk update member points',
				description: 'Give many customers the same member points change in one request',
			},
			{
				name: 'Bulk Update Store Credits',
				value: 'bulkUpdateStoreCredits',
				action: 'Bulk update store credits',
				description: 'Give many customers the same store credit change in one request',
			},
			{ name: 'Get Member Points', value: 'getMemberPoints', action: 'Get member points of a customer', description: 'List the member points history (with the balance) of a customer' },
			{ name: 'Get Membership Info', value: 'getMembershipInfo', action: 'Get membership info of a customer', description: 'The customer’s tier, its expiry and what the next tier needs' },
			{ name: 'Get Promotions', value: 'getPromotions', action: 'Get promotions of a customer', description: 'List the promotions and coupons a customer can use' },
			{ name: 'Get Store Credits', value: 'getStoreCredits', action: 'Get store credits of a customer', description: 'List the store credit history (with the balance) of a customer' },
			{ name: 'Get Tier History', value: 'getTierHistory', action: 'Get tier history of a customer', description: 'List the membership tier changes of a customer' },
			{ name: 'Update Tags', value: 'updateTags', action: 'Update tags of a customer', description: 'Add, remove or replace the tags of a customer' },
		],
		'createOrUpdate',
	),
	...create.description,
	...createOrUpdate.description,
	...del.description,
	...get.description,
	...getMany.description,
	...search.description,
	...update.description,
	...addMemberPoints.description,
	...addStoreCredits.description,
	...bulkUpdateMemberPoints.description,
	...bulkUpdateStoreCredits.description,
	...getMemberPoints.description,
	...getMembershipInfo.description,
	...getPromotions.description,
	...getStoreCredits.description,
	...getTierHistory.description,
	...updateTags.description,
];
