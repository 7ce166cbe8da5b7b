import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { ACTIVITY_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.activity)];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: ACTIVITY_PATHS.byId(readLocator(this, LOCATORS.activity, i)), itemIndex: i });
}
