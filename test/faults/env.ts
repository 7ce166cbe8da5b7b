/**
 * The fault suite's environment: all four simulators on one loopback server, the n8n-core harness
 * running dist/, credentials per vendor (1 s request timeout, so a hung request costs one second),
 * a way to switch a fault on after the first N requests, and the tally written to
 * test-results/faults.json.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { sandboxCredentials } from '../../sandbox';
import { SandboxServer, type Faults, type Vendor } from '../../sandbox/core';
import { createMeeDee, type MeeDeeApplication, type MeeDeeSim } from '../../sandbox/meedee';
import { createSalekit, type SalekitSim } from '../../sandbox/salekit';
import { createShopline, type ShoplineSim } from '../../sandbox/shopline';
import { createVenio, type VenioSim } from '../../sandbox/venio';
import { createHarness, type Harness } from '../harness/n8n';
import { mergeResult } from '../properties/support';
// The harness runs dist/, so the caches to reset are dist's, not the TypeScript sources'.
import { resetLimiters } from '../../dist/nodes/shared/limiter';
import { clearTokenCache } from '../../dist/nodes/shared/tokenCache';

export type VendorKey = 'venio' | 'meedee' | 'shopline' | 'salekit';

/** Vendor names as the nodes print them: every error must carry one. */
export const VENDOR_NAME: Record<VendorKey, string> = {
	venio: 'Venio CRM',
	meedee: 'MeeDee POS',
	shopline: 'SHOPLINE',
	salekit: 'Salekit',
};

/** Attempts per request (nodes/*\/transport.ts: Venio keeps 3, the others the shared 6). */
/** 429s are retried within a time budget, with this many attempts as the safety bound (same for every vendor). */
export const MAX_RATE_LIMIT_ATTEMPTS = 30;

export interface Sims {
	venio: VenioSim;
	meedee: MeeDeeSim;
	shopline: ShoplineSim;
	salekit: SalekitSim;
}

export interface Env {
	server: SandboxServer;
	sims: Sims;
	h: Harness;
	base: string;
	credentials(vendor: VendorKey, extra?: IDataObject): Record<string, ICredentialDataDecryptedObject>;
	meedeeCredentials(app: MeeDeeApplication, extra?: IDataObject): Record<string, ICredentialDataDecryptedObject>;
}

const CREDENTIAL_TYPE: Record<VendorKey, keyof ReturnType<typeof sandboxCredentials>> = { venio: 'venioCrmApi', meedee: 'meeDeePosApi', shopline: 'shoplineApi', salekit: 'salekitApi' };

/** Starts the simulators once per file; each test starts from freshly seeded vendors with no faults. */
export function useSandbox(): Env {
	const env = {} as Env;
	beforeAll(async () => {
		env.sims = {
			// 230 customers: three enquiry pages of 100, so a fault can land in the middle of a Return All.
			venio: createVenio({ seedCustomers: 230 }),
			meedee: createMeeDee(),
			// 300 customers: two pages of 250.
			shopline: createShopline({ seedCustomers: 300, seedOrders: 20, webhookRetryDelayMs: 10 }),
			salekit: createSalekit(),
		};
		env.server = new SandboxServer();
		for (const sim of Object.values(env.sims)) env.server.mount(sim);
		env.base = await env.server.start();
		env.h = createHarness();
		const data = sandboxCredentials(env.base);
		env.credentials = (vendor, extra = {}) => ({
			[CREDENTIAL_TYPE[vendor]]: { ...data[CREDENTIAL_TYPE[vendor]], requestTimeout: 1, ...extra } as ICredentialDataDecryptedObject,
		});
		env.meedeeCredentials = (app, extra = {}) => ({
			meeDeePosApi: { baseUrl: `${env.base}/meedee`, clientId: app.clientId, clientSecret: app.clientSecret, requestTimeout: 1, ...extra } as ICredentialDataDecryptedObject,
		});
	});
	afterAll(async () => {
		await settle(env);
		await env.server?.stop();
	});
	beforeEach(async () => {
		await settle(env);
		env.server.reset();
		resetLimiters();
		clearTokenCache();
	});
	afterEach(() => {
		for (const sim of Object.values(env.sims ?? {})) disarm(sim);
	});
	return env;
}

