/** What the pipeline resources (deals, activities, tasks, cases) share before a body is sent. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { toZoneIso, zonedInstant } from '../../shared/dates';

const toId = (v: unknown) => (typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v) : v);

/**
 * Ready to send: ids as numbers (an expression may give "5"), and date-times as instants with the
 * workflow zone's offset (a date alone: its midnight there), so Venio never guesses a zone.
 */
export function sendable(ctx: IExecuteFunctions, body: IDataObject, keys: { ids?: string[]; idLists?: string[]; times?: string[] }): IDataObject {
	const out: IDataObject = { ...body };
	for (const key of keys.ids ?? []) if (out[key] !== undefined) out[key] = toId(out[key]) as IDataObject[string];
	for (const key of keys.idLists ?? []) if (Array.isArray(out[key])) out[key] = (out[key] as unknown[]).map(toId) as IDataObject[string];
	const zone = ctx.getTimezone();
	for (const key of keys.times ?? []) {
		const instant = out[key] === undefined ? undefined : zonedInstant(out[key], zone);
		if (instant) out[key] = toZoneIso(instant, zone);
	}
	return out;
}
