/**
 * MeeDee PII (issue 10, "Secrets and privacy"): an API Application without `read:customers:pii`
 * gets customers with the PII keys ABSENT. Whatever path the data takes through our nodes (the
 * customer list, also through a fault mid-list; webhook deliveries; the polling trigger), the raw
 * output has none of those keys (absent, not null), and the simplified output only ever has them as
 * null: nothing is invented. The same paths with the full-scope application show PII, so the checks
 * are not vacuous.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { commonCustomerSchema } from '../../nodes/shared/shapes';
import { MEEDEE_DEMO, MEEDEE_DEMO_NO_PII, type MeeDeeApplication } from '../../sandbox/meedee';
import { deliver, makeNode, poll, runNode, webhookLifecycle } from '../harness/n8n';
import { startReceiver } from '../meedee/setup';
import { armAfter, faultTally, useSandbox } from './env';

const env = useSandbox();
const tally = faultTally('meedee-pii');

const PII = ['phone', 'email', 'date_of_birth', 'address', 'city', 'state', 'postal_code', 'country', 'tax_id'];
/** Common-shape fields that carry PII; without the scope they must be null. */
const COMMON_PII: Array<(c: IDataObject) => unknown> = [(c) => c.email, (c) => c.phone, (c) => c.birthday, (c) => c.address, (c) => (c.extra as IDataObject).taxId];
/** Simplify's mark on a customer whose PII MeeDee left out (withheld), as opposed to sent empty (null). */
const WITHHELD = { piiWithheld: true, piiWithheldFields: ['email', 'phone', 'birthday', 'address', 'taxId'] };
const NOT_WITHHELD = { piiWithheld: false, piiWithheldFields: [] };

