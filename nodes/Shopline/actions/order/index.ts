import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as bulkExecuteShipment from './bulkExecuteShipment.operation';
import * as cancel from './cancel.operation';
import * as create from './create.operation';
import * as executeShipment from './executeShipment.operation';
import * as get from './get.operation';
import * as getActionLogs from './getActionLogs.operation';
import * as getMany from './getMany.operation';
import * as getTransactions from './getTransactions.operation';
import * as search from './search.operation';
import * as updateDeliveryStatus from './updateDeliveryStatus.operation';
import * as updatePaymentStatus from './updatePaymentStatus.operation';
import * as updateStatus from './updateStatus.operation';
import * as updateTags from './updateTags.operation';

export const operations: ResourceOperations = {
	bulkExecuteShipment,
	cancel,
	create,
	executeShipment,
	get,
	getActionLogs,
	getMany,
	getTransactions,
	search,
	updateDeliveryStatus,
	updatePaymentStatus,
	updateStatus,
	updateTags,
};

export const description: INodeProperties[] = [
	operationSelector(
		'order',
		[
			{ name: 'Cancel', value: 'cancel', action: 'Cancel an order', description: 'Cancel an order and give back the points and credit it used' },
			{ name: 'Create', value: 'create', action: 'Create an order', description: 'Create an order (no third-party delivery or payment)' },
			{ name: 'Get', value: 'get', action: 'Get an order', description: 'Get an order by ID' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many orders', description: 'List orders by time range, status or IDs' },
			{ name: 'Search', value: 'search', action: 'Search orders', description: 'Find orders by number, customer, phone or product' },
			{ name: 'Update Status', value: 'updateStatus', action: 'Update an order status', description: 'Set an order to pending, confirmed, completed or cancelled' },
			{ name: 'Execute Shipment', value: 'executeShipment', action: 'Execute the shipment of an order', description: 'Hand an order to its integrated logistics provider (7-11, FamilyMart, T-cat, HCT, SF Express)' },
			{ name: 'Execute Shipments (Bulk)', value: 'bulkExecuteShipment', action: 'Execute the shipments of many orders', description: 'Hand up to 24 orders to their logistics provider (7-11 Cross Border, FamilyMart Freeze, T-cat)' },
			{ name: 'Get Action Logs', value: 'getActionLogs', action: 'Get action logs of an order', description: 'What happened to an order and who did it' },
			{ name: 'Get Transactions', value: 'getTransactions', action: 'Get transactions of an order', description: 'The payment transactions of an order' },
			{ name: 'Update Delivery Status', value: 'updateDeliveryStatus', action: 'Update the delivery status of an order', description: 'Set an order’s delivery to shipping, shipped, arrived…' },
			{ name: 'Update Payment Status', value: 'updatePaymentStatus', action: 'Update the payment status of an order', description: 'Set an order’s payment to completed, refunded…' },
			{ name: 'Update Tags', value: 'updateTags', action: 'Update tags of an order', description: 'Replace the tags of an order' },
		],
		'get',
	),
	...cancel.description,
	...create.description,
	...get.description,
	...getMany.description,
	...search.description,
	...updateStatus.description,
	...getActionLogs.description,
	...getTransactions.description,
	...updateDeliveryStatus.description,
	...updatePaymentStatus.description,
	...updateTags.description,
	...executeShipment.description,
	...bulkExecuteShipment.description,
];
