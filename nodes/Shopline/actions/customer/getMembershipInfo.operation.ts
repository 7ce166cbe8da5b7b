import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { optionsCollection, concurrencyOption } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { customerIdProperty, readCustomerId } from './loyalty';

const properties: INodeProperties[] = [customerIdProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMembershipInfo'] } }, properties);

export const concurrent = true;

/** The customer's tier, when it expires, and what is missing to reach the next tier. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readCustomerId(this, i);
	const answer = await shoplineRequest.call(this, 'GET', '/customers/membership_info', { qs: { customer_ids: [id] }, itemIndex: i });
	const info = (Array.isArray(answer.items) ? (answer.items as IDataObject[]) : [])[0];
	if (!info) {
		throw new NodeOperationError(this.getNode(), `Item ${i + 1}: SHOPLINE has no membership info for customer ${id}`, {
			itemIndex: i,
			description: 'Check the customer ID: SHOPLINE leaves customers it does not know out of its answer.',
		});
	}
	return { customer_id: id, ...info };
}
