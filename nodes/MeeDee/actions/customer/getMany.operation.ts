import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Field } from '../../../shared/fields';
import { returnAllAndLimit, simplifyProperty } from '../../../shared/router';
import { toCommonCustomer } from '../../simplify';
import { filterProperties, listOptions, listWithFilters, objectSchema, searchText, uuid } from '../common';

const filters: Field[] = [
	{ key: 'is_active', label: 'Is Active', type: 'boolean', default: true, description: 'Whether to return only active customers (on) or only inactive ones (off)' },
	{ key: 'membership_tier_id', label: 'Membership Tier ID', type: 'string', schema: uuid, description: 'Only customers of this membership tier (a MeeDee ID)' },
	{ key: 'q', label: 'Search', type: 'string', schema: searchText, description: 'Part of the full name or customer code, 1 to 255 characters (ค้นหาจากชื่อหรือรหัสลูกค้า). An empty Search is refused: remove it to list every customer.' },
];
const filterSchema = objectSchema(filters);

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		...simplifyProperty,
		hint: 'Phone, email, birthday, address and tax ID come only when the API Application has the read:customers:pii scope. Without it MeeDee leaves these fields out entirely (raw output); Simplify shows them as null and marks them withheld (extra.piiWithheld is true, extra.piiWithheldFields names them), while a field the customer left empty is null without the mark.',
	},
	...filterProperties(filters),
	listOptions(),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const customers = await listWithFilters(this, '/customers', filters, filterSchema, i);
	return this.getNodeParameter('simplify', i, true) ? customers.map(toCommonCustomer) : customers;
}
