import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption } from '../../../shared/router';
import { customerCreateFields, customerCreateOptional, customerCreateSchema, nameField } from '../../fields';
import { shoplineRequest } from '../../transport';
import { responseFieldOptions, responseFieldsQuery } from '../common';
import { contactProperties, readContact, toShoplineCustomer } from './shared';

const properties: INodeProperties[] = [
	...fieldProperties([nameField]),
	...contactProperties,
	...fieldProperties(customerCreateOptional),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [concurrencyOption, extraBodyProperty, ...responseFieldOptions],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const validated = readBody(this, customerCreateFields, customerCreateSchema, i, { base: readContact(this, i) });
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// A create is not repeated after an unclear failure: SHOPLINE could end up with the customer twice.
	return await shoplineRequest.call(this, 'POST', '/customers', {
		body: toShoplineCustomer(this, i, validated),
		qs: responseFieldsQuery(options),
		itemIndex: i,
	});
}
