/**
 * Credentials travel only over https. Plain http is allowed for this machine alone (the vendor
 * sandbox and local tests): 127.0.0.0/8, ::1 and localhost. Every vendor's base URL, every token
 * endpoint and every request that carries a credential is checked here, before anything is sent.
 */

/** A Base URL that may not carry a credential; its message names the credential and what to type. */
export class InsecureUrlError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'InsecureUrlError';
	}
}

/** True for 127.0.0.0/8, ::1 and localhost (hostnames as WHATWG URL gives them: IPv4 normalised, IPv6 in brackets). */
export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.toLowerCase();
	return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * What is wrong with `url` as an address for a credential, or undefined when it is https (or http
 * to a loopback host). Only the scheme and host are ever shown (a URL may hold a user name and password).
 */
export function insecureUrlProblem(vendor: string, url: string, field = 'Base URL'): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `The ${vendor} credential's ${field} is not a full web address: type it as https://… (check the credential).`;
	}
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) return undefined;
	const shown = parsed.protocol === 'http:' ? parsed.origin : `${parsed.protocol}//${parsed.hostname}`;
	return `The ${vendor} credential's ${field} must start with https:// (it is ${shown}): the credential's secrets are never sent unencrypted. Only addresses on this machine (localhost, 127.x.x.x, ::1) may use http://.`;
}

/** Returns `url` when it may carry a credential; throws an InsecureUrlError saying why not otherwise. */
export function requireSecureUrl(vendor: string, url: string, field = 'Base URL'): string {
	const problem = insecureUrlProblem(vendor, url, field);
	if (problem) throw new InsecureUrlError(problem);
	return url;
}
