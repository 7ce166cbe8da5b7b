import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';

import { route } from '../shared/router';
import * as category from './actions/category';
import * as customer from './actions/customer';
import * as customerGroup from './actions/customerGroup';
import * as deliveryOption from './actions/deliveryOption';
import * as membershipTier from './actions/membershipTier';
import * as order from './actions/order';
import * as paymentMethod from './actions/paymentMethod';
import * as product from './actions/product';
import * as promotion from './actions/promotion';
import * as returnOrder from './actions/returnOrder';
import * as warehouse from './actions/warehouse';
import { listSearch } from './locators';
import { getCategories, getCustomerGroups, getDeliveryOptions, getMembershipTiers, getPaymentMethods, getProductVariations, getProducts, getVariations, getWarehouses } from './methods';
import { PANEL_DESCRIPTION } from './panel';

export class Shopline implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'SHOPLINE',
		name: 'shopline',
		icon: { light: 'file:../../icons/shopline.svg', dark: 'file:../../icons/shopline.dark.svg' },
		group: ['transform'],
		// 1.1: simplified products in the common shape (name, stock); see productOutput.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: PANEL_DESCRIPTION,
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
					{ name: 'Category', value: 'category' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Customer Group', value: 'customerGroup' },
					{ name: 'Delivery Option', value: 'deliveryOption' },
					{ name: 'Membership Tier', value: 'membershipTier' },
					{ name: 'Order', value: 'order' },
					{ name: 'Payment Method', value: 'paymentMethod' },
					{ name: 'Product', value: 'product' },
					{ name: 'Promotion', value: 'promotion' },
					{ name: 'Return Order', value: 'returnOrder' },
					{ name: 'Warehouse', value: 'warehouse' },
				],
				default: 'customer',
			},
			...category.description,
			...customer.description,
			...customerGroup.description,
			...deliveryOption.description,
			...membershipTier.description,
			...order.description,
			...paymentMethod.description,
			...product.description,
			...promotion.description,
			...returnOrder.description,
			...warehouse.description,
		],
	};

	methods = { loadOptions: { getCategories, getCustomerGroups, getDeliveryOptions, getMembershipTiers, getPaymentMethods, getProductVariations, getProducts, getVariations, getWarehouses }, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, {
			category: category.operations,
			customer: customer.operations,
			customerGroup: customerGroup.operations,
			deliveryOption: deliveryOption.operations,
			membershipTier: membershipTier.operations,
			order: order.operations,
			paymentMethod: paymentMethod.operations,
			product: product.operations,
			promotion: promotion.operations,
			returnOrder: returnOrder.operations,
			warehouse: warehouse.operations,
		});
	}
}
