import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { segment, venioRequest } from '../../transport';
import { readSalesOrderNo, salesOrderNoProperty } from './shared';

const properties: INodeProperties[] = [salesOrderNoProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['approve'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): string {
	return readSalesOrderNo(this, i);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const no = (prepared as string | undefined) ?? prepare.call(this, i);
	// [INF] path PUT /v2/salesorder/{no}/approve → data: true
	const done = await venioRequest.call(this, { method: 'PUT', path: `/v2/salesorder/${segment(no)}/approve`, body: {}, itemIndex: i });
	return { salesOrderNo: no, approved: done === true };
}
