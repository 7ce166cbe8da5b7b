import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { pagedList, PAGE_SIZE } from '../../transport';
import { dropEmpty, sortProperty, toUtcIso } from '../common';
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
			{ displayName: 'Updated After', name: 'updated_after', type: 'dateTime', default: '', description: 'Only products changed at or after this time' },
			{ displayName: 'Updated Before', name: 'updated_before', type: 'dateTime', default: '', description: 'Only products changed at or before this time' },
			sortProperty,
		],
	},
	...productOutputProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = dropEmpty({
		updated_after: toUtcIso(this, i, 'Updated After', filters.updated_after),
		updated_before: toUtcIso(this, i, 'Updated Before', filters.updated_before),
		sort_by: filters.sort_by,
	});
	// Documented for products: page / per_page.
	const products = await pagedList.call(this, '/products', qs, readWindow(this, i, PAGE_SIZE), i);
	return productOutput(this, i, products);
}
