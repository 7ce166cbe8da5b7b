import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { quantityProperties, readQuantity, sendQuantity } from './quantity';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.product), ...quantityProperties];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['updateQuantity'] } }, properties);

export const concurrent = true;

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	return { id: readLocator(this, LOCATORS.product, i), body: readQuantity(this, i) };
}

/** A product without variations; SHOPLINE keeps a product with variations at their sum. */
export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	return await sendQuantity(this, i, `/products/${encodeURIComponent(id)}/update_quantity`, body);
}
