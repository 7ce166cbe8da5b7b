import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { toCommonProduct } from '../../simplify';
import { languageProperty, readOutput } from '../common';

export const productOutputProperties: INodeProperties[] = [
	{ ...simplifyProperty, description: 'Whether to return the pack’s common product shape (SKU, name in one language, price and stock as numbers) instead of SHOPLINE’s object' },
	languageProperty,
];

/** A read's output: the common product (name in one language, prices as numbers), or SHOPLINE's object. */
export function productOutput(ctx: IExecuteFunctions, i: number, raw: IDataObject[]): IDataObject[] {
	const { simplify, language } = readOutput(ctx, i);
	return simplify ? raw.map((p) => toCommonProduct(p, language)) : raw;
}
