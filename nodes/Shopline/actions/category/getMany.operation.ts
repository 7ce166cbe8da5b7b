import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, readListWindow, updatedRangeFilters, updatedRangeQuery } from '../common';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created In',
				name: 'created_by_filter',
				type: 'options',
				options: [
					{ name: 'Admin (Online Store)', value: 'admin' },
					{ name: 'POS', value: 'pos' },
				],
				default: 'admin',
				description: 'SHOPLINE lists the categories made in the admin unless POS is chosen',
			},
			...updatedRangeFilters('categories'),
		],
	},
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['category'], operation: ['getMany'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	// Get Categories documents no sort: only the time range is sent.
	const { updated_after, updated_before } = updatedRangeQuery(this, i, filters);
	const qs = dropEmpty({ updated_after, updated_before, created_by_filter: filters.created_by_filter });
	return await pagedList.call(this, '/categories', qs, readListWindow(this, i), i);
}
