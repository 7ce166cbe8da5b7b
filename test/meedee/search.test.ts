/**
 * MeeDee customer Get Many: a Search that is added but came out empty (an expression that gave no
 * text) is refused for its item, naming the field and the item, before that item's request; it never
 * turns into a list of every customer. Search not added at all still lists every customer.
 */
import { MEEDEE_DEMO } from '../../sandbox/meedee';
import { runNode } from '../harness/n8n';
import { useMeeDee } from './setup';

const env = useMeeDee();

function customers(filters: Record<string, unknown> | undefined, continueOnFail = false) {
	const parameters = { resource: 'customer', operation: 'getMany', limit: 5, simplify: false, ...(filters ? { filters } : {}) };
	return { type: 'meeDeePos', parameters: parameters as never, credentials: env.credentialsFor(MEEDEE_DEMO), continueOnFail };
}

const customerCalls = () => env.server.requests('meedee').filter((r) => r.path.endsWith('/customers'));
const EMPTY = /^Item (\d+): "Search" is empty, so it would list every customer$/;

describe('MeeDee customer Get Many with an empty Search', () => {
	it.each([
		['an expression that gave no text', '={{ $json.missing ?? "" }}'],
		['an expression that gave only spaces', '={{ "   " }}'],
		['a blank value', ''],
	])('refuses %s before any request, naming the field and the item', async (_title, q) => {
		const { items, error } = await runNode(env.h, customers({ q }));
		expect(error?.message).toMatch(EMPTY);
		expect(error?.message).toContain('Item 1:');
		expect(error?.description).toContain('remove Search from Filters to list every customer');
		expect(items).toHaveLength(0);
		expect(env.server.requests('meedee')).toHaveLength(0);
	});

	it('names the item that came out empty (n8n numbering), and sends no request for it', async () => {
		const { error } = await runNode(env.h, customers({ q: '={{ $json.q }}' }), [{ q: 'CUS-000002' }, { q: '' }]);
		expect(error?.message).toMatch(EMPTY);
		expect(error?.message.startsWith('Item 2:')).toBe(true);
		expect(error?.message).not.toMatch(/\[item \d+\]/);
		expect(customerCalls().map((r) => r.query.q)).toEqual(['CUS-000002']);
	});

	it('with continueOnFail the empty item becomes an error item paired to its input; the others search', async () => {
		const { items, error } = await runNode(env.h, customers({ q: '={{ $json.q }}' }, true), [{ q: 'CUS-000002' }, {}, { q: 'CUS-000003' }]);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[0].json.customer_code).toBe('CUS-000002');
		expect(String(items[1].json.error)).toMatch(EMPTY);
		expect(String(items[1].json.error).startsWith('Item 2:')).toBe(true);
		expect(items[2].json.customer_code).toBe('CUS-000003');
		expect(customerCalls().map((r) => r.query.q)).toEqual(['CUS-000002', 'CUS-000003']);
	});

	it('without Search in Filters (not set) lists customers, sending no q', async () => {
		const { items, error } = await runNode(env.h, customers(undefined));
		expect(error).toBeUndefined();
		expect(items).toHaveLength(5);
		expect(customerCalls()).toHaveLength(1);
		expect('q' in customerCalls()[0].query).toBe(false);
	});
});

describe.each([
	['product', '/products'],
	['supplier', '/suppliers'],
])('MeeDee %s Get Many with an empty Search', (resource, path) => {
	it('is refused the same way before any request, and Search not added still lists', async () => {
		const node = (filters?: Record<string, unknown>) => ({
			type: 'meeDeePos',
			parameters: { resource, operation: 'getMany', limit: 2, ...(filters ? { filters } : {}) } as never,
			credentials: env.credentialsFor(MEEDEE_DEMO),
		});
		const { error } = await runNode(env.h, node({ q: '={{ $json.missing ?? "" }}' }));
		expect(error?.message).toBe(`Item 1: "Search" is empty, so it would list every ${resource}`);
		expect(env.server.requests('meedee').filter((r) => r.path.endsWith(path))).toHaveLength(0);
		const listed = await runNode(env.h, node());
		expect(listed.error).toBeUndefined();
		expect(listed.items.length).toBeGreaterThan(0);
	});
});
