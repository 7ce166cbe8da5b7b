import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, readBody } from '../../../shared/fields';
import { locatorProperty, readLocator } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { warehouseStockFields, warehouseStockSchema } from '../../productFields';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [locatorProperty(LOCATORS.product), ...fieldProperties(warehouseStockFields), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['updateWarehouseStock'] } }, properties);

export const concurrent = true;

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const body = readBody(this, warehouseStockFields, warehouseStockSchema, i, { extraPath: false }) as IDataObject;
	return { id: readLocator(this, LOCATORS.product, i), body: { ...body, is_replace: body.is_replace === true } };
}

/** An added quantity is not repeated after an unclear failure (it would be added twice); a replaced one is. */
export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	return await shoplineRequest.call(this, 'PUT', `/products/${encodeURIComponent(id)}/stocks`, { body, idempotent: body.is_replace === true, itemIndex: i });
}
