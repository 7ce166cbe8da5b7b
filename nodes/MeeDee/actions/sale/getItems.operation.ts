import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { meedeeGetArray } from '../../transport';
import { amountsOnlyOptions, idProperty, readId, readOptions, shapeAmounts } from '../common';

const properties: INodeProperties[] = [
	idProperty('saleId', 'Sale ID', 'The sale’s ID (the "id" of a sale from Get Many, not its receipt number)'),
	amountsOnlyOptions,
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['getItems'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const saleId = readId(this, 'saleId', 'Sale ID', i);
	const items = await meedeeGetArray.call(this, `/sales/${encodeURIComponent(saleId)}/items`, i);
	return shapeAmounts(items, readOptions(this, i));
}
