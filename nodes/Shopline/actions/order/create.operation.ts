import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { fail } from '../../../shared/validation';
import { orderCreateFields, orderCreateSchema } from '../../fields';
import { catalogueBySku, shoplineOrderFromCommon, type CatalogueEntry } from '../../fromCommon';
import { splitPhone } from '../../phones';
import { MAX_PAGE_SIZE, pagedList, shoplineRequest } from '../../transport';

/** Fields a common-shape order cannot carry: shown in both mapping modes. */
const ALWAYS_SHOWN = ['delivery_option_id', 'payment_method_id', 'delivery_address'];

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly(fieldProperties(orderCreateFields), ALWAYS_SHOWN),
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

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const auto = this.getNodeParameter('mapping', i, 'manual') === 'auto';
	const products = auto ? await catalogue.call(this, i) : new Map<string, CatalogueEntry>();
	const validated = readMappedBody(this, i, {
		kind: 'order',
		fields: orderCreateFields,
		schema: orderCreateSchema,
		fromCommon: (order) => shoplineOrderFromCommon(order, products),
		alwaysShown: ALWAYS_SHOWN,
	});
	// A create is not repeated after an unclear failure: the order could be placed twice.
	return await shoplineRequest.call(this, 'POST', '/orders', { body: toShoplineOrder(this, i, validated), itemIndex: i });
}
