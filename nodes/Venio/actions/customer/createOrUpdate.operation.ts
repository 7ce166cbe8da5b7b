import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { customerFields, customerSchema } from '../../fields';
import { findCustomerCodeByName, venioCustomerFromCommon } from '../../fromCommon';
import { venioRecord } from '../../transport';
import { readOptionalKey, upsertKeyProperty } from '../common';

const properties: INodeProperties[] = [
	...mappingProperties('customer'),
	...manualOnly([upsertKeyProperty('customerCode', 'Customer Code', 'customer'), ...fieldProperties(customerFields)], ['customerState']),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const auto = this.getNodeParameter('mapping', i, 'manual') === 'auto';
	const customerCode = auto ? undefined : readOptionalKey(this, 'customerCode', i);
	const body = readMappedBody(this, i, {
		kind: 'customer',
		fields: customerFields,
		schema: customerSchema,
		fromCommon: venioCustomerFromCommon,
		alwaysShown: ['customerState'],
		base: customerCode ? { customerCode } : {},
	});
	// Mapped from another system: update the customer with the same (unique) name when there is one.
	if (auto && body.customerCode === undefined) {
		const existing = await findCustomerCodeByName.call(this, body.customerName as string, i);
		if (existing) body.customerCode = existing;
	}
	// With a code this is an update of that customer and safe to repeat; without one it creates a
	// customer, which must not be sent twice after an unknown outcome.
	return await venioRecord.call(this, { method: 'POST', path: '/v3/customers', body, idempotent: body.customerCode !== undefined, itemIndex: i });
}
