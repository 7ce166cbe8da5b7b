/**
 * Dropdowns loaded from MeeDee: suppliers, product SKUs and webhook subscriptions. MeeDee has no
 * branch or membership-tier list, so those stay ID fields.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { meedeeList } from './transport';

/** Bounded: dropdowns show at most this many entries (an expression can still name any ID). */
const MAX_OPTIONS = 1000;

async function all(ctx: ILoadOptionsFunctions, path: string): Promise<IDataObject[]> {
	return await meedeeList.call(ctx, path, {}, { returnAll: false, limit: MAX_OPTIONS });
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getSuppliers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const suppliers = await all(this, '/suppliers');
	return suppliers
		.map((s) => ({ name: `${String(s.name)} (${String(s.supplier_code ?? '')})`, value: String(s.id), description: s.status === 'INACTIVE' ? 'Inactive' : undefined }))
		.sort(byName);
}

export async function getProductSkus(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const products = await all(this, '/products');
	const options: INodePropertyOptions[] = [];
	for (const product of products) {
		for (const sku of (product.skus as IDataObject[] | undefined) ?? []) {
			options.push({ name: `${String(sku.sku_name ?? product.name)} [${String(sku.sku_code ?? '')}]`, value: String(sku.id) });
		}
	}
	return options.sort(byName);
}

export async function getWebhooks(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const webhooks = await all(this, '/webhooks');
	return webhooks
		.map((w) => ({
			name: `${String(w.description || w.endpoint_url)}${w.is_active === false ? ' (paused)' : ''}`,
			value: String(w.id),
			description: `${String(w.endpoint_url)} → ${((w.events as string[]) ?? []).join(', ')}`,
		}))
		.sort(byName);
}
