import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { shoplineRequest } from '../../transport';
import { productOutput, productOutputProperties } from './shared';
import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.product),
	...productOutputProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readLocator(this, LOCATORS.product, i);
	const product = await shoplineRequest.call(this, 'GET', `/products/${encodeURIComponent(id)}`, { itemIndex: i });
	return productOutput(this, i, [product]);
}
