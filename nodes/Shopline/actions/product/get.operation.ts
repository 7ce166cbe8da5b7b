import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { shoplineRequest } from '../../transport';
import { readId } from '../common';
import { productOutput, productOutputProperties } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Product Name or ID',
		name: 'productId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getProducts' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
	...productOutputProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const id = readId(this, i, 'productId', 'Product');
	const product = await shoplineRequest.call(this, 'GET', `/products/${encodeURIComponent(id)}`, { itemIndex: i });
	return productOutput(this, i, [product]);
}
