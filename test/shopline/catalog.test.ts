/**
 * SHOPLINE's settings lists inside real n8n-core, against the simulator: Category, Warehouse,
 * Delivery Option, Payment Method and Promotion → Get Many (Return All + Limit, filters), and the
 * dropdowns filled from them (order create's Delivery Option and Payment Method, categories,
 * warehouses).
 */
import type { IDataObject } from 'n8n-workflow';

import { SandboxServer } from '../../sandbox/core';
import { DELIVERY_OPTIONS, PAYMENT_METHODS } from '../../sandbox/shopline';
import { CATEGORIES, PROMOTIONS, WAREHOUSES } from '../../sandbox/shopline/catalog';
import { loadOptions, makeNode, runNode, type Harness } from '../harness/n8n';
import { useShopline, type ShoplineEnv } from './setup';

let server: SandboxServer;
let h: Harness;
let credentials: ShoplineEnv['credentials'];

useShopline({ seedCustomers: 8, seedOrders: 20 }, (env) => ({ server, h, credentials } = env));

const shopline = (parameters: Record<string, unknown>) => ({ type: 'shopline', parameters: parameters as never, credentials });
const requests = (path: string) => server.requests('shopline').filter((r) => r.path === path);
const ids = (items: Array<{ json: IDataObject }>) => items.map((i) => i.json.id);

const adminCategories = CATEGORIES.filter((c) => c.created_by === 'admin').map((c) => c.id);
const promotionsNewestFirst = [...PROMOTIONS].reverse().map((p) => p.id);

describe('Get Many of the shop’s lists: Return All by pages, and Limit', () => {
	it.each([
		{ resource: 'category', path: '/v1/categories', all: adminCategories },
		{ resource: 'warehouse', path: '/v1/warehouses', all: WAREHOUSES.map((w) => w.id) },
		{ resource: 'deliveryOption', path: '/v1/delivery_options', all: DELIVERY_OPTIONS.map((d) => d.id) },
		{ resource: 'paymentMethod', path: '/v1/payments', all: [...PAYMENT_METHODS].reverse().map((p) => p.id) },
		{ resource: 'promotion', path: '/v1/promotions', all: promotionsNewestFirst },
	])('$resource: Return All with 2 a page reads every page; Limit 2 stops after one', async ({ resource, path, all }) => {
		const every = await runNode(h, shopline({ resource, operation: 'getMany', returnAll: true, options: { pageSize: 2 } }));
		expect(every.error).toBeUndefined();
		expect(ids(every.items)).toEqual(all);
		expect(requests(path)).toHaveLength(Math.ceil(all.length / 2));
		expect(requests(path)[0].query).toMatchObject({ page: '1', per_page: '2' });

		const before = requests(path).length;
		const some = await runNode(h, shopline({ resource, operation: 'getMany', returnAll: false, limit: 2 }));
		expect(some.error).toBeUndefined();
		expect(ids(some.items)).toEqual(all.slice(0, 2));
		expect(requests(path).length - before).toBe(1);
	});
});

