/**
 * End to end in a real n8n 2.41.1 server: the pack installed where n8n installs community
 * packages, the sandbox credentials and demo workflows imported with n8n's CLI. Checks that every
 * node and credential loads, that each demo workflow runs to success and leaves exactly the
 * expected state in the sandbox, and that vendor webhooks reach active workflows. The server's
 * whole log (debug level) and the CLI runs' output are kept beside the run's recorded outputs, where
 * the suite's secrets reporter searches them for every credential secret imported here and every
 * token the sandbox issued (what n8n stores back): a hit fails the run.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { startSandbox, type Sandbox } from '../../sandbox/index';
import { recordSandboxSecrets, serverLogFile } from './secrets';
import { importDemo, loadExamples, type DemoWorkflow } from '../../scripts/demo-setup';
import { ensureN8nInstalled, executeWorkflow, login, prepareFolder, ROOT, setupOwner, startN8n, type N8nOptions, type RunningN8n } from '../../scripts/n8n-server';
import { DEMO_EXPECTATIONS, expectOneVenioOrderPerSale, expectPointsOncePerSale } from './demo-expectations';
import { addActionAndFill, listActions, openEditor, panelEntries, pickFromList, screenshotPath, unrenderedCharacters } from './editor';

jest.setTimeout(180_000);

let sandbox: Sandbox;
let n8n: RunningN8n;
let examples: DemoWorkflow[];
/** Read by test/secrets-reporter.js (files named n8n-*.log). */
const N8N_LOG = serverLogFile('e2e');
const options: N8nOptions = { folder: path.join(ROOT, 'build', 'n8n-e2e'), port: 5710, fresh: true, logFile: N8N_LOG, logLevel: 'debug' };


beforeAll(async () => {
	ensureN8nInstalled();
	sandbox = await startSandbox();
	recordSandboxSecrets(sandbox);
	prepareFolder(options);
	examples = importDemo(options, sandbox);
	n8n = await startN8n(options);
	await setupOwner(n8n.url);
}, 900_000);

afterAll(async () => {
	await n8n?.stop();
	await sandbox?.stop();
	// The log the reporter scans must hold the run: the server's start at least.
	expect(statSync(N8N_LOG).size).toBeGreaterThan(0);
});

async function rest<T>(pathname: string): Promise<T> {
	const { cookie, browserId } = await login(n8n.url);
	const res = await fetch(`${n8n.url}${pathname}`, { headers: { cookie, 'browser-id': browserId } });
	if (res.status !== 200) throw new Error(`${pathname}: ${res.status} ${await res.text()}`);
	return (await res.json()) as T;
}

describe('the pack in a real n8n server', () => {
	it('loads every node and credential the package lists', async () => {
		const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const nodes = await rest<Array<{ name: string }>>('/types/nodes.json');
		const credentials = await rest<Array<{ name: string }>>('/types/credentials.json');
		const loaded = new Set(nodes.map((n) => n.name));
		for (const file of pkg.n8n.nodes as string[]) {
			const mod = require(path.join(ROOT, file));
			for (const NodeClass of Object.values(mod) as Array<new () => { description: { name: string; usableAsTool?: boolean } }>) {
				const { name, usableAsTool } = new NodeClass().description;
				expect(loaded).toContain(`${pkg.name}.${name}`);
				if (usableAsTool) expect(loaded).toContain(`${pkg.name}.${name}Tool`);
			}
		}
		const loadedCredentials = new Set(credentials.map((c) => c.name));
		for (const file of pkg.n8n.credentials as string[]) {
			const mod = require(path.join(ROOT, file));
			for (const CredentialClass of Object.values(mod) as Array<new () => { name: string }>) expect(loadedCredentials).toContain(new CredentialClass().name);
		}
	});
});

