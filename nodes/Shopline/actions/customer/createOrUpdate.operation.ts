/**
 * Create or Update: finds the customer by email, else by mobile phone (SHOPLINE keeps both
 * unique), then updates it or creates a new one. The output says which happened.
 */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../../shared/execute';
import { CREATE_ONLY_KEYS } from '../../fields';
import { shoplineRequest } from '../../transport';
import { responseFieldsQuery } from '../common';
import { customerWriteProperties, readCustomerWrite } from './shared';

const properties: INodeProperties[] = customerWriteProperties();

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['createOrUpdate'] } }, properties);

/** Items run concurrently, but two with the same email or mobile phone one after the other (see execute). */
export const concurrent = true;

const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '').replace(/^0+/, '');

async function search(this: IExecuteFunctions, qs: IDataObject, i: number): Promise<IDataObject[]> {
	// [INF] exact-match query keys of Search Customers (added in release 1.4.0); results are checked again below.
	const response = await shoplineRequest.call(this, 'GET', '/customers/search', { qs: { ...qs, per_page: 10 }, itemIndex: i });
	return Array.isArray(response.items) ? (response.items as IDataObject[]) : [];
}

async function findExisting(this: IExecuteFunctions, body: IDataObject, i: number): Promise<IDataObject | undefined> {
	if (typeof body.email === 'string') {
		const email = body.email.trim().toLowerCase();
		const found = (await search.call(this, { email }, i)).find((c) => String(c.email ?? '').toLowerCase() === email);
		if (found) return found;
	}
	if (typeof body.mobile_phone === 'string') {
		const mobile = body.mobile_phone.split(',')[0];
		const code = String(body.mobile_phone_country_calling_code ?? '');
		const found = (await search.call(this, { mobile_phone: mobile }, i)).find(
			(c) =>
				String(c.mobile_phone ?? '')
					.split(',')
					.some((own) => digits(own) === digits(mobile)) && String(c.mobile_phone_country_calling_code ?? '') === code,
		);
		if (found) return found;
	}
	return undefined;
}

/** What findExisting matches on: items sharing one of these must not search and write at the same time. */
function matchKeys(body: IDataObject): string[] {
	const keys: string[] = [];
	if (typeof body.email === 'string') keys.push(`email:${body.email.trim().toLowerCase()}`);
	if (typeof body.mobile_phone === 'string') keys.push(`mobile:${String(body.mobile_phone_country_calling_code ?? '')}:${digits(body.mobile_phone.split(',')[0])}`);
	return keys;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body = readCustomerWrite(this, i);
	const qs = responseFieldsQuery(this.getNodeParameter('options', i, {}) as IDataObject);
	return await oneAtATimePerKey(this, matchKeys(body), async () => {
		const existing = await findExisting.call(this, body, i);
		if (existing) {
			const update = Object.fromEntries(Object.entries(body).filter(([key]) => !CREATE_ONLY_KEYS.includes(key) && key !== 'is_allow_welcome_credit'));
			const customer = await shoplineRequest.call(this, 'PUT', `/customers/${encodeURIComponent(String(existing.id))}`, { body: update, qs, itemIndex: i });
			return { action: 'updated', customer };
		}
		const customer = await shoplineRequest.call(this, 'POST', '/customers', { body, qs, itemIndex: i });
		return { action: 'created', customer };
	});
}
