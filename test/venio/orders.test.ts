/**
 * Venio CRM node: Sales Order, Quotation and Product resources against the Venio simulator.
 */
import { commonOrderSchema } from '../../nodes/shared/shapes';
import { useVenio } from './setup';

const env = useVenio();

const lines = (values: object[]) => ({ values });

/** Seed 003's documented response fields (every key of its example `data.value`). */
const SEED_003_FIELDS = [
	'orderId', 'attachments', 'customer', 'userInfo', 'statusName', 'isEdit', 'isDelete', 'isApprove', 'reason', 'total', 'buyer', 'seller',
	'customerIds', 'currency', 'comments', 'isExcludeVat', 'subTotal', 'saleOrderId', 'orderType', 'refNo', 'saleOrderNo', 'subject', 'status',
	'dateOrder', 'customerId', 'contactId', 'contactName', 'siteId', 'isActive', 'remarkTemplateId', 'remark', 'createdByUserId', 'dateCreated',
	'waitingApproveByUserId', 'waitingApproveByRoleId', 'approvedByUserId', 'modifiedByUserId', 'dateModified', 'dateApproved', 'activityId',
	'discount', 'discountPercentage', 'isDiscountPercentage', 'discountNote', 'grandTotal', 'privateNote', 'currencyCode', 'shipToId', 'shipToAddress',
	'shipToAddressName', 'shipToAddressType', 'creditTerm', 'paymentTermDescription', 'vatType', 'vat', 'totalVat', 'totalWht', 'note',
	'saleOrderHeaderTemplateId', 'dealId', 'isShowContact', 'refId', 'ownerUserId', 'saleOrderDetails', 'saleOrderStates',
];
const SEED_003_LINE_FIELDS = [
	'name', 'unit', 'totalQty', 'saleOrderDetailId', 'saleOrderId', 'partId', 'qty', 'unitId', 'unitName', 'price', 'discount', 'discountPercentage',
	'isDiscountPercentage', 'vatTaxId', 'vatTaxValue', 'whtTaxId', 'whtTaxValue', 'totalPrice', 'partCode', 'itemName', 'note', 'dateCreated', 'seq',
];

const firstOrder = () => [...env.sim.orders.values()][0];

