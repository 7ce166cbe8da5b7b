/**
 * Where each vendor's requests go, for the redirect checks of the test harness
 * (test/security/redirects.test.ts) and of the real server (scripts/queue/redirects.ts): one read
 * per vendor (the sandbox injects its redirect on `apiPath`), the credential test's request path
 * and the token endpoint where the vendor has one.
 */
import type { Sandbox } from '../sandbox/index';

export interface RedirectTarget {
	/** How errors name the vendor. */
	vendor: string;
	sim: 'salekit' | 'shopline' | 'venio' | 'meedee';
	credentialType: keyof Sandbox['credentials'];
	/** The node's type name within the package. */
	node: string;
	/** The read's parameters (Salekit documents only writes: an audience upsert). */
	read: (sandbox: Sandbox) => Record<string, unknown>;
	apiPath: string;
	testPath: string;
	tokenPath?: string;
}

export const REDIRECT_TARGETS: RedirectTarget[] = [
	{
		vendor: 'Salekit',
		sim: 'salekit',
		credentialType: 'salekitApi',
		node: 'salekit',
		read: () => ({ resource: 'audience', operation: 'createOrUpdate', full_name: 'Nguyễn Văn A', email: 'nva@example.vn' }),
		apiPath: '/audience/create',
		testPath: '/audience/create',
	},
	{
		vendor: 'SHOPLINE',
		sim: 'shopline',
		credentialType: 'shoplineApi',
		node: 'shopline',
		read: (sandbox) => ({ resource: 'customer', operation: 'get', customerId: [...sandbox.shopline.customers.values()][0].id }),
		apiPath: '/customers',
		testPath: '/token/info',
	},
	{
		vendor: 'Venio CRM',
		sim: 'venio',
		credentialType: 'venioCrmApi',
		node: 'venioCrm',
		read: () => ({ resource: 'customer', operation: 'getByCode', customerCode: 'C000001' }),
		apiPath: '/v3/customers',
		testPath: '/v1/products/units',
		tokenPath: '/authorization/connect/token',
	},
	{
		vendor: 'MeeDee POS',
		sim: 'meedee',
		credentialType: 'meeDeePosApi',
		node: 'meeDeePos',
		read: () => ({ resource: 'customer', operation: 'getMany', limit: 1 }),
		apiPath: '/api/partner/v1/customers',
		testPath: '/api/partner/v1/customers',
		tokenPath: '/oauth/token',
	},
];