async function settle(env: Env): Promise<void> {
	if (!env.sims) return;
	await Promise.all([env.sims.venio.flush(), env.sims.meedee.idle(), env.sims.shopline.idle(), env.sims.salekit.flush()]);
}

/**
 * Runs `action` just before the vendor handles its (n+1)th request whose path contains `filter`,
 * e.g. switching faults on after the first page of a list, or revoking every token mid-run.
 * The patch sits on the simulator instance only and is removed after each test.
 */
export function armAfter(vendor: Vendor, n: number, filter: string, action: () => void): void {
	const draw = Object.getPrototypeOf(vendor).drawFault as Vendor['drawFault'];
	let seen = 0;
	(vendor as { drawFault: Vendor['drawFault'] }).drawFault = function (path: string) {
		if (path.includes(filter) && seen++ === n) action();
		return draw.call(this, path);
	};
}

export function disarm(vendor: Vendor): void {
	delete (vendor as Partial<{ drawFault: unknown }>).drawFault;
}

export function setFaults(vendor: Vendor, faults: Partial<Faults>): void {
	vendor.setFaults(faults);
}

// ---------------------------------------------------------------------------------------------
// Output checks shared by the action and trigger suites

/** Output items grouped by the input item they are paired to; items without pairing are listed apart. */
export function byInput(items: INodeExecutionData[], inputs: number): { groups: INodeExecutionData[][]; unpaired: INodeExecutionData[] } {
	const groups: INodeExecutionData[][] = Array.from({ length: inputs }, () => []);
	const unpaired: INodeExecutionData[] = [];
	for (const item of items) {
		const paired = item.pairedItem;
		const index = typeof paired === 'number' ? paired : Array.isArray(paired) ? undefined : paired?.item;
		if (typeof index === 'number' && index >= 0 && index < inputs) groups[index].push(item);
		else unpaired.push(item);
	}
	return { groups, unpaired };
}

export const isErrorItem = (item: INodeExecutionData) => typeof item.json.error === 'string';

// ---------------------------------------------------------------------------------------------
// The tally (test-results/faults.json)

export interface Counts {
	faultsTried: number;
	itemsRun: number;
	itemsLost: number;
	duplicates: number;
}

export class Tally implements Counts {
	faultsTried = 0;
	itemsRun = 0;
	itemsLost = 0;
	duplicates = 0;
	readonly knownBugs: string[] = [];
	constructor(readonly suite: string) {}

	add(counts: Partial<Counts>): void {
		this.faultsTried += counts.faultsTried ?? 0;
		this.itemsRun += counts.itemsRun ?? 0;
		this.itemsLost += counts.itemsLost ?? 0;
		this.duplicates += counts.duplicates ?? 0;
	}

	write(): void {
		const { faultsTried, itemsRun, itemsLost, duplicates, knownBugs } = this;
		mergeResult('faults.json', this.suite, { faultsTried, itemsRun, itemsLost, duplicates, knownBugs, updatedAt: new Date().toISOString() }, (suites) => {
			const sum = (key: keyof Counts) => Object.values(suites).reduce((n: number, s) => n + Number((s as Counts)[key] ?? 0), 0);
			return {
				faultsTried: sum('faultsTried'),
				itemsRun: sum('itemsRun'),
				itemsLost: sum('itemsLost'),
				duplicates: sum('duplicates'),
				knownBugs: [...new Set(Object.values(suites).flatMap((s) => ((s as { knownBugs?: string[] }).knownBugs ?? []) as string[]))],
			};
		});
	}
}

/** A tally for one test file, written after its last test. */
export function faultTally(suite: string): Tally {
	const tally = new Tally(suite);
	afterAll(() => tally.write());
	return tally;
}
