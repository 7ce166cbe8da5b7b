import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { segment, venioRequest } from '../../transport';
import { quotationNoProperty, readQuotationNo } from './shared';

const properties: INodeProperties[] = [quotationNoProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['cancel'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): string {
	return readQuotationNo(this, i);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const no = (prepared as string | undefined) ?? prepare.call(this, i);
	// [INF] path PUT /v1/quotation/{no}/cancel → data: true
	const done = await venioRequest.call(this, { method: 'PUT', path: `/v1/quotation/${segment(no)}/cancel`, body: {}, itemIndex: i });
	return { quotationNo: no, cancelled: done === true };
}
