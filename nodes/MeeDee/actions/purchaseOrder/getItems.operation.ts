import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { meedeeGetArray } from '../../transport';
import { amountsOnlyOptions, idProperty, readId, readOptions, shapeAmounts } from '../common';

const properties: INodeProperties[] = [
	idProperty('purchaseOrderId', 'Purchase Order ID', 'The purchase order’s ID (the "id" from Get Many, not its PO number)'),
	amountsOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['purchaseOrder'], operation: ['getItems'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readId(this, 'purchaseOrderId', 'Purchase Order ID', i);
	// [INF] not paginated, like sale items
	const items = await meedeeGetArray.call(this, `/purchase-orders/${encodeURIComponent(id)}/items`, i);
	return shapeAmounts(items, readOptions(this, i));
}
