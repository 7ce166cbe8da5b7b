import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { Field } from '../../../shared/fields';
import { returnAllAndLimit } from '../../../shared/router';
import { filterProperties, listOptions, listWithFilters, objectSchema, searchText } from '../common';

const filters: Field[] = [
	{
		key: 'status',
		label: 'Status',
		type: 'options',
		options: [
			{ name: 'Active', value: 'ACTIVE' },
			{ name: 'Inactive', value: 'INACTIVE' },
		],
		default: 'ACTIVE',
	},
	{ key: 'q', label: 'Search', type: 'string', schema: searchText, description: 'Part of the supplier name or code, 1 to 255 characters. An empty Search is refused: remove it to list every supplier.' },
];
const filterSchema = objectSchema(filters);

const properties: INodeProperties[] = [...returnAllAndLimit(), ...filterProperties(filters), listOptions()];

export const description = updateDisplayOptions({ show: { resource: ['supplier'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listWithFilters(this, '/suppliers', filters, filterSchema, i);
}
