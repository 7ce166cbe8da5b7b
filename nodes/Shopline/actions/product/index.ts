import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as bulkUpdateStock from './bulkUpdateStock.operation';
import * as create from './create.operation';
import * as createVariation from './createVariation.operation';
import * as deleteProduct from './delete.operation';
import * as deleteVariation from './deleteVariation.operation';
import * as get from './get.operation';
import * as getLockedInventory from './getLockedInventory.operation';
import * as getMany from './getMany.operation';
import * as getVariations from './getVariations.operation';
import * as search from './search.operation';
import * as update from './update.operation';
import * as updateQuantity from './updateQuantity.operation';
import * as updateQuantityBySku from './updateQuantityBySku.operation';
import * as updateVariation from './updateVariation.operation';
import * as updateVariationQuantity from './updateVariationQuantity.operation';
import * as updateWarehouseStock from './updateWarehouseStock.operation';

export const operations: ResourceOperations = {
	bulkUpdateStock,
	create,
	createVariation,
	delete: deleteProduct,
	deleteVariation,
	get,
	getLockedInventory,
	getMany,
	getVariations,
	search,
	update,
	updateQuantity,
	updateQuantityBySku,
	updateVariation,
	updateVariationQuantity,
	updateWarehouseStock,
};

export const description: INodeProperties[] = [
	operationSelector(
		'product',
		[
			{ name: 'Create', value: 'create', action: 'Create a product', description: 'Create a product with its price, stock and categories' },
			{ name: 'Delete', value: 'delete', action: 'Delete a product', description: 'Remove a product from the shop' },
			{ name: 'Get', value: 'get', action: 'Get a product', description: 'Get a product with its variations' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many products', description: 'List products' },
			{ name: 'Search', value: 'search', action: 'Search products', description: 'Find products by name, SKU, barcode, category or status' },
			{ name: 'Update', value: 'update', action: 'Update a product', description: 'Change a product’s title, SKU, status, categories…' },
			{ name: 'Update Quantity', value: 'updateQuantity', action: 'Update the quantity of a product', description: 'Add to, take from or set the stock of a product without variations' },
			{ name: 'Update Quantity by SKU', value: 'updateQuantityBySku', action: 'Update the quantity of products by SKU', description: 'Add to, take from or set the stock of every product and variation with a SKU (e.g. after a POS sale)' },
			{ name: 'Create Variation', value: 'createVariation', action: 'Create a variation of a product', description: 'Add a variation (size, colour…) to a product' },
			{ name: 'Delete Variation', value: 'deleteVariation', action: 'Delete a variation of a product', description: 'Remove one variation of a product' },
			{ name: 'Get Variations', value: 'getVariations', action: 'Get the variations of a product', description: 'One item per variation of a product' },
			{ name: 'Update Variation', value: 'updateVariation', action: 'Update a variation of a product', description: 'Change a variation’s price, stock, SKU…' },
			{ name: 'Get Locked Inventory', value: 'getLockedInventory', action: 'Get the locked inventory of products', description: 'The stock SHOPLINE holds for live sales, per product and variation' },
			{ name: 'Update Stock (Bulk)', value: 'bulkUpdateStock', action: 'Update the stock of many products', description: 'Add to, take from or set the warehouse stock of many products and variations in one request' },
			{ name: 'Update Warehouse Stock', value: 'updateWarehouseStock', action: 'Update the stock of a product in a warehouse', description: 'Add to, take from or set the stock of a product or variation in one warehouse' },
			{ name: 'Update Variation Quantity', value: 'updateVariationQuantity', action: 'Update the quantity of a variation', description: 'Add to, take from or set the stock of one variation of a product' },
		],
		'getMany',
	),
	...create.description,
	...deleteProduct.description,
	...get.description,
	...getMany.description,
	...search.description,
	...update.description,
	...updateQuantity.description,
	...updateQuantityBySku.description,
	...updateVariationQuantity.description,
	...updateWarehouseStock.description,
	...createVariation.description,
	...deleteVariation.description,
	...getVariations.description,
	...updateVariation.description,
	...bulkUpdateStock.description,
	...getLockedInventory.description,
];
