/** The current Gofive OpenAPI address; legacy accounts use https://api.veniocrm.com/dev. */
export const VENIO_DEFAULT_BASE_URL = 'https://api.gofive.co.th';

/** The credential's Base URL without spaces or a trailing slash. */
export function venioBaseUrl(value: unknown): string {
	return String(value || VENIO_DEFAULT_BASE_URL).trim().replace(/\/+$/, '');
}
