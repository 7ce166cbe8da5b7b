import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { productSimplifyProperty, readWindow, returnAllAndLimit } from '../../../shared/router';
import { PRODUCT_STATUSES } from '../../fields';
import { toCommonProduct } from '../../simplify';
import { MAX_PAGE_LENGTH, venioList, venioRequest } from '../../transport';
import { numericIds } from '../common';

const filterFields: Field[] = [
	{ key: 'status', label: 'Status', type: 'options', options: PRODUCT_STATUSES, default: 1 },
	{ key: 'keyword', label: 'Keyword', type: 'string', description: 'Matches the product code or name' },
	{ key: 'groupId', label: 'Product Group', type: 'options', loadOptions: 'getProductGroups', description: 'Only products of this group.' },
];
const filterSchema = objectSchema(filterFields);

const properties: INodeProperties[] = [...returnAllAndLimit(), productSimplifyProperty, ...fieldProperties(filterFields, { name: 'filters', label: 'Filters' })];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = numericIds(readBody(this, filterFields, filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject, ['groupId']);
	// "Get Products With Take & Status": GET /v3/products?take=&status=; [INF] skip, keyword, groupId.
	const products = await venioList.call(
		this,
		readWindow(this, i, MAX_PAGE_LENGTH),
		async (skip, take) => await venioRequest.call(this, { method: 'GET', path: '/v3/products', qs: { ...filters, take, skip }, itemIndex: i }),
		i,
	);
	return this.getNodeParameter('simplify', i, false) ? products.map(toCommonProduct) : products;
}
