import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { productSimplifyProperty } from '../../../shared/router';
import { toCommonProduct } from '../../simplify';
import { segment, venioRecord } from '../../transport';
import { productCodeProperty, readProductCode } from './shared';

const properties: INodeProperties[] = [productCodeProperty, productSimplifyProperty];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	// [INF] path GET /v3/products/{productCode}
	const product = await venioRecord.call(this, { method: 'GET', path: `/v3/products/${segment(readProductCode(this, i))}`, itemIndex: i });
	return this.getNodeParameter('simplify', i, false) ? toCommonProduct(product) : product;
}
