/**
 * Issue 16, point 2, for the Venio writes that act on one record (events, satisfaction, product,
 * quotation and sales-order actions): item 2 is bad, so without an error output nothing is written
 * and the error names item 2, the field and the record; with continueOnFail item 1 is written and
 * item 2 comes out as an error paired with its input.
 */
import type { IDataObject } from 'n8n-workflow';

import { useVenio, type Env } from './setup';

const env = useVenio();

interface Case {
	title: string;
	/** Parameters and the two input items; item 2 is the bad one. Runs after the simulator is seeded. */
	given(env: Env): { params: IDataObject; input: [IDataObject, IDataObject] };
	/** The error on item 2, in n8n's numbering, with the field and (when known) the record. */
	message(input: [IDataObject, IDataObject]): string;
	/** The one write item 1 makes, as method and path. */
	write(input: [IDataObject, IDataObject]): { method: string; path: string };
}

const openQuotation = (e: Env) => [...e.sim.quotations.values()].find((q) => q.quotationStatus === 1)!.quotationNo;
const waitingOrder = (e: Env) => [...e.sim.orders.values()].find((o) => o.doc.salesOrderStatus === 1)!.doc.salesOrderNo;
const anyOrders = (e: Env) => [...e.sim.orders.values()].map((o) => o.doc.salesOrderNo);
const eventIds = (e: Env) => e.sim.events.map((ev) => String(ev.customerEventId));

