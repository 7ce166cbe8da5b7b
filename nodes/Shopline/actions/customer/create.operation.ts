import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../../shared/execute';
import { DO_NOT_MATCH, isRefusal, isUnknownOutcome, readMatchBy, settle, withAction } from '../../../shared/matching';
import { fail } from '../../../shared/validation';
import { customerLockKeys, findCustomer, hasCustomerKey, type CustomerMatch } from '../../matching';
import { shoplineRequest } from '../../transport';
import { responseFieldsQuery } from '../common';
import { customerMatchProperty, customerRecordOf, customerWriteProperties, readCustomerWrite } from './shared';

const properties: INodeProperties[] = [
	...customerWriteProperties(),
	customerMatchProperty(
		[DO_NOT_MATCH],
		'none',
		'How a customer an earlier run made is found, so a re-run returns it (the output’s "action" says unchanged) instead of creating another',
	),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['create'] } }, properties);

export const concurrent = true;

interface Prepared {
	body: IDataObject;
	by: CustomerMatch | 'none';
}

export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const body = readCustomerWrite(this, i);
	const by = readMatchBy(this, i, 'none') as Prepared['by'];
	if (by !== 'none' && !hasCustomerKey(body, by)) {
		fail(this.getNode(), i, [`"${by === 'phone' ? 'Mobile Phone' : 'Email'}" is needed to find the existing customer (Match Existing By)`]);
	}
	return { body, by };
}

export const recordOf = customerRecordOf;

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { body, by } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	const options = this.getNodeParameter('options', i, {}) as IDataObject;
	// A create is not repeated after an unclear failure: SHOPLINE could end up with the customer twice.
	const create = async () => await shoplineRequest.call(this, 'POST', '/customers', { body, qs: responseFieldsQuery(options), itemIndex: i });
	if (by === 'none') return withAction('created', await create());

	return await oneAtATimePerKey(this, customerLockKeys(body, by), async () => {
		const existing = await findCustomer(this, body, by, i);
		if (existing) return withAction('unchanged', existing);
		const created = await settle(create);
		if (created.ok) return withAction('created', created.value);
		// Known outcomes: the email or phone is taken (the customer exists), or the reply was lost.
		const taken = isRefusal(created.error, /has already been taken/i);
		const found = taken || isUnknownOutcome(created.error) ? await findCustomer(this, body, by, i) : undefined;
		if (!found) throw created.error;
		return withAction(taken ? 'unchanged' : 'created', found);
	});
}
