import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/router';
import * as customer from './actions/customer';
import * as inventory from './actions/inventory';
import * as purchaseOrder from './actions/purchaseOrder';
import * as report from './actions/report';
import * as sale from './actions/sale';
import * as product from './actions/product';
import * as supplier from './actions/supplier';
import * as webhook from './actions/webhook';
import { getProductSkus, getSuppliers, getWebhooks } from './methods';
import { PANEL_DESCRIPTION } from './panel';

export class MeeDeePos implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'MeeDee POS',
		name: 'meeDeePos',
		icon: { light: 'file:../../icons/meedee.svg', dark: 'file:../../icons/meedee.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: PANEL_DESCRIPTION,
		defaults: { name: 'MeeDee POS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'meeDeePosApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Inventory', value: 'inventory' },
					{ name: 'Product', value: 'product' },
					{ name: 'Purchase Order', value: 'purchaseOrder' },
					{ name: 'Report', value: 'report' },
					{ name: 'Sale', value: 'sale' },
					{ name: 'Supplier', value: 'supplier' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'sale',
			},
			...customer.description,
			...sale.description,
			...product.description,
			...inventory.description,
			...purchaseOrder.description,
			...supplier.description,
			...report.description,
			...webhook.description,
		],
	};

	methods = { loadOptions: { getSuppliers, getProductSkus, getWebhooks } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, {
			customer: customer.operations,
			sale: sale.operations,
			product: product.operations,
			inventory: inventory.operations,
			purchaseOrder: purchaseOrder.operations,
			supplier: supplier.operations,
			report: report.operations,
			webhook: webhook.operations,
		});
	}
}