describe('Sales Order', () => {
	it('Create or Update creates an order with header, customer and lines (POST /v2/salesorder)', async () => {
		const { items, error } = await env.run({
			resource: 'salesOrder',
			operation: 'createOrUpdate',
			customerCode: 'C000002',
			salesorderDetails: lines([
				{ productCode: 'P-THAI-TEA', qty: 3, price: '45', discountValue: '10', discountType: true, vatTaxValue: '7', whtTaxValue: '', productName: '', isShipping: false },
				{ productCode: 'P-PHO', qty: 1, price: '', discountValue: '5', discountType: false, vatTaxValue: '', whtTaxValue: '', productName: '', isShipping: false },
			]),
			additionalFields: { salesOrderSubject: 'LINE order #88', salesOrderDate: '2026-03-05', staffCode: 'E003', referenceNo: 'WEB-88', discountValue: 10, currencyCode: 'THB' },
		});
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: '/v2/salesorder', status: 201 });
		expect(env.calls()[0].body).toEqual({
			customerCode: 'C000002',
			salesorderDetails: [
				{ productCode: 'P-THAI-TEA', qty: 3, price: 45, discountValue: 10, discountType: true, vatTaxValue: 7, isShipping: false },
				{ productCode: 'P-PHO', qty: 1, discountValue: 5, discountType: false, isShipping: false },
			],
			salesOrderSubject: 'LINE order #88',
			salesOrderDate: '2026-03-05',
			staffCode: 'E003',
			referenceNo: 'WEB-88',
			discountValue: 10,
			currencyCode: 'THB',
		});
		const order = items[0].json;
		expect(order).toMatchObject({ customerCode: 'C000002', salesOrderSubject: 'LINE order #88', salesOrderDate: '2026-03-05T00:00:00+0700', subTotal: 181.5 });
		expect(env.sim.order(order.salesOrderNo as string).doc.referenceNo).toBe('WEB-88');
	});

	it('Create or Update with a number updates that order (no second order)', async () => {
		const waiting = firstOrder();
		const count = env.sim.orders.size;
		const { error } = await env.run({
			resource: 'salesOrder',
			operation: 'createOrUpdate',
			salesOrderNo: waiting.doc.salesOrderNo,
			customerCode: waiting.doc.customerCode,
			salesorderDetails: lines([{ productCode: 'P-BOBA', qty: 2, price: '', discountValue: '', vatTaxValue: '', whtTaxValue: '' }]),
			additionalFields: { remark: 'changed' },
		});
		expect(error).toBeUndefined();
		expect((env.calls()[0].body as { salesOrderNo: string }).salesOrderNo).toBe(waiting.doc.salesOrderNo);
		expect(env.sim.orders.size).toBe(count);
		expect(env.sim.order(waiting.doc.salesOrderNo).doc).toMatchObject({ remark: 'changed', salesorderDetails: [expect.objectContaining({ productCode: 'P-BOBA', qty: 2 })] });
	});

	it.each([
		['no lines', { salesorderDetails: lines([]) }, 'Item 1: "Lines" needs at least one line'],
		['a zero quantity', { salesorderDetails: lines([{ productCode: 'P-PHO', qty: 0 }]) }, 'Item 1: "Lines › 1 › Quantity" must be more than 0'],
		['a VAT over 100 %', { salesorderDetails: lines([{ productCode: 'P-PHO', qty: 1, vatTaxValue: '107' }]) }, 'Item 1: "Lines › 1 › VAT (%)" must be a percentage from 0 to 100'],
		['an order date not written YYYY-MM-DD', { additionalFields: { salesOrderDate: '5 March' } }, 'Item 1: "Order Date" must be a date written YYYY-MM-DD'],
	])('Create or Update rejects %s before any request', async (_t, change, message) => {
		const { error } = await env.run({ resource: 'salesOrder', operation: 'createOrUpdate', customerCode: 'C000001', salesorderDetails: lines([{ productCode: 'P-PHO', qty: 1 }]), ...change });
		expect(error?.message).toBe(message);
		expect(env.server.requests('venio')).toHaveLength(0);
	});

	it('Get by Number, simplified: the common order shape with Venio’s +07:00 date', async () => {
		const o = firstOrder().doc;
		const { items, error } = await env.run({ resource: 'salesOrder', operation: 'getByNumber', salesOrderNo: o.salesOrderNo });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: `/v2/salesorder/${o.salesOrderNo}` });
		const out = items[0].json;
		expect(() => commonOrderSchema.parse(out)).not.toThrow();
		expect(out).toMatchObject({
			source: 'venio',
			id: String(o.salesOrderId),
			number: o.salesOrderNo,
			date: o.salesOrderDate.replace('+0700', '+07:00'),
			status: 'Waiting for Approval',
			customer: { id: String(o.customerId), code: o.customerCode },
			subtotal: o.subTotal,
			discount: 0,
			tax: o.totalVat,
			total: o.grandTotal,
			currency: 'THB',
		});
		expect(out.lines).toEqual(
			o.salesorderDetails.map((l) => ({
				sku: l.productCode,
				name: l.productName,
				quantity: l.qty,
				unitPrice: l.price,
				discount: l.discountType ? (l.qty * l.price * l.discountValue) / 100 : l.discountValue,
				total: l.totalPrice,
			})),
		);
	});

	it('Get by Number, raw: the order exactly as Venio answers it', async () => {
		const o = firstOrder();
		const { items } = await env.run({ resource: 'salesOrder', operation: 'getByNumber', salesOrderNo: o.doc.salesOrderNo, simplify: false });
		expect(items[0].json).toEqual(env.sim.orderOut(o));
	});

	it('Get by ID (legacy) unwraps seed 003’s envelope and returns every documented field', async () => {
		const o = firstOrder();
		const { items, error } = await env.run({ resource: 'salesOrder', operation: 'getById', salesOrderId: String(o.doc.salesOrderId), simplify: false });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: `/v1/SalesOrders/${o.doc.salesOrderId}` });
		const out = items[0].json;
		expect(out).toEqual(env.sim.legacyOrderOut(o));
		expect(Object.keys(out).sort()).toEqual([...SEED_003_FIELDS].sort());
		expect(Object.keys((out.saleOrderDetails as object[])[0]).sort()).toEqual([...SEED_003_LINE_FIELDS].sort());
		expect(out).not.toHaveProperty('formatters');
	});

	it('Get by ID, simplified: legacy fields in the common order shape, times moved to +07:00', async () => {
		const o = firstOrder();
		const legacy = env.sim.legacyOrderOut(o) as Record<string, any>;
		const { items } = await env.run({ resource: 'salesOrder', operation: 'getById', salesOrderId: String(o.doc.salesOrderId) });
		const out = items[0].json;
		expect(() => commonOrderSchema.parse(out)).not.toThrow();
		expect(out).toMatchObject({
			id: String(legacy.saleOrderId),
			number: legacy.saleOrderNo,
			status: legacy.statusName,
			customer: { id: String(legacy.customerId), code: legacy.customer.customerCode, name: legacy.customer.customerName },
			subtotal: legacy.subTotal,
			total: legacy.grandTotal,
			tax: legacy.totalVat,
		});
		// dateOrder "…Z" (UTC) is the same instant in Bangkok time.
		expect(Date.parse(out.date as string)).toBe(Date.parse(legacy.dateOrder));
		expect(out.date).toMatch(/\+07:00$/);
		expect((out.lines as object[])[0]).toEqual({
			sku: legacy.saleOrderDetails[0].partCode,
			name: legacy.saleOrderDetails[0].name,
			quantity: legacy.saleOrderDetails[0].qty,
			unitPrice: legacy.saleOrderDetails[0].price,
			discount: legacy.saleOrderDetails[0].discount,
			total: legacy.saleOrderDetails[0].totalPrice,
		});
	});

	it('Get by ID refuses an ID that is not a number before any request', async () => {
		const { error } = await env.run({ resource: 'salesOrder', operation: 'getById', salesOrderId: 'SO2601-0001' });
		expect(error?.message).toBe('Item 1: "Sales Order" must be a number, e.g. 5001 (got "SO2601-0001")');
		expect(env.server.requests('venio')).toHaveLength(0);
	});

	it('Approve, then Reject of the same order is Venio’s plain refusal', async () => {
		const no = firstOrder().doc.salesOrderNo;
		const approved = await env.run({ resource: 'salesOrder', operation: 'approve', salesOrderNo: no });
		expect(approved.items[0].json).toEqual({ salesOrderNo: no, approved: true });
		expect(env.calls()[0]).toMatchObject({ method: 'PUT', path: `/v2/salesorder/${no}/approve` });
		expect(env.sim.order(no).doc.salesOrderStatus).toBe(2);
		const rejected = await env.run({ resource: 'salesOrder', operation: 'reject', salesOrderNo: no, reason: 'too late' });
		expect(rejected.error?.message).toBe(`Venio CRM Bad request (400) [4001]: Sales order ${no} is Approved, not waiting for approval`);
	});

	it('Reject sends the reason', async () => {
		const created = await env.run({ resource: 'salesOrder', operation: 'createOrUpdate', customerCode: 'C000001', salesorderDetails: lines([{ productCode: 'P-PHO', qty: 1 }]) });
		const no = created.items[0].json.salesOrderNo as string;
		const { items } = await env.run({ resource: 'salesOrder', operation: 'reject', salesOrderNo: no, reason: 'Price not agreed' });
		expect(items[0].json).toEqual({ salesOrderNo: no, rejected: true, reason: 'Price not agreed' });
		expect(env.calls()[1]).toMatchObject({ method: 'PUT', path: `/v2/salesorder/${no}/reject`, body: { reason: 'Price not agreed' } });
		expect(env.sim.order(no).reason).toBe('Price not agreed');
	});

	it('Update Payment marks installments paid', async () => {
		const no = firstOrder().doc.salesOrderNo;
		const { items, error } = await env.run({ resource: 'salesOrder', operation: 'updatePayment', salesOrderNo: no, payments: { values: [{ periodNo: 1, status: 2 }, { periodNo: 2, status: 1 }] } });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'PUT', path: `/v2/salesorder/${no}/payment`, body: { payments: [{ periodNo: 1, status: 2 }, { periodNo: 2, status: 1 }] } });
		expect(items[0].json).toMatchObject({ salesOrderNo: no, updated: true });
		expect(env.sim.order(no).doc.payment.periods).toEqual([{ periodNo: 1, status: 2 }, { periodNo: 2, status: 1 }]);
	});

	it('Update Tracking Number sets the tracking number', async () => {
		const no = firstOrder().doc.salesOrderNo;
		const { items } = await env.run({ resource: 'salesOrder', operation: 'updateTracking', salesOrderNo: no, trackingNo: 'TH0123456789' });
		expect(items[0].json).toEqual({ salesOrderNo: no, updated: true, trackingNo: 'TH0123456789' });
		expect(env.calls()[0]).toMatchObject({ method: 'PUT', path: `/v2/salesorder/${no}/tracking`, body: { trackingNo: 'TH0123456789' } });
		expect(env.sim.order(no).doc.trackingNo).toBe('TH0123456789');
	});

	it('Get Attachment returns the document as n8n binary data named from content-disposition', async () => {
		const o = firstOrder();
		const { items, error } = await env.run({ resource: 'salesOrder', operation: 'getAttachment', salesOrderNo: o.doc.salesOrderNo, binaryPropertyName: 'document' });
		expect(error).toBeUndefined();
		const bytes = env.sim.attachmentBytes(o);
		expect(items[0].json).toEqual({ salesOrderNo: o.doc.salesOrderNo, fileName: `${o.doc.salesOrderNo}.pdf`, mimeType: 'application/pdf', fileSize: bytes.length });
		const file = items[0].binary!.document;
		expect(file).toMatchObject({ fileName: `${o.doc.salesOrderNo}.pdf`, mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(Buffer.from(file.data, 'base64')).toEqual(bytes);
	});
});

