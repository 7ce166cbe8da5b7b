import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/router';
import * as audience from './actions/audience';
import * as order from './actions/order';
import * as product from './actions/product';
import { PANEL_DESCRIPTION } from './panel';

export class Salekit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Salekit',
		name: 'salekit',
		icon: { light: 'file:../../icons/salekit.svg', dark: 'file:../../icons/salekit.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'Salekit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'salekitApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Audience (Customer)', value: 'audience' },
					{ name: 'Order', value: 'order' },
					{ name: 'Product', value: 'product' },
				],
				default: 'audience',
			},
			...audience.description,
			...order.description,
			...product.description,
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { audience: audience.operations, order: order.operations, product: product.operations });
	}
}
