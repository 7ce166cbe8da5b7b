import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyProperty } from '../../../shared/router';
import { GENDER_OPTIONS } from '../../fields';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, readListWindow } from '../common';
import { customerOutput } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. 王小明, somchai@, 0912345678',
		description: 'Text found in the name, email or phones of the customer; leave empty to search by the filters only',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Exact email' },
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				options: GENDER_OPTIONS,
				default: 'female',
			},
			{ displayName: 'Is Member', name: 'is_member', type: 'boolean', default: true, description: 'Whether to find only members (or only non-members)' },
			{
				displayName: 'Membership Tier Name or ID',
				name: 'membership_tier_id',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getMembershipTiers' },
				default: '',
				description: 'Customers in this tier. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'Mobile Phone', name: 'mobile_phone', type: 'string', default: '', description: 'The verified mobile phone, with or without the country code' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Exact name' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: 'One of the customer’s other phones' },
			{
				displayName: 'Search Text In',
				name: 'search_fields',
				type: 'multiOptions',
				options: [
					{ name: 'Email', value: 'email' },
					{ name: 'Mobile Phone', value: 'mobile_phone' },
					{ name: 'Name', value: 'name' },
					{ name: 'Other Phones', value: 'phones' },
				],
				default: [],
				description: 'Which fields Search Text looks in; all of them when none is chosen',
			},
			{ displayName: 'Tag', name: 'tags', type: 'string', default: '', description: 'Customers with this tag' },
		],
	},
	simplifyProperty,
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['search'] } }, properties);

/** Each input item is its own list read; the shared limiter keeps 20/s across them. */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = dropEmpty({ query: String(this.getNodeParameter('query', i, '')).trim(), ...filters });
	const customers = await pagedList.call(this, '/customers/search', qs, readListWindow(this, i), i);
	return customerOutput(customers, this.getNodeParameter('simplify', i, true) as boolean);
}
