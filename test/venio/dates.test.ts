/**
 * Venio's date filters mean times and days in the workflow's time zone, inside n8n-core against the
 * simulator. Venio takes date-times with an offset [PUB: "2026-06-05T00:00:00+0700"], so "Modified
 * Since" goes out as an instant with the workflow's own offset; event dates are calendar dates and
 * stay the date the user means in the workflow's zone.
 */
import type { IDataObject } from 'n8n-workflow';

import { toZoneIso, zonedInstant } from '../../nodes/shared/dates';
import { runNode } from '../harness/n8n';
import { useVenio } from './setup';

const env = useVenio();
const D = '2026-03-10';

async function run(parameters: IDataObject, timeZone: string) {
	const result = await runNode(env.h, { type: 'venioCrm', timezone: timeZone, parameters: parameters as never, credentials: env.credentials() });
	expect(result.error).toBeUndefined();
	return result.items.map((i) => i.json);
}

describe.each(['Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Taipei', 'Asia/Hong_Kong'])('Venio dates in %s', (timeZone) => {
	it('Modified Since the date D takes D’s 00:30 and 23:30 and leaves the day before’s 23:30 out', async () => {
		const [before, early, late] = env.sim.customers.slice(0, 3);
		before.dateModified = zonedInstant('2026-03-09T23:30', timeZone)!.getTime();
		early.dateModified = zonedInstant(`${D}T00:30`, timeZone)!.getTime();
		late.dateModified = zonedInstant(`${D}T23:30`, timeZone)!.getTime();
		const mine = [before, early, late].map((c) => c.customerCode);
		const codes = async (since: string) =>
			(await run({ resource: 'customer', operation: 'getMany', returnAll: true, simplify: false, filters: { modifiedSince: since } }, timeZone))
				.map((c) => String(c.customerCode))
				.filter((code) => mine.includes(code));

		expect(await codes(D)).toEqual([early.customerCode, late.customerCode]);
		// Sent with the workflow's own offset, so Venio never has to guess a zone.
		const sent = env.calls().filter((c) => c.path === '/v3/customers/enquiry').at(-1)!.body as IDataObject;
		expect(sent.modifiedSince).toBe(toZoneIso(zonedInstant(D, timeZone)!, timeZone));
		// The date picker's form (a wall time in the workflow's zone) means the same.
		expect(await codes(`${D}T00:00:00`)).toEqual([early.customerCode, late.customerCode]);
		expect(await codes(`${D}T23:00:00`)).toEqual([late.customerCode]);
	});

	it('event dates are the calendar dates of the workflow’s zone: an instant given is read there first', async () => {
		for (const [name, date] of [
			['Day before', '2026-03-09'],
			['On the day', D],
			['Day after', '2026-03-11'],
		]) {
			await run({ resource: 'customer', operation: 'addEvent', customerCode: 'C000002', eventName: name, eventType: 3, eventDate: date }, timeZone);
		}
		const names = async (filters: IDataObject) =>
			(await run({ resource: 'customer', operation: 'getEvents', customerCode: 'C000002', returnAll: true, filters }, timeZone)).map((e) => e.eventName);
		expect(await names({ dateFrom: D, dateTo: D })).toEqual(['On the day']);
		// 00:30 and 23:30 on D in this zone, written as UTC instants (an expression such as {{ $now.toUTC() }})
		const early = zonedInstant(`${D}T00:30`, timeZone)!.toISOString();
		const late = zonedInstant(`${D}T23:30`, timeZone)!.toISOString();
		expect(await names({ dateFrom: early, dateTo: late })).toEqual(['On the day']);
	});
});
