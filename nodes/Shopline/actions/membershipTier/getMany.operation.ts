import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include',
				name: 'include_fields',
				type: 'multiOptions',
				options: [
					{ name: 'Member Point Rules', value: 'member_point_rules' },
					{ name: 'Promotions', value: 'promotions' },
					{ name: 'Store Credit Rules', value: 'user_credit_rules' },
					{ name: 'Tier Rules (Upgrade and Extend)', value: 'membership_tier_rules' },
				],
				default: [],
				description: 'Rules and promotions of each tier to add to the output',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['membershipTier'], operation: ['getMany'] } }, properties);

/** The shop's membership tiers, lowest level first; SHOPLINE answers them all at once (no pages). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const include = this.getNodeParameter('options.include_fields', i, []) as string[];
	const answer: unknown = await shoplineRequest.call(this, 'GET', '/membership_tiers', { qs: include.length ? { include_fields: include } : {}, itemIndex: i });
	const tiers = (Array.isArray(answer) ? answer : []) as IDataObject[];
	tiers.sort((a, b) => Number(a.level ?? 0) - Number(b.level ?? 0));
	const { returnAll, limit } = readWindow(this, i, tiers.length);
	return returnAll ? tiers : tiers.slice(0, limit);
}
