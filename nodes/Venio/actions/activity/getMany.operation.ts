import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { ACTIVITY_PATHS, ACTIVITY_STATUSES } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { MAX_PAGE_LENGTH, venioEnquiry } from '../../transport';

// [INF] The enquiry's filters (none is published).
const filterFields: Field[] = [
	{ key: 'keyword', label: 'Keyword', type: 'string', description: 'Matches the activity number, the subject or the customer code' },
	{ key: 'customerCode', label: 'Customer', type: 'string', locator: LOCATORS.customer },
	{ key: 'statusIds', label: 'Statuses', type: 'multiOptions', options: ACTIVITY_STATUSES },
	{ key: 'dateFrom', label: 'From Date', type: 'date', description: 'Only activities starting on or after this calendar date' },
	{ key: 'dateTo', label: 'To Date', type: 'date', description: 'Only activities starting on or before this calendar date (included)' },
];
const filterSchema = objectSchema(filterFields).refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, { path: ['dateTo'], message: 'must not be before From Date' });

const properties: INodeProperties[] = [...returnAllAndLimit(), ...fieldProperties(filterFields, { name: 'filters', label: 'Filters' })];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = readBody(this, filterFields, filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	return await venioEnquiry.call(this, ACTIVITY_PATHS.enquiry, filters, readWindow(this, i, MAX_PAGE_LENGTH), i);
}
