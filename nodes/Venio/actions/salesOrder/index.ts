import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as approve from './approve.operation';
import * as createOrUpdate from './createOrUpdate.operation';
import * as getAttachment from './getAttachment.operation';
import * as getById from './getById.operation';
import * as getByNumber from './getByNumber.operation';
import * as reject from './reject.operation';
import * as updatePayment from './updatePayment.operation';
import * as updateTracking from './updateTracking.operation';

export const operations: ResourceOperations = { createOrUpdate, getByNumber, getById, approve, reject, updatePayment, updateTracking, getAttachment };

export const description: INodeProperties[] = [
	operationSelector(
		'salesOrder',
		[
			{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a sales order', description: 'Create a sales order with its lines, or update the one with the given number' },
			{ name: 'Get by Number', value: 'getByNumber', action: 'Get a sales order by number', description: 'Get one sales order by its number, e.g. SO2601-0001' },
			{ name: 'Get by ID', value: 'getById', action: 'Get a sales order by ID', description: 'Get one sales order by its numeric ID (legacy API, more detail)' },
			{ name: 'Approve', value: 'approve', action: 'Approve a sales order', description: 'Approve an order waiting for approval' },
			{ name: 'Reject', value: 'reject', action: 'Reject a sales order', description: 'Reject an order waiting for approval, with a reason' },
			{ name: 'Update Payment', value: 'updatePayment', action: 'Update a sales order payment', description: 'Mark installments of an order paid or unpaid' },
			{ name: 'Update Tracking Number', value: 'updateTracking', action: 'Update a sales order tracking number', description: 'Set the parcel tracking number of an order' },
			{ name: 'Get Attachment', value: 'getAttachment', action: 'Get a sales order attachment', description: 'Download the order document as a file' },
		],
		'createOrUpdate',
	),
	...createOrUpdate.description,
	...getByNumber.description,
	...getById.description,
	...approve.description,
	...reject.description,
	...updatePayment.description,
	...updateTracking.description,
	...getAttachment.description,
];
