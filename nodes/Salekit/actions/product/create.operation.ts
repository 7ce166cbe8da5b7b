import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../../shared/router';
import { extraBodyProperty, fieldProperties, readBody } from '../../../shared/fields';
import { productFields, productSchema } from '../../fields';
import { salekitRequest } from '../../transport';

const properties: INodeProperties[] = [
	...fieldProperties(productFields),
	optionsCollection([extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['create'] } }, properties);

/** Every item is read and checked before the first is sent (see runItems). */
export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const body = readBody(this, productFields, productSchema, i);
	// The product type is required by Salekit; it defaults to "Product" here.
	body.type ??= 0;
	return body;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// [INF] Product create is documented for salekit.com; salekit.io is assumed to take the same body.
	const response = await salekitRequest.call(this, '/product/create', body, { itemIndex: i });
	return (response.data as IDataObject) ?? response;
}
