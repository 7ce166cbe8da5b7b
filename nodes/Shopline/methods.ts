/** Dropdowns filled from SHOPLINE: products, the variations of a chosen product, membership tiers, customer groups, categories, warehouses, delivery options, payment methods. */
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

/**
 * The variations of the product chosen on the same line of a list (an order's Items, the Stock
 * Changes of Update Stock (Bulk)): n8n resolves `&field` to the sibling of the dropdown being
 * filled. No product chosen yet (or one given by an expression) → no options.
 */
export async function getVariations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const picked = this.getCurrentNodeParameter('&item_id') ?? this.getCurrentNodeParameter('&product_id');
	return await variationsOf(this, picked);
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


/** Enough for a dropdown of the shop's settings lists; larger lists are picked by ID through an expression. */
const MAX_SETTINGS = 1000;

async function settingsList(ctx: ILoadOptionsFunctions, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	return await pagedList.call(ctx, path, qs, { returnAll: false, limit: MAX_SETTINGS, pageSize: MAX_PAGE_SIZE });
}

const named = (record: IDataObject, note?: string): INodePropertyOptions => ({
	name: `${translated(record.name_translations, 'en') ?? (record.name as string | undefined) ?? record.id}${note ? ` (${note})` : ''}`,
	value: String(record.id),
});

/** Product categories made in the admin (SHOPLINE's default list), named with their parent when they have one. */
export async function getCategories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const categories = await settingsList(this, '/categories');
	const byId = new Map(categories.map((c) => [String(c.id), c]));
	return categories
		.map((c) => {
			const parent = c.parent_id ? byId.get(String(c.parent_id)) : undefined;
			const option = named(c);
			return parent ? { ...option, name: `${translated(parent.name_translations, 'en') ?? parent.id} › ${option.name}` } : option;
		})
		.sort(byName);
}

export async function getWarehouses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await settingsList(this, '/warehouses')).map((w) => named(w, w.status && w.status !== 'active' ? String(w.status) : undefined)).sort(byName);
}

/**
 * Delivery options for Create Order. [INF] a `region_type` other than `custom` is a third-party
 * logistics provider, which Create Order refuses; those are marked so the operator sees why.
 */
export async function getDeliveryOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await settingsList(this, '/delivery_options'))
		.map((d) => named(d, d.region_type && d.region_type !== 'custom' ? 'third-party logistics' : d.status === 'draft' ? 'draft' : undefined))
		.sort(byName);
}

/** Payment methods in the shop's checkout order. */
export async function getPaymentMethods(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await settingsList(this, '/payments', { order_by: 'priority', sort_by: 'asc' })).map((p) => ({ ...named(p, p.status === 'draft' ? 'draft' : undefined), description: p.type ? `Type: ${String(p.type)}` : undefined }));
}

/** The variations of the product chosen in the same operation (its Product picker), not every product's. */
export async function getProductVariations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await variationsOf(this, this.getCurrentNodeParameter('productId', { extractValue: true }));
}

async function variationsOf(ctx: ILoadOptionsFunctions, picked: unknown): Promise<INodePropertyOptions[]> {
	const id = typeof picked === 'string' ? picked.trim() : '';
	if (!id || id.startsWith('=')) return [];
	const product = await shoplineRequest.call(ctx, 'GET', `/products/${encodeURIComponent(id)}`);
	return ((Array.isArray(product.variations) ? product.variations : []) as IDataObject[]).map((v) => {
		const name = translated(v.fields_translations, 'en');
		return { name: `${name ?? v.id}${v.sku ? ` (${v.sku})` : ''}`, value: String(v.id), description: v.quantity === undefined ? undefined : `In stock: ${String(v.quantity)}` };
	});
}
