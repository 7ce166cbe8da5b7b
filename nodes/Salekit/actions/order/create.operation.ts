import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../../shared/execute';
import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { DO_NOT_MATCH, matchExistingProperty, readMatchBy, recordLabel, withAction } from '../../../shared/matching';
import { optionsCollection } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { orderFields, orderSchema } from '../../fields';
import { salekitOrderFromCommon } from '../../fromCommon';
import { rememberedOrder, rememberOrder } from '../../ledger';
import { salekitRequest } from '../../transport';

const properties: INodeProperties[] = [
	...mappingProperties('order'),
	...manualOnly(fieldProperties(orderFields), ['status']),
	matchExistingProperty(
		[
			DO_NOT_MATCH,
			{
				name: 'Order Key (Remembered by This Node)',
				value: 'key',
				description: 'The Salekit order this node made for the same key is returned instead of placing another',
			},
		],
		'none',
		'Salekit cannot search orders, so this node remembers the orders it made (in the workflow, after each production run) and returns the one made for the same key. The output’s "action" says created or unchanged.',
	),
	{
		displayName: 'Order Key',
		name: 'orderKey',
		type: 'string',
		default: '={{ $json.number ?? $json.id }}',
		required: true,
		displayOptions: { show: { matchBy: ['key'] } },
		description: 'What identifies this order in your source, e.g. the POS receipt or web-shop order number',
	},
	optionsCollection([extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['order'], operation: ['create'] } }, properties);

interface Prepared {
	body: IDataObject;
	key?: string;
}

export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const body = readMappedBody(this, i, { kind: 'order', fields: orderFields, schema: orderSchema, fromCommon: salekitOrderFromCommon, alwaysShown: ['status'] });
	if (readMatchBy(this, i, 'none') !== 'key') return { body };
	const raw = this.getNodeParameter('orderKey', i, '') as unknown;
	const key = raw === null || raw === undefined ? '' : String(raw).trim();
	if (!key) fail(this.getNode(), i, ['"Order Key" is needed to find the order made before (Match Existing By)']);
	return { body, key };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['orderKey', 'full_name', 'phone']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { body, key } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// [INF] Order create is documented for salekit.com; salekit.io is assumed to take the same body.
	const create = async () => {
		const response = await salekitRequest.call(this, '/order/create', body, { itemIndex: i });
		return (response.data as IDataObject) ?? response;
	};
	if (key === undefined) return withAction('created', await create());
	return await oneAtATimePerKey(this, [`order:${key.toLowerCase()}`], async () => {
		const made = rememberedOrder(this, key);
		if (made) return withAction('unchanged', { id: made.id, orderKey: key, createdAt: made.createdAt });
		const order = await create();
		if (order.id !== undefined && order.id !== null) rememberOrder(this, key, order.id as string | number);
		return withAction('created', order);
	});
}
