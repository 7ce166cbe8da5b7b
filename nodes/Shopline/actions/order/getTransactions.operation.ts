import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection, readWindow, returnAllAndLimit } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { orderIdProperty, readOrderId } from './actions';

const properties: INodeProperties[] = [orderIdProperty, ...returnAllAndLimit(), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getTransactions'] } }, properties);

export const concurrent = true;

/** The order's payment transactions (number, payments, invoice); an order without any gives no items. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readOrderId(this, i);
	const answer = await shoplineRequest.call(this, 'GET', '/orders/transactions', { qs: { orderIds: [id] }, itemIndex: i });
	const transactions = (Array.isArray(answer.items) ? answer.items : []) as IDataObject[];
	const { returnAll, limit } = readWindow(this, i, transactions.length);
	return (returnAll ? transactions : transactions.slice(0, limit)).map((t) => ({ order_id: id, ...t }));
}
