/**
 * The time zone `npm start` gives n8n (scripts/timezone.ts): GENERIC_TIMEZONE when the operator set
 * it, else the machine's zone, else Asia/Bangkok when the machine's zone is unknown or never set.
 */
import { FALLBACK_TIME_ZONE, n8nTimeZone } from '../../scripts/timezone';

it.each([
	['the machine zone', undefined, 'Asia/Ho_Chi_Minh', 'Asia/Ho_Chi_Minh'],
	['the machine zone (Taipei)', '', 'Asia/Taipei', 'Asia/Taipei'],
	['GENERIC_TIMEZONE over the machine zone', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Hong_Kong'],
	['Asia/Bangkok when the machine zone is unknown', undefined, undefined, 'Asia/Bangkok'],
	['Asia/Bangkok when the machine zone is empty', undefined, '', 'Asia/Bangkok'],
	['Asia/Bangkok for a machine whose zone was never set (UTC)', undefined, 'UTC', 'Asia/Bangkok'],
	['Asia/Bangkok for Etc/UTC', undefined, 'Etc/UTC', 'Asia/Bangkok'],
	['Asia/Bangkok for Etc/Unknown', '  ', 'Etc/Unknown', 'Asia/Bangkok'],
])('%s', (_title, explicit, machine, expected) => {
	expect(n8nTimeZone(explicit, machine as string)).toBe(expected);
});

it('with nothing passed, reads the machine zone (or falls back), always a zone Intl knows', () => {
	const zone = n8nTimeZone();
	expect(() => new Intl.DateTimeFormat('en', { timeZone: zone })).not.toThrow();
	const machine = Intl.DateTimeFormat().resolvedOptions().timeZone;
	if (!process.env.GENERIC_TIMEZONE) expect(zone).toBe(/^(Etc\/)?UTC$/.test(machine) ? FALLBACK_TIME_ZONE : machine);
});
