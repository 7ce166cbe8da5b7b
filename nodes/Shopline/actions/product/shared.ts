import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/router';
import { toFlatProduct } from '../../simplify';
import { languageProperty, readOutput } from '../common';

export const productOutputProperties: INodeProperties[] = [
	{ ...simplifyProperty, description: 'Whether to return a flat product (title in one language, prices as numbers) instead of SHOPLINE’s object' },
	languageProperty,
];

/** A read's output: the flat product (title in one language, prices as numbers), or SHOPLINE's object. */
export function productOutput(ctx: IExecuteFunctions, i: number, raw: IDataObject[]): IDataObject[] {
	const { simplify, language } = readOutput(ctx, i);
	return simplify ? raw.map((p) => toFlatProduct(p, language)) : raw;
}
