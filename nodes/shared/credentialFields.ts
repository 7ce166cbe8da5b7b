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

/**
 * For vendors with a documented per-credential rate: how many n8n processes use the credential at
 * once. Each process's pace lives in its own memory, so with queue-mode workers the budget is split.
 */
export const sharingProcessesProperty: INodeProperties = {
	displayName: 'Processes Sharing This Credential',
	name: 'sharingProcesses',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 64, numberPrecision: 0 },
	default: 1,
	description:
		'How many n8n processes run workflows with this credential at the same time: 1 for a single n8n; in queue mode, the number of workers (plus the main process if it runs executions). Each process then keeps to its share of the vendor’s rate limit, so together they never exceed it.',
};
