import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection, simplifyProperty } from '../../../shared/router';
import { toCommonOrder } from '../../simplify';
import { segment, venioRecord } from '../../transport';
import { quotationNoProperty, readQuotationNo } from './shared';

const properties: INodeProperties[] = [quotationNoProperty, simplifyProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['convertToSalesOrder'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const no = readQuotationNo(this, i);
	// [PUB] POST /v1/quotation/{no}/convert-to-salesorder {QuotationNo}. Venio converts a quotation
	// once and refuses a second time, so a repeat after an unknown outcome cannot make a second order.
	const order = await venioRecord.call(this, {
		method: 'POST',
		path: `/v1/quotation/${segment(no)}/convert-to-salesorder`,
		body: { QuotationNo: no },
		idempotent: true,
		itemIndex: i,
	});
	return this.getNodeParameter('simplify', i, true) ? toCommonOrder(order) : order;
}
