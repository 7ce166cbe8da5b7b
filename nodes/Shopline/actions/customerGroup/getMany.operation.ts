import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { pagedList } from '../../transport';
import { dropEmpty, listOptions, readListWindow, sortProperty, toUtcIso } from '../common';

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Created After', name: 'created_after', type: 'dateTime', default: '', description: 'Only groups created at or after this time, in the workflow’s time zone (a date alone: from its midnight). Not together with Status.' },
			{ displayName: 'Created Before', name: 'created_before', type: 'dateTime', default: '', description: 'Only groups created at or before this time, in the workflow’s time zone (a date alone: the whole day). Not together with Status.' },
			sortProperty,
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Expired', value: 'expired' },
				],
				default: 'active',
				description: 'Only active or only expired groups (all when not added). SHOPLINE does not take it together with Created After/Before.',
			},
		],
	},
	listOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['customerGroup'], operation: ['getMany'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const qs = dropEmpty({
		status: filters.status,
		created_after: toUtcIso(this, i, 'Created After', filters.created_after),
		created_before: toUtcIso(this, i, 'Created Before', filters.created_before, true),
		sort_by: filters.sort_by,
	});
	// Documented: status is not to be combined with the creation times.
	if (qs.status && (qs.created_after || qs.created_before)) {
		fail(this.getNode(), i, ['"Status" cannot be used together with "Created After" or "Created Before": SHOPLINE takes one or the other']);
	}
	return await pagedList.call(this, '/customer_groups', qs, readListWindow(this, i), i);
}
