import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { tagFields } from '../../loyaltyFields';
import { shoplineRequest } from '../../transport';
import { orderIdProperty, orderPath, readOrderId } from './actions';

const properties: INodeProperties[] = [
	orderIdProperty,
	...fieldProperties(tagFields.map((f) => ({ ...f, description: 'The order’s tags become exactly these. Each tag 3 to 40 characters.' }))),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['updateTags'] } }, properties);

export const concurrent = true;

const schema = objectSchema(tagFields);

interface Prepared {
	id: string;
	tags: string[];
}

/** Every item is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const { tags } = readBody(this, tagFields, schema, i, { extraPath: false }) as { tags: string[] };
	return { id: readOrderId(this, i), tags: [...new Set(tags)] };
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, tags } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// PUT sets the same tags again when repeated, so a retry is safe.
	const answer = await shoplineRequest.call(this, 'PUT', orderPath(id, 'tags'), { body: { tags }, idempotent: true, itemIndex: i });
	return { id, tags: answer.tags ?? tags };
}
