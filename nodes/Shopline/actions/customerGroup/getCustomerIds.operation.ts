import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { paginate } from '../../../shared/pagination';
import { concurrencyOption, optionsCollection, readWindow, returnAllAndLimit } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { customerGroupIdProperty, groupPath, readGroupId } from './shared';

const properties: INodeProperties[] = [customerGroupIdProperty, ...returnAllAndLimit(), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['customerGroup'], operation: ['getCustomerIds'] } }, properties);

export const concurrent = true;

/** SHOPLINE decides how many IDs one answer holds; the next answer starts after `last_id`. */
const ANY_SIZE = Number.MAX_SAFE_INTEGER;

/** One output item per customer of the group: `{customer_group_id, customer_id}`, ready for Customer → Get. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readGroupId(this, i);
	const { returnAll, limit } = readWindow(this, i, ANY_SIZE);
	const ids = await paginate<string>(
		this,
		'SHOPLINE',
		{ returnAll, limit, maxPageSize: ANY_SIZE },
		async (start) => {
			const answer = await shoplineRequest.call(this, 'GET', `${groupPath(id)}/customer_ids`, { qs: start === undefined ? {} : { previous_id: start }, itemIndex: i });
			const items = Array.isArray(answer.customer_ids) ? answer.customer_ids.map(String) : [];
			// [INF] the last answer has no last_id; an answer repeating a position stops paging with an error.
			return { items, next: typeof answer.last_id === 'string' && answer.last_id ? answer.last_id : undefined };
		},
		i,
	);
	return ids.map((customerId) => ({ customer_group_id: id, customer_id: customerId }));
}
