import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readId } from '../common';

export const customerGroupIdProperty: INodeProperties = {
	displayName: 'Customer Group Name or ID',
	name: 'customerGroupId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCustomerGroups' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const readGroupId = (ctx: IExecuteFunctions, i: number) => readId(ctx, i, 'customerGroupId', 'Customer Group');

export const groupPath = (id: string) => `/customer_groups/${encodeURIComponent(id)}`;

/** [PUB SDK] Get Customer Group answers `{items: [group], pagination}`; a bare group is read too. */
export function oneGroup(answer: IDataObject): IDataObject | undefined {
	if (Array.isArray(answer.items)) return (answer.items as IDataObject[])[0];
	return answer.id ? answer : undefined;
}
