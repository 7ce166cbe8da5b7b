import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { EMPLOYEE_PATHS } from '../../endpoints';
import { MAX_PAGE_LENGTH, venioEnquiry } from '../../transport';

// [PUB code] The enquiry's keyword; public code sends it with skip + pageLength.
const filterFields: Field[] = [{ key: 'keyword', label: 'Keyword', type: 'string', description: 'Matches the employee’s code, name or email' }];
const filterSchema = objectSchema(filterFields);

const properties: INodeProperties[] = [...returnAllAndLimit(), ...fieldProperties(filterFields, { name: 'filters', label: 'Filters' })];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = readBody(this, filterFields, filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	return await venioEnquiry.call(this, EMPLOYEE_PATHS.enquiry, filters, readWindow(this, i, MAX_PAGE_LENGTH), i);
}
