import { NodeApiError, NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { oneAtATimePerKey } from '../../../shared/execute';
import { extraBodyProperty, fieldProperties } from '../../../shared/fields';
import { manualOnly, mappingProperties, readMappedBody } from '../../../shared/mapping';
import { DO_NOT_MATCH, matchExistingProperty, readMatchBy, recordLabel, withAction } from '../../../shared/matching';
import { optionsCollection } from '../../../shared/router';
import { fail } from '../../../shared/validation';
import { orderFields, orderSchema } from '../../fields';
import { salekitOrderFromCommon } from '../../fromCommon';
import { claimOrderKey, releaseOrderKey } from '../../ledger';
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
				description: 'No second order is placed for a key this node made an order for before',
			},
		],
		'none',
		'Salekit cannot search orders, so this node remembers the keys of the orders it made (in n8n’s database, the newest 10,000) and places no second order for the same key. The output’s "action" says created or unchanged; an unchanged item carries its key only, as Salekit cannot return the order made before.',
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

function uncertainOrder(key: string, description?: string | null): string {
	const why = `Salekit gave no clear answer, so the order for key "${key}" may have been placed. This node keeps the key and will not place a second order for it; if Salekit shows no such order, run this item once with Match Existing By set to Do Not Match.`;
	return description ? `${description} ${why}` : why;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { body, key } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// [INF] Order create is documented for salekit.com; salekit.io is assumed to take the same body.
	const create = async () => {
		const response = await salekitRequest.call(this, '/order/create', body, { itemIndex: i });
		return (response.data as IDataObject) ?? response;
	};
	if (key === undefined) return withAction('created', await create());
	// n8n's processed-data store is read and written whole per check: one check at a time.
	const store = async <T>(job: () => Promise<T>) => await oneAtATimePerKey(this, ['salekit-processed-data'], job);
	return await oneAtATimePerKey(this, [`order:${key.toLowerCase()}`], async () => {
		if (!(await store(async () => await claimOrderKey(this, key)))) return withAction('unchanged', { orderKey: key });
		try {
			return withAction('created', await create());
		} catch (error) {
			// A refusal (an answer below 500) placed nothing, so the next run may try again. Without
			// a clear answer the order may exist: the key stays, as a second order is worse.
			const status = Number((error as { httpCode?: string }).httpCode);
			const refused = status > 0 && status < 500;
			if (refused) await store(async () => await releaseOrderKey(this, key));
			const known = error instanceof NodeApiError || error instanceof NodeOperationError ? error : new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
			if (!refused) known.description = uncertainOrder(key, known.description);
			throw known;
		}
	});
}
