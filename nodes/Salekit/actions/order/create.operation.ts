import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/router';
import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { orderFields, orderSchema } from '../../fields';
import { salekitRequest } from '../../transport';

const properties: INodeProperties[] = [
	...fieldProperties(orderFields),
	optionsCollection([extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body = readBody(this, orderFields, orderSchema, i);
	// [INF] Order create is documented for salekit.com; salekit.io is assumed to take the same body.
	const response = await salekitRequest.call(this, '/order/create', body, { itemIndex: i });
	return (response.data as IDataObject) ?? response;
}
