import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import type { Field } from '../../../shared/fields';
import { returnAllAndLimit } from '../../../shared/router';
import { branchIdsField, filterProperties, listOptions, listWithFilters, objectSchema, uuid } from '../common';

// [INF] MeeDee's purchasing pages (12-13) were not retrievable: filters and statuses follow the sandbox's guess.
const filters: Field[] = [
	branchIdsField,
	{ key: 'supplier_id', label: 'Supplier', type: 'options', loadOptions: 'getSuppliers', schema: uuid, description: 'Only orders to this supplier.' },
	{
		key: 'status',
		label: 'Status',
		type: 'options',
		options: [
			{ name: 'Cancelled', value: 'CANCELLED' },
			{ name: 'Draft', value: 'DRAFT' },
			{ name: 'Ordered', value: 'ORDERED' },
			{ name: 'Received', value: 'RECEIVED' },
		],
		default: 'ORDERED',
		schema: z.string().min(1),
	},
];
const filterSchema = objectSchema(filters);

const properties: INodeProperties[] = [...returnAllAndLimit(), ...filterProperties(filters), listOptions()];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listWithFilters(this, '/purchase-orders', filters, filterSchema, i);
}
