import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { EMPLOYEE_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.employee)];

export const description = updateDisplayOptions({ show: { resource: ['employee'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: EMPLOYEE_PATHS.get(readLocator(this, LOCATORS.employee, i)), itemIndex: i });
}
