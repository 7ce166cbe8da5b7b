import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { customerIdProperty, customerOutput } from './shared';
import { readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [customerIdProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readLocator(this, LOCATORS.customer, i);
	const customer = await shoplineRequest.call(this, 'GET', `/customers/${encodeURIComponent(id)}`, { itemIndex: i });
	return customerOutput([customer], this.getNodeParameter('simplify', i, true) as boolean);
}
