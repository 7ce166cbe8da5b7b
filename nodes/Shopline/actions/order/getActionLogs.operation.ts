import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection, readWindow, returnAllAndLimit } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { orderIdProperty, orderPath, readOrderId } from './actions';

const properties: INodeProperties[] = [orderIdProperty, ...returnAllAndLimit(), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['getActionLogs'] } }, properties);

export const concurrent = true;

/** What happened to the order and who did it (status, delivery, payment, tags…); SHOPLINE answers the whole log at once. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readOrderId(this, i);
	const answer = await shoplineRequest.call(this, 'GET', orderPath(id, 'action_logs'), { itemIndex: i });
	const logs = (Array.isArray(answer.items) ? answer.items : []) as IDataObject[];
	const { returnAll, limit } = readWindow(this, i, logs.length);
	return (returnAll ? logs : logs.slice(0, limit)).map((log) => ({ order_id: id, ...log }));
}
