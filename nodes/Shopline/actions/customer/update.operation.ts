import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { concurrencyOption } from '../../../shared/router';
import { CREATE_ONLY_KEYS, customerUpdateFields, customerUpdateSchema } from '../../fields';
import { shoplineCustomerFromCommon } from '../../fromCommon';
import { shoplineRequest } from '../../transport';
import { responseFieldOptions, responseFieldsQuery } from '../common';
import { customerIdProperty, toShoplineCustomer } from './shared';
import { locatorRecord, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	customerIdProperty,
	...mappingProperties('customer'),
	...manualOnly(fieldProperties(customerUpdateFields, { name: 'updateFields', label: 'Update Fields' })),
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

interface Prepared {
	id: string;
	body: IDataObject;
	qs: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const id = readLocator(this, LOCATORS.customer, i);
	const validated = readMappedBody(this, i, {
		kind: 'customer',
		fields: customerUpdateFields,
		schema: customerUpdateSchema,
		collection: 'updateFields',
		// An update keeps what SHOPLINE only takes at creation out of the body.
		fromCommon: (record) => Object.fromEntries(Object.entries(shoplineCustomerFromCommon(record)).filter(([key]) => !CREATE_ONLY_KEYS.includes(key))),
	});
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	return { id, body: toShoplineCustomer(this, i, validated), qs: responseFieldsQuery(options) };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.customer, i, 'customer');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body, qs } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// PUT sets the same values again when repeated, so a retry is safe.
	return await shoplineRequest.call(this, 'PUT', `/customers/${encodeURIComponent(id)}`, { body, qs, itemIndex: i });
}