/** Every PII key found anywhere in a value, with its path. */
function piiKeys(value: unknown, path = '$'): string[] {
	if (Array.isArray(value)) return value.flatMap((v, i) => piiKeys(v, `${path}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	return Object.entries(value as IDataObject).flatMap(([k, v]) => [...(PII.includes(k) ? [`${path}.${k}`] : []), ...piiKeys(v, `${path}.${k}`)]);
}

const customersOf = (items: INodeExecutionData[]) => items.map((i) => i.json);

async function listCustomers(app: MeeDeeApplication, simplify: boolean) {
	const { items, error } = await runNode(
		env.h,
		{ type: 'meeDeePos', parameters: { resource: 'customer', operation: 'getMany', returnAll: true, simplify, options: { pageSize: 50 } } as never, credentials: env.meedeeCredentials(app) },
		[{}],
	);
	expect(error).toBeUndefined();
	return customersOf(items);
}

describe('MeeDee POS customers without the PII scope', () => {
	it('Return All, raw: no PII key on any customer (absent, not null); the full-scope application does see PII', async () => {
		const bare = await listCustomers(MEEDEE_DEMO_NO_PII, false);
		tally.add({ itemsRun: bare.length });
		expect(bare).toHaveLength(env.sims.meedee.customers.length);
		expect(bare.flatMap((c) => piiKeys(c))).toEqual([]);
		const full = await listCustomers(MEEDEE_DEMO, false);
		expect(full.filter((c) => piiKeys(c).length > 0).length).toBeGreaterThan(0);
	});

	it('Return All through a 503 and a revoked token mid-list: still complete, still no PII key', async () => {
		armAfter(env.sims.meedee, 1, '/customers', () => {
			env.sims.meedee.setFaults({ next5xx: 1, pathFilter: '/customers' });
			env.sims.meedee.issuer.expireAll();
		});
		const bare = await listCustomers(MEEDEE_DEMO_NO_PII, false);
		tally.add({ faultsTried: 2, itemsRun: bare.length, itemsLost: env.sims.meedee.customers.length - bare.length });
		expect(bare.map((c) => c.id)).toEqual(env.sims.meedee.customers.map((c) => c.data.id));
		expect(bare.flatMap((c) => piiKeys(c))).toEqual([]);
	});

	it('Return All, simplified: PII fields are null, never invented', async () => {
		const common = await listCustomers(MEEDEE_DEMO_NO_PII, true);
		tally.add({ itemsRun: common.length });
		expect(common.length).toBeGreaterThan(0);
		for (const c of common) expect(COMMON_PII.map((get) => get(c))).toEqual(COMMON_PII.map(() => null));
	});

	it('Simplify keeps withheld apart from empty: withheld PII is null and marked, empty PII is null and not marked', async () => {
		const withheld = await listCustomers(MEEDEE_DEMO_NO_PII, true);
		const full = await listCustomers(MEEDEE_DEMO, true);
		tally.add({ itemsRun: withheld.length + full.length });
		for (const c of [...withheld, ...full]) commonCustomerSchema.parse(c);
		for (const c of withheld) expect(c.extra).toMatchObject(WITHHELD);
		// the full-scope application sees the same customers; those MeeDee sends with empty (null) PII are not marked
		const raw = env.sims.meedee.customers.map((r) => r.data);
		const emptyEmail = raw.filter((r) => r.email === null).map((r) => String(r.id));
		const emptyTaxId = raw.filter((r) => r.tax_id === null).map((r) => String(r.id));
		expect(emptyEmail.length).toBeGreaterThan(0);
		expect(emptyTaxId.length).toBeGreaterThan(0);
		for (const c of full) expect(c.extra).toMatchObject(NOT_WITHHELD);
		for (const c of full.filter((c) => emptyEmail.includes(String(c.id)))) expect(c.email).toBeNull();
		for (const c of full.filter((c) => emptyTaxId.includes(String(c.id)))) expect((c.extra as IDataObject).taxId).toBeNull();
		// so one customer, empty email with the scope and withheld without it, reads differently
		const id = emptyEmail[0];
		const [bare, seen] = [withheld, full].map((list) => list.find((c) => c.id === id)!);
		expect(bare.email).toBeNull();
		expect(seen.email).toBeNull();
		expect(bare.extra).not.toEqual(seen.extra);
	});
});

describe('MeeDee POS Trigger without the PII scope', () => {
	it('customer webhook deliveries carry no PII key; the full-scope subscription gets them', async () => {
		const received: Record<string, IDataObject[]> = { bare: [], full: [] };
		const receivers = await Promise.all(
			(['bare', 'full'] as const).map(async (who) => {
				const app = who === 'bare' ? MEEDEE_DEMO_NO_PII : MEEDEE_DEMO;
				const node = makeNode(env.h, { type: 'meeDeePosTrigger', name: who, parameters: { events: ['customer.created', 'customer.updated'] } as never, credentials: env.meedeeCredentials(app) });
				const staticData: IDataObject = {};
				const receiver = await startReceiver(async ({ headers, rawBody, body }) => {
					const flat = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : String(v ?? '')]));
					const out = await deliver(env.h, node, staticData, { body, rawBody, headers: flat });
					received[who].push(...(out.result.workflowData?.[0] ?? []).map((i: INodeExecutionData) => i.json));
					return out.status;
				});
				await webhookLifecycle(env.h, node, staticData, 'create', receiver.url);
				return receiver;
			}),
		);
		try {
			env.sims.meedee.emit({ event: 'customer.created' });
			env.sims.meedee.emit({ event: 'customer.updated', customer_id: env.sims.meedee.customers[3].data.id });
			env.sims.meedee.emit({ event: 'customer.updated', customer_id: env.sims.meedee.customers[4].data.id });
			await env.sims.meedee.idle();
		} finally {
			await Promise.all(receivers.map((r) => r.stop()));
		}
		tally.add({ itemsRun: received.bare.length, itemsLost: 3 - received.bare.length });
		expect(received.bare).toHaveLength(3);
		expect(received.bare.flatMap((d) => piiKeys(d.data))).toEqual([]);
		expect(received.full).toHaveLength(3);
		expect(received.full.flatMap((d) => piiKeys(d.data)).length).toBeGreaterThan(0);
	});
});

describe('MeeDee POS Polling Trigger without the PII scope', () => {
	it.each([
		['raw', false],
		['simplified', true],
	])('new and updated customers, %s: no PII key / PII fields null', async (_title, simplify) => {
		const node = makeNode(env.h, { type: 'meeDeePosPollingTrigger', name: 'Poller', parameters: { event: 'customer', simplify } as never, credentials: env.meedeeCredentials(MEEDEE_DEMO_NO_PII) });
		const staticData: IDataObject = {};
		await poll(env.h, node, staticData);
		env.sims.meedee.emit({ event: 'customer.created' });
		env.sims.meedee.emit({ event: 'customer.updated', customer_id: env.sims.meedee.customers[7].data.id });
		const out = customersOf((await poll(env.h, node, staticData))?.[0] ?? []);
		tally.add({ itemsRun: out.length, itemsLost: 2 - out.length });
		expect(out).toHaveLength(2);
		if (simplify) for (const c of out) expect([COMMON_PII.map((get) => get(c)), c.extra]).toEqual([COMMON_PII.map(() => null), expect.objectContaining(WITHHELD)]);
		else expect(out.flatMap((c) => piiKeys(c))).toEqual([]);
	});
});
