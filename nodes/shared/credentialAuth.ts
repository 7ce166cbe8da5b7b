/**
 * The `authenticate` every credential of the pack uses, and the credential tests' redirect rules.
 * n8n applies `authenticate` to every request that carries the credential: the nodes' requests,
 * the credential test, and the HTTP Request node when it is given this credential. So this is where
 * "https only" and "no redirects" hold for all of them: the headers are added only for an https
 * address (or this machine), and the request is told not to follow redirects (the nodes' transport
 * follows same-origin ones itself, see redirects.ts).
 */
import type { ICredentialDataDecryptedObject, IAuthenticateRuleResponseCode, IHttpRequestOptions } from 'n8n-workflow';

import { requireSecureUrl } from './secureUrl';

type Authenticate = (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/** The address a request goes to: `url` (`uri` in n8n's older request helper) below `baseURL`. */
function targetOf(options: IHttpRequestOptions): string {
	const url = options.url ?? (options as { uri?: string }).uri ?? '';
	try {
		return new URL(url, options.baseURL || undefined).href;
	} catch {
		return url;
	}
}

export function authenticateOverHttps(vendor: string, headersOf: (credentials: ICredentialDataDecryptedObject) => Record<string, string>): Authenticate {
	return async (credentials, requestOptions) => {
		requireSecureUrl(vendor, targetOf(requestOptions));
		return {
			...requestOptions,
			headers: { ...(requestOptions.headers ?? {}), ...headersOf(credentials) },
			disableFollowRedirect: true,
			// The same for n8n's older request helper (the HTTP Request node uses it).
			...{ followRedirect: false, followAllRedirects: false },
		};
	};
}

const REDIRECT_STATUSES = [301, 302, 303, 307, 308];

/** Credential-test rules: a redirect is reported as one (the test does not follow it), naming what to check. */
export function redirectTestRules(vendor: string): IAuthenticateRuleResponseCode[] {
	return REDIRECT_STATUSES.map((value) => ({
		type: 'responseCode',
		properties: {
			value,
			message: `${vendor} answered the test with a redirect (HTTP ${value}). It was not followed, so the credential was not sent anywhere else. Check the Base URL: it must be the API's own address.`,
		},
	}));
}