describe('demo workflows', () => {
	it('has an expectation for every example, and an example for every expectation', () => {
		expect(examples.map((e) => e.id).sort()).toEqual(Object.keys(DEMO_EXPECTATIONS).sort());
	});

	it.each(Object.entries(DEMO_EXPECTATIONS))('%s runs and writes exactly what it should', async (id, expectation) => {
		const example = examples.find((e) => e.id === id)!;
		const before = expectation.snapshot(sandbox);
		if (expectation.run === 'manual') {
			const run = await executeWorkflow(options, id);
			expect(run.data.resultData.error).toBeUndefined();
			for (const [node, runs] of Object.entries(run.data.resultData.runData)) {
				expect({ node, error: runs[0]?.error?.message }).toEqual({ node, error: undefined });
			}
		} else {
			await expectation.run(sandbox, n8n.url);
		}
		await expectation.check(sandbox, before, example);
	});

	it('demo 2 run twice leaves one Venio order per POS sale (matched by the sale number)', async () => {
		const venioItems = async () => {
			const result = await executeWorkflow(options, 'demoPosSalesToVenio2');
			expect(result.data.resultData.error).toBeUndefined();
			return result.data.resultData.runData['Venio sales order']?.[0]?.data?.main?.[0] ?? [];
		};
		await venioItems();
		const orders = sandbox.venio.orders.size;
		const again = await venioItems();
		// Every sale's order was found and updated; the sale with a product Venio lacks stays an error item.
		expect(again.filter((i) => i.json.action === 'created')).toHaveLength(0);
		expect(again.filter((i) => i.json.action === 'updated').length).toBeGreaterThan(0);
		expect(sandbox.venio.orders.size).toBe(orders);
		await expectOneVenioOrderPerSale(sandbox);
	});

	it('demo 6 run again adds no points twice (each sale\'s remark is found in the points history first)', async () => {
		// A run of its own first (whether or not the demo test ran before): then the re-run.
		expect((await executeWorkflow(options, 'demoPosSalePoints6')).data.resultData.error).toBeUndefined();
		const points = sandbox.shopline.memberPoints.length;
		const again = await executeWorkflow(options, 'demoPosSalePoints6');
		expect(again.data.resultData.error).toBeUndefined();
		// Yesterday's sales still reach the check, which now leaves every one out.
		expect(again.data.resultData.runData['Points to add']?.[0]?.data?.main?.[0]?.length).toBeGreaterThan(0);
		expect(again.data.resultData.runData['Not credited yet']?.[0]?.data?.main?.[0] ?? []).toHaveLength(0);
		expect(sandbox.shopline.memberPoints.length).toBe(points);
		await expectPointsOncePerSale(sandbox);
	});
});

/** One node per vendor, opened in the editor: search text, the action to add and a field to fill. */
const EDITOR_CASES = [
	{ search: 'Salekit', node: 'salekit', action: 'Create or update an audience', parameter: 'full_name', value: 'Nguyễn Văn A' },
	{ search: 'SHOPLINE', node: 'shopline', action: 'Create a customer', parameter: 'name', value: '陳志明' },
	{ search: 'MeeDee', node: 'meeDeePos', action: 'Get many sales', parameter: 'fromDate', value: '2026-11-01' },
	{ search: 'Venio', node: 'venioCrm', action: 'Create or update a customer', parameter: 'customerName', value: 'บริษัท ตัวอย่าง จำกัด' },
];

/** The action texts a node declares on its operations: what n8n's node panel must list. */
function declaredActions(nodeName: string): { displayName: string; actions: string[] } {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	for (const file of pkg.n8n.nodes as string[]) {
		for (const NodeClass of Object.values(require(path.join(ROOT, file))) as Array<new () => { description: import('n8n-workflow').INodeTypeDescription }>) {
			const { description } = new NodeClass();
			if (description.name !== nodeName) continue;
			const actions = description.properties
				.filter((p) => p.name === 'operation')
				.flatMap((p) => (p.options ?? []) as Array<{ action?: string }>)
				.map((o) => o.action)
				.filter((a): a is string => !!a);
			return { displayName: description.displayName, actions };
		}
	}
	throw new Error(`No node ${nodeName} in the package`);
}

