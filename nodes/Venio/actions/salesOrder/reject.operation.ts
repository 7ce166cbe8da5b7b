import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { segment, venioRequest } from '../../transport';
import { readSalesOrderNo, salesOrderNoProperty } from './shared';

const fields: Field[] = [{ key: 'reason', label: 'Reason', type: 'string', required: true, rows: 2, description: 'Why the order is rejected; Venio shows it to the salesperson' }];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [salesOrderNoProperty, ...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['reject'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const no = readSalesOrderNo(this, i);
	const body = readBody(this, fields, schema, i);
	// [INF] path PUT /v2/salesorder/{no}/reject {reason} → data: true
	const done = await venioRequest.call(this, { method: 'PUT', path: `/v2/salesorder/${segment(no)}/reject`, body, itemIndex: i });
	return { salesOrderNo: no, rejected: done === true, reason: body.reason };
}
