import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { authenticateOverHttps, redirectTestRules } from '../nodes/shared/credentialAuth';
import { requestTimeoutProperty } from '../nodes/shared/credentialFields';

export class SalekitApi implements ICredentialType {
	name = 'salekitApi';

	displayName = 'Salekit API';

	icon: Icon = { light: 'file:../icons/salekit.svg', dark: 'file:../icons/salekit.dark.svg' };

	documentationUrl = 'https://help.salekit.io/audience-api.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			// [SEED] 004 (the audience API) documents https://salekit.io/api/v1. [INF] The order-update
			// page shows api.salekit.io; either works as a base here.
			default: 'https://salekit.io/api/v1',
			description: 'Salekit API address, as Salekit documents it. Its order-update page also shows https://api.salekit.io/api/v1.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'In Salekit: Cấu hình (Settings) → API → "Lấy giá trị Token". Sent in the Token header.',
		},
		requestTimeoutProperty,
	];

	// The Token header; https only, redirects not followed (see credentialAuth.ts).
	authenticate = authenticateOverHttps('Salekit', (credentials) => ({ Token: String(credentials.token ?? '') }));

	// [INF] Salekit documents no read endpoint (docs/vendors/salekit.md). The test is a GET, with no
	// body, on the documented audience/create path: a GET cannot carry the fields a create needs, so
	// Salekit can only refuse it. Guessed: the token is checked first (a bad token answers 401, a good
	// one an `error: true` answer in HTTP 200, which the test counts as a pass).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/audience/create',
			method: 'GET',
		},
		rules: redirectTestRules('Salekit'),
	};
}
