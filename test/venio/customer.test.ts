/**
 * Venio CRM node, Customer resource, inside n8n-core against the Venio simulator.
 */
import { commonCustomerSchema } from '../../nodes/shared/shapes';
import { loadOptions, makeNode, storeCredentials } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

/** Seed 000's request example with its placeholders replaced by valid values. */
const SEED_000_BODY = {
	customerCode: 'C000001',
	customerName: 'บริษัท ตัวอย่าง จำกัด',
	customerState: 1,
	customerStatus: 1,
	customerType: 1,
	customerPicture: 'https://example.com/logo.png',
	customer2ndName: 'Example Co., Ltd.',
	customerAliases: ['Example', 'ตัวอย่าง'],
	customerTaxNo: '0105551234567',
	creditLimit: '50000',
	branchCode: '00000',
	customerPhone: '021234567',
	customerMobile: '0812345678',
	customerEmail: 'info@example.co.th',
	customerPosition: 'Owner',
	customerGender: 1,
	customerMaritalStatus: 3,
	customerBirthdate: '2022-12-30',
	customerIncome: '30000-50000',
	addresses: [{ locationAddress: '1 Sukhumvit Rd, Bangkok 10110', locationName: 'Head Office', locationType: 1, latitude: 13.7563, longitude: 100.5018 }],
	sourceName: 'Facebook',
	customerGroupName: 'Wholesale',
	leadStatus: 3,
	unqulifiedReasonName: 'Budget',
	unqulifiedReasonNote: 'No budget this year',
	interestsName: ['Thai tea', 'Bubble tea'],
	customerTags: ['VIP'],
	classificationName: 'A',
	customFields: [{ customFieldName: 'Industry', customFieldValue: ['Food', 'Retail'] }],
	contacts: {
		contactName: 'สมชาย ใจดี',
		contactStatus: true,
		contactPicture: 'https://example.com/somchai.png',
		contactPhone: '021234568',
		contactMobile: '0898765432',
		contactEmail: 'somchai@example.co.th',
		contactPosition: 'Purchasing',
		contactBirthdate: '2000-01-04',
		contactNote: 'Call after 10:00',
	},
	customerSocialAccount: {
		facebook: 'example.fb',
		line: '@example',
		whatsapp: '+66812345678',
		skype: 'example.skype',
		instagram: 'example.ig',
		linkedin: 'example-co',
		telegram: '@example_tg',
		wechat: 'example_wx',
	},
	customerNote: 'Account ended at the customer’s request',
	owners: ['E001', 'E002'],
	primaryOwner: 'E002',
};

/** The same values as n8n parameters (what an operator fills in). */
function seedParameters() {
	const b = SEED_000_BODY;
	const { customerCode, customerName, customerState, addresses, customFields, contacts, customerSocialAccount, customerAliases, interestsName, customerTags, ...rest } = b;
	return {
		resource: 'customer',
		operation: 'createOrUpdate',
		customerCode,
		customerName,
		customerState,
		additionalFields: {
			...rest,
			customerAliases: customerAliases.join(', '),
			interestsName: interestsName.join(', '),
			customerTags: customerTags.join(', '),
			addresses: { values: addresses.map((a) => ({ ...a, latitude: String(a.latitude), longitude: String(a.longitude) })) },
			customFields: { values: customFields.map((f) => ({ ...f, customFieldValue: f.customFieldValue.join(', ') })) },
			contacts: { values: contacts },
			customerSocialAccount: { values: customerSocialAccount },
		},
	};
}

