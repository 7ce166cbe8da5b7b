import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, readBody } from '../../../shared/fields';
import { locatorProperty, readLocator } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { variationCreateFields, variationCreateSchema } from '../../productFields';
import { shoplineRequest } from '../../transport';
import { variationsPath } from './variation';
import { titleLanguageProperty } from './writes';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.product),
	...fieldProperties(variationCreateFields).flatMap((p) => (p.name === 'option_type' ? [p, { ...titleLanguageProperty, description: 'Language the Option Name is written in' }] : [p])),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['createVariation'] } }, properties);

export const concurrent = true;

interface Prepared {
	productId: string;
	body: IDataObject;
}

/** Every item is checked before the first variation is created. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const { option_name, option_type, ...rest } = readBody(this, variationCreateFields, variationCreateSchema, i, { extraPath: false }) as IDataObject;
	const language = this.getNodeParameter('titleLanguage', i, 'en') as string;
	return { productId: readLocator(this, LOCATORS.product, i), body: { ...rest, variant_options: [{ type: option_type, name_translations: { [language]: String(option_name).trim() } }] } };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { productId, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// A create is not repeated after an unclear failure: the variation could be made twice.
	return await shoplineRequest.call(this, 'POST', variationsPath(productId), { body, itemIndex: i });
}
