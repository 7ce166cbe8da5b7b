import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { authenticateOverHttps, redirectTestRules } from '../nodes/shared/credentialAuth';
import { accessTokenProperty, requestTimeoutProperty } from '../nodes/shared/credentialFields';
import { clientCredentialsAccessToken } from '../nodes/shared/oauth';
import { VENIO_DEFAULT_BASE_URL, venioBaseUrl } from '../nodes/Venio/baseUrl';

export class VenioCrmApi implements ICredentialType {
	name = 'venioCrmApi';

	displayName = 'Venio CRM API';

	icon: Icon = { light: 'file:../icons/venio.svg', dark: 'file:../icons/venio.dark.svg' };

	documentationUrl = 'https://developer.gofive.co.th';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: VENIO_DEFAULT_BASE_URL,
			required: true,
			description:
				'The Gofive OpenAPI address. Accounts still on the old Venio portal can use https://api.veniocrm.com/dev instead.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			description: 'Given by Gofive when your company is onboarded to the OpenAPI (client_id)',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Given by Gofive together with the Client ID (client_secret)',
		},
		{
			displayName: 'Subscription Key',
			name: 'subscriptionApiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The API subscription key (Ocp-Apim-Subscription-Key) from the Gofive developer portal. Sent with every request.',
		},
		requestTimeoutProperty,
		accessTokenProperty,
	];

	/** Client ID + Secret (and the subscription key, which the gateway checks first) for a one-hour token. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return await clientCredentialsAccessToken.call(this, credentials.accessToken, {
			vendor: 'Venio CRM',
			url: `${venioBaseUrl(credentials.baseUrl)}/authorization/connect/token`,
			clientId: String(credentials.clientId ?? '').trim(),
			clientSecret: String(credentials.clientSecret ?? ''),
			headers: { 'Ocp-Apim-Subscription-Key': String(credentials.subscriptionApiKey ?? '').trim() },
			timeoutSeconds: credentials.requestTimeout,
		});
	}

	// https only, redirects not followed (see credentialAuth.ts).
	authenticate = authenticateOverHttps('Venio CRM', (credentials) => ({
		Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
		'Ocp-Apim-Subscription-Key': String(credentials.subscriptionApiKey ?? '').trim(),
	}));

	// The unit list is small and needs the token and the key: it proves all three values.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}',
			url: '/v1/products/units',
			method: 'GET',
		},
		rules: redirectTestRules('Venio CRM'),
	};
}
