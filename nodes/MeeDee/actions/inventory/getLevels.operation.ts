import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Field } from '../../../shared/fields';
import { returnAllAndLimit } from '../../../shared/router';
import { branchIdsField, filterProperties, listOptions, listWithFilters, objectSchema, uuid } from '../common';

// [INF] MeeDee's inventory page (10-11) was not retrievable: the filters follow the sandbox's guess.
export const skuField: Field = {
	key: 'product_sku_id',
	label: 'Product SKU',
	type: 'options',
	loadOptions: 'getProductSkus',
	schema: uuid,
	description: 'Only this SKU.',
};

const filters: Field[] = [
	branchIdsField,
	skuField,
	{ key: 'low_stock', label: 'Low Stock', type: 'boolean', default: true, description: 'Whether to return only SKUs at or below their reorder point (on) or only those above it (off)' },
];
const filterSchema = objectSchema(filters);

const properties: INodeProperties[] = [...returnAllAndLimit(), ...filterProperties(filters), listOptions()];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getLevels'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listWithFilters(this, '/inventory', filters, filterSchema, i);
}
