import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.product), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['delete'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readLocator(this, LOCATORS.product, i);
	const response = await shoplineRequest.call(this, 'DELETE', `/products/${encodeURIComponent(id)}`, { itemIndex: i });
	return { id, deleted: true, result: response.result ?? null };
}
