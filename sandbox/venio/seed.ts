/** Venio simulator: fixtures (employees, units, groups, products, customers, a few documents). */
import { type SimRequest } from '../core';
import { person, PRODUCTS, seededTime } from '../data';
import { type Customer } from './model';
import { type Body, pad } from './helpers';
import { blankCustomer, storeCustomer } from './customers';
import { cancelQuotation, upsertQuotation } from './quotations';
import { decide, writeOrder } from './salesOrders';
import { seedActivities } from './activities';
import { seedCases } from './cases';
import { seedDealLists, seedDeals } from './deals';
import type { VenioSim } from './index';

const SEED_START = Date.parse(seededTime(0));
const PEOPLE_POOL = 4099;
const SEED_GROUPS = ['Retail', 'Wholesale', 'VIP'];
const SEED_SOURCES = ['Facebook', 'LINE', 'Walk-in'];

// ----- Seed -------------------------------------------------------------------------------------

/**
 * Replaces all records with the fixtures and `customers` seeded customers (100,000 take about 1 s).
 * Options, tokens and counters are kept; `reset()` restores those too.
 */
export function seed(sim: VenioSim, customers = sim.options.seedCustomers): void {
	sim.seq = { customer: 0, order: 0, orderId: 5000, quotation: 0, quotationId: 700, product: 0, event: 0, satisfaction: 0, deal: 0, activity: 0, task: 0, case: 0 };
	sim.customers = [];
	sim.customerByCode.clear();
	sim.customerByName.clear();
	sim.events = [];
	sim.satisfactions = [];
	sim.orders.clear();
	sim.quotations.clear();
	sim.deliveries = [];
	sim.queue = Promise.resolve();
	sim.employees = [
		['E001', 'สมศักดิ์ ใจดี (Somsak Jaidee)'], ['E002', 'Nguyễn Thị Lan'], ['E003', '陳志明 (Chen Chih-ming)'], ['E004', 'Kanya Srisuk'],
	].map(([employeeCode, employeeName], i) => ({ employeeCode, employeeName, email: `sales${i + 1}@venio-sandbox.example` }));
	sim.units = ['ชิ้น (piece)', 'แก้ว (cup)', 'กล่อง (box)', 'ชุด (set)'].map((unitName, i) => ({ unitId: i + 1, unitName }));
	sim.groups = ['Drinks', 'Food', 'Desserts'].map((productGroupName, i) => ({ productGroupId: i + 1, productGroupName }));
	sim.warehouses = ['WH-BKK', 'WH-CNX'];
	sim.eventTypes = ['Birthday', 'Anniversary', 'Meeting', 'Follow-up call'].map((eventTypeName, i) => ({ eventTypeId: i + 1, eventTypeName }));
	sim.products.clear();
	PRODUCTS.forEach((x, i) => {
		const at = Date.parse(seededTime(i, Date.UTC(2025, 11, 1)));
		const groupId = /TEA|BOBA/.test(x.code) ? 1 : /TART|MANGO/.test(x.code) ? 3 : 2;
		sim.products.set(x.code, {
			productId: ++sim.seq.product, productCode: x.code, productName: x.name, productDescription: null, price: x.price,
			unitId: groupId === 1 ? 2 : 1, unitName: sim.units[groupId === 1 ? 1 : 0].unitName, productGroupId: groupId,
			productGroupName: sim.groups[groupId - 1].productGroupName, barcode: `885${pad(i + 1, 10)}`, vatTaxValue: 7,
			status: i === PRODUCTS.length - 1 ? 2 : 1, stocks: [{ warehouseCode: 'WH-BKK', qty: 100 + i * 10 }], dateCreated: at, dateModified: at,
		});
	});
	for (let i = 0; i < customers; i++) storeCustomer(sim, seededCustomer(sim, i));
	seedDocuments(sim);
	sim.dealLists = seedDealLists();
	seedDeals(sim, sim.options.seedDeals, Date.UTC(2026, 0, 6, 2));
	seedActivities(sim, Date.UTC(2026, 0, 12, 3));
	seedCases(sim, Date.UTC(2026, 0, 14, 4));
}

