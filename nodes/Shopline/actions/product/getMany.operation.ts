import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { pagedList, PAGE_SIZE } from '../../transport';
import { dropEmpty, sortProperty, updatedRangeFilters, updatedRangeQuery } from '../common';
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
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = dropEmpty({
		...updatedRangeQuery(this, i, filters),
	});
	// Documented for products: page / per_page.
	const products = await pagedList.call(this, '/products', qs, readWindow(this, i, PAGE_SIZE), i);
	return productOutput(this, i, products);
}
