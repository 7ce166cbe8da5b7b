import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption } from '../../../shared/router';
import { customerUpdateFields, customerUpdateSchema } from '../../fields';
import { shoplineRequest } from '../../transport';
import { readId, responseFieldOptions, responseFieldsQuery } from '../common';
import { customerIdProperty, toShoplineCustomer } from './shared';

const properties: INodeProperties[] = [
	customerIdProperty,
	...fieldProperties(customerUpdateFields, { name: 'updateFields', label: 'Update Fields' }),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [concurrencyOption, extraBodyProperty, ...responseFieldOptions],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['update'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readId(this, i, 'customerId', 'Customer ID');
	const validated = readBody(this, customerUpdateFields, customerUpdateSchema, i, { collection: 'updateFields' });
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// PUT sets the same values again when repeated, so a retry is safe.
	return await shoplineRequest.call(this, 'PUT', `/customers/${id}`, {
		body: toShoplineCustomer(this, i, validated),
		qs: responseFieldsQuery(options),
		itemIndex: i,
	});
}
