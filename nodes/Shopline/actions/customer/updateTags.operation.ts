import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { MAX_CUSTOMER_TAGS, tagFields } from '../../loyaltyFields';
import { shoplineRequest } from '../../transport';
import { customerIdProperty, customerPath, readCustomerId } from './loyalty';

type Mode = 'add' | 'remove' | 'replace';

const properties: INodeProperties[] = [
	customerIdProperty,
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Add', value: 'add', description: 'Add these tags and keep the customer’s others' },
			{ name: 'Remove', value: 'remove', description: 'Remove these tags and keep the others' },
			{ name: 'Replace All', value: 'replace', description: 'The customer’s tags become exactly these' },
		],
		default: 'add',
	},
	...fieldProperties(tagFields),
	optionsCollection([concurrencyOption]),
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['updateTags'] } }, properties);

export const concurrent = true;

const schema = objectSchema(tagFields);

interface Prepared {
	id: string;
	mode: Mode;
	tags: string[];
}

export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const { tags } = readBody(this, tagFields, schema, i, { extraPath: false }) as { tags: string[] };
	return { id: readCustomerId(this, i), mode: this.getNodeParameter('mode', i, 'add') as Mode, tags: [...new Set(tags)] };
}

/** Did SHOPLINE apply the change? Over 60 tags it answers 200 with the tags unchanged (documented). */
function applied(mode: Mode, sent: string[], now: string[]): boolean {
	if (mode === 'remove') return sent.every((t) => !now.includes(t));
	if (mode === 'add') return sent.every((t) => now.includes(t));
	return now.length === sent.length && sent.every((t) => now.includes(t));
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, mode, tags } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// Setting, adding or removing the same tags again changes nothing, so a retry is safe.
	const answer =
		mode === 'replace'
			? await shoplineRequest.call(this, 'PUT', customerPath(id, 'tags'), { body: { tags }, idempotent: true, itemIndex: i })
			: await shoplineRequest.call(this, 'PATCH', customerPath(id, 'tags'), { body: { tags, update_mode: mode }, idempotent: true, itemIndex: i });
	const now = Array.isArray(answer.tags) ? (answer.tags as string[]) : [];
	if (!applied(mode, tags, now)) {
		throw new NodeOperationError(this.getNode(), `Item ${i + 1} (customer ${id}): SHOPLINE left the tags unchanged`, {
			itemIndex: i,
			description: `A customer can have at most ${MAX_CUSTOMER_TAGS} tags; this one has ${now.length}. Remove some tags first, or use Replace All.`,
		});
	}
	return { id, tags: now };
}
