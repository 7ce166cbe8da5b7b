import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { paginate, type Page } from '../../../shared/pagination';
import { concurrencyOption, optionsCollection, pageSizeOf, pageSizeOption, readWindow, returnAllAndLimit } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { dropEmpty } from '../common';
import { productOutput, productOutputProperties } from './shared';

/** [PUB SDK] Search Products suggests at most 50 a page. */
const SEARCH_PAGE = 50;

const properties: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'Thai tea',
		description: 'Text in the product name, SKU or barcode; empty lists every product the filters keep',
	},
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Category Name or ID',
				name: 'category_id',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getCategories' },
				default: '',
				description: 'Only products in this category. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: 'Only products with exactly this SKU; several separated by commas' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Hidden', value: 'hidden' },
					{ name: 'Published', value: 'active' },
					{ name: 'Removed (Deleted)', value: 'removed' },
					{ name: 'Unpublished (Draft)', value: 'draft' },
				],
				default: 'active',
			},
		],
	},
	...productOutputProperties,
	optionsCollection([concurrencyOption, pageSizeOption('SHOPLINE', SEARCH_PAGE, SEARCH_PAGE)]),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['search'] } }, properties);

export const concurrent = true;

/** SHOPLINE's POST /products/search answers `{items}` without paging totals: a short page is the last. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const query = String(this.getNodeParameter('query', i, '') ?? '').trim();
	const criteria = dropEmpty({ query, category_id: filters.category_id, sku: typeof filters.sku === 'string' ? filters.sku.trim() : undefined, status: filters.status });
	const window = readWindow(this, i, SEARCH_PAGE);
	const pageSize = pageSizeOf(this.getNodeParameter('options.pageSize', i, SEARCH_PAGE), SEARCH_PAGE, SEARCH_PAGE);
	// Page numbers need one page size throughout.
	const perPage = window.returnAll ? pageSize : Math.min(pageSize, window.limit);
	const products = await paginate<IDataObject>(
		this,
		'SHOPLINE',
		{ ...window, maxPageSize: perPage },
		async (start): Promise<Page<IDataObject>> => {
			const page = typeof start === 'number' ? start : 1;
			// A search reads nothing, so a retry is safe.
			const response = await shoplineRequest.call(this, 'POST', '/products/search', { body: { ...criteria, page, per_page: perPage }, idempotent: true, itemIndex: i });
			const items = Array.isArray(response.items) ? (response.items as IDataObject[]) : [];
			return { items, next: items.length < perPage ? undefined : page + 1 };
		},
		i,
	);
	return productOutput(this, i, products);
}