describe('Filters', () => {
	it('Category: Created In POS, and Updated After/Before sent in UTC', async () => {
		const pos = await runNode(h, shopline({ resource: 'category', operation: 'getMany', returnAll: true, filters: { created_by_filter: 'pos' } }));
		expect(ids(pos.items)).toEqual(CATEGORIES.filter((c) => c.created_by === 'pos').map((c) => c.id));
		const window = await runNode(h, shopline({ resource: 'category', operation: 'getMany', returnAll: true, filters: { updated_after: '2024-01-15T00:00:00Z', updated_before: '2024-01-31' } }));
		expect(window.error).toBeUndefined();
		expect(ids(window.items)).toEqual(CATEGORIES.filter((c) => c.created_by === 'admin' && c.updated_at >= '2024-01-15' && c.updated_at < '2024-02-01').map((c) => c.id));
		expect(requests('/v1/categories').at(-1)!.query).toMatchObject({ updated_after: '2024-01-15T00:00:00.000Z' });
	});

	it('Payment Method: Order By priority, oldest first', async () => {
		const { items, error } = await runNode(h, shopline({ resource: 'paymentMethod', operation: 'getMany', returnAll: true, filters: { order_by: 'priority', sort_by: 'asc' } }));
		expect(error).toBeUndefined();
		expect(ids(items)).toEqual(PAYMENT_METHODS.map((p) => p.id));
		expect(items[0].json).toMatchObject({ name_translations: PAYMENT_METHODS[0].name_translations, type: PAYMENT_METHODS[0].type });
		expect(requests('/v1/payments').at(-1)!.query).toMatchObject({ order_by: 'priority', sort_by: 'asc' });
	});

	it('Promotion: by start time, by IDs; IDs with a time filter refused before any request', async () => {
		const starting = await runNode(h, shopline({ resource: 'promotion', operation: 'getMany', returnAll: true, filters: { start_after: '2024-06-01', start_before: '2024-09-30' } }));
		expect(starting.error).toBeUndefined();
		expect(ids(starting.items)).toEqual([...PROMOTIONS].reverse().filter((p) => p.start_at >= '2024-06-01' && p.start_at < '2024-10-01').map((p) => p.id));
		expect(starting.items.length).toBeGreaterThan(0);

		const picked = [PROMOTIONS[1].id, PROMOTIONS[4].id];
		const byId = await runNode(h, shopline({ resource: 'promotion', operation: 'getMany', returnAll: true, filters: { promotion_ids: picked.join(', ') } }));
		expect(ids(byId.items).sort()).toEqual([...picked].sort());

		const n = server.requests('shopline').length;
		const both = await runNode(h, shopline({ resource: 'promotion', operation: 'getMany', returnAll: true, filters: { promotion_ids: picked[0], end_after: '2024-01-01' } }), [{}, {}]);
		expect(both.error?.message).toMatch(/Item 1.*"Promotion IDs" cannot be used together with a time filter/);
		expect(server.requests('shopline').length).toBe(n);
	});

	it('Promotion: the page size never goes over SHOPLINE’s 100', async () => {
		const { error } = await runNode(h, shopline({ resource: 'promotion', operation: 'getMany', returnAll: true, options: { pageSize: '={{ 500 }}' } }));
		expect(error).toBeUndefined();
		expect(requests('/v1/promotions').at(-1)!.query).toMatchObject({ per_page: '100' });
	});

	it('a bad time is refused naming the field and the item', async () => {
		const { error } = await runNode(h, shopline({ resource: 'category', operation: 'getMany', returnAll: true, filters: { updated_after: 'yesterday-ish' } }));
		expect(error?.message).toMatch(/Item 1.*"Updated After" must be a date and time/);
	});
});

describe('Dropdowns from these lists', () => {
	it('order create: Delivery Option (third-party logistics marked) and Payment Method (checkout order) are dropdowns', async () => {
		const node = makeNode(h, shopline({ resource: 'order', operation: 'create' }));
		const delivery = await loadOptions(h, node, 'getDeliveryOptions');
		expect(delivery.map((o) => o.value).sort()).toEqual(DELIVERY_OPTIONS.map((d) => d.id).sort());
		const thirdParty = DELIVERY_OPTIONS.find((d) => d.third_party)!;
		expect(delivery.find((o) => o.value === thirdParty.id)?.name).toBe(`${thirdParty.name_translations.en} (third-party logistics)`);
		const payments = await loadOptions(h, node, 'getPaymentMethods');
		expect(payments.map((o) => o.value)).toEqual(PAYMENT_METHODS.map((p) => p.id));
		expect(payments[0]).toMatchObject({ name: PAYMENT_METHODS[0].name_translations.en, description: `Type: ${PAYMENT_METHODS[0].type}` });

		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { Shopline } = require('../../dist/nodes/Shopline/Shopline.node') as { Shopline: new () => { description: { properties: Array<{ name: string; displayOptions?: { show?: IDataObject } }> } } };
		const props = new Shopline().description.properties;
		const field = (name: string) => props.find((p) => p.name === name && (p.displayOptions?.show?.operation as string[] | undefined)?.includes('create') && (p.displayOptions?.show?.resource as string[] | undefined)?.includes('order'));
		expect(field('delivery_option_id')).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'getDeliveryOptions' } });
		expect(field('payment_method_id')).toMatchObject({ type: 'options', typeOptions: { loadOptionsMethod: 'getPaymentMethods' } });
	});

	it('categories (a child named with its parent) and warehouses (a non-active one marked)', async () => {
		const node = makeNode(h, shopline({ resource: 'category', operation: 'getMany' }));
		const categories = await loadOptions(h, node, 'getCategories');
		expect(categories.map((o) => o.value).sort()).toEqual([...adminCategories].sort());
		const child = CATEGORIES.find((c) => c.parent_id)!;
		const parent = CATEGORIES.find((c) => c.id === child.parent_id)!;
		expect(categories.find((o) => o.value === child.id)?.name).toBe(`${parent.name_translations.en} › ${child.name_translations.en}`);
		const warehouses = await loadOptions(h, node, 'getWarehouses');
		expect(warehouses.map((o) => o.value).sort()).toEqual(WAREHOUSES.map((w) => w.id).sort());
		expect(warehouses.find((o) => o.value === WAREHOUSES[2].id)?.name).toBe(`${WAREHOUSES[2].name} (transferring)`);
	});
});
