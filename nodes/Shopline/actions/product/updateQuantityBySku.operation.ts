import { NodeApiError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { fieldProperties, readBody } from '../../../shared/fields';
import { settle } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { isUnknownSkuAnswer, SKU_QUANTITY_PATH, skuQuantityFields, skuQuantitySchema } from '../../stockFields';
import { sendQuantity } from './quantity';

const properties: INodeProperties[] = [...fieldProperties(skuQuantityFields), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['updateQuantityBySku'] } }, properties);

export const concurrent = true;

interface Prepared {
	sku: string;
	quantity: number;
	replace: boolean;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const body = readBody(this, skuQuantityFields, skuQuantitySchema, i, { extraPath: false }) as IDataObject;
	return { sku: String(body.sku), quantity: Number(body.quantity), replace: body.mode === 'set' };
}

/** A bad item's own key for messages: its SKU, when it has one. */
export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const sku = String(this.getNodeParameter('sku', i, '') ?? '').trim();
	return sku ? `SKU ${sku}` : undefined;
}

/**
 * One request changes the stock of every product and variation holding the SKU (a POS sale lowers
 * the shop's stock by SKU). Add is not repeated after an unclear failure; Set is (see sendQuantity).
 */
export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { sku, quantity, replace } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	const answer = await settle(async () => await sendQuantity(this, i, SKU_QUANTITY_PATH, { sku, quantity, replace }));
	if (answer.ok) return answer.value;
	const { error } = answer;
	if (!(error instanceof NodeApiError) || !isUnknownSkuAnswer(error.httpCode)) throw error;
	throw new NodeApiError(this.getNode(), { status: 404, sku, message: error.message } as JsonObject, {
		message: `Item ${i + 1}: SHOPLINE has no product or variation with the SKU "${sku}"`,
		description: `${error.message}. Check the SKU in SHOPLINE (Products → the product or its variation → SKU); nothing was changed.`,
		httpCode: '404',
		itemIndex: i,
	});
}
