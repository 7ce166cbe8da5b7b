import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { EXPENSE_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.expense)];

export const description = updateDisplayOptions({ show: { resource: ['expense'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: EXPENSE_PATHS.get(readLocator(this, LOCATORS.expense, i)), itemIndex: i });
}
