/**
 * Venio CRM node, Contract resource, inside n8n-core against the Venio simulator: Create or Update
 * (plain and service agreement) with the bodies sent, every item checked before the first write,
 * Get by Number, the type and template lists and dropdowns, Send Document, and Venio's refusals.
 */
import { loadOptions, makeNode, storeCredentials } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();

const upsert = (extra: object = {}) => ({
	resource: 'contract',
	operation: 'createOrUpdate',
	contractName: '={{ $json.name }}',
	customerCode: 'C000003',
	contractTypeId: 401,
	startDate: '2026-04-01',
	endDate: '2027-03-31',
	...extra,
});

describe('Contract: Create or Update', () => {
	it('creates without a number (POST /v1/contracts, 201), ids as numbers', async () => {
		const { items, error } = await env.run(upsert({ additionalFields: { contractTemplateId: '4101', contractValue: 99000, ownerCode: 'E003', note: 'Signed at the fair' } }), [{ name: 'Tea supply – Hanoi' }]);
		expect(error).toBeUndefined();
		const [call] = env.calls();
		expect(call).toMatchObject({ method: 'POST', path: '/v1/contracts', status: 201 });
		expect(call.body).toEqual({ contractName: 'Tea supply – Hanoi', customerCode: 'C000003', contractTypeId: 401, startDate: '2026-04-01', endDate: '2027-03-31', contractTemplateId: 4101, contractValue: 99000, ownerCode: 'E003', note: 'Signed at the fair' });
		expect(items[0].json).toMatchObject({ contractNo: expect.stringMatching(/^CT\d{4}-0003$/), contractTypeName: 'Sales Contract', contractTemplateName: 'Standard Sales (TH/EN)' });
	});

	it('updates by number (the number in the body)', async () => {
		const no = [...env.sim.contractBook.byNo.keys()][0];
		const { items, error } = await env.run(upsert({ contractNo: no, contractValue: 1 }), [{ name: 'Renamed' }]);
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ status: 200, body: expect.objectContaining({ contractNo: no, contractName: 'Renamed' }) });
		expect(items[0].json).toMatchObject({ contractNo: no, contractName: 'Renamed' });
		expect(env.sim.contractBook.byNo.size).toBe(2);
	});

	it.each([
		['no name (second item)', [{ name: 'ok' }, { name: ' ' }], {}, 'Item 2: "Contract Name" is required'],
		['a customer code with a space', [{ name: 'A' }], { customerCode: 'C 1' }, 'Item 1 (A): "Customer" must be a code without spaces, e.g. C000123'],
		['an unreal end date', [{ name: 'B' }], { endDate: '2027-02-30' }, 'Item 1 (B): "End Date"'],
		['a negative value', [{ name: 'C' }], { additionalFields: { contractValue: -1 } }, 'Item 1 (C): "Contract Value" must not be negative'],
		['a contract number with a space', [{ name: 'D' }], { contractNo: 'CT 1' }, '"Contract" must be a contract number without spaces, e.g. CT2601-0001 (got "CT 1")'],
	])('%s is refused before any request', async (_what, input, change, message) => {
		const { error } = await env.run(upsert(change), input);
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it.each([
		['a template of another type', { additionalFields: { contractTemplateId: 4201 } }, 'contractTemplateId 4201 is not a template of contract type 401'],
		['an end before the start', { endDate: '2026-01-01' }, 'endDate must not be before startDate'],
		['an unknown customer', { customerCode: 'C999999' }, 'customer C999999 not found'],
		['an unknown contract number', { contractNo: 'CT9999-9999' }, 'Contract CT9999-9999 not found'],
	])('Venio refuses %s, named in the error', async (_what, change, words) => {
		const { error } = await env.run(upsert(change), [{ name: 'Refused' }]);
		expect(error?.name).toBe('NodeApiError');
		expect(`${error?.message} ${error?.description}`).toContain(words);
	});
});

describe('Contract: Create or Update Service Agreement', () => {
	it('sends the service items (POST /v1/contracts/service-agreement)', async () => {
		const { items, error } = await env.run(
			upsert({ operation: 'createOrUpdateServiceAgreement', contractTypeId: 402, serviceItems: { values: [{ productCode: 'P-BOBA', qty: 2, serialNo: 'SN-88' }] }, additionalFields: { serviceIntervalMonths: 6 } }),
			[{ name: 'Sealer care' }],
		);
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: '/v1/contracts/service-agreement', status: 201 });
		expect(env.calls()[0].body).toMatchObject({ contractTypeId: 402, serviceItems: [{ productCode: 'P-BOBA', qty: 2, serialNo: 'SN-88' }], serviceIntervalMonths: 6 });
		expect(items[0].json).toMatchObject({ serviceItems: [{ productCode: 'P-BOBA', qty: 2, serialNo: 'SN-88' }], serviceIntervalMonths: 6 });
	});

	it.each([
		['an item without a product', {}, 'Item 1 (S): "Service Items › 1 › Product" is required'],
		['an interval over 24 months', { serviceItems: { values: [{ productCode: 'P-BOBA', qty: 1 }] }, additionalFields: { serviceIntervalMonths: 36 } }, '"Service Every (Months)" must be from 1 to 24'],
	])('%s is refused before any request', async (_what, change, message) => {
		const { error } = await env.run(upsert({ operation: 'createOrUpdateServiceAgreement', contractTypeId: 402, ...change }), [{ name: 'S' }]);
		expect(error?.message).toContain(message);
		expect(env.calls()).toHaveLength(0);
	});

	it('an unknown product is refused by Venio', async () => {
		const { error } = await env.run(upsert({ operation: 'createOrUpdateServiceAgreement', contractTypeId: 402, serviceItems: { values: [{ productCode: 'P-NONE', qty: 1 }] } }), [{ name: 'S' }]);
		expect(`${error?.message} ${error?.description}`).toContain('product P-NONE not found');
	});
});

