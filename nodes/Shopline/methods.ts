/** Dropdowns filled from SHOPLINE: products, and the variations of every product. */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { translated } from './simplify';
import { MAX_PAGE_SIZE, pagedList } from './transport';

/** Enough for a dropdown; bigger shops pick by ID through an expression. */
const MAX_PRODUCTS = 1000;

async function products(ctx: ILoadOptionsFunctions): Promise<IDataObject[]> {
	return await pagedList.call(ctx, '/products', { sort_by: 'desc' }, { returnAll: false, limit: MAX_PRODUCTS, pageSize: MAX_PAGE_SIZE });
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getProducts(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await products(this))
		.map((p) => ({ name: `${translated(p.title_translations, 'en') ?? p.id}${p.sku ? ` (${p.sku})` : ''}`, value: String(p.id) }))
		.sort(byName);
}

export async function getVariations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const out: INodePropertyOptions[] = [];
	for (const p of await products(this)) {
		const title = translated(p.title_translations, 'en') ?? String(p.id);
		for (const v of (Array.isArray(p.variations) ? p.variations : []) as IDataObject[]) {
			const name = translated(v.fields_translations, 'en');
			out.push({ name: `${title} – ${name ?? v.id}${v.sku ? ` (${v.sku})` : ''}`, value: String(v.id) });
		}
	}
	return out.sort(byName);
}
