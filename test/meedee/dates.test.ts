/**
 * MeeDee POS sale dates mean days in the workflow's time zone, inside n8n-core against the
 * simulator. MeeDee takes `from`/`to` as its own days (UTC [INF]); the node asks for the days
 * around the workflow's day and keeps the sales of that day only.
 */
import type { IDataObject } from 'n8n-workflow';

import { zonedInstant } from '../../nodes/shared/dates';
import { runNode } from '../harness/n8n';
import { useMeeDee } from './setup';

let clockOffset = 0;
const env = useMeeDee({ now: () => Date.now() + clockOffset });

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** A day well inside MeeDee's 30-day lookback. */
const D = addDays(new Date().toISOString().slice(0, 10), -3);

/** A completed sale made at `date` `time` in `timeZone` (the simulator's clock is moved for it). */
function saleAt(date: string, time: string, timeZone: string): string {
	clockOffset = zonedInstant(`${date}T${time}`, timeZone)!.getTime() - Date.now();
	try {
		return String(((env.sim.emit({ event: 'sale.created' }) as IDataObject).data as IDataObject).id);
	} finally {
		clockOffset = 0;
	}
}

async function salesOf(from: string, to: string, timeZone: string, extra: IDataObject = {}) {
	const { items, error } = await runNode(env.h, {
		type: 'meeDeePos',
		timezone: timeZone,
		parameters: { resource: 'sale', operation: 'getMany', fromDate: from, toDate: to, returnAll: true, simplify: false, ...extra } as never,
		credentials: env.credentialsFor(),
	});
	expect(error).toBeUndefined();
	return items.map((i) => i.json);
}

describe.each(['Asia/Bangkok', 'Asia/Ho_Chi_Minh', 'Asia/Taipei', 'Asia/Hong_Kong'])('MeeDee sales by day in %s', (timeZone) => {
	it('00:30 and 23:30 on the day are in it; 23:30 the day before and 00:30 the day after are not', async () => {
		const before = saleAt(addDays(D, -1), '23:30', timeZone);
		const early = saleAt(D, '00:30', timeZone);
		const late = saleAt(D, '23:30', timeZone);
		const after = saleAt(addDays(D, 1), '00:30', timeZone);
		const mine = new Set([before, early, late, after]);
		const ofDay = async (day: string) => (await salesOf(day, day, timeZone)).map((s) => String(s.id)).filter((id) => mine.has(id));

		expect(await ofDay(D)).toEqual([early, late]);
		expect(await ofDay(addDays(D, -1))).toEqual([before]);
		expect(await ofDay(addDays(D, 1))).toEqual([after]);
		// Every sale returned for the day was made on that day in the workflow's zone.
		const day = await salesOf(D, D, timeZone);
		const [start, end] = [zonedInstant(D, timeZone)!.getTime(), zonedInstant(addDays(D, 1), timeZone)!.getTime()];
		for (const s of day) expect(Date.parse(String(s.sold_at)) >= start && Date.parse(String(s.sold_at)) < end).toBe(true);
		// MeeDee was asked for its own days around the workflow's day (UTC days [INF]).
		const asked = env.server.requests('meedee').filter((r) => r.path.endsWith('/sales'));
		expect(asked.at(-1)!.query).toMatchObject({ from: addDays(D, -1), to: D });
	});

	it('stock movements of the day: those of 00:30 and 23:30 are in it, the neighbours’ are not', async () => {
		const ids = [saleAt(addDays(D, -1), '23:30', timeZone), saleAt(D, '00:30', timeZone), saleAt(D, '23:30', timeZone), saleAt(addDays(D, 1), '00:30', timeZone)];
		const { items, error } = await runNode(env.h, {
			type: 'meeDeePos',
			timezone: timeZone,
			parameters: { resource: 'inventory', operation: 'getMovements', returnAll: true, filters: { movement_type: 'sale', from: D, to: D } } as never,
			credentials: env.credentialsFor(),
		});
		expect(error).toBeUndefined();
		const sales = new Set(items.map((i) => String(i.json.reference_id)));
		expect(ids.map((id) => sales.has(id))).toEqual([false, true, true, false]);
	});

	it('a Limit counts only sales of the day (hours of MeeDee’s days outside it are skipped)', async () => {
		saleAt(D, '00:30', timeZone);
		const all = await salesOf(D, D, timeZone);
		const limited = await salesOf(D, D, timeZone, { returnAll: false, limit: 2 });
		expect(limited.map((s) => s.id)).toEqual(all.slice(0, 2).map((s) => s.id));
		const start = zonedInstant(D, timeZone)!.getTime();
		for (const s of limited) expect(Date.parse(String(s.sold_at))).toBeGreaterThanOrEqual(start);
	});
});

describe('MeeDee sales: demo 2’s "yesterday" is the Bangkok day set on the workflow', () => {
	it('a sale at 03:08 Bangkok is in its day, one at 02:43 the next morning is not', async () => {
		const inDay = saleAt(D, '03:08', 'Asia/Bangkok');
		const nextMorning = saleAt(addDays(D, 1), '02:43', 'Asia/Bangkok');
		const ids = (await salesOf(D, D, 'Asia/Bangkok')).map((s) => s.id);
		expect(ids).toContain(inDay);
		expect(ids).not.toContain(nextMorning);
	});

	it('a range over 30 days is read in windows of at most 30 of MeeDee’s days, each sale once', async () => {
		env.sim.settings.salesMaxLookbackDays = 60; // a tenant MeeDee allows a longer history (reset after the test)
		const today = new Date().toISOString().slice(0, 10);
		const [from, to] = [addDays(today, -45), addDays(today, -1)];
		const first = saleAt(from, '00:30', 'Asia/Taipei');
		const last = saleAt(to, '23:30', 'Asia/Taipei');
		const sales = await salesOf(from, to, 'Asia/Taipei', { options: { maxLookbackDays: 60 } });
		const ids = sales.map((s) => s.id);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids).toEqual(expect.arrayContaining([first, last]));
		const asked = env.server.requests('meedee').filter((r) => r.path.endsWith('/sales') && r.query.cursor === undefined);
		expect(asked.map((r) => [r.query.from, r.query.to])).toEqual([
			[addDays(from, -1), addDays(from, 28)],
			[addDays(from, 29), to],
		]);
	});
});
