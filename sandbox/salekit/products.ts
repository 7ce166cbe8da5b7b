/**
 * Salekit simulator: products.
 *
 *   POST /product/create   create a product (documented for salekit.com; [INF] same on .io)
 *                          → {status:200, msg:"OK", error:false, data}
 */
import { PRODUCTS, seededTime } from '../data';
import { SALEKIT_MSG } from './messages';
import { emptyProduct, type Product, salekitTime } from './model';
import { type Body, fail, Failure, firstNegative, type Kind, readFields } from './validation';
import type { SalekitSim } from './index';

const PRODUCT_FIELDS: Record<string, Kind> = {
	name: 'string',
	description: 'string',
	content: 'string',
	type: 'int',
	package_width: 'int',
	package_length: 'int',
	package_height: 'int',
	weight: 'number',
	sku: 'string',
	unit_price: 'number',
	price_sale: 'number',
	unit_name: 'string',
	category_id: 'int',
	trademark: 'int',
	photos: 'array',
	slug: 'string',
	seo_title: 'string',
	seo_keyword: 'string',
	seo_description: 'string',
};
// The product doc marks name and type without "Không".
const PRODUCT_REQUIRED = ['name', 'type'];
const PRODUCT_NON_NEGATIVE = ['package_width', 'package_length', 'package_height', 'weight', 'unit_price', 'price_sale'];

export function createProduct(sim: SalekitSim, body: Body): Record<string, unknown> | Failure {
	const read = readFields(body, PRODUCT_FIELDS, PRODUCT_REQUIRED, sim.options.strictTypes);
	if ('error' in read) return fail('validation', read.error);
	const v = read.values;
	if (v.type < 0 || v.type > 2) return fail('validation', SALEKIT_MSG.productType);
	const negative = firstNegative(v, PRODUCT_NON_NEGATIVE);
	if (negative) return fail('validation', SALEKIT_MSG.negative(negative));
	if (v.photos && !v.photos.every((p: unknown) => typeof p === 'string' && p.trim() !== '')) {
		return fail('validation', SALEKIT_MSG.photos);
	}
	if (v.sku !== undefined && sim.options.rejectDuplicateSku && sim.products.some((p) => p.sku === v.sku)) {
		return fail('conflict', SALEKIT_MSG.duplicateSku(v.sku));
	}
	const product = addProduct(sim, v);
	const answer: Record<string, unknown> = { status: 200, msg: SALEKIT_MSG.ok, error: false };
	if (sim.options.productReturnsData) answer.data = structuredClone(product); // [INF]
	return answer;
}

function addProduct(sim: SalekitSim, v: Record<string, any>): Product {
	const product: Product = {
		id: sim.nextProductId++,
		name: v.name,
		type: v.type,
		sku: v.sku ?? null,
		description: v.description ?? null,
		content: v.content ?? null,
		unit_price: v.unit_price ?? null,
		price_sale: v.price_sale ?? null,
		unit_name: v.unit_name ?? null,
		category_id: v.category_id ?? null,
		trademark: v.trademark ?? null,
		photos: v.photos ?? [],
		weight: v.weight ?? null,
		package_width: v.package_width ?? null,
		package_length: v.package_length ?? null,
		package_height: v.package_height ?? null,
		slug: v.slug ?? null,
		seo_title: v.seo_title ?? null,
		seo_keyword: v.seo_keyword ?? null,
		seo_description: v.seo_description ?? null,
		created_at: sim.now(),
	};
	sim.products.push(product);
	return product;
}

/** The shared demo catalogue (sandbox/data PRODUCTS), prices in đồng; seeded first, as orders refer to it. */
export function seedProducts(sim: SalekitSim): void {
	for (const [i, p] of PRODUCTS.entries()) {
		sim.products.push({
			...emptyProduct(),
			id: sim.nextProductId++,
			name: p.name,
			type: 0,
			sku: p.code,
			unit_price: p.price * 1000,
			price_sale: p.price * 1000,
			unit_name: 'Cái',
			created_at: salekitTime(new Date(seededTime(i))),
		});
	}
}
