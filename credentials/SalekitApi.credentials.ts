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
			default: 'https://api.salekit.io/api/v1',
			// [INF] Salekit's docs show both api.salekit.io and salekit.io; either works as a base here.
			description: 'Salekit API address. The docs also show https://salekit.io/api/v1.',
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

	// Salekit has no read endpoint. An empty audience/create is refused for missing fields after the
	// token check, so it proves the token without creating anything. [INF] A bad token answers 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/audience/create',
			method: 'POST',
			body: {},
		},
		rules: redirectTestRules('Salekit'),
	};
}
