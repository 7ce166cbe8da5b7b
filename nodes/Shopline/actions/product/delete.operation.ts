import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, locatorRecord, readLocator } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.product), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['delete'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first delete. */
export function prepare(this: IExecuteFunctions, i: number): string {
	return readLocator(this, LOCATORS.product, i);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.product, i, 'product');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? prepare.call(this, i);
	const response = await shoplineRequest.call(this, 'DELETE', `/products/${encodeURIComponent(id)}`, { itemIndex: i });
	return { id, deleted: true, result: response.result ?? null };
}
