import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { customerIdProperty } from './shared';
import { readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	customerIdProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['delete'] } }, properties);

export const concurrent = true;

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readLocator(this, LOCATORS.customer, i);
	const response = await shoplineRequest.call(this, 'DELETE', `/customers/${encodeURIComponent(id)}`, { itemIndex: i });
	return { id, deleted: true, message: response.message ?? null };
}
