/** What the product writes share: the Title Language, and the title sent as SHOPLINE's translations. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { LANGUAGES } from '../../simplify';

export const titleLanguageProperty: INodeProperties = {
	displayName: 'Title Language',
	name: 'titleLanguage',
	type: 'options',
	options: LANGUAGES,
	default: 'en',
	description: 'Language the Title is written in (SHOPLINE keeps one title per language)',
};

/** The validated fields as SHOPLINE's product fields: `title` becomes `title_translations`. */
export function toShoplineProduct(ctx: IExecuteFunctions, i: number, validated: IDataObject): IDataObject {
	const { title, ...rest } = validated;
	if (title === undefined) return rest;
	const language = ctx.getNodeParameter('titleLanguage', i, 'en') as string;
	return { title_translations: { [language]: String(title).trim() }, ...rest };
}
