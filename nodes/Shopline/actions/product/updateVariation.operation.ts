import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, readBody } from '../../../shared/fields';
import { locatorProperty } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { variationUpdateFields, variationUpdateSchema } from '../../productFields';
import { shoplineRequest } from '../../transport';
import { readVariation, variationIdProperty, variationsPath } from './variation';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.product),
	variationIdProperty,
	...fieldProperties(variationUpdateFields, { name: 'updateFields', label: 'Update Fields' }),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['updateVariation'] } }, properties);

export const concurrent = true;

interface Prepared {
	productId: string;
	variationId: string;
	body: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const body = readBody(this, variationUpdateFields, variationUpdateSchema, i, { collection: 'updateFields', extraPath: false }) as IDataObject;
	return { ...readVariation(this, i), body };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { productId, variationId, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// PUT sets the same values again when repeated (the quantity too: it is the new stock), so a retry is safe.
	return await shoplineRequest.call(this, 'PUT', variationsPath(productId, variationId), { body, idempotent: true, itemIndex: i });
}
