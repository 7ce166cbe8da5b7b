import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, readListWindow, sortProperty, updatedRangeFilters, updatedRangeQuery } from '../common';
import { productOutput, productOutputProperties } from './shared';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...updatedRangeFilters('products'),
			sortProperty,
		],
	},
	...productOutputProperties,
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getMany'] } }, properties);

/** Each input item is its own list read; the shared limiter keeps 20/s across them. */
export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = dropEmpty({
		...updatedRangeQuery(this, i, filters),
	});
	// Documented for products: page / per_page.
	const products = await pagedList.call(this, '/products', qs, readListWindow(this, i), i);
	return productOutput(this, i, products);
}
