import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { meedeeGetData } from '../../transport';
import { readWebhookId, webhookIdProperty } from './webhookId';

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['get'] } }, [webhookIdProperty] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readWebhookId(this, i);
	return await meedeeGetData.call(this, `/webhooks/${encodeURIComponent(id)}`, {}, i);
}