/** Every node of the package, as the package describes it. */
function ourNodes(): Array<import('n8n-workflow').INodeTypeDescription> {
	const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	return (pkg.n8n.nodes as string[]).flatMap((file) =>
		(Object.values(require(path.join(ROOT, file))) as Array<new () => { description: import('n8n-workflow').INodeTypeDescription }>).map((NodeClass) => new NodeClass().description),
	);
}

function ourNode(nodeName: string): import('n8n-workflow').INodeTypeDescription {
	const found = ourNodes().find((d) => d.name === nodeName);
	if (!found) throw new Error(`No node ${nodeName} in the package`);
	return found;
}

/**
 * Searching a vendor in the node panel: the entries n8n lists, each with the node it must describe.
 * A webhook trigger is listed inside its vendor's entry; a polling trigger is an entry of its own.
 */
const PANEL_CASES = [
	{ search: 'SHOPLINE', entries: { SHOPLINE: 'shopline' } },
	{ search: 'Venio', entries: { 'Venio CRM': 'venioCrm', 'Venio CRM Polling Trigger': 'venioCrmPollingTrigger' } },
	{ search: 'MeeDee', entries: { 'MeeDee POS': 'meeDeePos', 'MeeDee POS Polling Trigger': 'meeDeePosPollingTrigger' } },
	{ search: 'Salekit', entries: { Salekit: 'salekit' } },
];

describe('the editor in headless Chromium', () => {
	let editor: Awaited<ReturnType<typeof openEditor>>;
	beforeAll(async () => {
		editor = await openEditor(n8n.url);
	}, 120_000);
	afterAll(async () => editor?.browser.close());

	it('draws the operators\' Thai, Vietnamese and Chinese text with real glyphs, not empty boxes', async () => {
		for (const { value } of EDITOR_CASES) expect({ value, boxes: await unrenderedCharacters(editor.page, value) }).toEqual({ value, boxes: [] });
	});

	it.each(PANEL_CASES)('the node panel shows each "$search" entry with its own node\'s description', async ({ search, entries }) => {
		// n8n's own nodes can match the search too ("Venio" finds Venafi): only ours are checked.
		const ours = new Set(ourNodes().map((d) => d.displayName));
		const shown = (await panelEntries(editor.page, n8n.url, search)).filter((e) => ours.has(e.name));
		await editor.page.screenshot({ path: screenshotPath(`panel-${search.toLowerCase()}.png`) });
		const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
		const expected = Object.entries(entries).map(([name, node]) => ({ name, description: ourNode(node).description }));
		expect([...shown].sort(byName)).toEqual(expected.sort(byName));
	});

	it.each(EDITOR_CASES)('lists every $node action in the node panel and opens "$action"', async ({ search, node, action, parameter, value }) => {
		const { displayName, actions } = declaredActions(node);
		const listed = await listActions(editor.page, n8n.url, search, displayName);
		await editor.page.screenshot({ path: screenshotPath(`editor-${node}-actions.png`) });
		for (const expected of actions) expect(listed.map((l) => l.toLowerCase())).toContain(expected.toLowerCase());
		await addActionAndFill(editor.page, action, parameter, value, screenshotPath(`editor-${node}.png`));
		const filled = await editor.page.getByTestId(`parameter-input-${parameter}`).locator('input, textarea').first().inputValue();
		expect(filled).toBe(value);
	});
});

interface StoredWorkflow {
	nodes: Array<{ type: string; parameters: Record<string, unknown>; credentials?: Record<string, { id: string; name: string }> }>;
}

