import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { shoplineRequest } from '../../transport';
import { responseFieldsQuery } from '../common';
import { customerWriteProperties, readCustomerWrite } from './shared';

const properties: INodeProperties[] = customerWriteProperties();

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body = readCustomerWrite(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// A create is not repeated after an unclear failure: SHOPLINE could end up with the customer twice.
	return await shoplineRequest.call(this, 'POST', '/customers', {
		body,
		qs: responseFieldsQuery(options),
		itemIndex: i,
	});
}
