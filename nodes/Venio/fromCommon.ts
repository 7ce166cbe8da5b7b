/**
 * Map Automatically for Venio: a customer or order in the pack's common shape (from SHOPLINE,
 * MeeDee POS, Salekit or Venio itself) turned into Venio's Create or Update body.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toCalendarDate } from '../shared/dates';
import { toLocal } from '../shared/phone';
import type { CommonCustomerInput, CommonOrderInput } from '../shared/shapes';

const SOURCE_NAMES = { venio: 'Venio CRM', meedee: 'MeeDee POS', shopline: 'SHOPLINE', salekit: 'Salekit' } as const;

function addressText(c: CommonCustomerInput): string | undefined {
	const a = c.address;
	if (!a) return undefined;
	const text = [a.line1, a.line2, a.city, a.state, a.postcode, a.country].filter(Boolean).join(', ');
	return text || undefined;
}

export function venioCustomerFromCommon(c: CommonCustomerInput): IDataObject {
	const address = addressText(c);
	return {
		// Only a Venio record's own code can address a Venio customer.
		customerCode: c.source === 'venio' ? (c.code ?? undefined) : undefined,
		customerName: c.name ?? ([c.firstName, c.lastName].filter(Boolean).join(' ') || undefined),
		customerEmail: c.email ?? undefined,
		// Venio users read mobiles in local form (08x…); numbers of other markets keep their own trunk 0.
		customerMobile: c.phone ? (toLocal(c.phone) ?? c.phone) : undefined,
		customerBirthdate: c.birthday ?? undefined,
		customerTags: c.tags,
		sourceName: c.source ? SOURCE_NAMES[c.source] : undefined,
		addresses: address ? [{ locationName: 'Address', locationAddress: address, locationType: 2 }] : undefined,
	};
}

/** A common-shape order as a Venio sales order or quotation (same lines, different key names). */
export function venioOrderFromCommon(o: CommonOrderInput, ctx: IExecuteFunctions, document: 'salesOrder' | 'quotation' = 'salesOrder'): IDataObject {
	const source = o.source ? SOURCE_NAMES[o.source] : undefined;
	const keys =
		document === 'salesOrder'
			? { no: 'salesOrderNo', subject: 'salesOrderSubject', date: 'salesOrderDate', lines: 'salesorderDetails' }
			: { no: 'quotationNo', subject: 'quotationSubject', date: 'quotationDate', lines: 'quotationDetails' };
	return {
		// Only a Venio document's own number can address it; other vendors' numbers go to the reference.
		[keys.no]: o.source === 'venio' && document === 'salesOrder' ? (o.number ?? undefined) : undefined,
		[keys.subject]: source && o.number ? `${source} order ${o.number}` : undefined,
		// The order's own calendar date (its offset kept), never shifted by a time-zone conversion.
		[keys.date]: o.date ? (toCalendarDate(o.date, ctx.getTimezone()) as string) : undefined,
		referenceNo: o.number ?? o.id,
		...(document === 'salesOrder' ? { currencyCode: o.currency ?? undefined, recipientName: o.customer?.name ?? undefined } : {}),
		[keys.lines]: (o.lines ?? []).map((line) => ({
			productCode: line.sku ?? undefined,
			productName: line.name ?? undefined,
			qty: line.quantity,
			...(line.unitPrice !== null && line.unitPrice !== undefined ? { price: line.unitPrice } : {}),
			...(line.discount ? { discountValue: line.discount } : {}),
		})),
	};
}
