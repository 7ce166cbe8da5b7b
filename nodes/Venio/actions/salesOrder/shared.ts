/** The order number field shared by the sales-order operations that act on one order. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { segment, venioRecord, type RequestContext } from '../../transport';
import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

export const salesOrderNoProperty = locatorProperty(LOCATORS.salesOrder);

export function readSalesOrderNo(ctx: IExecuteFunctions, i: number): string {
	return readLocator(ctx, LOCATORS.salesOrder, i);
}

/** [PUB] GET /v2/salesorder/{salesOrderNo}; also used by the trigger. */
export async function getSalesOrder(this: RequestContext, no: string, itemIndex?: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: `/v2/salesorder/${segment(no)}`, itemIndex });
}