describe('Quotation', () => {
	const openQuotation = () => [...env.sim.quotations.values()].find((q) => q.quotationStatus === 1)!;

	it('Create or Update creates a quotation with lines, then updates it by number', async () => {
		const created = await env.run({
			resource: 'quotation',
			operation: 'createOrUpdate',
			customerCode: 'C000003',
			quotationDetails: lines([{ productCode: 'P-EGG-TART', qty: 12, price: '25', discountValue: '', vatTaxValue: '7', whtTaxValue: '' }]),
			additionalFields: { quotationSubject: 'Egg tarts for the office', validUntil: '2026-04-30' },
		});
		expect(created.error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({
			method: 'POST',
			path: '/v1/quotation',
			status: 201,
			body: { customerCode: 'C000003', quotationDetails: [{ productCode: 'P-EGG-TART', qty: 12, price: 25, vatTaxValue: 7, discountType: false, isShipping: false }], quotationSubject: 'Egg tarts for the office', validUntil: '2026-04-30' },
		});
		const no = created.items[0].json.quotationNo as string;
		const updated = await env.run({ resource: 'quotation', operation: 'createOrUpdate', quotationNo: no, customerCode: 'C000003', quotationDetails: lines([{ productCode: 'P-EGG-TART', qty: 24 }]) });
		expect(updated.items[0].json).toMatchObject({ quotationNo: no, quotationDetails: [expect.objectContaining({ qty: 24 })] });
		expect(env.calls()[1].status).toBe(200);
	});

	it('Get by Number and Get Many (filters in the body, skip paging)', async () => {
		const q = openQuotation();
		const one = await env.run({ resource: 'quotation', operation: 'get', quotationNo: q.quotationNo });
		expect(one.items[0].json).toEqual(env.sim.quotationOut(q));
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: `/v1/quotation/${q.quotationNo}` });

		const many = await env.run({ resource: 'quotation', operation: 'getMany', returnAll: true, filters: { customerCode: q.customerCode, statuses: [1] } });
		expect(env.calls()[1]).toMatchObject({ method: 'POST', path: '/v1/quotation/enquiry', body: { customerCode: q.customerCode, statuses: [1], skip: 0, pageLength: 100 } });
		expect(many.items.map((i) => i.json.quotationNo)).toEqual([q.quotationNo]);
	});

	it('Convert to Sales Order creates one order; a second conversion returns that order (unchanged), not a duplicate', async () => {
		const q = openQuotation();
		const count = env.sim.orders.size;
		const first = await env.run({ resource: 'quotation', operation: 'convertToSalesOrder', quotationNo: q.quotationNo, simplify: false });
		expect(first.error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: `/v1/quotation/${q.quotationNo}/convert-to-salesorder`, body: { QuotationNo: q.quotationNo } });
		expect(first.items[0].json).toMatchObject({ action: 'created', customerCode: q.customerCode, referenceNo: q.quotationNo });
		const again = await env.run({ resource: 'quotation', operation: 'convertToSalesOrder', quotationNo: q.quotationNo, simplify: false });
		expect(again.error).toBeUndefined();
		expect(again.items[0].json).toMatchObject({ action: 'unchanged', salesOrderNo: first.items[0].json.salesOrderNo });
		// Venio answered "already converted" (400); the node then read the quotation and its order.
		expect(env.calls().slice(1).map((c) => [c.method, c.status])).toEqual([['POST', 400], ['GET', 200], ['GET', 200]]);
		expect(env.sim.orders.size).toBe(count + 1);
	});

	it('Cancel cancels an open quotation', async () => {
		const q = openQuotation();
		const { items } = await env.run({ resource: 'quotation', operation: 'cancel', quotationNo: q.quotationNo });
		expect(items[0].json).toEqual({ quotationNo: q.quotationNo, cancelled: true });
		expect(env.calls()[0]).toMatchObject({ method: 'PUT', path: `/v1/quotation/${q.quotationNo}/cancel` });
		expect(env.sim.quotation(q.quotationNo).quotationStatus).toBe(3);
	});
});

