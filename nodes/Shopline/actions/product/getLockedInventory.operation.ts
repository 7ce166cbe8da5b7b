import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { lockedProductIdsField } from '../../stockFields';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [...fieldProperties([lockedProductIdsField]), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getLockedInventory'] } }, properties);

export const concurrent = true;

const schema = objectSchema([lockedProductIdsField]);

/**
 * The stock SHOPLINE holds for live sales, one output item per product it knows (IDs it does not
 * know give no item). A read, though SHOPLINE takes it as a POST: repeating it is safe.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const { product_ids } = readBody(this, [lockedProductIdsField], schema, i, { extraPath: false }) as { product_ids: string[] };
	const answer = await shoplineRequest.call(this, 'POST', '/products/locked_inventory_count', { body: { product_ids: [...new Set(product_ids)] }, idempotent: true, itemIndex: i });
	return (Array.isArray(answer.items) ? answer.items : []) as IDataObject[];
}
