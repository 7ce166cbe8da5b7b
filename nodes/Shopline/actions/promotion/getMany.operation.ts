import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection, pageSizeOf, pageSizeOption, readWindow, returnAllAndLimit } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { pagedList } from '../../transport';
import { dropEmpty, toUtcIso } from '../common';

/** [PUB SDK] Get Promotions serves at most 100 a page. */
const MAX_PROMOTIONS_PAGE = 100;

const TIMES: Array<[string, string, string]> = [
	['created', 'Created', 'created'],
	['updated', 'Updated', 'changed'],
	['start', 'Starts', 'starting'],
	['end', 'Ends', 'ending'],
];

const timeFilters: INodeProperties[] = TIMES.flatMap(([key, label, verb]) => [
	{ displayName: `${label} After`, name: `${key}_after`, type: 'dateTime' as const, default: '', description: `Only promotions ${verb} at or after this time, in the workflow’s time zone (a date alone: from its midnight)` },
	{ displayName: `${label} Before`, name: `${key}_before`, type: 'dateTime' as const, default: '', description: `Only promotions ${verb} at or before this time, in the workflow’s time zone (a date alone: the whole day)` },
]);

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			...timeFilters,
			{
				displayName: 'Promotion IDs',
				name: 'promotion_ids',
				type: 'string',
				default: '',
				description: 'Only these promotions. SHOPLINE takes IDs alone: no time filter with them.',
				hint: 'Separate several values with commas',
			},
		],
	},
	optionsCollection([concurrencyOption, pageSizeOption('SHOPLINE', MAX_PROMOTIONS_PAGE, MAX_PROMOTIONS_PAGE)]),
];

export const description = updateDisplayOptions({ show: { resource: ['promotion'], operation: ['getMany'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const f = this.getNodeParameter('filters', i, {}) as IDataObject;
	const ids = String(f.promotion_ids ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
	const times: IDataObject = {};
	for (const [key, label] of TIMES) {
		times[`${key}_after`] = toUtcIso(this, i, `${label} After`, f[`${key}_after`]);
		times[`${key}_before`] = toUtcIso(this, i, `${label} Before`, f[`${key}_before`], true);
	}
	const qs = dropEmpty(times);
	if (ids.length && Object.keys(qs).length) fail(this.getNode(), i, ['"Promotion IDs" cannot be used together with a time filter (SHOPLINE takes them alone)']);
	if (ids.length) qs.promotion_ids = ids;
	const { returnAll, limit } = readWindow(this, i, MAX_PROMOTIONS_PAGE);
	const pageSize = pageSizeOf(this.getNodeParameter('options.pageSize', i, MAX_PROMOTIONS_PAGE), MAX_PROMOTIONS_PAGE, MAX_PROMOTIONS_PAGE);
	return await pagedList.call(this, '/promotions', qs, { returnAll, limit, pageSize }, i);
}
