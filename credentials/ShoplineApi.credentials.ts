import type { ICredentialTestRequest, ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { authenticateOverHttps, redirectTestRules } from '../nodes/shared/credentialAuth';
import { requestTimeoutProperty, sharingProcessesProperty } from '../nodes/shared/credentialFields';

export class ShoplineApi implements ICredentialType {
	name = 'shoplineApi';

	displayName = 'SHOPLINE API';

	icon: Icon = { light: 'file:../icons/shopline.svg', dark: 'file:../icons/shopline.dark.svg' };

	documentationUrl = 'https://open-api.docs.shoplineapp.com/docs/how-to-get-access-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://open.shopline.io/v1',
			description: 'SHOPLINE Open API address. Older docs show https://open.shoplineapp.com/v1.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'In SHOPLINE admin: Settings → Staff Settings → the staff made for OpenAPI → API Auth. Tick the APIs to allow (Customers, Orders, Products, Webhook), then Generate.',
		},
		{
			displayName: 'User-Agent (Merchant Handle)',
			name: 'userAgent',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'myshop',
			description: 'Your shop’s handle, e.g. "myshop" for myshop.shoplineapp.com. SHOPLINE requires it in the User-Agent header of every request.',
		},
		requestTimeoutProperty,
		sharingProcessesProperty,
	];

	// Bearer token plus the merchant handle as User-Agent; https only, redirects not followed.
	authenticate = authenticateOverHttps('SHOPLINE', (credentials) => ({
		Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		'User-Agent': String(credentials.userAgent ?? ''),
	}));

	// Token info reads nothing from the shop and needs no permission beyond a valid token.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/token/info',
			method: 'GET',
		},
		rules: redirectTestRules('SHOPLINE'),
	};
}
