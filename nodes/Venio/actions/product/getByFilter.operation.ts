import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { productSimplifyProperty, readWindow, returnAllAndLimit } from '../../../shared/router';
import { PRODUCT_PATHS } from '../../endpoints';
import { toCommonProduct } from '../../simplify';
import { MAX_PAGE_LENGTH, venioList, venioRequest } from '../../transport';

// [PUB api-3607153] productType and status required; take + skip page; the rest optional.
const requiredFields: Field[] = [
	{
		key: 'productType',
		label: 'Product Type',
		type: 'options',
		required: true,
		options: [
			{ name: 'Product', value: 1301 },
			{ name: 'Bundle', value: 1302 },
		],
		default: 1301,
	},
	{
		key: 'status',
		label: 'Status',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Active', value: 1 },
			{ name: 'Inactive', value: 0 },
		],
		default: [1],
		description: 'Products in any of these states',
	},
];
const filterFields: Field[] = [
	{ key: 'smartSearch', label: 'Search', type: 'string', description: 'Matches the product code, name or barcode' },
	{ key: 'productGroupIds', label: 'Product Groups', type: 'multiOptions', loadOptions: 'getProductGroups', description: 'Only products of these groups' },
	{
		key: 'typeFor',
		label: 'Used For',
		type: 'options',
		options: [
			{ name: 'Sale', value: 1 },
			{ name: 'Inventory', value: 2 },
		],
		default: 1,
	},
	{
		key: 'orderBy',
		label: 'Sort By',
		type: 'options',
		// [INF] orderBy values: the documented product fields with asc/desc, as the deal enquiry takes them.
		options: [
			{ name: 'Code (Ascending)', value: 'productCode asc' },
			{ name: 'Code (Descending)', value: 'productCode desc' },
			{ name: 'Name (Ascending)', value: 'productName asc' },
			{ name: 'Name (Descending)', value: 'productName desc' },
			{ name: 'Price (Ascending)', value: 'price asc' },
			{ name: 'Price (Descending)', value: 'price desc' },
		],
		default: 'productCode asc',
	},
];
const requiredSchema = objectSchema(requiredFields).refine((b) => Array.isArray(b.status) && b.status.length > 0, { path: ['status'], message: 'needs at least one state' });
const filterSchema = objectSchema(filterFields);

const properties: INodeProperties[] = [
	...fieldProperties(requiredFields),
	...returnAllAndLimit(),
	productSimplifyProperty,
	...fieldProperties(filterFields, { name: 'filters', label: 'Filters' }),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getByFilter'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const base = readBody(this, requiredFields, requiredSchema, i, { extraPath: false }) as IDataObject;
	const filters = readBody(this, filterFields, filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	if (Array.isArray(filters.productGroupIds)) filters.productGroupIds = filters.productGroupIds.map(Number);
	const body = { productType: Number(base.productType), status: (base.status as unknown[]).map(Number), ...filters };
	// A read sent as POST: safe to repeat.
	const products = await venioList.call(
		this,
		readWindow(this, i, MAX_PAGE_LENGTH),
		async (skip, take) => await venioRequest.call(this, { method: 'POST', path: PRODUCT_PATHS.byFilter, body: { ...body, skip, take }, idempotent: true, itemIndex: i }),
		i,
	);
	return this.getNodeParameter('simplify', i, false) ? products.map(toCommonProduct) : products;
}
