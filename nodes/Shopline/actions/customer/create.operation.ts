import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { concurrencyOption } from '../../../shared/router';
import { customerCreateFields, customerCreateOptional, customerCreateSchema, nameField } from '../../fields';
import { shoplineCustomerFromCommon } from '../../fromCommon';
import { shoplineRequest } from '../../transport';
import { responseFieldOptions, responseFieldsQuery } from '../common';
import { contactProperties, readContact, toShoplineCustomer } from './shared';

const properties: INodeProperties[] = [
	...mappingProperties('customer'),
	...manualOnly([...fieldProperties([nameField]), ...contactProperties]),
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
	const auto = this.getNodeParameter('mapping', i, 'manual') === 'auto';
	const validated = readMappedBody(this, i, {
		kind: 'customer',
		fields: customerCreateFields,
		schema: customerCreateSchema,
		fromCommon: shoplineCustomerFromCommon,
		base: auto ? {} : readContact(this, i),
	});
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// A create is not repeated after an unclear failure: SHOPLINE could end up with the customer twice.
	return await shoplineRequest.call(this, 'POST', '/customers', {
		body: toShoplineCustomer(this, i, validated),
		qs: responseFieldsQuery(options),
		itemIndex: i,
	});
}
