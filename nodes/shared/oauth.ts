/**
 * The OAuth2 client-credentials exchange Venio (Gofive) and MeeDee POS both use: a form POST that
 * returns `{access_token, expires_in}`. Failures are rethrown as plain errors carrying the vendor's
 * own error code and words only, so the form body (with the client secret) never travels along.
 * The form goes only to an https address (or this machine) and never follows a redirect: a 3xx is
 * an error naming the origin it pointed to.
 */
import type { IDataObject, IHttpRequestHelper } from 'n8n-workflow';

import { originOf, redirectIn } from './redirects';
import { insecureUrlProblem } from './secureUrl';
import { failureOf } from './transport';
import { genericErrorInfo, TokenRequestError } from './errors';
import { sharedToken, tokenKey } from './tokenCache';

export interface ClientCredentialsRequest {
	vendor: string;
	url: string;
	clientId: string;
	clientSecret: string;
	/** Extra headers the token endpoint needs (Venio: the APIM subscription key). */
	headers?: Record<string, string>;
	/** Extra form fields. */
	form?: Record<string, string>;
	/** The credential's Request Timeout, in seconds (30 when unset). */
	timeoutSeconds?: unknown;
}

export async function requestClientCredentialsToken(
	this: IHttpRequestHelper,
	request: ClientCredentialsRequest,
): Promise<{ token: string; expiresIn?: number }> {
	const insecure = insecureUrlProblem(request.vendor, request.url);
	if (insecure) throw new TokenRequestError(insecure, false);
	const form = new URLSearchParams({
		grant_type: 'client_credentials',
		client_id: request.clientId,
		client_secret: request.clientSecret,
		...(request.form ?? {}),
	});
	let response: IDataObject | undefined;
	let refusal: TokenRequestError | undefined;
	try {
		response = (await this.helpers.httpRequest({
			method: 'POST',
			url: request.url,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json', ...(request.headers ?? {}) },
			body: form.toString(),
			json: true,
			timeout: (Number(request.timeoutSeconds ?? 30) || 30) * 1000,
			disableFollowRedirect: true,
		})) as IDataObject;
	} catch (error) {
		const redirect = redirectIn(error);
		if (redirect) refusal = tokenRedirectRefusal(request, redirect.status, redirect.location);
		const failure = failureOf(error);
		const info = genericErrorInfo(failure.body);
		const status = failure.status ? ` (${failure.status})` : failure.code ? ` (${failure.code})` : '';
		const code = info.code && info.code !== info.message ? ` [${info.code}]` : '';
		const transient = failure.status === undefined || failure.status === 429 || failure.status >= 500;
		refusal ??= new TokenRequestError(`${request.vendor} refused the token request${status}${code}: ${info.message ?? 'check the credential values and the Base URL'}`, transient);
	}
	// preAuthentication has no node to attach an error to; n8n wraps this one in a NodeApiError.
	// Only the vendor's words are kept: the HTTP error holds the form body with the client secret.
	if (refusal !== undefined) throw refusal;
	const token = typeof response?.access_token === 'string' ? response.access_token : undefined;
	if (!token) throw new Error(`${request.vendor} answered the token request without an access_token`);
	const expiresIn = Number(response?.expires_in);
	return { token, expiresIn: Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : undefined };
}

/** A token endpoint that redirects: the client secret is not sent on; only the origin pointed to is named. */
function tokenRedirectRefusal(request: ClientCredentialsRequest, status: number, location: string | undefined): TokenRequestError {
	const own = originOf(request.url);
	const target = location ? originOf(location, request.url) : undefined;
	const where = target ? ` to ${target}` : '';
	return new TokenRequestError(
		`${request.vendor}'s token endpoint answered with a redirect (HTTP ${status})${where}. It was not followed: the client secret is only sent to ${own}. Check the Base URL in the credential.`,
		false,
	);
}

/** preAuthentication body for client-credentials credentials: one shared, cached token per key. */
export async function clientCredentialsAccessToken(
	this: IHttpRequestHelper,
	currentToken: unknown,
	request: ClientCredentialsRequest,
): Promise<{ accessToken: string }> {
	const key = tokenKey([request.vendor, request.url, request.clientId, request.clientSecret, JSON.stringify(request.headers ?? {})]);
	const accessToken = await sharedToken(key, typeof currentToken === 'string' ? currentToken : undefined, async () =>
		await requestClientCredentialsToken.call(this, request),
	);
	return { accessToken };
}
