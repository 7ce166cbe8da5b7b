import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as createOrUpdate from './createOrUpdate.operation';
import * as createOrUpdateCodeguard from './createOrUpdateCodeguard.operation';
import * as get from './get.operation';
import * as getGroups from './getGroups.operation';
import * as getMany from './getMany.operation';
import * as getUnits from './getUnits.operation';
import * as getByFilter from './getByFilter.operation';
import * as getProperties from './getProperties.operation';
import * as getSerialStatus from './getSerialStatus.operation';
import * as getTicket from './getTicket.operation';
import * as verifySerial from './verifySerial.operation';
import * as updateStock from './updateStock.operation';

export const operations: ResourceOperations = { createOrUpdate, get, getMany, updateStock, getGroups, getUnits, getTicket, getProperties, getByFilter, verifySerial, getSerialStatus, createOrUpdateCodeguard };

export const description: INodeProperties[] = [
	operationSelector(
		'product',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a product', description: 'Create a product, or update the one with the same code' },
			{ name: 'Get by Code', value: 'get', action: 'Get a product by code', description: 'Get one product by its code' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many products', description: 'List products by status, keyword or group' },
			{ name: 'Update Stock', value: 'updateStock', action: 'Update a product stock', description: 'Set the quantity on hand of a product in one warehouse' },
			{ name: 'Get Groups', value: 'getGroups', action: 'Get product groups', description: 'List the product groups set up in Venio' },
			{ name: 'Get Units', value: 'getUnits', action: 'Get product units', description: 'List the units set up in Venio' },
			{ name: 'Get Ticket', value: 'getTicket', action: 'Get a product ticket', description: 'Get one product ticket by its number' },
			{ name: 'Get Properties', value: 'getProperties', action: 'Get product properties', description: 'List the product properties set up in Venio (size, colour, …)' },
			{ name: 'Get Many by Filter', value: 'getByFilter', action: 'Get many products by filter', description: 'List products or bundles by state, group, use or a search text' },
			{ name: 'Verify Serial Number', value: 'verifySerial', action: 'Verify a serial number', description: 'Register a product serial number to its buyer (warranty)' },
			{ name: 'Get Serial Status', value: 'getSerialStatus', action: 'Get a serial number status', description: 'Whether a serial number is registered, to whom and until when' },
			{ name: 'Create or Update Codeguard', value: 'createOrUpdateCodeguard', action: 'Create or update codeguard products', description: 'Add serial numbers and a warranty period to a product' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...get.description,
	...getMany.description,
	...updateStock.description,
	...getGroups.description,
	...getUnits.description,
	...getTicket.description,
	...getProperties.description,
	...getByFilter.description,
	...verifySerial.description,
	...getSerialStatus.description,
	...createOrUpdateCodeguard.description,
];
