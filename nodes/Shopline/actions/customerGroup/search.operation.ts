import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, readListWindow, sortProperty } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. VIP',
		description: 'Text found in the group’s name; leave empty to list every group',
	},
	...returnAllAndLimit(),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [...(listOptions.options ?? []), sortProperty] },
];

export const description = updateDisplayOptions({ show: { resource: ['customerGroup'], operation: ['search'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	const qs = dropEmpty({ query: String(this.getNodeParameter('query', i, '')).trim(), sort_by: options.sort_by });
	return await pagedList.call(this, '/customer_groups/search', qs, readListWindow(this, i), i);
}