describe('Product', () => {
	it('Create or Update creates by code, with unit and group from the dropdowns', async () => {
		const { items, error } = await env.run({
			resource: 'product',
			operation: 'createOrUpdate',
			productCode: 'P-MILK-TEA',
			additionalFields: { productName: 'ชานม (Milk tea)', price: 50, unitId: 2, productGroupId: 1, status: 1 },
		});
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: '/v3/products', status: 201, body: { productCode: 'P-MILK-TEA', productName: 'ชานม (Milk tea)', price: 50, unitId: 2, productGroupId: 1, status: 1 } });
		expect(items[0].json).toMatchObject({ productCode: 'P-MILK-TEA', unitName: env.sim.units[1].unitName, productGroupName: 'Drinks' });
		const again = await env.run({ resource: 'product', operation: 'createOrUpdate', productCode: 'P-MILK-TEA', additionalFields: { price: 55 } });
		expect(again.items[0].json).toMatchObject({ productCode: 'P-MILK-TEA', price: 55, productName: 'ชานม (Milk tea)' });
	});

	it('Get by Code, Update Stock', async () => {
		const got = await env.run({ resource: 'product', operation: 'get', productCode: 'P-PHO' });
		expect(got.items[0].json).toEqual(env.sim.productOut(env.sim.product('P-PHO')));
		const stock = await env.run({ resource: 'product', operation: 'updateStock', productCode: 'P-PHO', warehouseCode: 'WH-CNX', qty: 42 });
		expect(env.calls()[1]).toMatchObject({ method: 'PUT', path: '/v3/products/P-PHO/stock', body: { warehouseCode: 'WH-CNX', qty: 42 } });
		expect(stock.items[0].json.stocks).toEqual(expect.arrayContaining([{ warehouseCode: 'WH-CNX', qty: 42 }]));
	});

	it('Get Many pages with take/skip and sends the filters in the query', async () => {
		const active = [...env.sim.products.values()].filter((p) => p.status === 1);
		const { items } = await env.run({ resource: 'product', operation: 'getMany', returnAll: false, limit: 2, filters: { status: 1, groupId: 1 } });
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v3/products', query: { status: '1', groupId: '1', take: '2', skip: '0' } });
		expect(items.map((i) => i.json.productCode)).toEqual(active.filter((p) => p.productGroupId === 1).slice(0, 2).map((p) => p.productCode));
		const all = await env.run({ resource: 'product', operation: 'getMany', returnAll: true });
		expect(all.items).toHaveLength(env.sim.products.size);
	});

	it.each([
		['getGroups', '/v1/products/groups', () => env.sim.groups],
		['getUnits', '/v1/products/units', () => env.sim.units],
	])('%s lists Venio’s records', async (operation, path, expected) => {
		const { items } = await env.run({ resource: 'product', operation });
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path });
		expect(items.map((i) => i.json)).toEqual(expected());
	});
});
