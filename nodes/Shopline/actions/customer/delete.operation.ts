import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { customerIdProperty } from './shared';
import { locatorRecord, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	customerIdProperty,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [concurrencyOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['delete'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first delete. */
export function prepare(this: IExecuteFunctions, i: number): string {
	return readLocator(this, LOCATORS.customer, i);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.customer, i, 'customer');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? prepare.call(this, i);
	const response = await shoplineRequest.call(this, 'DELETE', `/customers/${encodeURIComponent(id)}`, { itemIndex: i });
	return { id, deleted: true, message: response.message ?? null };
}
