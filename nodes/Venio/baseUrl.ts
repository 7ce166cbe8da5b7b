import { requireSecureUrl } from '../shared/secureUrl';

/** The current Gofive OpenAPI address; legacy accounts use https://api.veniocrm.com/dev. */
export const VENIO_DEFAULT_BASE_URL = 'https://api.gofive.co.th';

/** The credential's Base URL without spaces or a trailing slash; https only (http for this machine). */
export function venioBaseUrl(value: unknown): string {
	return requireSecureUrl('Venio CRM', String(value || VENIO_DEFAULT_BASE_URL).trim().replace(/\/+$/, ''));
}
