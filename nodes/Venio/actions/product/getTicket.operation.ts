import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { PRODUCT_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.productTicket)];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getTicket'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: PRODUCT_PATHS.ticket(readLocator(this, LOCATORS.productTicket, i)), itemIndex: i });
}