describe('Customer › Create or Update', () => {
	it('sends seed 000’s example body exactly as documented (POST /v3/customers) and returns the customer', async () => {
		const { items, error } = await env.run(seedParameters());
		expect(error).toBeUndefined();
		const [sent] = env.calls();
		expect(sent.method).toBe('POST');
		expect(sent.path).toBe('/v3/customers');
		expect(sent.body).toEqual(SEED_000_BODY);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			customerCode: 'C000001',
			customerName: 'บริษัท ตัวอย่าง จำกัด',
			customerBirthdate: '2022-12-30T00:00:00+0700',
			classificationName: 'A',
			owners: ['E001', 'E002'],
		});
		expect(items[0].json).not.toHaveProperty('status');
		expect(env.sim.customer('C000001').contacts).toEqual(SEED_000_BODY.contacts);
	});

	it('creates without a code (201) and then updates that customer by its code, without a duplicate', async () => {
		const before = env.sim.customers.length;
		const created = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerName: 'ร้านชาไทย', customerState: 2, additionalFields: { customerMobile: '0891112222' } });
		expect(created.error).toBeUndefined();
		const code = created.items[0].json.customerCode as string;
		expect(code).toMatch(/^C\d{6}$/);
		// Match Existing By (Customer Name, the default) looks the name up first: not there yet.
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: `/v3/customers/name/${encodeURIComponent('ร้านชาไทย')}`, status: 400 });
		expect(env.calls()[1].body).toEqual({ customerName: 'ร้านชาไทย', customerState: 2, customerMobile: '0891112222' });
		expect(env.calls()[1].status).toBe(201);
		expect(created.items[0].json.action).toBe('created');

		const updated = await env.run({ resource: 'customer', operation: 'createOrUpdate', customerCode: code, customerName: 'ร้านชาไทย สาขา 2', customerState: 3 });
		expect(updated.error).toBeUndefined();
		expect(updated.items[0].json.action).toBe('updated');
		expect(env.calls()[2]).toMatchObject({ method: 'POST', status: 200 });
		expect(env.sim.customers.length).toBe(before + 1);
		expect(env.sim.customer(code)).toMatchObject({ customerName: 'ร้านชาไทย สาขา 2', customerState: 3, customerMobile: '0891112222' });
	});

	it('sends "Additional Body Fields (JSON)" along with the modelled fields', async () => {
		await env.run({ resource: 'customer', operation: 'createOrUpdate', customerName: 'JSON Extra', customerState: 3, options: { extraBody: '{"customerTaxNo":"0105559999999"}' } });
		expect(env.calls().find((c) => c.method === 'POST')?.body).toEqual({ customerName: 'JSON Extra', customerState: 3, customerTaxNo: '0105559999999' });
	});

	const base = { resource: 'customer', operation: 'createOrUpdate', customerName: 'Rule Check', customerState: 3 };
	it.each([
		['a blank name', { customerName: '={{ "   " }}' }, 'Item 1: "Customer Name" is required'],
		['a missing state', { customerState: '={{ "" }}' }, 'Item 1 (Rule Check): "State" must be one of: 3, 1, 2'],
		['Ended without a note', { additionalFields: { customerStatus: 1 } }, 'Item 1 (Rule Check): "Customer Note" is required when Status is Ended or Closed'],
		['Closed without a note', { additionalFields: { customerStatus: 2, customerNote: '  ' } }, 'Item 1 (Rule Check): "Customer Note" is required when Status is Ended or Closed'],
		['an Unqualified Lead without a reason', { customerState: 1, additionalFields: { leadStatus: 3, unqulifiedReasonNote: 'n' } }, 'Item 1 (Rule Check): "Unqualified Reason" is required for a Lead whose Lead Status is Unqualified'],
		['an Unqualified Lead without a note', { customerState: 1, additionalFields: { leadStatus: 3, unqulifiedReasonName: 'Budget' } }, 'Item 1 (Rule Check): "Unqualified Note" is required for a Lead whose Lead Status is Unqualified'],
		['a 4-character classification', { additionalFields: { classificationName: 'ABCD' } }, 'Item 1 (Rule Check): "Classification" must be at most 3 characters'],
		['a birthdate not written YYYY-MM-DD', { additionalFields: { customerBirthdate: '30/12/2000' } }, 'Item 1 (Rule Check): "Birthdate" must be a date written YYYY-MM-DD'],
		['a contact birthdate that does not exist', { additionalFields: { contacts: { values: { contactName: 'A', contactBirthdate: '2000-02-30' } } } }, 'Item 1 (Rule Check): "Contact › Birthdate" is not a real calendar date'],
		['an address without its name', { additionalFields: { addresses: { values: [{ locationAddress: 'x', locationName: '', locationType: 1 }] } } }, 'Item 1 (Rule Check): "Addresses › 1 › Location Name" is required'],
		['a custom field without values', { additionalFields: { customFields: { values: [{ customFieldName: 'Industry', customFieldValue: '' }] } } }, 'Item 1 (Rule Check): "Custom Fields › 1 › Values" is required'],
		['a malformed email', { additionalFields: { customerEmail: 'not-an-email' } }, 'Item 1 (Rule Check): "Email" must be an email address'],
	])('rejects %s before any request, naming item and field', async (_title, change, message) => {
		const { error } = await env.run({ ...base, ...change });
		expect(error?.message).toBe(message);
		expect(env.server.requests('venio')).toHaveLength(0);
	});

	it('names the failing item when a later item breaks a rule, and writes nothing (every item is checked first)', async () => {
		const { error } = await env.run({ ...base, customerName: '={{ $json.name }}' }, [{ name: 'First OK' }, { name: ' ' }]);
		expect(error?.message).toBe('Item 2: "Customer Name" is required');
		expect(error?.description).toMatch(/^Nothing was written/);
		expect(env.calls()).toHaveLength(0);
	});

	it('allows an Unqualified Prospect without reasons (the rule is for Leads only)', async () => {
		const { error } = await env.run({ ...base, customerState: 2, additionalFields: { leadStatus: 3 } });
		expect(error).toBeUndefined();
	});
});

