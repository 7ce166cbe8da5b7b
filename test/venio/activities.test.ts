/**
 * Venio CRM node, Activity and Task resources, inside n8n-core against the Venio simulator: bodies
 * sent, create versus update by number, paging and filters of the enquiry, the key-activity
 * dropdown, and errors before and after the request.
 */
import { loadOptions, makeNode, storeCredentials } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

const activity = (extra: object = {}) => ({
	resource: 'activity',
	operation: 'createOrUpdate',
	subject: 'Tasting visit',
	activityTypeId: 301,
	customerCode: 'C000002',
	assignTo: 'E003',
	dateAppointmentStart: '2026-03-02T10:00:00+07:00',
	...extra,
});

describe('Activity: Create or Update', () => {
	it('without a number creates the activity (POST /v1/activities, 201) with the fields given', async () => {
		const { items, error } = await env.run(
			activity({ additionalFields: { dateAppointmentEnd: '2026-03-02T11:30:00+07:00', visitLocationName: 'Siam branch', visitLatitude: 13.7455, visitLongitude: 100.5341, dealId: 3, description: 'Bring samples' } }),
		);
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v1/activities', status: 201 });
		expect(call.body).toEqual({
			subject: 'Tasting visit',
			activityTypeId: 301,
			customerCode: 'C000002',
			assignTo: 'E003',
			dateAppointmentStart: '2026-03-02T10:00:00+07:00',
			dateAppointmentEnd: '2026-03-02T11:30:00+07:00',
			visitLocationName: 'Siam branch',
			visitLatitude: 13.7455,
			visitLongitude: 100.5341,
			dealId: 3,
			description: 'Bring samples',
		});
		expect(items[0].json).toMatchObject({ activityTypeName: 'Visit', statusName: 'Open', customerCode: 'C000002', dealId: 3 });
		expect(env.sim.activities).toContainEqual(expect.objectContaining({ activityNo: items[0].json.activityNo, subject: 'Tasting visit' }));
	});

	it('with a number updates that activity (no new one), e.g. marking it done', async () => {
		const target = env.sim.activities[2];
		const count = env.sim.activities.length;
		const { items, error } = await env.run(activity({ activityNo: target.activityNo, customerCode: target.customerCode, additionalFields: { statusId: 2 } }));
		expect(error).toBeUndefined();
		expect((env.calls()[0].body as { activityNo: string }).activityNo).toBe(target.activityNo);
		expect(env.calls()[0].status).toBe(200);
		expect(env.sim.activities).toHaveLength(count);
		expect(items[0].json).toMatchObject({ activityNo: target.activityNo, statusName: 'Done' });
	});

	it.each([
		['an end before the start', activity({ additionalFields: { dateAppointmentEnd: '2026-03-02T09:00:00+07:00' } }), 'Item 1 (Tasting visit): "End" must not be before Start'],
		['a latitude out of range', activity({ additionalFields: { visitLatitude: 95 } }), 'Item 1 (Tasting visit): "Latitude" must be from -90 to 90'],
		['an unreadable start', activity({ dateAppointmentStart: 'soon' }), 'Item 1 (Tasting visit): "Start" must be a date and time'],
	])('%s is refused before any request', async (_what, params, message) => {
		const { error } = await env.run(params);
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it.each([
		['an unknown customer', activity({ customerCode: 'C999999' }), 'customerCode C999999 not found'],
		['an unknown deal', activity({ additionalFields: { dealId: 99999 } }), 'dealId 99999 not found'],
		['a change to a done activity', activity({ activityNo: 'A2601-0001', customerCode: 'C000001' }), 'Activity A2601-0001 is Done and can no longer be changed'],
		['an unknown activity number', activity({ activityNo: 'A2601-9999' }), 'Activity A2601-9999 not found'],
	])('Venio refuses %s, named in the error', async (_what, params, words) => {
		const { error } = await env.run(params);
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description}`).toContain(words);
	});
});

describe('Activity: reads', () => {
	it.each([
		['Get by ID', { operation: 'get', activityId: '2' }, '/v1/activities/2'],
		['Get by Number', { operation: 'getByNumber', activityNo: 'a2601-0002' }, '/v1/activities/no/a2601-0002'],
	])('%s reads the activity', async (_what, params, path) => {
		const { items, error } = await env.run({ resource: 'activity', ...params });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path });
		expect(items[0].json).toMatchObject({ activityId: 2, activityNo: 'A2601-0002' });
	});

	it.each([
		['Get by ID', { operation: 'get', activityId: 'A2601-0002' }, 'Item 1: "Activity" must be a number (the activity’s activityId), e.g. 5012; use Get by Number'],
		['Get by Number', { operation: 'getByNumber', activityNo: 'A 1' }, 'Item 1: "Activity" must be an activity number without spaces, e.g. A2601-0001 (got "A 1")'],
	])('%s refuses a malformed key before any request', async (_what, params, message) => {
		const { error } = await env.run({ resource: 'activity', ...params });
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('Get Many pages with skip + pageLength and applies the filters', async () => {
		const all = await env.run({ resource: 'activity', operation: 'getMany', returnAll: true });
		expect(all.items.map((i) => i.json.activityId)).toEqual(env.sim.activities.map((a) => a.activityId));
		expect(env.calls()[0].body).toEqual({ skip: 0, pageLength: 100 });

		env.server.reset();
		const some = await env.run({ resource: 'activity', operation: 'getMany', limit: 5, filters: { customerCode: 'C000001', statusIds: [1], dateFrom: '2026-01-12', dateTo: '2026-01-13' } });
		expect(env.calls()[0].body).toEqual({ customerCode: 'C000001', statusIds: [1], dateFrom: '2026-01-12', dateTo: '2026-01-13', skip: 0, pageLength: 5 });
		expect(some.items.map((i) => i.json.activityNo)).toEqual(['A2601-0002']);
	});

	it('Get Key Activities lists the kinds of activity, and they fill the dropdown', async () => {
		const { items } = await env.run({ resource: 'activity', operation: 'getKeyActivities' });
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v1/activities/key' });
		expect(items.map((i) => i.json.activityTypeName)).toEqual(['Visit', 'Call', 'Meeting', 'Demo']);
		const node = makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'activity', operation: 'createOrUpdate' } }, storeCredentials(env.h, env.credentials()));
		expect(await loadOptions(env.h, node, 'getKeyActivities')).toEqual([
			{ name: 'Call', value: 302 },
			{ name: 'Demo', value: 304 },
			{ name: 'Meeting', value: 303 },
			{ name: 'Visit', value: 301 },
		]);
	});
});

describe('Task: Create', () => {
	const task = (extra: object = {}) => ({ resource: 'task', operation: 'create', subject: 'Call back about the franchise', assignTo: 'E002', dateDue: '2026-03-05', ...extra });

	it('sends the fields (POST /v1/tasks); a date alone is its midnight in the workflow zone', async () => {
		const { items, error } = await env.run(task({ additionalFields: { customerCode: 'C000003', dealId: 5, priority: 3, note: 'Asked for the price list' } }));
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v1/tasks', status: 201 });
		expect(call.body).toEqual({
			subject: 'Call back about the franchise',
			assignTo: 'E002',
			dateDue: expect.stringMatching(/^2026-03-05T00:00:00[+-]\d{2}:\d{2}$/),
			customerCode: 'C000003',
			dealId: 5,
			priority: 3,
			note: 'Asked for the price list',
		});
		expect(items[0].json).toMatchObject({ taskNo: expect.stringMatching(/^T\d{4}-\d{4}$/), priorityName: 'High', dealId: 5 });
	});

	it.each([
		['a deal ID that is not whole', task({ additionalFields: { dealId: 2.5 } }), 'before', 'Item 1 (Call back about the franchise): "Deal" must be a number (the deal’s dealsId), e.g. 1042'],
		['an unknown deal', task({ additionalFields: { dealId: 99999 } }), 'after', 'dealId 99999 not found'],
		['an assignee who is no employee', task({ assignTo: 'E404' }), 'after', 'assignTo E404 is not an employee code'],
	])('%s is refused', async (_what, params, when, words) => {
		const { error } = await env.run(params);
		expect(`${error?.message} ${error?.description}`).toContain(words);
		expect(env.calls()).toHaveLength(when === 'before' ? 0 : 1);
	});
});
