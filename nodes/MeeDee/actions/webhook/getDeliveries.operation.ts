import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { MAX_PAGE_SIZE, meedeeList } from '../../transport';
import { readWebhookId, webhookIdProperty } from './webhookId';

const properties: INodeProperties[] = [webhookIdProperty, ...returnAllAndLimit()];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getDeliveries'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readWebhookId(this, i);
	return await meedeeList.call(this, `/webhooks/${encodeURIComponent(id)}/deliveries`, {}, readWindow(this, i, MAX_PAGE_SIZE), i);
}
