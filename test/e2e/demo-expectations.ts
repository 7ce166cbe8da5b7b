/**
 * What each demo workflow must leave in the sandbox. Expected values are read from the vendors'
 * APIs (as a person would check), never from the nodes' code.
 */
import type { Sandbox } from '../../sandbox/index';
import type { DemoWorkflow } from '../../scripts/demo-setup';
import { DEMO_DRIVERS } from '../../scripts/demo-drivers';

export interface DemoExpectation {
	/** `manual`: run with `n8n execute`; otherwise drive it through the vendor's webhook. */
	run: 'manual' | ((sandbox: Sandbox, n8nUrl: string) => Promise<unknown>);
	snapshot(sandbox: Sandbox): unknown;
	check(sandbox: Sandbox, before: unknown, example: DemoWorkflow): void | Promise<void>;
}

/** GET from a vendor simulator with the sandbox's demo credentials. */
export async function vendorGet(sandbox: Sandbox, vendor: 'meedee' | 'shopline', pathAndQuery: string): Promise<any> {
	const c = sandbox.credentials;
	let headers: Record<string, string>;
	let url: string;
	if (vendor === 'meedee') {
		const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: c.meeDeePosApi.clientId, client_secret: c.meeDeePosApi.clientSecret });
		const token = await fetch(`${c.meeDeePosApi.baseUrl}/api/partner/v1/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
		headers = { authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
		url = `${c.meeDeePosApi.baseUrl}/api/partner/v1${pathAndQuery}`;
	} else {
		headers = { authorization: `Bearer ${c.shoplineApi.accessToken}`, 'user-agent': c.shoplineApi.userAgent };
		url = `${c.shoplineApi.baseUrl}${pathAndQuery}`;
	}
	const res = await fetch(url, { headers });
	if (res.status !== 200) throw new Error(`${vendor} ${pathAndQuery}: ${res.status}`);
	return await res.json();
}

const runOf = (id: string): DemoExpectation['run'] => {
	const driver = DEMO_DRIVERS[id];
	return !driver || driver.kind === 'manual' ? 'manual' : driver.fire;
};

export const DEMO_EXPECTATIONS: Record<string, DemoExpectation> = {
	demoCustomersSalekit3: {
		run: runOf('demoCustomersSalekit3'),
		snapshot: (sandbox) => sandbox.salekit.audiences.map((a) => a.email),
		async check(sandbox, before) {
			const pos = ((await vendorGet(sandbox, 'meedee', '/customers?limit=10')).data as Array<{ email?: string | null }>)
				.map((c) => c.email)
				.filter((e): e is string => !!e);
			const store = ((await vendorGet(sandbox, 'shopline', '/customers?per_page=10')).items as Array<{ email?: string | null }>)
				.map((c) => c.email)
				.filter((e): e is string => !!e);
			const audiences = sandbox.salekit.audiences;
			const added = audiences.filter((a) => !(before as Array<string | null>).includes(a.email));
			expect(added.map((a) => a.email).sort()).toEqual([...new Set([...pos, ...store])].sort());
			for (const email of pos) expect(audiences.filter((a) => a.email === email).map((a) => a.tags)).toEqual([expect.arrayContaining(['POS customer'])]);
			for (const email of store) expect(audiences.filter((a) => a.email === email).map((a) => a.tags)).toEqual([expect.arrayContaining(['Online store customer'])]);
		},
	},
};
