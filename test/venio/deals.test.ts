/**
 * Venio CRM node, Deal resource, inside n8n-core against the Venio simulator: the bodies sent
 * (documented keys, ids as numbers, date-times with the workflow zone's offset), paging of the
 * enquiry, the reference lists and dropdowns, and the errors (ours before any request, Venio's after).
 */
import { loadOptions, makeNode, storeCredentials } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

const create = (extra: object = {}) => ({
	resource: 'deal',
	operation: 'create',
	customerCodes: 'C000002',
	boardId: 101,
	dealName: 'Franchise – Chiang Mai',
	probability: 40,
	dealValue: 250000,
	expectedCloseDate: '2026-03-31T17:00:00',
	assignTo: 'E002',
	...extra,
});

describe('Deal: Create', () => {
	it('sends the documented body (POST /v1/deals) and answers the new deal', async () => {
		const { items, error } = await env.run(
			create({
				customerCodes: 'C000002, C000003',
				additionalFields: { dealStageId: 5502, dealInterests: [1001, 1003], dealLabels: ['2002'], participantCodes: ['E003'], note: 'From the LINE OA', dateFollowUp: '2026-03-10', cancleAllOrder: false },
			}),
		);
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v1/deals', status: 201 });
		// The harness's workflow zone is the instance default; the offset is that zone's.
		expect(call.body).toEqual({
			customerCodes: ['C000002', 'C000003'],
			boardId: 101,
			dealName: 'Franchise – Chiang Mai',
			probability: 40,
			dealValue: 250000,
			expectedCloseDate: expect.stringMatching(/^2026-03-31T17:00:00[+-]\d{2}:\d{2}$/),
			assignTo: 'E002',
			dealStageId: 5502,
			dealInterests: [1001, 1003],
			dealLabels: [2002],
			participantCodes: ['E003'],
			note: 'From the LINE OA',
			dateFollowUp: expect.stringMatching(/^2026-03-10T00:00:00[+-]\d{2}:\d{2}$/),
			cancleAllOrder: false,
		});
		const deal = items[0].json;
		expect(deal).toMatchObject({ dealsName: 'Franchise – Chiang Mai', customerCode: 'C000002', boardId: 101, dealStageId: 5502, dealStageName: 'Proposal Sent', statusName: 'Open' });
		expect(deal.dealsLabels).toEqual([expect.objectContaining({ dealLabelId: 2002, dealLabelName: 'Key Account' })]);
		expect(env.sim.deals.get(deal.dealsId as number)?.customerCodes).toEqual(['C000002', 'C000003']);
	});

	it('a date-time in Bangkok is sent with Bangkok’s offset and kept as that instant', async () => {
		const { items, error } = await env.run({ ...create(), expectedCloseDate: '2026-04-01T09:30:00+07:00' });
		expect(error).toBeUndefined();
		expect(items[0].json.expectedCloseDate).toBe('2026-04-01T09:30:00+07:00');
	});

	it('starts on the board’s first stage when no stage is given', async () => {
		const { items } = await env.run(create({ boardId: 102 }));
		expect(items[0].json).toMatchObject({ boardId: 102, dealStageId: 5601, dealStageName: 'Renewal Due' });
	});

	it.each([
		// An expression gets past n8n's own check of required parameters; ours still catches it.
		['no customer', { customerCodes: '={{ $json.none }}' }, 'Item 1 (Franchise – Chiang Mai): "Customer Codes" is required'],
		['a probability over 100', { probability: 120 }, 'Item 1 (Franchise – Chiang Mai): "Probability (%)" must be from 0 to 100'],
		['a negative value', { dealValue: -1 }, 'Item 1 (Franchise – Chiang Mai): "Deal Value" must not be negative'],
		['an unreadable close date', { expectedCloseDate: 'next Friday' }, 'Item 1 (Franchise – Chiang Mai): "Expected Close Date" must be a date and time written ISO 8601'],
		['no deal name', { dealName: '={{ "  " }}' }, 'Item 1: "Deal Name" is required'],
	])('%s is refused before any request', async (_what, change, message) => {
		const { error } = await env.run(create(change), [{ none: '' }]);
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it.each([
		['an unknown customer', { customerCodes: 'C999999' }, 'customerCodes: customer C999999 not found'],
		['a stage of another board', { additionalFields: { dealStageId: 5601 } }, 'dealStageId 5601 is not a stage of board 101'],
		['a missed stage without a reason', { additionalFields: { dealStageId: 5505 } }, 'reasonCategoryId is required when the deal moves to a missed stage'],
		['an owner who is no employee', { assignTo: 'E404' }, 'assignTo E404 is not an employee code'],
	])('Venio refuses %s (code 4001), named in the error', async (_what, change, words) => {
		const { error } = await env.run(create(change));
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description}`).toContain(words);
		expect(env.calls()[0]).toMatchObject({ path: '/v1/deals', status: 400 });
	});

	it('with several items, one bad item stops the node before any deal is written', async () => {
		const count = env.sim.deals.size;
		const { error } = await env.run({ ...create(), dealName: '={{ $json.name }}' }, [{ name: 'Good one' }, { name: '' }]);
		expect(error?.message).toContain('Item 2: "Deal Name" is required');
		expect(env.sim.deals.size).toBe(count);
	});

	it('continueOnFail: each item gets its own output, the failed one its error', async () => {
		const { items, error } = await env.run({ ...create(), assignTo: '={{ $json.owner }}' }, [{ owner: 'E001' }, { owner: 'E404' }], { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json.assignTo).toBe('E001');
		expect(String(items[1].json.error)).toContain('Venio CRM');
		expect(items[1].pairedItem).toEqual({ item: 1 });
	});
});

describe('Deal: Update', () => {
	it('moving to won sends only what changed plus Venio’s required fields, read from the deal', async () => {
		const before = env.sim.deals.get(1)!;
		const { items, error } = await env.run({ resource: 'deal', operation: 'update', dealId: '1', updateFields: { dealStageId: 5504, probability: 100 } });
		expect(error).toBeUndefined();
		const calls = env.calls();
		expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['GET /v1/deals/1', 'PUT /v1/deals/1']);
		expect(calls[1].body).toEqual({
			dealStageId: 5504,
			probability: 100,
			dealName: before.dealsName,
			dealValue: before.dealsValue,
			expectedCloseDate: expect.stringMatching(/^2026-02-0\dT\d{2}:\d{2}:00\+07:00$/),
			assignTo: before.assignTo,
		});
		expect(items[0].json).toMatchObject({ dealsId: 1, dealStageName: 'Won', statusName: 'Won', probability: 100 });
	});

	it('with all required fields given, no read comes first', async () => {
		const { error } = await env.run({
			resource: 'deal',
			operation: 'update',
			dealId: 2,
			updateFields: { dealName: 'Renamed', probability: 0, dealValue: 0, expectedCloseDate: '2026-05-01T00:00:00+07:00', assignTo: 'E004', dealStageId: 5505, reasonCategoryId: 3002, cancleAllOrder: true },
		});
		expect(error).toBeUndefined();
		expect(env.calls().map((c) => c.method)).toEqual(['PUT']);
		expect(env.sim.deals.get(2)).toMatchObject({ dealsName: 'Renamed', dealStageId: 5505, reasonCategoryId: 3002 });
	});

	it.each([
		['no field to change', { dealId: '3', updateFields: {} }, 'Item 1 (deal 3): The input: Add at least one field to change under "Update Fields"'],
		['a Deal ID that is not a number', { dealId: 'DL-1', updateFields: { note: 'x' } }, 'Item 1: "Deal" must be a number (the deal’s dealsId), e.g. 1042 (got "DL-1")'],
	])('%s is refused before any request', async (_what, params, message) => {
		const { error } = await env.run({ resource: 'deal', operation: 'update', ...params });
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('an unknown deal is Venio’s not-found, with the hint to check the ID', async () => {
		const { error } = await env.run({ resource: 'deal', operation: 'update', dealId: '99999', updateFields: { note: 'x' } });
		expect(`${error?.message} ${error?.description}`).toMatch(/Deal 99999 not found[\s\S]*could not find this record/);
	});
});

describe('Deal: Get and Get Many', () => {
	it('Get reads one deal (GET /v1/deals/{id})', async () => {
		const { items } = await env.run({ resource: 'deal', operation: 'get', dealId: '7' });
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: '/v1/deals/7' });
		expect(items[0].json).toMatchObject({ dealsId: 7, dealNo: env.sim.deals.get(7)!.dealNo });
	});

	it('Return All reads every page (skip + pageLength 100) and gives each deal once', async () => {
		const { items } = await env.run({ resource: 'deal', operation: 'getMany', returnAll: true });
		expect(items.map((i) => i.json.dealsId)).toEqual([...env.sim.deals.keys()]);
		expect(env.calls().map((c) => c.body)).toEqual([
			{ skip: 0, pageLength: 100 },
			{ skip: 100, pageLength: 100 },
		]);
	});

	it.each([
		['Limit', { limit: 3 }, (ids: number[]) => expect(ids).toEqual([1, 2, 3])],
		['Sort By value, descending', { limit: 2, filters: { orderBy: 'dealsValue desc' } }, (ids: number[]) => expect(ids).toEqual([9, 18])],
		['Stages', { returnAll: true, filters: { dealStageIds: [5601] } }, (ids: number[]) => ids.forEach((id) => expect(env.sim.deals.get(id)!.dealStageId).toBe(5601))],
		['Keyword (deal number)', { returnAll: true, filters: { keyword: 'dl2601-0012' } }, (ids: number[]) => expect(ids).toEqual([12])],
	])('%s', async (_what, params, check) => {
		const { items, error } = await env.run({ resource: 'deal', operation: 'getMany', returnAll: false, ...params });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		check(items.map((i) => i.json.dealsId as number));
	});
});

describe('Deal: reference lists and dropdowns', () => {
	it.each([
		['getBoards', '/v1/deals/boards', () => env.sim.dealLists.boards],
		['getInterests', '/v1/deals/interests', () => env.sim.dealLists.interests],
		['getLabels', '/v1/deals/labels', () => env.sim.dealLists.labels],
		['getMissedReasons', '/v1/deals/missed-reason-categories', () => env.sim.dealLists.missedReasons],
		['getStages', '/v1/deals/stages', () => env.sim.dealLists.stages],
	])('%s lists Venio’s records (GET %s)', async (operation, path, expected) => {
		const { items } = await env.run({ resource: 'deal', operation });
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path });
		expect(items.map((i) => i.json)).toEqual(expected());
	});

	it('Get Stages of one board sends boardId and gives only that board’s stages, in pipeline order', async () => {
		const { items } = await env.run({ resource: 'deal', operation: 'getStages', boardId: 102 });
		expect(env.calls()[0].query).toMatchObject({ boardId: '102' });
		expect(items.map((i) => i.json.dealStageName)).toEqual(['Renewal Due', 'Renewed', 'Not Renewed']);
	});

	const node = (parameters: object) => makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'deal', operation: 'create', ...parameters } }, storeCredentials(env.h, env.credentials()));
	/** As n8n's editor does: the parameters being edited are handed to the dropdown's loader. */
	const optionsFor = async (parameters: object, method: string) => {
		const n = node(parameters);
		env.h.additionalData.currentNodeParameters = n.parameters;
		try {
			return await loadOptions(env.h, n, method);
		} finally {
			delete env.h.additionalData.currentNodeParameters;
		}
	};

	it.each([
		['getDealBoards', () => env.sim.dealLists.boards.map((b) => ({ name: b.boardName, value: b.boardId }))],
		['getDealInterests', () => env.sim.dealLists.interests.map((x) => ({ name: x.dealInterestName, value: x.dealInterestId }))],
		['getDealLabels', () => env.sim.dealLists.labels.map((x) => ({ name: x.dealLabelName, value: x.dealLabelId }))],
		['getDealMissedReasons', () => env.sim.dealLists.missedReasons.map((x) => ({ name: x.reasonCategoryName, value: x.reasonCategoryId }))],
	])('%s lists Venio’s records, sorted by name', async (method, expected) => {
		const options = await optionsFor({}, method);
		expect(options).toEqual(expected().sort((a, b) => a.name.localeCompare(b.name)));
	});

	it('getDealStages follows the chosen board; without one it names every stage with its board', async () => {
		expect(await optionsFor({ boardId: 102 }, 'getDealStages')).toEqual([
			{ name: 'Renewal Due', value: 5601 },
			{ name: 'Renewed', value: 5602 },
			{ name: 'Not Renewed', value: 5603 },
		]);
		const all = await optionsFor({ operation: 'update' }, 'getDealStages');
		expect(all).toHaveLength(env.sim.dealLists.stages.length);
		expect(all[0]).toEqual({ name: 'New Business › Qualified', value: 5501 });
	});
});
