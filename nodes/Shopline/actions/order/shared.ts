import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorProperty } from '../../../shared/locator';
import { LOCATORS } from '../../locators';
import { toCommonOrder } from '../../simplify';
import { readOutput } from '../common';

export const orderIdProperty: INodeProperties = locatorProperty(LOCATORS.order);

/** A read's output: the common order shape, or SHOPLINE's object unchanged. */
export function orderOutput(ctx: IExecuteFunctions, i: number, raw: IDataObject[]): IDataObject[] {
	const { simplify, language } = readOutput(ctx, i);
	return simplify ? raw.map((o) => toCommonOrder(o, language) as unknown as IDataObject) : raw;
}
