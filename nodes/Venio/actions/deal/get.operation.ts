import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { DEAL_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.deal)];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: DEAL_PATHS.get(readLocator(this, LOCATORS.deal, i)), itemIndex: i });
}
