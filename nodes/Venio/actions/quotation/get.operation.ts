import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { segment, venioRecord } from '../../transport';
import { quotationNoProperty, readQuotationNo } from './shared';

const properties: INodeProperties[] = [quotationNoProperty];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// [INF] path GET /v1/quotation/{quotationNo}
	return await venioRecord.call(this, { method: 'GET', path: `/v1/quotation/${segment(readQuotationNo(this, i))}`, itemIndex: i });
}
