import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { CASE_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.case)];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: CASE_PATHS.get(readLocator(this, LOCATORS.case, i)), itemIndex: i });
}