describe('Contract: Get by Number, Get Types, Get Templates, dropdowns', () => {
	it('Get by Number reads one contract', async () => {
		const no = [...env.sim.contractBook.byNo.keys()][1];
		const { items, error } = await env.run({ resource: 'contract', operation: 'getByNumber', contractNo: no });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path: `/v1/contracts/${no}` });
		expect(items[0].json).toMatchObject({ contractNo: no, contractName: 'Sealer maintenance', serviceIntervalMonths: 3 });
	});

	it.each([
		['Get Types', { operation: 'getTypes' }, '/v1/contracts/types', ['Sales Contract', 'Service Agreement', 'Franchise Agreement'], 'contractTypeName'],
		['Get Templates (all)', { operation: 'getTemplates' }, '/v1/contracts/templates', ['Standard Sales (TH/EN)', 'Maintenance 12 months', 'Maintenance 24 months', 'Franchise (Thailand)'], 'contractTemplateName'],
		['Get Templates (one type)', { operation: 'getTemplates', contractTypeId: 402 }, '/v1/contracts/templates', ['Maintenance 12 months', 'Maintenance 24 months'], 'contractTemplateName'],
	])('%s', async (_what, params, path, names, key) => {
		const { items, error } = await env.run({ resource: 'contract', ...params });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'GET', path });
		expect(items.map((i) => i.json[key])).toEqual(names);
	});

	const optionsFor = async (parameters: object, method: string) => {
		const n = makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'contract', operation: 'createOrUpdate', ...parameters } }, storeCredentials(env.h, env.credentials()));
		env.h.additionalData.currentNodeParameters = n.parameters;
		try {
			return await loadOptions(env.h, n, method);
		} finally {
			delete env.h.additionalData.currentNodeParameters;
		}
	};

	it('getContractTypes and getContractTemplates (following the chosen type) list Venio’s records by name', async () => {
		expect(await optionsFor({}, 'getContractTypes')).toEqual([
			{ name: 'Franchise Agreement', value: 403 },
			{ name: 'Sales Contract', value: 401 },
			{ name: 'Service Agreement', value: 402 },
		]);
		expect(await optionsFor({ contractTypeId: 402 }, 'getContractTemplates')).toEqual([
			{ name: 'Maintenance 12 months', value: 4201 },
			{ name: 'Maintenance 24 months', value: 4202 },
		]);
	});
});

describe('Contract: Send Document', () => {
	it('emails the document (POST /v1/contracts/{no}/send)', async () => {
		const no = [...env.sim.contractBook.byNo.keys()][0];
		const { items, error } = await env.run({ resource: 'contract', operation: 'sendDocument', contractNo: no, emails: 'buyer@example.com, owner@example.co.th', additionalFields: { subject: 'Your contract' } });
		expect(error).toBeUndefined();
		expect(env.calls()[0]).toMatchObject({ method: 'POST', path: `/v1/contracts/${no}/send`, body: { emails: ['buyer@example.com', 'owner@example.co.th'], subject: 'Your contract' } });
		expect(items[0].json).toEqual({ contractNo: no, sent: true, sentTo: ['buyer@example.com', 'owner@example.co.th'] });
		expect(env.sim.contractBook.byNo.get(no)?.sent).toHaveLength(1);
	});

	it('a bad address is refused before any request; a contract without a template by Venio', async () => {
		const [first, second] = [...env.sim.contractBook.byNo.keys()];
		const bad = await env.run({ resource: 'contract', operation: 'sendDocument', contractNo: first, emails: 'buyer@example.com, not-an-address' });
		expect(bad.error?.message).toContain(`Item 1 (contract ${first}): "Send To › 2" is not an email address`);
		expect(env.calls()).toHaveLength(0);
		const noTemplate = await env.run({ resource: 'contract', operation: 'sendDocument', contractNo: second, emails: 'buyer@example.com' });
		expect(`${noTemplate.error?.message} ${noTemplate.error?.description}`).toContain('has no template, so there is no document to send');
	});
});
