import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { customerFields, customerSchema } from '../../fields';
import { venioRecord } from '../../transport';
import { readOptionalKey, upsertKeyProperty } from '../common';

const properties: INodeProperties[] = [
	upsertKeyProperty('customerCode', 'Customer Code', 'customer'),
	...fieldProperties(customerFields),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const customerCode = readOptionalKey(this, 'customerCode', i);
	const body = readBody(this, customerFields, customerSchema, i, { base: customerCode ? { customerCode } : {} });
	// With a code this is an update of that customer and safe to repeat; without one it creates a
	// customer, which must not be sent twice after an unknown outcome.
	return await venioRecord.call(this, { method: 'POST', path: '/v3/customers', body, idempotent: body.customerCode !== undefined, itemIndex: i });
}
