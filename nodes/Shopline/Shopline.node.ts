import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/router';
import * as customer from './actions/customer';
import * as customerGroup from './actions/customerGroup';
import * as membershipTier from './actions/membershipTier';
import * as order from './actions/order';
import * as product from './actions/product';
import * as returnOrder from './actions/returnOrder';
import { listSearch } from './locators';
import { getCustomerGroups, getMembershipTiers, getProducts, getVariations } from './methods';

export class Shopline implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SHOPLINE',
		name: 'shopline',
		icon: { light: 'file:../../icons/shopline.svg', dark: 'file:../../icons/shopline.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Customers (with member points, store credits and tiers), customer groups, orders, return orders and products of a SHOPLINE online store (Open API, open.shopline.io)',
		defaults: { name: 'SHOPLINE' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'shoplineApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Group', value: 'customerGroup' },
					{ name: 'Membership Tier', value: 'membershipTier' },
					{ name: 'Order', value: 'order' },
					{ name: 'Product', value: 'product' },
					{ name: 'Return Order', value: 'returnOrder' },
				],
				default: 'customer',
			},
			...customer.description,
			...customerGroup.description,
			...membershipTier.description,
			...order.description,
			...product.description,
			...returnOrder.description,
		],
	};

	methods = { loadOptions: { getCustomerGroups, getMembershipTiers, getProducts, getVariations }, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, { customer: customer.operations, customerGroup: customerGroup.operations, membershipTier: membershipTier.operations, order: order.operations, product: product.operations, returnOrder: returnOrder.operations });
	}
}
