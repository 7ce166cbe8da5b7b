import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { MAX_PAGE_LENGTH, venioEnquiry } from '../../transport';

// [INF] Quotation statuses.
const filterFields: Field[] = [
	{ key: 'keyword', label: 'Keyword', type: 'string', description: 'Matches the number, subject or customer code' },
	{ key: 'customerCode', label: 'Customer Code', type: 'string' },
	{
		key: 'statuses',
		label: 'Statuses',
		type: 'multiOptions',
		options: [
			{ name: 'Cancelled', value: 3 },
			{ name: 'Converted', value: 2 },
			{ name: 'Open', value: 1 },
		],
	},
];
const filterSchema = objectSchema(filterFields);

const properties: INodeProperties[] = [...returnAllAndLimit(), ...fieldProperties(filterFields, { name: 'filters', label: 'Filters' })];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = readBody(this, filterFields, filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	// [INF] POST /v1/quotation/enquiry {skip, pageLength, …}, paged like the customer enquiry.
	return await venioEnquiry.call(this, '/v1/quotation/enquiry', filters, readWindow(this, i, MAX_PAGE_LENGTH), i);
}
