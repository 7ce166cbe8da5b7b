import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../../shared/execute';
import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { isRefusal, isUnknownOutcome, matchExistingProperty, readMatchBy, recordLabel, settle, withAction } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { customerFields, customerSchema } from '../../fields';
import { venioCustomerFromCommon } from '../../fromCommon';
import { CUSTOMER_KEY_LABEL, customerKeyValue, findCustomer, VENIO_REFUSALS, type CustomerKey } from '../../matching';
import { venioRecord } from '../../transport';
import { readOptionalKey, upsertKeyProperty } from '../common';

const matchBy = matchExistingProperty(
	[
		{ name: 'Customer Name', value: 'name', description: 'Venio keeps names unique: the customer with this exact name is updated' },
		{ name: 'Email', value: 'email', description: 'The customer with this email (any case) is updated' },
		{ name: 'Mobile', value: 'phone', description: 'The customer with this mobile (or phone) number, compared in E.164 (081… = +6681…), is updated' },
		{ name: 'Tax ID', value: 'taxId', description: 'The customer with this tax ID is updated; with a Branch Code, that branch' },
		{ name: 'Customer Code Only', value: 'code', description: 'Only a filled-in Customer Code updates; otherwise a customer is created' },
	],
	'name',
	'When Customer Code is empty: how the customer an earlier run made is found, so a re-run updates it instead of creating another. The output’s "action" says created or updated.',
);

const properties: INodeProperties[] = [
	...mappingProperties('customer'),
	...manualOnly([upsertKeyProperty('customerCode', 'Customer Code', 'customer'), ...fieldProperties(customerFields)], ['customerState']),
	matchBy,
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

interface Prepared {
	body: IDataObject;
	by: CustomerKey | 'code';
}

export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const auto = this.getNodeParameter('mapping', i, 'manual') === 'auto';
	const customerCode = auto ? undefined : readOptionalKey(this, 'customerCode', i);
	const body = readMappedBody(this, i, {
		kind: 'customer',
		fields: customerFields,
		schema: customerSchema,
		fromCommon: venioCustomerFromCommon,
		alwaysShown: ['customerState'],
		base: customerCode ? { customerCode } : {},
	});
	const by = readMatchBy(this, i, 'name') as Prepared['by'];
	// Matching on a key the item lacks would create a second customer on every re-run.
	if (by !== 'code' && body.customerCode === undefined && customerKeyValue(body, by) === undefined) {
		fail(this.getNode(), i, [`"${CUSTOMER_KEY_LABEL[by]}" is needed to find the existing customer (Match Existing By)`]);
	}
	return { body, by };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['customerCode', 'customerName', 'additionalFields.customerEmail', 'additionalFields.customerMobile']);
}

/** Items sharing a name or the matched key run one after the other, so two cannot both create. */
function lockKeys(body: IDataObject, by: Prepared['by']): string[] {
	const keys = [`name:${String(body.customerName).trim().toLowerCase()}`];
	const value = by === 'code' ? undefined : customerKeyValue(body, by);
	if (by !== 'code' && by !== 'name' && value) keys.push(`${by}:${value.toLowerCase()}`);
	return keys;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { body, by } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// With a code this is an update of that customer and safe to repeat.
	const save = async (customerCode: unknown) =>
		await venioRecord.call(this, { method: 'POST', path: '/v3/customers', body: { ...body, customerCode }, idempotent: true, itemIndex: i });
	if (body.customerCode !== undefined) return withAction('updated', await save(body.customerCode));

	return await oneAtATimePerKey(this, lockKeys(body, by), async () => {
		const existing = by === 'code' ? undefined : await findCustomer(this, by, body, i);
		if (existing) return withAction('updated', await save(existing.customerCode));
		// Without a code it creates a customer, which is never sent twice blindly.
		const created = await settle(async () => await venioRecord.call(this, { method: 'POST', path: '/v3/customers', body, idempotent: false, itemIndex: i }));
		if (created.ok) return withAction('created', created.value);
		// Known outcomes: Venio already has this name (an earlier run made it), or the reply was
		// lost and the create may have gone through. Either way the customer is found by its name.
		const taken = isRefusal(created.error, VENIO_REFUSALS.nameTaken);
		const same = taken || isUnknownOutcome(created.error) ? await findCustomer(this, 'name', body, i) : undefined;
		if (!same) throw created.error;
		return taken ? withAction('updated', await save(same.customerCode)) : withAction('created', same);
	});
}
