/**
 * The time zone `npm start` gives n8n (GENERIC_TIMEZONE): the machine's own, so workflows without
 * their own time zone run on the operator's clock rather than n8n's default (America/New_York).
 */

/** Used when the machine's zone is unknown: the pack's vendors are in Thailand first. */
export const FALLBACK_TIME_ZONE = 'Asia/Bangkok';

/**
 * Zones that say the machine's zone was never set (containers, fresh servers), rather than a
 * place: treated as unknown.
 */
const UNSET_ZONES = new Set(['utc', 'etc/utc', 'etc/unknown', 'gmt', 'etc/gmt', 'universal', 'etc/universal', 'zulu', 'etc/zulu']);

/** GENERIC_TIMEZONE as set by the operator, else the machine's zone, else Asia/Bangkok. */
export function n8nTimeZone(explicit = process.env.GENERIC_TIMEZONE, machine = Intl.DateTimeFormat().resolvedOptions().timeZone): string {
	if (explicit && explicit.trim()) return explicit.trim();
	const zone = machine?.trim();
	return zone && !UNSET_ZONES.has(zone.toLowerCase()) ? zone : FALLBACK_TIME_ZONE;
}
