import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { readId } from '../common';
import { customerIdProperty, customerOutput } from './shared';

const properties: INodeProperties[] = [customerIdProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readId(this, i, 'customerId', 'Customer ID');
	const customer = await shoplineRequest.call(this, 'GET', `/customers/${encodeURIComponent(id)}`, { itemIndex: i });
	return customerOutput([customer], this.getNodeParameter('simplify', i, true) as boolean);
}
