import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { CONTRACT_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.contract)];

export const description = updateDisplayOptions({ show: { resource: ['contract'], operation: ['getByNumber'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: CONTRACT_PATHS.get(readLocator(this, LOCATORS.contract, i)), itemIndex: i });
}
