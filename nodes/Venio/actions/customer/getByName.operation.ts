import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { toCommonCustomer } from '../../simplify';
import { segment, venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';

const properties: INodeProperties[] = [
	keyProperty('customerName', 'Customer Name', 'The customer’s exact name in Venio (names are unique there)'),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getByName'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const name = readKey(this, 'customerName', 'Customer Name', i);
	// [INF] path: the menu names "Get a Customer By CustomerName" without its URL.
	const customer = await venioRecord.call(this, { method: 'GET', path: `/v3/customers/name/${segment(name)}`, itemIndex: i });
	return this.getNodeParameter('simplify', i, true) ? toCommonCustomer(customer) : customer;
}
