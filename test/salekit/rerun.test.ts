/**
 * Issue 16 for Salekit orders: Salekit documents no order search, so Order Create remembers the
 * keys of the orders it made in n8n's processed-data store (per workflow and node, as the server
 * keeps it in its database) and a re-run with the same key places no second order. A create
 * Salekit refused frees its key; one without a clear answer keeps it. Items are checked first.
 */
import { WorkflowExecute } from 'n8n-core';
import { createRunExecutionData, Workflow, type IDataObject, type INode, type INodeExecutionData } from 'n8n-workflow';

import type { SandboxServer } from '../../sandbox/core';
import type { SalekitSim } from '../../sandbox/salekit';
import { makeNode, runNode, type Harness } from '../harness/n8n';
import { useSalekit, type SalekitEnv } from './setup';

let server: SandboxServer;
let sim: SalekitSim;
let h: Harness;
let credentials: SalekitEnv['credentials'];

useSalekit((env) => ({ server, sim, h, credentials } = env));

const orderParams = (extra: IDataObject = {}) => ({
	resource: 'order',
	operation: 'create',
	full_name: '={{ $json.name }}',
	phone: '0989123456',
	total_price: 70000,
	total_pay: 70000,
	status: 0,
	products: { values: [{ sku: sim.products[0].sku, quantity: 1 }] },
	matchBy: 'key',
	orderKey: '={{ $json.receipt }}',
	...extra,
});

/** Runs the Salekit node as a production execution of the saved workflow `workflowId`. */
async function productionRun(workflowId: string, parameters: IDataObject, input: IDataObject[]): Promise<{ items: INodeExecutionData[]; error?: Error & { description?: string | null } }> {
	const start: INode = { id: 'items', name: 'Items', type: 'test.items', typeVersion: 1, position: [0, 0], parameters: { items: JSON.stringify(input) } };
	const node = makeNode(h, { type: 'salekit', name: 'Salekit order', parameters: parameters as never, credentials: credentials as never });
	const workflow = new Workflow({
		id: workflowId,
		nodes: [start, node],
		connections: { Items: { main: [[{ node: node.name, type: 'main', index: 0 }]] } },
		active: true,
		nodeTypes: h.nodeTypes,
		staticData: {},
		settings: { timezone: 'Asia/Ho_Chi_Minh' },
	});
	const runData = createRunExecutionData({ executionData: { nodeExecutionStack: [{ node: start, data: { main: [[{ json: {} }]] }, source: null }] } });
	const run = await new WorkflowExecute(h.additionalData, 'trigger', runData).processRunExecutionData(workflow);
	// Nothing goes into static data: a queue-mode worker would save it over the whole workflow's.
	expect(workflow.staticData).toEqual({});
	const task = run.data.resultData.runData[node.name]?.[0];
	return { items: task?.data?.main?.[0] ?? [], error: task?.error ?? undefined };
}

describe('Salekit order Create: Match Existing By Order Key', () => {
	it('a re-run of the same POS sales places no second order', async () => {
		const db = 'wf-salekit-rerun';
		const before = sim.orders.length;
		const sales = [
			{ name: 'Trần Thị B', receipt: 'HCM01-20261204-00001' },
			{ name: 'Lê Văn C', receipt: 'HCM01-20261204-00002' },
		];
		const first = await productionRun(db, orderParams(), sales);
		expect(first.error).toBeUndefined();
		expect(first.items.map((i) => i.json.action)).toEqual(['created', 'created']);
		expect(sim.orders.length).toBe(before + 2);

		const second = await productionRun(db, orderParams(), [...sales, { name: 'Phạm Thị D', receipt: 'HCM01-20261204-00003' }]);
		expect(second.items.map((i) => i.json.action)).toEqual(['unchanged', 'unchanged', 'created']);
		expect(second.items[0].json).toEqual({ action: 'unchanged', orderKey: 'HCM01-20261204-00001' });
		expect(sim.orders.length).toBe(before + 3);
	});

	it('another workflow does not share the memory', async () => {
		const first = await productionRun('wf-salekit-a', orderParams(), [{ name: 'Other', receipt: 'SAME-KEY-1' }]);
		const other = await productionRun('wf-salekit-b', orderParams(), [{ name: 'Other', receipt: 'SAME-KEY-1' }]);
		expect([first.items[0].json.action, other.items[0].json.action]).toEqual(['created', 'created']);
	});

	it('an order whose answer was lost keeps its key: the re-run places no second one, and the error says why', async () => {
		const before = sim.orders.length;
		server.vendors.get('salekit')!.setFaults({ nextDropReply: 1 });
		const first = await productionRun('wf-salekit-lost-reply', orderParams(), [{ name: 'Lost Reply', receipt: 'DROP-1' }]);
		expect(first.error?.description).toContain('Salekit gave no clear answer, so the order for key "DROP-1" may have been placed');
		expect(sim.orders.length).toBe(before + 1);
		const again = await productionRun('wf-salekit-lost-reply', orderParams(), [{ name: 'Lost Reply', receipt: 'DROP-1' }]);
		expect(again.items.map((i) => i.json.action)).toEqual(['unchanged']);
		expect(sim.orders.length).toBe(before + 1);
	});

	it('an order Salekit refused frees its key: the corrected re-run places it', async () => {
		const before = sim.orders.length;
		const refused = await productionRun('wf-salekit-refused', orderParams({ products: { values: [{ sku: 'NO-SUCH-SKU', quantity: 1 }] } }), [{ name: 'Refused', receipt: 'REF-1' }]);
		expect(refused.error?.message).toContain('Salekit');
		expect(refused.error?.description ?? '').not.toContain('may have been placed');
		const fixed = await productionRun('wf-salekit-refused', orderParams(), [{ name: 'Refused', receipt: 'REF-1' }]);
		expect(fixed.items.map((i) => i.json.action)).toEqual(['created']);
		expect(sim.orders.length).toBe(before + 1);
	});

	it('every item is checked first: an item without a key stops the node before any order is placed', async () => {
		const { error } = await runNode(h, { type: 'salekit', parameters: orderParams() as never, credentials: credentials as never }, [
			{ name: 'Fine', receipt: 'K-1' },
			{ name: 'No Key', receipt: '' },
		]);
		expect(error?.message).toBe('Item 2 (No Key): "Order Key" is needed to find the order made before (Match Existing By)');
		expect(server.requests('salekit')).toHaveLength(0);
	});

	it('with continueOnFail the good orders are placed and the bad item is a paired error', async () => {
		const { items, error } = await runNode(h, { type: 'salekit', parameters: orderParams() as never, credentials: credentials as never, continueOnFail: true }, [
			{ name: 'Fine', receipt: 'K-2' },
			{ name: 'No Key', receipt: '' },
		]);
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.pairedItem, i.json.action ?? i.json.error])).toEqual([
			[{ item: 0 }, 'created'],
			[{ item: 1 }, 'Item 2 (No Key): "Order Key" is needed to find the order made before (Match Existing By)'],
		]);
	});
});
