/** Venio simulator: what sales orders and quotations share (lines, totals, the enquiry body). */
import { type SimRequest, type SimResponse } from '../core';
import { type Line } from './model';
import { BKK, bkkDay, blank, type Body, objectBody, ok, parseWhen, Problems, round2, strOrNull } from './helpers';
import type { VenioSim } from './index';

// ----- Sales orders and quotations: shared document reading --------------------------------

/** Lines of an order or quotation; every problem goes to `p`. */
export function readLines(sim: VenioSim, raw: unknown, field: string, p: Problems): Line[] {
	if (!p.check(Array.isArray(raw) && raw.length > 0, `${field} is required (at least one line)`)) return [];
	return (raw as Body[]).map((l, i) => {
		const at = `${field}[${i}]`;
		const product = blank(l?.productCode) ? undefined : sim.products.get(String(l.productCode).toUpperCase());
		if (p.check(!blank(l?.productCode), `${at}.productCode is required`) && sim.options.requireKnownProducts) {
			p.check(!!product, `${at}.productCode ${l.productCode} not found`); // [INF]
		}
		p.check(typeof l?.qty === 'number' && l.qty > 0, `${at}.qty must be greater than 0`);
		for (const f of ['price', 'discountValue', 'whtTaxValue']) p.check(l?.[f] === undefined || (typeof l[f] === 'number' && l[f] >= 0), `${at}.${f} must be 0 or more`);
		p.check(l?.vatTaxValue === undefined || (typeof l.vatTaxValue === 'number' && l.vatTaxValue >= 0 && l.vatTaxValue <= 100), `${at}.vatTaxValue must be a VAT percentage from 0 to 100`); // [INF]
		p.check(l?.discountType === undefined || typeof l.discountType === 'boolean', `${at}.discountType must be true (percent) or false (amount)`);
		if (l?.discountType === true) p.check(!(l.discountValue > 100), `${at}.discountValue must be at most 100 when discountType is true`);
		const qty = Number(l?.qty) || 0;
		const price = typeof l?.price === 'number' ? l.price : (product?.price ?? 0); // [INF] product price when not sent
		const discountValue = typeof l?.discountValue === 'number' ? l.discountValue : 0;
		const discountType = l?.discountType === true;
		const gross = qty * price;
		return {
			productCode: product?.productCode ?? String(l?.productCode ?? ''),
			productName: strOrNull(l?.productName) ?? product?.productName ?? '',
			productDescription: strOrNull(l?.productDescription) ?? product?.productDescription ?? null,
			productUnitName: product?.unitName ?? '',
			unitId: product?.unitId ?? 0,
			qty,
			price,
			discountValue,
			discountType,
			vatTaxValue: typeof l?.vatTaxValue === 'number' ? l.vatTaxValue : (product?.vatTaxValue ?? 0),
			whtTaxValue: typeof l?.whtTaxValue === 'number' ? l.whtTaxValue : 0,
			totalPrice: round2(gross - (discountType ? (gross * discountValue) / 100 : discountValue)),
			isShipping: l?.isShipping === true,
			warehouseCode: strOrNull(l?.warehouseCode),
		};
	});
}

/**
 * Header checks common to orders and quotations. On an update, unsent customer, lines and discount
 * keep their stored values [INF]. Returns the customer, lines and the computed totals.
 */
export function readDocument(sim: VenioSim, b: Body, prev: Body | undefined, dateField: string, detailsField: string) {
	const p = new Problems();
	const code = b.customerCode ?? prev?.customerCode;
	if (p.check(!blank(code), 'customerCode is required')) p.check(sim.customerByCode.has(String(code).toUpperCase()), `customerCode ${code} not found`);
	const lines: Line[] = b[detailsField] === undefined && prev ? prev[detailsField] : readLines(sim, b[detailsField], detailsField, p);
	if (b[dateField] !== undefined) p.check(parseWhen(b[dateField]) !== undefined, `${dateField} must be YYYY-MM-DD or a date-time`);
	if (!blank(b.staffCode)) p.check(sim.isEmployee(b.staffCode), `staffCode ${b.staffCode} is not an employee code`);
	p.check(b.discountValue === undefined || (typeof b.discountValue === 'number' && b.discountValue >= 0), 'discountValue must be 0 or more');
	p.check(b.discountType === undefined || typeof b.discountType === 'boolean', 'discountType must be true (percent) or false (amount)');
	p.done();
	const discountValue: number = b.discountValue ?? prev?.discountValue ?? 0;
	const discountType: boolean = b.discountType ?? prev?.discountType ?? false;
	// [INF] Totals: lines net of their discounts; the header discount lowers VAT pro rata.
	const subTotal = round2(lines.reduce((sum, l) => sum + l.totalPrice, 0));
	const subTotalWithDiscount = round2(Math.max(0, subTotal - (discountType ? (subTotal * discountValue) / 100 : discountValue)));
	const vat = lines.reduce((sum, l) => sum + (l.totalPrice * l.vatTaxValue) / 100, 0);
	const totalVat = round2(subTotal > 0 ? (vat * subTotalWithDiscount) / subTotal : 0);
	const day = b[dateField] === undefined ? (prev?.[dateField] ?? today(sim)) : bkkDay(new Date(parseWhen(b[dateField])! + BKK).toISOString().slice(0, 10));
	return { customer: sim.customer(String(code)), lines, discountValue, discountType, day, subTotal, subTotalWithDiscount, totalVat, grandTotal: round2(subTotalWithDiscount + totalVat) };
}

export function today(sim: VenioSim): string {
	return bkkDay(new Date(sim.now() + BKK).toISOString().slice(0, 10))!;
}

/**
 * The enquiry body both document searches take: skip + `take` (documented for quotations) or
 * `pageLength`, and filters. [INF] referenceNo matches exactly (any case), keyword is "contains".
 */
export function documentEnquiry<T extends Body>(sim: VenioSim, req: SimRequest, docs: T[], fields: (d: T) => { no: string; status: number; text: string }): SimResponse {
	const b = objectBody(req, true);
	const p = new Problems();
	const max = sim.options.maxPageLength;
	const size = b.take ?? b.pageLength;
	p.check(size === undefined || (Number.isInteger(size) && size >= 1 && size <= max), `take (or pageLength) must be from 1 to ${max}`);
	p.check(b.skip === undefined || (Number.isInteger(b.skip) && b.skip >= 0), 'skip must be a whole number, 0 or more');
	p.check(b.statuses === undefined || Array.isArray(b.statuses), 'statuses must be an array');
	p.done();
	const keyword = blank(b.keyword) ? '' : String(b.keyword).toLowerCase();
	const list = docs.filter((d) => {
		const f = fields(d);
		return (
			(blank(b.customerCode) || d.customerCode === String(b.customerCode).trim().toUpperCase()) &&
			(blank(b.referenceNo) || (typeof d.referenceNo === 'string' && d.referenceNo.trim().toLowerCase() === String(b.referenceNo).trim().toLowerCase())) &&
			(blank(b.documentNo) || f.no.toUpperCase() === String(b.documentNo).trim().toUpperCase()) &&
			(!b.statuses?.length || b.statuses.includes(f.status)) &&
			f.text.toLowerCase().includes(keyword)
		);
	});
	const skip = b.skip ?? 0;
	const answer = ok(list.slice(skip, skip + (size ?? 20))); // [INF] default page 20
	if (sim.options.enquiryIncludesTotal) (answer.body as Body).total = list.length;
	return answer;
}
