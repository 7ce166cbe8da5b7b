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
import { partnerApiRoot } from '../nodes/MeeDee/baseUrl';

export class MeeDeePosApi implements ICredentialType {
	name = 'meeDeePosApi';

	displayName = 'MeeDee POS API';

	icon: Icon = { light: 'file:../icons/meedee.svg', dark: 'file:../icons/meedee.dark.svg' };

	documentationUrl = 'https://www.meedeepos.com/developer/06-oauth-token';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://your-shop-host',
			description:
				'The address of your MeeDee POS system, as MeeDee gave it to you. MeeDee publishes no common host, so there is no default. The node adds /api/partner/v1 itself.',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'meed_…',
			description:
				'From MeeDee POS: Settings → Open API Settings → your API Application (ตั้งค่า → Open API). It starts with meed_.',
		},
		{
			displayName: 'Client Secret',
			name: 'clientSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Shown once when the API Application is created. If it was lost, create a new secret in MeeDee.',
		},
		requestTimeoutProperty,
		accessTokenProperty,
	];

	/** Exchanges Client ID and Secret for a one-hour token, shared by every node using this credential. */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const clientId = String(credentials.clientId ?? '').trim();
		if (!clientId.startsWith('meed_')) {
			throw new Error('The MeeDee POS Client ID must start with meed_. Copy it from Settings → Open API Settings in MeeDee POS.');
		}
		return await clientCredentialsAccessToken.call(this, credentials.accessToken, {
			vendor: 'MeeDee POS',
			url: `${partnerApiRoot(credentials.baseUrl)}/oauth/token`,
			clientId,
			clientSecret: String(credentials.clientSecret ?? ''),
			timeoutSeconds: credentials.requestTimeout,
		});
	}

	// https only, redirects not followed (see credentialAuth.ts).
	authenticate = authenticateOverHttps('MeeDee POS', (credentials) => ({ Authorization: `Bearer ${String(credentials.accessToken ?? '')}` }));

	// One customer is the cheapest read that proves the token (needs the read:customers scope).
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "").replace(/\\/api\\/partner\\/v1$/i, "")}}/api/partner/v1',
			url: '/customers',
			method: 'GET',
			qs: { limit: 1 },
		},
		rules: redirectTestRules('MeeDee POS'),
	};
}
