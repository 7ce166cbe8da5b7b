/** What the variation operations share: the product picked, the variation of that product, their path. */
import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readLocator } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { readId } from '../common';

export const variationIdProperty: INodeProperties = {
	displayName: 'Variation Name or ID',
	name: 'variationId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getProductVariations', loadOptionsDependsOn: ['productId'] },
	required: true,
	default: '',
	description: 'A variation of the chosen product (size, colour…). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export function readVariation(ctx: IExecuteFunctions, i: number): { productId: string; variationId: string } {
	return { productId: readLocator(ctx, LOCATORS.product, i), variationId: readId(ctx, i, 'variationId', 'Variation') };
}

export const variationsPath = (productId: string, variationId?: string) =>
	`/products/${encodeURIComponent(productId)}/variations${variationId === undefined ? '' : `/${encodeURIComponent(variationId)}`}`;