/** Customer `i`: states cycle Lead/Prospect/Customer; every tenth is ended, every eleventh closed. */
export function seededCustomer(sim: VenioSim, i: number): Customer {
	// [INF] People repeat every PEOPLE_POOL records (person() is costly inside test VMs); names stay unique.
	const who = (sim.people[i % PEOPLE_POOL] ??= person(i % PEOPLE_POOL, 7));
	const state = (i % 3) + 1;
	const status = i % 10 === 9 ? 1 : i % 11 === 10 ? 2 : 0;
	const lead = state === 1 ? (i % 4) + 1 : 4;
	const created = SEED_START + i * 180_000; // three minutes apart
	const c = blankCustomer(sim, created);
	const owner = sim.employees[i % 4].employeeCode;
	c.customerName = sim.customerByName.has(sim.nameKey(who.fullName)) ? `${who.fullName} ${c.customerCode}` : who.fullName;
	c.customerState = state;
	c.customerStatus = status;
	c.leadStatus = lead;
	c.customerType = i % 4 === 0 ? 1 : 2;
	c.customerMobile = `${who.mobile.slice(0, -5)}${pad(i % 100_000, 5)}`;
	c.customerEmail = `customer${i}@example.${who.market.toLowerCase()}`;
	c.customerGender = (i % 2) + 1;
	c.customerBirthdate = who.birthday;
	c.addresses.push({ locationName: 'Home', locationAddress: `${who.street}, ${who.city} ${who.postcode}, ${who.country}`, locationType: 2, latitude: 0, longitude: 0 });
	c.customerGroupName = SEED_GROUPS[i % 3];
	c.owners.push(owner);
	c.primaryOwner = owner;
	c.customerNote = status ? 'Account closed at the customer’s request' : null;
	c.sourceName = SEED_SOURCES[i % 3];
	c.unqulifiedReasonName = lead === 3 ? 'Budget' : null;
	c.unqulifiedReasonNote = lead === 3 ? 'No budget sim year' : null;
	c.dateModified = created + (i % 5) * 86_400_000;
	return c;
}

/** A few orders (waiting, approved, rejected), quotations (open, cancelled) and events on the first customers. */
export function seedDocuments(sim: VenioSim): void {
	const codes = sim.customers.slice(0, 3).map((c) => c.customerCode);
	if (codes.length < 3) return;
	const start = Date.UTC(2026, 0, 5, 2);
	const clock = sim.options.now;
	const at = (n: number) => () => new Date(start + n * 3_600_000);
	const lines = (a: string, b: string) => [{ productCode: a, qty: 2, vatTaxValue: 7 }, { productCode: b, qty: 1, discountValue: 10, discountType: true, vatTaxValue: 7 }];
	try {
		codes.forEach((customerCode, i) => {
			sim.options.now = at(i);
			const o = writeOrder(sim, { customerCode, salesOrderSubject: `Sandbox order ${i + 1}`, staffCode: 'E001', salesorderDetails: lines(PRODUCTS[i].code, PRODUCTS[i + 1].code) });
			if (i > 0) {
				sim.options.now = at(i + 10);
				const body = i === 1 ? {} : { reason: 'Price not agreed' };
				decide(sim, { params: { salesOrderNo: o.doc.salesOrderNo }, body } as unknown as SimRequest, i === 1 ? 2 : 3);
			}
		});
		sim.deliveries = [];
		codes.slice(0, 2).forEach((customerCode, i) => {
			sim.options.now = at(20 + i);
			const r = upsertQuotation(sim, { body: { customerCode, quotationSubject: `Sandbox quotation ${i + 1}`, staffCode: 'E002', quotationDetails: lines(PRODUCTS[2].code, PRODUCTS[3].code) } } as unknown as SimRequest);
			if (i === 1) cancelQuotation(sim, { params: { quotationNo: (r.body as Body).data.quotationNo } } as unknown as SimRequest);
			sim.events.push({ customerEventId: ++sim.seq.event, customerCode, eventName: 'Birthday', eventType: 1, eventDate: '2026-03-15', description: null, dateCreated: start, dateModified: start });
		});
	} finally {
		sim.options.now = clock;
	}
}
