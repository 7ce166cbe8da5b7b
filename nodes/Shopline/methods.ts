/** Dropdowns filled from SHOPLINE: products, the variations of every product, membership tiers, customer groups. */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { translated } from './simplify';
import { MAX_PAGE_SIZE, pagedList, shoplineRequest } from './transport';

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

/** Tiers by level, named in English (or the first language SHOPLINE has), e.g. "Gold (level 2)". */
export async function getMembershipTiers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const answer: unknown = await shoplineRequest.call(this, 'GET', '/membership_tiers');
	const tiers = (Array.isArray(answer) ? answer : []) as IDataObject[];
	return tiers
		.sort((a, b) => Number(a.level ?? 0) - Number(b.level ?? 0))
		.map((t) => ({ name: `${translated(t.name_translations, 'en') ?? t.id} (level ${t.level ?? '?'})`, value: String(t.id) }));
}

/** Enough for a dropdown; larger shops pick a group by ID through an expression. */
const MAX_GROUPS = 1000;

export async function getCustomerGroups(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const groups = await pagedList.call(this, '/customer_groups', { sort_by: 'desc' }, { returnAll: false, limit: MAX_GROUPS, pageSize: MAX_PAGE_SIZE });
	return groups
		.map((g) => ({ name: `${g.name ?? g.id}${g.status === 'expired' ? ' (expired)' : ''}`, value: String(g.id), description: g.count === undefined ? undefined : `${g.count} customers` }))
		.sort(byName);
}

