import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection, readWindow, returnAllAndLimit } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { dropEmpty } from '../common';
import { customerIdProperty, customerPath, readCustomerId } from './loyalty';

const properties: INodeProperties[] = [
	customerIdProperty,
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Coupon Status',
				name: 'coupon_status',
				type: 'options',
				options: [
					{ name: 'Coming Soon', value: 'comingSoon', description: 'Not started yet' },
					{ name: 'Invalid', value: 'invalid', description: 'Ended' },
					{ name: 'Valid', value: 'valid', description: 'Usable now' },
				],
				default: 'valid',
			},
			{
				displayName: 'Coupon Types',
				name: 'coupon_type',
				type: 'multiOptions',
				options: [
					{ name: 'Draw (Customer Claims It)', value: 'draw' },
					{ name: 'Multiple Codes', value: 'multi' },
					{ name: 'Single Code', value: 'single' },
				],
				default: [],
			},
			{
				displayName: 'Platforms',
				name: 'available_platforms',
				type: 'multiOptions',
				options: [
					{ name: 'App', value: 'app' },
					{ name: 'Online Store', value: 'ec' },
					{ name: 'Retail (POS)', value: 'retail' },
				],
				default: [],
				description: 'Promotions usable on any of these',
			},
		],
	},
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getPromotions'] } }, properties);

export const concurrent = true;

/** The promotions and coupons this customer can see; SHOPLINE answers them all at once (no pages). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readCustomerId(this, i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = dropEmpty(filters);
	const answer = await shoplineRequest.call(this, 'GET', customerPath(id, 'promotions'), { qs, itemIndex: i });
	const items = Array.isArray(answer.items) ? (answer.items as IDataObject[]) : [];
	const { returnAll, limit } = readWindow(this, i, items.length);
	return returnAll ? items : items.slice(0, limit);
}
