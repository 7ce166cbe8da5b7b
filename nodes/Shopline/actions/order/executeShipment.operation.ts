import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { shoplineRequest } from '../../transport';
import { orderIdProperty, orderPath, readOrderId } from './actions';

const properties: INodeProperties[] = [orderIdProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['executeShipment'] } }, properties);

export const concurrent = true;

/** Every item is checked before the first shipment. */
export function prepare(this: IExecuteFunctions, i: number): string {
	return readOrderId(this, i);
}

/**
 * Hands the order to its integrated logistics provider (7-11, FamilyMart, T-cat, HCT, SF Express);
 * SHOPLINE answers the new delivery status and, once the provider has it, the tracking number.
 */
export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const id = (prepared as string | undefined) ?? prepare.call(this, i);
	// Not repeated after an unclear failure: the shipment may have been handed over already.
	const answer = await shoplineRequest.call(this, 'PATCH', orderPath(id, 'execute_shipment'), { itemIndex: i });
	return { order_id: id, delivery_status: answer.delivery_status ?? null, tracking_number: answer.tracking_number || null };
}
