import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { EXPENSE_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { MAX_PAGE_LENGTH, venioEnquiry } from '../../transport';

// [INF] Filters of Expense Enquiry, named like the other enquiries' (keyword, codes, a date range).
const filterFields: Field[] = [
	{ key: 'keyword', label: 'Keyword', type: 'string', description: 'Matches the expense number, name or note' },
	{ key: 'employeeCode', label: 'Employee', type: 'options', loadOptions: 'getEmployees', description: 'Only this employee’s expenses.' },
	{ key: 'customerCode', label: 'Customer', type: 'string', locator: LOCATORS.customer, description: 'Only expenses for this customer' },
	{ key: 'dateFrom', label: 'From Date', type: 'date', description: 'Expenses on or after this day' },
	{ key: 'dateTo', label: 'To Date', type: 'date', description: 'Expenses on or before this day' },
];
const filterSchema = objectSchema(filterFields).refine((f) => !f.dateFrom || !f.dateTo || String(f.dateFrom) <= String(f.dateTo), {
	message: '"From Date" must not be after "To Date"',
});

const properties: INodeProperties[] = [...returnAllAndLimit(), ...fieldProperties(filterFields, { name: 'filters', label: 'Filters' })];

export const description = updateDisplayOptions({ show: { resource: ['expense'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = readBody(this, filterFields, filterSchema as unknown as typeof filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	return await venioEnquiry.call(this, EXPENSE_PATHS.enquiry, filters, readWindow(this, i, MAX_PAGE_LENGTH), i);
}
