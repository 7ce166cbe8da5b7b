import type { INodeProperties } from 'n8n-workflow';

/** Every credential offers the same request timeout, read by the shared transport. */
export const requestTimeoutProperty: INodeProperties = {
	displayName: 'Request Timeout (Seconds)',
	name: 'requestTimeout',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 300 },
	default: 30,
	description: 'How long to wait for the vendor to answer one request before retrying or failing',
};

/** The hidden token field that n8n fills through `preAuthentication` and clears to renew. */
export const accessTokenProperty: INodeProperties = {
	displayName: 'Access Token',
	name: 'accessToken',
	type: 'hidden',
	typeOptions: { expirable: true, password: true },
	default: '',
};
