import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/router';
import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { orderFields, orderSchema } from '../../fields';
import { salekitOrderFromCommon } from '../../fromCommon';
import { salekitRequest } from '../../transport';

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly(fieldProperties(orderFields), ['status']),
	optionsCollection([extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const body = readMappedBody(this, i, { kind: 'order', fields: orderFields, schema: orderSchema, fromCommon: salekitOrderFromCommon, alwaysShown: ['status'] });
	// [INF] Order create is documented for salekit.com; salekit.io is assumed to take the same body.
	const response = await salekitRequest.call(this, '/order/create', body, { itemIndex: i });
	return (response.data as IDataObject) ?? response;
}
