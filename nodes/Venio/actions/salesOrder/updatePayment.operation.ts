import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { extraBodyProperty, fieldProperties, objectSchema, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { segment, venioRequest } from '../../transport';
import { orderChangeReader, salesOrderNoProperty, type PreparedOrderChange } from './shared';

// [PUB] PUT /v2/salesorder/{no}/payment {payments:[{periodNo, status}]}; [INF] 1 = unpaid, 2 = paid.
const periodFields: Field[] = [
	{ key: 'periodNo', label: 'Installment Number', type: 'number', required: true, default: 1, schema: z.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more') },
	{
		key: 'status',
		label: 'Payment Status',
		type: 'options',
		required: true,
		options: [
			{ name: 'Paid', value: 2 },
			{ name: 'Unpaid', value: 1 },
		],
		default: 2,
	},
];
const fields: Field[] = [
	{
		key: 'payments',
		label: 'Payments',
		type: 'group',
		multiple: true,
		required: true,
		fields: periodFields,
		placeholder: 'Add Installment',
		description: 'One entry per installment (งวด); an order paid at once has installment 1',
		schema: z.array(objectSchema(periodFields)).min(1, 'needs at least one installment'),
	},
];

const properties: INodeProperties[] = [salesOrderNoProperty, ...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['updatePayment'] } }, properties);

export const concurrent = true;

export const { prepare, recordOf } = orderChangeReader(fields);

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { no, body } = (prepared as PreparedOrderChange | undefined) ?? prepare.call(this, i);
	// Setting an installment's status is the same whether sent once or twice: safe to repeat.
	const done = await venioRequest.call(this, { method: 'PUT', path: `/v2/salesorder/${segment(no)}/payment`, body, itemIndex: i });
	return { salesOrderNo: no, updated: done === true, payments: body.payments };
}
