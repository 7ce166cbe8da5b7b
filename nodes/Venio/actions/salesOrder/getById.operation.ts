import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { toCommonOrderFromLegacy } from '../../simplify';
import { venioRecord } from '../../transport';
import { locatorProperty, readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.salesOrderById),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['getById'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readLocator(this, LOCATORS.salesOrderById, i);
	// Seed 003: legacy GET /v1/SalesOrders/{id}; the transport unwraps {data:{value}}. [INF] the
	// current base serves it under the same path (the legacy base adds /dev).
	const order = await venioRecord.call(this, { method: 'GET', path: `/v1/SalesOrders/${id}`, itemIndex: i });
	return this.getNodeParameter('simplify', i, true) ? toCommonOrderFromLegacy(order) : order;
}
