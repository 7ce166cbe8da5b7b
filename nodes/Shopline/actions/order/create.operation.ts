import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../../shared/execute';
import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { DO_NOT_MATCH, isUnknownOutcome, matchExistingProperty, readMatchBy, recordLabel, settle, withAction } from '../../../shared/matching';
import { fail } from '../../../shared/validation';
import { orderCreateFields, orderCreateSchema } from '../../fields';
import { catalogueBySku, shoplineOrderFromCommon, type CatalogueEntry } from '../../fromCommon';
import { findOrderByRemarks } from '../../matching';
import { splitPhone } from '../../phones';
import { MAX_PAGE_SIZE, pagedList, shoplineRequest } from '../../transport';

/** Fields a common-shape order cannot carry: shown in both mapping modes. */
const ALWAYS_SHOWN = ['delivery_option_id', 'payment_method_id', 'delivery_address'];

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly(fieldProperties(orderCreateFields), ALWAYS_SHOWN),
	matchExistingProperty(
		[
			DO_NOT_MATCH,
			{
				name: 'Order Remarks (Same Customer)',
				value: 'orderRemarks',
				description: 'The customer’s order whose Order Remarks are exactly these is returned; put your source’s order number in the remarks',
			},
		],
		'none',
		'How an order an earlier run placed is found, so a re-run returns it (the output’s "action" says unchanged) instead of placing another',
	),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [extraBodyProperty] },
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['create'] } }, properties);

const cents = (n: number) => Math.round(n * 100) / 100;

/** The validated fields as SHOPLINE's `{order: {…}, mail_notify}` body. */
function toShoplineOrder(ctx: IExecuteFunctions, i: number, validated: IDataObject): IDataObject {
	const { customer, mail_notify, items, subtotal, delivery_address, ...rest } = validated;
	const lines = (items as IDataObject[]).map((item) => ({
		item_type: 'Product',
		...item,
		total: item.total ?? cents(Number(item.item_price) * Number(item.quantity)),
	}));
	const address = { ...(delivery_address as IDataObject) };
	if (typeof address.recipient_phone === 'string') {
		const split = splitPhone(address.recipient_phone, String(address.recipient_phone_country_code ?? ''));
		if (typeof split === 'string') fail(ctx.getNode(), i, [`"Delivery Address › Recipient Phone": ${split}`]);
		else Object.assign(address, { recipient_phone: split.number, ...(split.code ? { recipient_phone_country_code: split.code } : {}) });
	}
	const who = String(customer).trim();
	const order: IDataObject = {
		...(who.includes('@') ? { customer_email: who } : { customer_id: who }),
		...rest,
		items: lines,
		// Delivery and payment fees are not calculated by SHOPLINE: the subtotal is the items alone.
		subtotal: subtotal ?? cents(lines.reduce((sum, l) => sum + Number(l.total), 0)),
		delivery_address: address,
	};
	return { order, ...(mail_notify === undefined ? {} : { mail_notify }) };
}

/**
 * The product catalogue by SKU for Map Automatically: read once per node run and shared by its
 * items. Keyed by the run's context (one node, one credential), so two shops never share one.
 */
const catalogues = new WeakMap<IExecuteFunctions, Promise<Map<string, CatalogueEntry>>>();

async function catalogue(this: IExecuteFunctions, i: number): Promise<Map<string, CatalogueEntry>> {
	let loading = catalogues.get(this);
	if (!loading) {
		loading = pagedList.call(this, '/products', {}, { returnAll: true, limit: Number.MAX_SAFE_INTEGER, pageSize: MAX_PAGE_SIZE }, i).then(catalogueBySku);
		loading.catch(() => catalogues.delete(this));
		catalogues.set(this, loading);
	}
	return await loading;
}

interface Prepared {
	payload: IDataObject;
	byRemarks: boolean;
}

export async function prepare(this: IExecuteFunctions, i: number): Promise<Prepared> {
	const auto = this.getNodeParameter('mapping', i, 'manual') === 'auto';
	const products = auto ? await catalogue.call(this, i) : new Map<string, CatalogueEntry>();
	const validated = readMappedBody(this, i, {
		kind: 'order',
		fields: orderCreateFields,
		schema: orderCreateSchema,
		fromCommon: (order) => shoplineOrderFromCommon(order, products),
		alwaysShown: ALWAYS_SHOWN,
	});
	const payload = toShoplineOrder(this, i, validated);
	const byRemarks = readMatchBy(this, i, 'none') === 'orderRemarks';
	if (byRemarks && !String((payload.order as IDataObject).order_remarks ?? '').trim()) {
		fail(this.getNode(), i, ['"Order Remarks" is needed to find the existing order (Match Existing By)']);
	}
	return { payload, byRemarks };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['customer']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { payload, byRemarks } = (prepared as Prepared | undefined) ?? (await prepare.call(this, i));
	// A create is not repeated after an unclear failure: the order could be placed twice.
	const create = async () => await shoplineRequest.call(this, 'POST', '/orders', { body: payload, itemIndex: i });
	if (!byRemarks) return withAction('created', await create());
	const order = payload.order as IDataObject;
	const key = `order:${String(order.customer_email ?? order.customer_id).toLowerCase()}:${String(order.order_remarks).trim().toLowerCase()}`;
	return await oneAtATimePerKey(this, [key], async () => {
		const existing = await findOrderByRemarks(this, order, i);
		if (existing) return withAction('unchanged', existing);
		const created = await settle(create);
		if (created.ok) return withAction('created', created.value);
		// A lost reply: the order may have been placed; if so, it carries these remarks now.
		const placed = isUnknownOutcome(created.error) ? await findOrderByRemarks(this, order, i) : undefined;
		if (!placed) throw created.error;
		return withAction('created', placed);
	});
}
