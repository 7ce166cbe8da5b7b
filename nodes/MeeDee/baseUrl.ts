/**
 * MeeDee publishes no host: every tenant has its own. Users type `https://<host>`; the Partner API
 * lives under `/api/partner/v1`. A pasted full API address is accepted too.
 */
import { requireSecureUrl } from '../shared/secureUrl';

export const API_PATH = '/api/partner/v1';

export function partnerApiRoot(baseUrl: unknown): string {
	const host = String(baseUrl ?? '')
		.trim()
		.replace(/\/+$/, '')
		.replace(/\/api\/partner\/v1$/i, '');
	if (!/^https?:\/\/[^/\s]+/i.test(host)) {
		throw new Error(`The MeeDee POS credential's Base URL must look like https://your-shop-host (got "${host}")`);
	}
	return `${requireSecureUrl('MeeDee POS', host)}${API_PATH}`;
}
