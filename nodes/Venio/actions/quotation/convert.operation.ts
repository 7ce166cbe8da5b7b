import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { isRefusal, isUnknownOutcome, settle, withAction, type Action } from '../../../shared/matching';
import { concurrencyOption, optionsCollection, simplifyProperty } from '../../../shared/router';
import { findConvertedOrder, VENIO_REFUSALS } from '../../matching';
import { toCommonOrder } from '../../simplify';
import { segment, venioRecord } from '../../transport';
import { quotationNoProperty, readQuotationNo } from './shared';

const properties: INodeProperties[] = [quotationNoProperty, simplifyProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['quotation'], operation: ['convertToSalesOrder'] } }, properties);

export const concurrent = true;

/**
 * [PUB] POST /v1/quotation/{no}/convert-to-salesorder {QuotationNo}. Venio converts a quotation
 * once. The request is never repeated blindly: after a lost reply, or when Venio answers "already
 * converted" (an earlier run did it), the quotation is read and its sales order returned, so the
 * item succeeds with the order that exists ("action": created now, or unchanged from before).
 */
interface PreparedConvert {
	no: string;
	simplify: boolean;
}

export function prepare(this: IExecuteFunctions, i: number): PreparedConvert {
	return { no: readQuotationNo(this, i), simplify: Boolean(this.getNodeParameter('simplify', i, true)) };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { no, simplify } = (prepared as PreparedConvert | undefined) ?? prepare.call(this, i);
	const output = (order: IDataObject, action: Action) => withAction(action, simplify ? toCommonOrder(order) : order);
	const convert = async () =>
		await venioRecord.call(this, { method: 'POST', path: `/v1/quotation/${segment(no)}/convert-to-salesorder`, body: { QuotationNo: no }, idempotent: false, itemIndex: i });
	const first = await settle(convert);
	if (first.ok) return output(first.value, 'created');
	const converted = isRefusal(first.error, VENIO_REFUSALS.alreadyConverted);
	if (!converted && !isUnknownOutcome(first.error)) throw first.error;
	const order = await findConvertedOrder(this, no, (first.error as Error).message, i);
	if (order) return output(order, converted ? 'unchanged' : 'created');
	// The reply was lost and the quotation is still not converted: the conversion did not happen.
	if (!converted) return output(await convert(), 'created');
	throw first.error;
}