const cases: Case[] = [
	{
		title: 'Customer › Add Event: an expression that gives no date',
		given: () => ({
			params: { resource: 'customer', operation: 'addEvent', customerCode: '={{ $json.customer }}', eventName: 'Visit', eventType: 3, eventDate: '={{ $json.date }}' },
			input: [
				{ customer: 'C000001', date: '2026-04-13' },
				{ customer: 'C000002', date: '' },
			],
		}),
		message: () => 'Item 2 (customer C000002): "Event Date" is required',
		write: () => ({ method: 'POST', path: '/v1/customerEvent' }),
	},
	{
		title: 'Customer › Create Satisfaction: a score that is not a number',
		given: () => ({
			params: { resource: 'customer', operation: 'createSatisfaction', customerCode: 'C000002', score: '={{ $json.score }}' },
			input: [{ score: 4 }, { score: 'great' }],
		}),
		message: () => 'Item 2 (customer C000002): "Score" must be a number',
		write: () => ({ method: 'POST', path: '/v1/customers/satisfaction' }),
	},
	{
		title: 'Customer › Delete Event: an expression that gives no event ID',
		given: (e) => ({
			params: { resource: 'customer', operation: 'deleteEvent', eventId: '={{ $json.id }}' },
			input: [{ id: eventIds(e)[0] }, { id: '' }],
		}),
		message: () => 'Item 2: "Event ID" is required',
		write: ([first]) => ({ method: 'DELETE', path: `/v1/customerEvent/${first.id}` }),
	},
	{
		title: 'Customer › Update Event: a date that is not on the calendar',
		given: (e) => ({
			params: { resource: 'customer', operation: 'updateEvent', eventId: '={{ $json.id }}', updateFields: { eventDate: '={{ $json.date }}' } },
			input: [
				{ id: eventIds(e)[0], date: '2026-05-01' },
				{ id: eventIds(e)[1], date: '2026-02-30' },
			],
		}),
		message: ([, second]) => `Item 2 (event ${second.id}): "Event Date" is not a real calendar date`,
		write: ([first]) => ({ method: 'PUT', path: `/v1/customerEvent/${first.id}` }),
	},
	{
		title: 'Product › Create or Update: a price that is not a number',
		given: () => ({
			params: { resource: 'product', operation: 'createOrUpdate', productCode: '={{ $json.code }}', additionalFields: { productName: 'Check first', price: '={{ $json.price }}' } },
			input: [
				{ code: 'P-CHECK-1', price: 10 },
				{ code: 'P-CHECK-2', price: 'ten baht' },
			],
		}),
		message: () => 'Item 2 (P-CHECK-2): "Price" must be a number',
		write: () => ({ method: 'POST', path: '/v3/products' }),
	},
	{
		title: 'Product › Update Stock: a negative quantity',
		given: () => ({
			params: { resource: 'product', operation: 'updateStock', productCode: '={{ $json.code }}', warehouseCode: 'WH-CNX', qty: '={{ $json.qty }}' },
			input: [
				{ code: 'P-PHO', qty: 5 },
				{ code: 'P-EGG-TART', qty: -1 },
			],
		}),
		message: () => 'Item 2 (product P-EGG-TART): "Quantity on Hand" must not be negative',
		write: () => ({ method: 'PUT', path: '/v3/products/P-PHO/stock' }),
	},
	{
		title: 'Quotation › Cancel: an expression that gives no quotation number',
		given: (e) => ({
			params: { resource: 'quotation', operation: 'cancel', quotationNo: '={{ $json.no }}' },
			input: [{ no: openQuotation(e) }, { no: '' }],
		}),
		message: () => 'Item 2: "Quotation" is required: pick one from the list or enter its code',
		write: ([first]) => ({ method: 'PUT', path: `/v1/quotation/${first.no}/cancel` }),
	},
	{
		title: 'Quotation › Convert to Sales Order: a quotation number with spaces',
		given: (e) => ({
			params: { resource: 'quotation', operation: 'convertToSalesOrder', quotationNo: '={{ $json.no }}' },
			input: [{ no: openQuotation(e) }, { no: 'QT 2601' }],
		}),
		message: () => 'Item 2: "Quotation" must be a quotation number without spaces, e.g. QT2601-0001 (got "QT 2601")',
		write: ([first]) => ({ method: 'POST', path: `/v1/quotation/${first.no}/convert-to-salesorder` }),
	},
	{
		title: 'Sales Order › Approve: an expression that gives no order number',
		given: (e) => ({
			params: { resource: 'salesOrder', operation: 'approve', salesOrderNo: '={{ $json.no }}' },
			input: [{ no: waitingOrder(e) }, { no: null }],
		}),
		message: () => 'Item 2: "Sales Order" is required: pick one from the list or enter its code',
		write: ([first]) => ({ method: 'PUT', path: `/v2/salesorder/${first.no}/approve` }),
	},
	{
		title: 'Sales Order › Reject: a blank reason',
		given: (e) => ({
			params: { resource: 'salesOrder', operation: 'reject', salesOrderNo: '={{ $json.no }}', reason: '={{ $json.reason }}' },
			input: [
				{ no: waitingOrder(e), reason: 'Price not agreed' },
				{ no: anyOrders(e)[1], reason: '  ' },
			],
		}),
		message: ([, second]) => `Item 2 (sales order ${second.no}): "Reason" is required`,
		write: ([first]) => ({ method: 'PUT', path: `/v2/salesorder/${first.no}/reject` }),
	},
	{
		title: 'Sales Order › Update Payment: installment 0',
		given: (e) => ({
			params: { resource: 'salesOrder', operation: 'updatePayment', salesOrderNo: '={{ $json.no }}', payments: { values: [{ periodNo: '={{ $json.period }}', status: 2 }] } },
			input: [
				{ no: anyOrders(e)[0], period: 1 },
				{ no: anyOrders(e)[1], period: 0 },
			],
		}),
		message: ([, second]) => `Item 2 (sales order ${second.no}): "Payments › 1 › Installment Number" must be 1 or more`,
		write: ([first]) => ({ method: 'PUT', path: `/v2/salesorder/${first.no}/payment` }),
	},
	{
		title: 'Sales Order › Update Tracking Number: an expression that gives no tracking number',
		given: (e) => ({
			params: { resource: 'salesOrder', operation: 'updateTracking', salesOrderNo: '={{ $json.no }}', trackingNo: '={{ $json.tracking }}' },
			input: [
				{ no: anyOrders(e)[0], tracking: 'TH0123456789' },
				{ no: anyOrders(e)[1], tracking: '' },
			],
		}),
		message: ([, second]) => `Item 2 (sales order ${second.no}): "Tracking Number" is required`,
		write: ([first]) => ({ method: 'PUT', path: `/v2/salesorder/${first.no}/tracking` }),
	},
];

/** What the simulator was asked to change (reads and token requests left out). */
const writes = () => env.calls().filter((c) => c.method !== 'GET');

describe.each(cases)('$title', ({ given, message, write }) => {
	it('without an error output: nothing is written and the error names item 2, the field and the record', async () => {
		const { params, input } = given(env);
		const { error } = await env.run(params, input);
		expect(error?.message).toBe(message(input));
		expect(error?.description).toContain('Nothing was written: every item is checked before the first one is sent.');
		expect(writes()).toEqual([]);
	});

	it('with continueOnFail: item 1 is written, item 2 is an error paired with its input', async () => {
		const { params, input } = given(env);
		const { items, error } = await env.run(params, input, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].pairedItem).toEqual({ item: 0 });
		expect(items[0].json.error).toBeUndefined();
		expect(items[1]).toMatchObject({ json: { error: message(input) }, pairedItem: { item: 1 } });
		expect(writes().map((c) => ({ method: c.method, path: c.path, ok: c.status < 300 }))).toEqual([{ ...write(input), ok: true }]);
	});
});
