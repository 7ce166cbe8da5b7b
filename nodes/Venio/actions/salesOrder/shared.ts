/** The order number field shared by the sales-order operations that act on one order. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { objectSchema, readBody, type Field } from '../../../shared/fields';
import { segment, venioRecord, type RequestContext } from '../../transport';
import { locatorProperty, locatorRecord, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

export const salesOrderNoProperty = locatorProperty(LOCATORS.salesOrder);

export function readSalesOrderNo(ctx: IExecuteFunctions, i: number): string {
	return readLocator(ctx, LOCATORS.salesOrder, i);
}

/** "sales order SO2601-0001" for messages about item `i`; undefined while the number itself is not valid. */
export function salesOrderRecord(ctx: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(ctx, LOCATORS.salesOrder, i, 'sales order');
}

/** What an operation on one order with a body needs: the order's number and the checked body. */
export interface PreparedOrderChange {
	no: string;
	body: IDataObject;
}

/**
 * `prepare` and `recordOf` of an operation that changes one order with a body of `fields`: the
 * order's number and the checked body, read for every item before the first change.
 */
export function orderChangeReader(fields: Field[]) {
	const schema = objectSchema(fields);
	return {
		prepare(this: IExecuteFunctions, i: number): PreparedOrderChange {
			return { no: readSalesOrderNo(this, i), body: readBody(this, fields, schema, i) as IDataObject };
		},
		recordOf(this: IExecuteFunctions, i: number): string | undefined {
			return salesOrderRecord(this, i);
		},
	};
}

/** [PUB] GET /v2/salesorder/{salesOrderNo}; also used by the trigger. */
export async function getSalesOrder(this: RequestContext, no: string, itemIndex?: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: `/v2/salesorder/${segment(no)}`, itemIndex });
}
