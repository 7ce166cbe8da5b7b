import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { EMPLOYEE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';

const properties: INodeProperties[] = [keyProperty('employeeCode', 'Employee Code', 'The employee’s code in Venio, e.g. from Get Many', 'e.g. E001')];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['get'] } }, properties);

/** No format is documented for codes; a space can only be a typo [INF]. */
const EMPLOYEE_CODE = { re: /^\S+$/, words: 'must not contain spaces (an employee code such as E001)' };

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: EMPLOYEE_PATHS.get(readKey(this, 'employeeCode', 'Employee Code', i, EMPLOYEE_CODE)), itemIndex: i });
}
