import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { quantityProperties, readQuantity, sendQuantity } from './quantity';
import { readVariation, variationIdProperty, variationsPath } from './variation';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.product),
	variationIdProperty,
	...quantityProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['updateVariationQuantity'] } }, properties);

export const concurrent = true;

interface Prepared {
	productId: string;
	variationId: string;
	body: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	return { ...readVariation(this, i), body: readQuantity(this, i) };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { productId, variationId, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	return await sendQuantity(this, i, `${variationsPath(productId, variationId)}/update_quantity`, body);
}
