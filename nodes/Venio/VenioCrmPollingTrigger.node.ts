/**
 * Checks Venio on a schedule for customers created or changed since the last check. Venio has no
 * list of sales orders to poll (only "get by number"): for orders use the Venio CRM Trigger.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { TIME_UNREADABLE_FIELD } from '../shared/polling';
import { simplifyProperty } from '../shared/router';
import { CUSTOMER_ENQUIRY_PATH } from './actions/customer/getMany.operation';
import { customersChangedSince, selectNewCustomers, type PollState } from './polling';
import { toCommonCustomer } from './simplify';
import { venioRequest } from './transport';

const MINUTE = 60_000;

export class VenioCrmPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Venio CRM Polling Trigger',
		name: 'venioCrmPollingTrigger',
		icon: { light: 'file:../../icons/venio.svg', dark: 'file:../../icons/venio.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'New or updated customer',
		description: 'Checks Venio CRM on a schedule for new and updated customers',
		defaults: { name: 'Venio CRM Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'venioCrmApi', required: true }],
		properties: [
			{
				// Not labelled "Event": n8n's node panel turns an "Event" list of two or more into
				// actions and then drops " Trigger" from the node's name, so one polling trigger
				// would read "… Polling" beside another's "… Polling Trigger".
				displayName: 'Poll For',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'New or Updated Customer', value: 'customer', description: 'A customer created or changed since the last check' }],
				default: 'customer',
			},
			{
				displayName:
					'Venio’s API cannot list sales orders, so they cannot be polled. To start a workflow on sales orders, use the Venio CRM Trigger (webhook).',
				name: 'ordersNotice',
				type: 'notice',
				default: '',
			},
			simplifyProperty,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1440 },
						default: 10,
						description:
							'How far back each check looks again, so changes Venio saves late are still caught. Customers already emitted are not emitted again. One whose time cannot be read is emitted once, with timeUnreadable set to true.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const overlapMs = Math.max(0, Number(options.overlapMinutes ?? 10)) * MINUTE;
		const staticData = this.getWorkflowStaticData('node');
		const state = (staticData.customers ?? {}) as PollState;
		const shape = (records: IDataObject[]) => (simplify ? records.map(toCommonCustomer) : records);

		if (this.getMode() === 'manual') {
			// "Fetch test event": the most recently changed customer; the trigger's memory is left alone.
			const newest = await venioRequest.call(this, {
				method: 'POST',
				path: CUSTOMER_ENQUIRY_PATH,
				body: { orderBy: 'dateModified desc', skip: 0, pageLength: 1 },
				idempotent: true,
			});
			const sample = Array.isArray(newest) ? (newest as IDataObject[]).slice(0, 1) : [];
			return sample.length ? [this.helpers.returnJsonArray(shape(sample) as IDataObject[])] : null;
		}

		// The first poll starts from now (selectNew remembers recent changes without emitting them).
		const now = Date.now();
		const records = await customersChangedSince(this, CUSTOMER_ENQUIRY_PATH, (state.watermark ? Date.parse(state.watermark) : now) - overlapMs);
		const { fresh, timeUnreadable, next } = selectNewCustomers(records, state, overlapMs, now);
		// Reached only when every page was read: the watermark moves together with the emitted items.
		staticData.customers = next as IDataObject;
		if (!fresh.length) return null;
		const out = shape(fresh).map((c, n) => (timeUnreadable.has(fresh[n]) ? { ...c, [TIME_UNREADABLE_FIELD]: true } : c));
		return [this.helpers.returnJsonArray(out as IDataObject[])];
	}
}