describe('Customer › reads', () => {
	it('Get by Code, simplified: the common customer shape, E.164 phone, calendar birthday, +07:00 times', async () => {
		const c = env.sim.customer('C000001');
		const { items, error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v3/customers/C000001' });
		const out = items[0].json;
		expect(() => commonCustomerSchema.parse(out)).not.toThrow();
		expect(out).toEqual({
			source: 'venio',
			id: String(c.customerId),
			code: 'C000001',
			name: c.customerName,
			firstName: null,
			lastName: null,
			email: c.customerEmail,
			phone: `+66${String(c.customerMobile).slice(1)}`,
			address: { line1: c.addresses[0].locationAddress, line2: null, city: null, state: null, postcode: null, country: null },
			birthday: c.customerBirthdate,
			tags: [],
			createdAt: expect.stringMatching(/^2026-01-01T07:00:00\+07:00$/),
			updatedAt: expect.stringMatching(/\+07:00$/),
			extra: {
				state: 'Lead',
				status: 'Active',
				leadStatus: c.leadStatus,
				customerGroup: c.customerGroupName,
				owners: c.owners,
				primaryOwner: c.primaryOwner,
				taxId: null,
			},
		});
	});

	it('Get by Code, raw: Venio’s customer object unchanged, envelope removed', async () => {
		const { items } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C000002', simplify: false });
		expect(items[0].json).toEqual(env.sim.customerOut(env.sim.customer('C000002')));
	});

	it('Get by Name encodes Thai text and spaces in the path', async () => {
		await env.run({ resource: 'customer', operation: 'createOrUpdate', customerName: 'ร้าน ป้าแดง / สาขา 1', customerState: 3 });
		const { items, error } = await env.run({ resource: 'customer', operation: 'getByName', customerName: 'ร้าน ป้าแดง / สาขา 1', simplify: false });
		expect(error).toBeUndefined();
		expect(env.calls().at(-1)?.path).toBe(`/v3/customers/name/${encodeURIComponent('ร้าน ป้าแดง / สาขา 1')}`);
		expect(items[0].json.customerName).toBe('ร้าน ป้าแดง / สาขา 1');
	});

	it('Get by Code of an unknown customer is a plain error with Venio’s code', async () => {
		const { error } = await env.run({ resource: 'customer', operation: 'getByCode', customerCode: 'C999999' });
		expect(error?.message).toBe('Venio CRM Bad request (400) [4001]: Customer C999999 not found');
		expect(error?.description).toMatch(/could not find this record/);
	});
});

describe('Customer › Get Many', () => {
	it('sends the filters in the enquiry body and returns the matches', async () => {
		const { items, error } = await env.run({
			resource: 'customer',
			operation: 'getMany',
			returnAll: true,
			filters: { keyword: 'example', states: [1, 3], statuses: [0], owners: ['E001'], groups: 'Retail, VIP', orderBy: 'customerName asc' },
			simplify: false,
		});
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({
			method: 'POST',
			path: '/v3/customers/enquiry',
			body: { keyword: 'example', states: [1, 3], statuses: [0], owners: ['E001'], groups: ['Retail', 'VIP'], orderBy: 'customerName asc', skip: 0, pageLength: 100 },
		});
		const expected = env.sim.customers.filter(
			(c) => [1, 3].includes(c.customerState) && c.customerStatus === 0 && c.owners.includes('E001') && ['Retail', 'VIP'].includes(c.customerGroupName ?? '') && /example/i.test(`${c.customerEmail}`),
		);
		expect(items.map((i) => i.json.customerCode).sort()).toEqual(expected.map((c) => c.customerCode).sort());
		expect(items.length).toBeGreaterThan(0);
	});

	it('Return All walks skip pages of 100 until a short page', async () => {
		env.sim.control({ action: 'seed', customers: 230 });
		const { items } = await env.run({ resource: 'customer', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(230);
		expect(env.calls().map((c) => [(c.body as { skip: number }).skip, (c.body as { pageLength: number }).pageLength])).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
		expect(new Set(items.map((i) => i.json.code)).size).toBe(230);
		expect(items[0].json.source).toBe('venio');
	});

	it('Limit asks only for what it needs', async () => {
		const { items } = await env.run({ resource: 'customer', operation: 'getMany', returnAll: false, limit: 5 });
		expect(items).toHaveLength(5);
		expect(env.calls()).toHaveLength(1);
		expect(env.calls()[0].body).toEqual({ skip: 0, pageLength: 5 });
	});

	it('Modified Since gets the workflow’s time-zone offset', async () => {
		await env.run({ resource: 'customer', operation: 'getMany', limit: 5, filters: { modifiedSince: '2026-01-02T09:00:00' } });
		expect((env.calls()[0].body as { modifiedSince: string }).modifiedSince).toBe('2026-01-02T09:00:00+07:00');
	});
});

describe('Customer › events and satisfaction', () => {
	it('Add Event sends the documented body and returns the event', async () => {
		const { items, error } = await env.run({ resource: 'customer', operation: 'addEvent', customerCode: 'C000003', eventName: 'Contract renewal', eventType: 3, eventDate: '2026-04-13', additionalFields: { description: 'Songkran visit' } });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: '/v1/customerEvent', body: { customerCode: 'C000003', eventName: 'Contract renewal', eventType: 3, eventDate: '2026-04-13', description: 'Songkran visit' } });
		expect(items[0].json).toMatchObject({ customerCode: 'C000003', eventName: 'Contract renewal', eventTypeName: 'Meeting', eventDate: '2026-04-13' });
	});

	it('Add Event sends an event type given as text by an expression ("3") as Venio’s number', async () => {
		const { error } = await env.run({ resource: 'customer', operation: 'addEvent', customerCode: 'C000003', eventName: 'Typed as text', eventType: '={{ "3" }}', eventDate: '2026-04-14' });
		expect(error).toBeUndefined();
		expect((env.calls()[0].body as { eventType: unknown }).eventType).toBe(3);
	});

	it('Get Events filters by type and dates (dates in the query: n8n sends no body on a GET)', async () => {
		for (const [name, type, date] of [['Call 1', 4, '2026-02-01'], ['Meeting', 3, '2026-02-10'], ['Call 2', 4, '2026-03-01']] as const) {
			await env.run({ resource: 'customer', operation: 'addEvent', customerCode: 'C000001', eventName: name, eventType: type, eventDate: date });
		}
		const { items, error } = await env.run({ resource: 'customer', operation: 'getEvents', customerCode: 'C000001', returnAll: true, filters: { eventTypeIds: [4], dateFrom: '2026-01-15', dateTo: '2026-02-28' } });
		expect(error).toBeUndefined();
		const get = env.calls().at(-1)!;
		expect(get).toMatchObject({ method: 'GET', path: '/v1/customerEvent/filter', query: { customerCode: 'C000001', eventTypeIds: '4', dateFrom: '2026-01-15', dateTo: '2026-02-28' } });
		expect(items.map((i) => i.json.eventName)).toEqual(['Call 1']);
	});

	it('Get Events refuses a To Date before the From Date', async () => {
		const { error } = await env.run({ resource: 'customer', operation: 'getEvents', customerCode: 'C000001', filters: { dateFrom: '2026-03-01', dateTo: '2026-02-01' } });
		expect(error?.message).toBe('Item 1: "To Date" must not be before From Date');
		expect(env.server.requests('venio')).toHaveLength(0);
	});

	it('Update Event changes only the fields given; Delete Event removes it', async () => {
		const id = env.sim.events[0].customerEventId;
		const updated = await env.run({ resource: 'customer', operation: 'updateEvent', eventId: String(id), updateFields: { eventName: 'Birthday party', eventDate: '2026-03-16' } });
		expect(updated.error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'PUT', path: `/v1/customerEvent/${id}`, body: { eventName: 'Birthday party', eventDate: '2026-03-16' } });
		expect(updated.items[0].json).toMatchObject({ customerEventId: id, eventName: 'Birthday party', eventType: 1 });

		const deleted = await env.run({ resource: 'customer', operation: 'deleteEvent', eventId: String(id) });
		expect(deleted.items[0].json).toEqual({ customerEventId: id, deleted: true });
		expect(env.calls()[1]).toMatchObject({ method: 'DELETE', path: `/v1/customerEvent/${id}` });
		expect(env.sim.events.find((e) => e.customerEventId === id)).toBeUndefined();
	});

	it.each([
		['an empty update', { eventId: '1', updateFields: {} }, 'Item 1 (event 1): The input: Add at least one field to change under "Update Fields"'],
		['an event ID that is not a number', { eventId: 'abc', updateFields: { eventName: 'x' } }, 'Item 1: "Event ID" must be a number (the event’s customerEventId)'],
	])('Update Event rejects %s before any request', async (_t, params, message) => {
		const { error } = await env.run({ resource: 'customer', operation: 'updateEvent', ...params });
		expect(error?.message).toBe(message);
		expect(env.server.requests('venio')).toHaveLength(0);
	});

	it('Get Event Types lists Venio’s event types', async () => {
		const { items } = await env.run({ resource: 'customer', operation: 'getEventTypes' });
		expect(items.map((i) => i.json)).toEqual(env.sim.eventTypes);
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v1/customerEvent/types' });
	});

	it('Create Satisfaction records a score; a score out of 1–5 is refused before sending', async () => {
		const { items, error } = await env.run({ resource: 'customer', operation: 'createSatisfaction', customerCode: 'C000002', score: 4, additionalFields: { comment: 'อร่อยมาก' } });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: '/v1/customers/satisfaction', body: { customerCode: 'C000002', score: 4, comment: 'อร่อยมาก' } });
		expect(items[0].json).toMatchObject({ customerCode: 'C000002', score: 4, comment: 'อร่อยมาก' });
		const bad = await env.run({ resource: 'customer', operation: 'createSatisfaction', customerCode: 'C000002', score: 6 });
		expect(bad.error?.message).toBe('Item 1 (customer C000002): "Score" must be from 1 to 5');
		expect(env.calls()).toHaveLength(1);
	});
});

describe('Dropdowns (loadOptions)', () => {
	it.each([
		['getEmployees', (sim: typeof env.sim) => sim.employees.map((e) => ({ name: `${e.employeeName} (${e.employeeCode})`, value: e.employeeCode, description: e.email }))],
		['getEventTypes', (sim: typeof env.sim) => sim.eventTypes.map((t) => ({ name: t.eventTypeName, value: t.eventTypeId }))],
		['getProductGroups', (sim: typeof env.sim) => sim.groups.map((g) => ({ name: g.productGroupName, value: g.productGroupId }))],
		['getUnits', (sim: typeof env.sim) => sim.units.map((u) => ({ name: u.unitName, value: u.unitId }))],
	])('%s lists Venio’s records, sorted by name', async (method, expected) => {
		const node = makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'customer', operation: 'createOrUpdate' } }, storeCredentials(env.h, env.credentials()));
		const options = await loadOptions(env.h, node, method);
		const want = expected(env.sim).sort((a, b) => a.name.localeCompare(b.name));
		expect(options).toEqual(want);
	});
});
