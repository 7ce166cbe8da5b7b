/**
 * Map Automatically for Salekit: a customer or order in the pack's common shape turned into
 * Salekit's audience or order body.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CommonCustomerInput, CommonOrderInput } from '../shared/shapes';

const SOURCES = { venio: 'Venio CRM', meedee: 'MeeDee POS', shopline: 'SHOPLINE', salekit: 'Salekit' } as const;

function addressText(address: CommonCustomerInput['address']): string | undefined {
	if (!address) return undefined;
	return [address.line1, address.line2, address.city, address.state, address.postcode, address.country].filter(Boolean).join(', ') || undefined;
}

export function salekitAudienceFromCommon(c: CommonCustomerInput): IDataObject {
	return {
		full_name: c.name ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || undefined),
		email: c.email ?? undefined,
		phone: c.phone ?? undefined,
		address: addressText(c.address),
		tag: c.tags,
		src: c.source ? SOURCES[c.source] : undefined,
	};
}

export function salekitOrderFromCommon(o: CommonOrderInput): IDataObject {
	return {
		full_name: o.customer?.name ?? undefined,
		phone: o.customer?.phone ?? undefined,
		email: o.customer?.email ?? undefined,
		total_price: o.subtotal ?? o.total ?? undefined,
		total_pay: o.total ?? undefined,
		discount: o.discount ?? undefined,
		ship_fee: o.shipping ?? undefined,
		ref: o.number ?? o.id,
		src: o.source ? SOURCES[o.source] : undefined,
		products: (o.lines ?? []).map((line) => ({
			sku: line.sku ?? undefined,
			quantity: line.quantity,
			...(line.unitPrice !== null && line.unitPrice !== undefined ? { price: line.unitPrice } : {}),
		})),
	};
}
