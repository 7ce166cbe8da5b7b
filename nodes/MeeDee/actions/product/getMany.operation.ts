import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Field } from '../../../shared/fields';
import { productSimplifyProperty, returnAllAndLimit } from '../../../shared/router';
import { toCommonProduct } from '../../simplify';
import { filterProperties, listOptions, listWithFilters, objectSchema, searchText } from '../common';

// [INF] MeeDee's product page (09) was not retrievable: the filters follow the sandbox's guess.
const filters: Field[] = [
	{ key: 'is_active', label: 'Is Active', type: 'boolean', default: true, description: 'Whether to return only products on sale (on) or only retired ones (off)' },
	{ key: 'q', label: 'Search', type: 'string', schema: searchText, description: 'Part of the name, product code or SKU code, 1 to 255 characters. An empty Search is refused: remove it to list every product.' },
];
const filterSchema = objectSchema(filters);

const properties: INodeProperties[] = [...returnAllAndLimit(), productSimplifyProperty, ...filterProperties(filters), listOptions()];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const products = await listWithFilters(this, '/products', filters, filterSchema, i);
	return this.getNodeParameter('simplify', i, false) ? products.map(toCommonProduct) : products;
}
