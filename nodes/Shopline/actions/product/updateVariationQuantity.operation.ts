import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { readId } from '../common';
import { quantityProperties, readQuantity, sendQuantity } from './quantity';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.product),
	{
		displayName: 'Variation Name or ID',
		name: 'variationId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProductVariations', loadOptionsDependsOn: ['productId'] },
		required: true,
		default: '',
		description: 'A variation of the chosen product (size, colour…). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
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
	return { productId: readLocator(this, LOCATORS.product, i), variationId: readId(this, i, 'variationId', 'Variation'), body: readQuantity(this, i) };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { productId, variationId, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	return await sendQuantity(this, i, `/products/${encodeURIComponent(productId)}/variations/${encodeURIComponent(variationId)}/update_quantity`, body);
}
