/** What Update Quantity (product) and Update Variation Quantity share: the fields and the request. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { quantityFields, quantitySchema } from '../../productFields';
import { shoplineRequest } from '../../transport';

export const quantityProperties: INodeProperties[] = [...fieldProperties(quantityFields), optionsCollection([concurrencyOption])];

export function readQuantity(ctx: IExecuteFunctions, i: number): IDataObject {
	const body = readBody(ctx, quantityFields, quantitySchema, i, { extraPath: false }) as IDataObject;
	return { quantity: body.quantity, replace: body.replace === true };
}

/**
 * Sends the change. An added quantity is not repeated after an unclear failure (it would be
 * added twice); a replaced one is, since setting the same stock again changes nothing.
 */
export async function sendQuantity(ctx: IExecuteFunctions, i: number, path: string, body: IDataObject): Promise<IDataObject> {
	return await shoplineRequest.call(ctx, 'PUT', path, { body, idempotent: body.replace === true, itemIndex: i });
}
