/**
 * The node hint of a bulk write without an error output, inside n8n-core: a write over several
 * items whose Settings → On Error is "Stop Workflow" says how to get the good items written and the
 * refused ones out as errors; with an error output, for one item, or for a read there is no hint.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { runNode, type Harness } from '../harness/n8n';
import { useShopline } from '../shopline/setup';
import type { ShoplineSim } from '../../sandbox/shopline';

let sim: ShoplineSim;
let h: Harness;
let credentials: { shoplineApi: { baseUrl: string; accessToken: string; userAgent: string } };
useShopline({ seedCustomers: 5, seedOrders: 0 }, (env) => ({ sim, h, credentials } = env));

const FIX = 'Set Settings → On Error → "Continue (using error output)" so the good items are written and the bad ones come out as errors.';

const createCustomers = (onError?: INode['onError']) => ({
	type: 'shopline',
	parameters: { resource: 'customer', operation: 'create', name: '={{ $json.name }}', email: '={{ $json.email }}' } as never,
	credentials,
	onError,
});

const newCustomers = (count: number, tag: string): IDataObject[] => Array.from({ length: count }, (_v, i) => ({ name: `Hint ${tag} ${i + 1}`, email: `hint-${tag}-${i + 1}@example.com` }));

const seededEmail = () => [...sim.customers.values()].find((c) => c.seeded && c.email)!.email!;

it('a write over several items with "Stop Workflow" gets the hint naming the fix, and writes every item', async () => {
	const { items, error, hints } = await runNode(h, createCustomers(), newCustomers(3, 'stop'));
	expect(error).toBeUndefined();
	expect(items).toHaveLength(3);
	expect(hints).toEqual([
		{
			type: 'info',
			location: 'outputPane',
			message: `This node writes 3 items with Settings → On Error set to "Stop Workflow": an item the vendor refuses stops the workflow there, and the items after it are not written. ${FIX}`,
		},
	]);
});

it('no hint with "Continue (using error output)": the refused item comes out on the error output, the good ones are written', async () => {
	// Item 2: refused by SHOPLINE (email taken); item 3: refused by the check before any write.
	const input = [...newCustomers(1, 'error-output'), { name: 'Copy', email: seededEmail() }, { name: 'No Mail', email: 'no-mail' }, ...newCustomers(1, 'error-output-2')];
	const { items, error, hints, run } = await runNode(h, createCustomers('continueErrorOutput'), input);
	expect(error).toBeUndefined();
	expect(hints).toEqual([]);
	expect(items.map((i) => i.json.email)).toEqual(['hint-error-output-1@example.com', 'hint-error-output-2-1@example.com']);
	const errorOutput = run.data.resultData.runData.Node[0].data?.main?.[1] ?? [];
	expect(errorOutput.map((i) => ({ error: i.json.error, item: i.pairedItem }))).toEqual([
		{ error: 'SHOPLINE Unprocessable data (422) [UnprocessableEntity]: Email has already been taken', item: { item: 1 } },
		{ error: 'Item 3 (no-mail): "Email" must be an email address', item: { item: 2 } },
	]);
});

it('no hint with "Continue" (regular output)', async () => {
	const { error, hints } = await runNode(h, createCustomers('continueRegularOutput'), newCustomers(2, 'regular'));
	expect(error).toBeUndefined();
	expect(hints).toEqual([]);
});

it('no hint for a write of one item', async () => {
	const { error, hints } = await runNode(h, createCustomers(), newCustomers(1, 'one'));
	expect(error).toBeUndefined();
	expect(hints).toEqual([]);
});

it('no hint for a read over several items', async () => {
	const ids = [...sim.customers.values()].slice(0, 2).map((c) => ({ id: c.id }));
	const { items, error, hints } = await runNode(h, { type: 'shopline', parameters: { resource: 'customer', operation: 'get', customerId: '={{ $json.id }}' } as never, credentials }, ids);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(2);
	expect(hints).toEqual([]);
});

it('a bad item under "Stop Workflow" stops the node before any write; the error, not a hint, names the fix', async () => {
	const before = sim.customers.size;
	const { error, hints } = await runNode(h, createCustomers(), [...newCustomers(1, 'bad'), { name: 'No Mail', email: 'no-mail' }]);
	expect(error?.description).toContain('"Continue (using error output)"');
	expect(hints).toEqual([]);
	expect(sim.customers.size).toBe(before);
});
