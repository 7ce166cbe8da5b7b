/**
 * Create or Update: finds the customer by email, else by mobile phone (SHOPLINE keeps both
 * unique; Match Existing By can narrow it to one), then updates it or creates a new one. The
 * output says which: `{action, customer}`.
 */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../../shared/execute';
import { isRefusal, isUnknownOutcome, readMatchBy, settle } from '../../../shared/matching';
import { fail } from '../../../shared/validation';
import { CREATE_ONLY_KEYS } from '../../fields';
import { customerLockKeys, findCustomer, hasCustomerKey, type CustomerMatch } from '../../matching';
import { shoplineRequest } from '../../transport';
import { responseFieldsQuery } from '../common';
import { customerMatchProperty, customerRecordOf, customerWriteProperties, readCustomerWrite } from './shared';

const properties: INodeProperties[] = [
	...customerWriteProperties(),
	customerMatchProperty([], 'emailOrPhone', 'How the customer to update is found; when none is found, one is created. The output’s "action" says created or updated.'),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['createOrUpdate'] } }, properties);

/** Items run concurrently, but two with the same email or mobile phone one after the other (see execute). */
export const concurrent = true;

interface Prepared {
	body: IDataObject;
	by: CustomerMatch;
}

export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const body = readCustomerWrite(this, i);
	const by = readMatchBy(this, i, 'emailOrPhone') as CustomerMatch;
	if (!hasCustomerKey(body, by)) fail(this.getNode(), i, [`"${by === 'phone' ? 'Mobile Phone' : 'Email'}" is needed to find the existing customer (Match Existing By)`]);
	return { body, by };
}

export const recordOf = customerRecordOf;

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { body, by } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	const qs = responseFieldsQuery(this.getNodeParameter('options', i, {}) as IDataObject);
	const update = async (existing: IDataObject) => {
		const changes = Object.fromEntries(Object.entries(body).filter(([key]) => !CREATE_ONLY_KEYS.includes(key) && key !== 'is_allow_welcome_credit'));
		const customer = await shoplineRequest.call(this, 'PUT', `/customers/${encodeURIComponent(String(existing.id))}`, { body: changes, qs, itemIndex: i });
		return { action: 'updated', customer };
	};
	return await oneAtATimePerKey(this, customerLockKeys(body, by), async () => {
		const existing = await findCustomer(this, body, by, i);
		if (existing) return await update(existing);
		const created = await settle(async () => await shoplineRequest.call(this, 'POST', '/customers', { body, qs, itemIndex: i }));
		if (created.ok) return { action: 'created', customer: created.value };
		// Known outcomes: the email or phone is taken by a customer the search missed (e.g. the
		// other key), or the reply was lost and the create may have gone through.
		const taken = isRefusal(created.error, /has already been taken/i);
		const found = taken || isUnknownOutcome(created.error) ? await findCustomer(this, body, by, i) : undefined;
		if (!found) throw created.error;
		return taken ? await update(found) : { action: 'created', customer: found };
	});
}
