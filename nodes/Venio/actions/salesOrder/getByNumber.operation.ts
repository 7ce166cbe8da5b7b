import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { toCommonOrder } from '../../simplify';
import { getSalesOrder, readSalesOrderNo, salesOrderNoProperty } from './shared';

const properties: INodeProperties[] = [salesOrderNoProperty, simplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['getByNumber'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const order = await getSalesOrder.call(this, readSalesOrderNo(this, i), i);
	return this.getNodeParameter('simplify', i, true) ? toCommonOrder(order) : order;
}
