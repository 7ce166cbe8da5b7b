import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { SHIPMENT_OUTCOMES, shipmentOrderIdsField } from '../../stockFields';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [...fieldProperties([shipmentOrderIdsField]), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['bulkExecuteShipment'] } }, properties);

export const concurrent = true;

const schema = objectSchema([shipmentOrderIdsField]);

/** Every item is checked before the first shipment. */
export function prepare(this: IExecuteFunctions, i: number): string[] {
	const { orderIds } = readBody(this, [shipmentOrderIdsField], schema, i, { extraPath: false }) as { orderIds: string[] };
	return [...new Set(orderIds)];
}

/**
 * One request ships the item's orders; SHOPLINE puts each order in one list of its answer and
 * ignores the failures. One output item per order says which, so the ones not shipped can be
 * filtered and handled.
 */
export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject[]> {
	const orderIds = (prepared as string[] | undefined) ?? prepare.call(this, i);
	// Not repeated after an unclear failure: the orders already handed over would come back as status errors.
	const answer = await shoplineRequest.call(this, 'PATCH', '/orders/execute_shipment', { body: { orderIds }, itemIndex: i });
	return orderIds.map((id) => {
		const outcome = SHIPMENT_OUTCOMES.find((o) => Array.isArray(answer[o.key]) && (answer[o.key] as unknown[]).map(String).includes(id));
		return outcome
			? { order_id: id, shipped: outcome.shipped, result: outcome.result, reason: outcome.shipped ? null : outcome.note }
			: { order_id: id, shipped: false, result: 'unknown', reason: 'SHOPLINE’s answer does not list this order' };
	});
}
