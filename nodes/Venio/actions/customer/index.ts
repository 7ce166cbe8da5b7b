import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as addEvent from './addEvent.operation';
import * as attachFiles from './attachFiles.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as createSatisfaction from './createSatisfaction.operation';
import * as deleteEvent from './deleteEvent.operation';
import * as getByCode from './getByCode.operation';
import * as getByName from './getByName.operation';
import * as getEvents from './getEvents.operation';
import * as getEventTypes from './getEventTypes.operation';
import * as getFileCategories from './getFileCategories.operation';
import * as getMany from './getMany.operation';
import * as updateEvent from './updateEvent.operation';

export const operations: ResourceOperations = {
	createOrUpdate,
	getByCode,
	getByName,
	getMany,
	addEvent,
	getEvents,
	updateEvent,
	deleteEvent,
	getEventTypes,
	createSatisfaction,
	getFileCategories,
	attachFiles,
};

export const description: INodeProperties[] = [
	operationSelector(
		'customer',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a customer', description: 'Create a customer, or update the one with the given code' },
			{ name: 'Get by Code', value: 'getByCode', action: 'Get a customer by code', description: 'Get one customer by its customer code' },
			{ name: 'Get by Name', value: 'getByName', action: 'Get a customer by name', description: 'Get one customer by its exact name' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many customers', description: 'Search customers by keyword, state, status, owner or group' },
			{ name: 'Add Event', value: 'addEvent', action: 'Add a customer event', description: 'Add a dated event (birthday, meeting…) to a customer' },
			{ name: 'Get Events', value: 'getEvents', action: 'Get customer events', description: 'List a customer’s events, by type and date' },
			{ name: 'Update Event', value: 'updateEvent', action: 'Update a customer event', description: 'Change a customer event' },
			{ name: 'Delete Event', value: 'deleteEvent', action: 'Delete a customer event', description: 'Delete a customer event' },
			{ name: 'Get Event Types', value: 'getEventTypes', action: 'Get customer event types', description: 'List the event types set up in Venio' },
			{ name: 'Create Satisfaction', value: 'createSatisfaction', action: 'Create a customer satisfaction score', description: 'Record a satisfaction score (1–5) for a customer' },
			{ name: 'Get File Categories', value: 'getFileCategories', action: 'Get customer file categories', description: 'List the categories a customer’s files are filed under' },
			{ name: 'Attach Files', value: 'attachFiles', action: 'Attach files to a customer', description: 'File uploaded attachments on a customer under a file category' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...getByCode.description,
	...getByName.description,
	...getMany.description,
	...addEvent.description,
	...getEvents.description,
	...updateEvent.description,
	...deleteEvent.description,
	...getEventTypes.description,
	...createSatisfaction.description,
	...getFileCategories.description,
	...attachFiles.description,
];
