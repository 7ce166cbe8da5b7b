import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit, simplifyProperty } from '../../../shared/router';
import { toCommonCustomer } from '../../simplify';
import { meedeeList } from '../../transport';
import { filterProperties, listOptions, objectSchema, readFilters, readOptions, searchText, shapeAmounts, uuid } from '../common';

const filters: Field[] = [
	{ key: 'is_active', label: 'Is Active', type: 'boolean', default: true, description: 'Whether to return only active customers (on) or only inactive ones (off)' },
	{ key: 'membership_tier_id', label: 'Membership Tier ID', type: 'string', schema: uuid, description: 'Only customers of this membership tier (a MeeDee ID)' },
	{ key: 'q', label: 'Search', type: 'string', schema: searchText, description: 'Part of the full name or customer code, 1 to 255 characters (ค้นหาจากชื่อหรือรหัสลูกค้า)' },
];
const filterSchema = objectSchema(filters);

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		...simplifyProperty,
		hint: 'Phone, email, birthday, address and tax ID come only when the API Application has the read:customers:pii scope. Without it MeeDee leaves these fields out entirely (raw output) and Simplify shows them as empty (null).',
	},
	...filterProperties(filters),
	listOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const qs = readFilters(this, filters, filterSchema, i);
	const options = readOptions(this, i);
	const window = { ...readWindow(this, i, 200), pageSize: options.pageSize as number | undefined };
	const customers = shapeAmounts(await meedeeList.call(this, '/customers', qs, window, i), options);
	return this.getNodeParameter('simplify', i, true) ? customers.map(toCommonCustomer) : customers;
}
