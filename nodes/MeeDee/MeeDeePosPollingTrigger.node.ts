/**
 * Polls MeeDee POS for new sales or new/updated customers, for users who cannot receive webhooks.
 * (n8n treats a node as polling or webhook by its type, so this is a separate node from the
 * webhook trigger.) State per event: a watermark and the keys of recently seen records, saved only
 * after a complete fetch, so a failed poll is simply repeated by the next one.
 */
import {
	NodeConnectionTypes,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { instantMs } from '../shared/dates';
import { fieldLabels, fieldProperties, fromUi, objectSchema } from '../shared/fields';
import { selectNew, TIME_UNREADABLE_FIELD, type PollState } from '../shared/polling';
import { simplifyProperty } from '../shared/router';
import { validateInput } from '../shared/validation';
import { convertAmounts, convertAmountsOption } from './amounts';
import { attachItems, fetchSales, maxLookbackOption, saleFilterFields } from './actions/sale/shared';
import { spanSince } from './salesWindows';
import { toCommonCustomer, toCommonOrder } from './simplify';
import { meedeeList } from './transport';

const ALL = { returnAll: true, limit: Number.MAX_SAFE_INTEGER };
const MINUTE = 60_000;
const filterSchema = objectSchema(saleFilterFields);

/** MeeDee writes UTC times ("2026-12-03T19:43:00.000Z"); [INF] one without an offset is UTC too. */
function timeOf(event: 'sale' | 'customer', record: IDataObject): number {
	return instantMs(event === 'sale' ? record.sold_at : record.updated_at);
}

/** Every sale from `sinceMs` to now, within what MeeDee still serves. */
async function fetchNewSales(ctx: IPollFunctions, sinceMs: number, options: IDataObject): Promise<IDataObject[]> {
	const timeZone = ctx.getTimezone();
	const raw = ctx.getNodeParameter('filters', {}) as IDataObject;
	const filters = validateInput(
		ctx.getNode(),
		filterSchema,
		Object.fromEntries(saleFilterFields.map((f) => [f.key, fromUi(f, raw[f.key], timeZone)]).filter(([, v]) => v !== undefined && v !== '')),
		0,
		fieldLabels(saleFilterFields),
	) as IDataObject;
	const span = spanSince(sinceMs, Number(options.maxLookbackDays ?? 30) || 30);
	return await fetchSales.call(ctx, { span, branchIds: filters.branch_id as string[] | undefined, status: filters.status as string | undefined }, ALL);
}

export class MeeDeePosPollingTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MeeDee POS Polling Trigger',
		name: 'meeDeePosPollingTrigger',
		icon: { light: 'file:../../icons/meedee.svg', dark: 'file:../../icons/meedee.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description: 'Checks MeeDee POS on a schedule for new sales or new and updated customers',
		defaults: { name: 'MeeDee POS Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'meeDeePosApi', required: true }],
		properties: [
			{
				// Not labelled "Event": n8n's node panel turns an "Event" list of two or more into
				// actions and then drops " Trigger" from the node's name, so one polling trigger
				// would read "… Polling" beside another's "… Polling Trigger".
				displayName: 'Poll For',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'New Sale', value: 'sale', description: 'A sale (receipt) recorded since the last check' },
					{ name: 'New or Updated Customer', value: 'customer', description: 'A customer added or changed since the last check' },
				],
				default: 'sale',
			},
			{
				displayName:
					'MeeDee has no "changed since" filter for customers, so every check reads the whole customer list (200 per request). Poll less often for large customer books.',
				name: 'customerNotice',
				type: 'notice',
				default: '',
				displayOptions: { show: { event: ['customer'] } },
			},
			simplifyProperty,
			...fieldProperties(saleFilterFields, { name: 'filters', label: 'Filters' }).map((p) => ({ ...p, displayOptions: { show: { event: ['sale'] } } })),
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					convertAmountsOption,
					{
						displayName: 'Include Items',
						name: 'includeItems',
						type: 'boolean',
						default: false,
						description: 'Whether to add each new sale’s lines under "items" (one extra request per sale). Sales only.',
					},
					{ ...maxLookbackOption, description: `${maxLookbackOption.description} Sales only.` },
					{
						displayName: 'Overlap (Minutes)',
						name: 'overlapMinutes',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 1440 },
						default: 60,
						description:
							'How far back each check looks again, so records MeeDee shows late (for example a till that was offline) are still caught. Records already emitted are not emitted again. One whose time cannot be read is emitted once, with timeUnreadable set to true.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as 'sale' | 'customer';
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const overlapMs = Math.max(0, Number(options.overlapMinutes ?? 60)) * MINUTE;
		const staticData = this.getWorkflowStaticData('node');
		const state = (staticData[event] ?? {}) as PollState;
		const now = Date.now();
		const manual = this.getMode() === 'manual';

		let records: IDataObject[];
		if (event === 'sale') {
			// Manual "fetch test event" with no history: look one day back to have something to show.
			const since = (state.watermark ? Date.parse(state.watermark) : now) - overlapMs - (manual && !state.watermark ? 1440 * MINUTE : 0);
			records = await fetchNewSales(this, since, options);
		} else {
			records = await meedeeList.call(this, '/customers', {}, ALL);
		}
		// A sale never changes its id; a customer is new again each time updated_at moves.
		const keyOf = event === 'sale' ? (s: IDataObject) => String(s.id) : (c: IDataObject) => `${String(c.id)}@${String(c.updated_at)}`;
		const selection = selectNew(records, state, { timeOf: (r) => timeOf(event, r), keyOf, overlapMs, nowMs: now, formatTime: (ms) => new Date(ms).toISOString() });

		let out: IDataObject[];
		if (manual) {
			// A test fetch shows the newest record and leaves the trigger's memory as it was.
			const timed = records.filter((r) => Number.isFinite(timeOf(event, r)));
			const newest = timed.sort((a, b) => timeOf(event, b) - timeOf(event, a))[0] ?? records[0];
			out = newest ? [newest] : [];
		} else out = selection.fresh;
		const timeUnreadable = out.map((r) => !Number.isFinite(timeOf(event, r)));
		if (event === 'sale' && options.includeItems === true && out.length) out = await attachItems.call(this, out);

		// Only now, after every page and item request succeeded, does the watermark move.
		if (!manual) staticData[event] = selection.next as IDataObject;
		if (!out.length) return null;
		if (options.convertAmounts === true) out = convertAmounts(out);
		const shaped = (simplify ? out.map((r) => (event === 'sale' ? toCommonOrder(r) : toCommonCustomer(r))) : out) as IDataObject[];
		return [this.helpers.returnJsonArray(shaped.map((r, n) => (timeUnreadable[n] ? { ...r, [TIME_UNREADABLE_FIELD]: true } : r)))];
	}
}
