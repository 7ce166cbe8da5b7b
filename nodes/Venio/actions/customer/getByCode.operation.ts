import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { toCommonCustomer } from '../../simplify';
import { segment, venioRecord } from '../../transport';
import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.customer),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getByCode'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const code = readLocator(this, LOCATORS.customer, i);
	// [PUB code] GET /v3/customers/{customerCode}
	const customer = await venioRecord.call(this, { method: 'GET', path: `/v3/customers/${segment(code)}`, itemIndex: i });
	return this.getNodeParameter('simplify', i, true) ? toCommonCustomer(customer) : customer;
}