describe('a flow built by hand in the editor', () => {
	let editor: Awaited<ReturnType<typeof openEditor>>;
	beforeAll(async () => {
		editor = await openEditor(n8n.url);
	}, 120_000);
	afterAll(async () => editor?.browser.close());

	it('SHOPLINE "Get a customer" with the Customer picked From List: the editor stores the pick, and the run returns that customer', async () => {
		const { page } = editor;
		const customer = [...sandbox.shopline.customers.values()].find((c) => c.seeded && c.email)!;
		const entry = `${customer.name} · ${customer.email}`;
		await listActions(page, n8n.url, 'SHOPLINE', 'SHOPLINE');
		await page.getByTestId('node-creator-item-name').filter({ hasText: /^Get a customer$/ }).first().click();
		await page.getByTestId('ndv').waitFor({ state: 'visible', timeout: 15_000 });
		// The list searches SHOPLINE (the sandbox) for what is typed: the customer's email finds that one customer.
		expect(await pickFromList(page, 'customerId', customer.email!, entry, screenshotPath('editor-shopline-customer-list.png'))).toEqual([entry]);
		await expect(page.getByTestId('resource-locator-customerId').getByTestId('rlc-input').inputValue()).resolves.toBe(entry);
		await page.screenshot({ path: screenshotPath('editor-shopline-customer-picker.png') });

		await page.getByTestId('node-execute-button').click();
		await page.getByTestId('output-panel').getByText(customer.id, { exact: true }).first().waitFor({ timeout: 30_000 });
		await page.screenshot({ path: screenshotPath('editor-shopline-customer-run.png') });

		await page.getByTestId('ndv-close-button').click();
		await page.keyboard.press('Control+s');
		await page.waitForURL(/\/workflow\/(?!new)[^/?]+/, { timeout: 15_000 });
		const id = new URL(page.url()).pathname.split('/').pop();
		const stored = await rest<{ data?: StoredWorkflow } & Partial<StoredWorkflow>>(`/rest/workflows/${id}`);
		const node = (stored.data ?? (stored as StoredWorkflow)).nodes.find((n) => n.type === 'n8n-nodes-asia-commerce.shopline');
		// n8n leaves out a parameter at its default: Resource is Customer by default.
		expect(ourNode('shopline').properties.find((p) => p.name === 'resource')?.default).toBe('customer');
		expect(node?.parameters.resource ?? 'customer').toBe('customer');
		expect(node?.parameters).toMatchObject({
			operation: 'get',
			customerId: { __rl: true, mode: 'list', value: customer.id, cachedResultName: entry },
		});
		// The one SHOPLINE credential n8n has is chosen for a new node without asking.
		expect(node?.credentials).toEqual({ shoplineApi: { id: 'sandboxShopline1', name: 'SHOPLINE (sandbox)' } });
	});
});

describe('the demo workflows on the canvas', () => {
	let editor: Awaited<ReturnType<typeof openEditor>>;
	beforeAll(async () => {
		editor = await openEditor(n8n.url);
	}, 120_000);
	afterAll(async () => editor?.browser.close());

	// One test per demo: opening a workflow takes about half a minute on a busy machine, so seven in
	// one test outgrew its time limit.
	it.each(loadExamples().map((e) => e.id))('opens demo %s with all its nodes, and keeps a picture for the README', async (id) => {
		const example = examples.find((e) => e.id === id)!;
		await editor.page.goto(`${n8n.url}/workflow/${example.id}`);
		const nodes = editor.page.getByTestId('canvas-node');
		await nodes.first().waitFor({ timeout: 30_000 });
		expect(await nodes.count()).toBe((example.json.nodes as unknown[]).length);
		// n8n opens a "Production Checklist" popover on published workflows a moment after the
		// canvas shows; Escape closes it for the picture.
		const checklist = editor.page.getByText('Production Checklist');
		if (await checklist.waitFor({ state: 'visible', timeout: 3_000 }).then(() => true, () => false)) {
			await editor.page.keyboard.press('Escape');
			await checklist.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
		}
		// The node icons load after the nodes, and the popover fades out.
		await editor.page.waitForTimeout(1_000);
		await editor.page.screenshot({ path: screenshotPath(`demo-${example.id}.png`) });
	});
});
