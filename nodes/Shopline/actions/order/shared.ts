import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { toCommonOrder } from '../../simplify';
import { readOutput } from '../common';

export const orderIdProperty: INodeProperties = {
	displayName: 'Order ID',
	name: 'orderId',
	type: 'string',
	required: true,
	default: '',
	placeholder: '63b0c0ffee00000000000001',
	description: 'SHOPLINE order ID (not the order number people see)',
};

/** A read's output: the common order shape, or SHOPLINE's object unchanged. */
export function orderOutput(ctx: IExecuteFunctions, i: number, raw: IDataObject[]): IDataObject[] {
	const { simplify, language } = readOutput(ctx, i);
	return simplify ? raw.map((o) => toCommonOrder(o, language) as unknown as IDataObject) : raw;
}
