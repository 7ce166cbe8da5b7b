import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { ORDER_STATUSES } from '../../fields';
import { salekitRequest } from '../../transport';

const fields: Field[] = [
	{ key: 'id', label: 'Order ID', type: 'string', required: true, description: 'Salekit order ID', schema: z.string().regex(/^\d+$/, 'must be a Salekit order ID (digits)') },
	{ key: 'status', label: 'Status', type: 'options', required: true, options: ORDER_STATUSES, default: 1 },
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [
	...fieldProperties(fields),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['updateStatus'] } }, properties);

export const concurrent = true;

interface Prepared {
	id: string;
	status: number;
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const { id, status } = readBody(this, fields, schema, i, { extraPath: false });
	return { id: String(id), status: Number(status) };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const id = this.getNodeParameter('id', i, '') as unknown;
	return (typeof id === 'string' || typeof id === 'number') && /^\d+$/.test(String(id).trim()) ? `order ${String(id).trim()}` : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, status } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// Setting the same status twice leaves the order as it is, so this is safe to retry.
	const response = await salekitRequest.call(this, '/order/update', { status }, { qs: { id }, idempotent: true, itemIndex: i });
	return (response.data as IDataObject) ?? response;
}
