import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit, simplifyProperty } from '../../../shared/router';
import { allRecords, keysetList } from '../../transport';
import { dropEmpty, listOptions, readListWindow, sortProperty, updatedRangeFilters, updatedRangeQuery } from '../common';
import { customerOutput } from './shared';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...updatedRangeFilters('customers'),
			sortProperty,
		],
	},
	simplifyProperty,
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMany'] } }, properties);

/** Each input item is its own list read; the shared limiter keeps 20/s across them. */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs: IDataObject = {
		...updatedRangeQuery(this, i, filters),
	};
	const window = readListWindow(this, i);
	// Return All reads pages in parallel at SHOPLINE's rate; a Limit reads only the pages it needs.
	const customers = window.returnAll ? await allRecords.call(this, '/customers', dropEmpty(qs), i, window.pageSize) : await keysetList.call(this, '/customers', dropEmpty(qs), window, i);
	return customerOutput(customers, this.getNodeParameter('simplify', i, true) as boolean);
}
