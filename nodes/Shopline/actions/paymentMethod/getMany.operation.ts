import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, readListWindow, sortProperty, updatedRangeFilters, updatedRangeQuery } from '../common';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Order By',
				name: 'order_by',
				type: 'options',
				options: [
					{ name: 'Creation Time', value: 'created_at' },
					{ name: 'Priority (Checkout Order)', value: 'priority' },
				],
				default: 'created_at',
			},
			{ ...sortProperty, description: 'Direction of the order chosen in Order By' },
			...updatedRangeFilters('payment methods'),
		],
	},
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['paymentMethod'], operation: ['getMany'] } }, properties);

export const concurrent = true;

/** SHOPLINE's Get Payments: the shop's payment methods. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = dropEmpty({ ...updatedRangeQuery(this, i, filters), order_by: filters.order_by });
	return await pagedList.call(this, '/payments', qs, readListWindow(this, i), i);
}
