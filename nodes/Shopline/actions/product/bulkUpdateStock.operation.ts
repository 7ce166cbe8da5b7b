import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { bulkStockEntry, bulkStockFields, bulkStockSchema, refusedStockEntries } from '../../stockFields';
import { shoplineRequest } from '../../transport';

const properties: INodeProperties[] = [...fieldProperties(bulkStockFields), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['bulkUpdateStock'] } }, properties);

export const concurrent = true;

interface Prepared {
	is_replace: boolean;
	lines: IDataObject[];
}

/** Every item (and every line of it) is checked before the first change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	const body = readBody(this, bulkStockFields, bulkStockSchema, i, { extraPath: false }) as IDataObject;
	return { is_replace: body.is_replace === true, lines: body.lines as IDataObject[] };
}

/**
 * One request changes every line's warehouse stock. SHOPLINE applies the lines it can and lists the
 * others; those make the item fail with each refused line named, saying the rest changed.
 */
export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { is_replace, lines } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	const body = { bulk_data: lines.map(bulkStockEntry), is_replace };
	// Added quantities are not repeated after an unclear failure (they would be added twice); replaced ones are.
	const answer = await shoplineRequest.call(this, 'PUT', '/products/bulk_update_stocks', { body, idempotent: is_replace, itemIndex: i });
	const refused = refusedStockEntries(answer);
	if (refused.length) {
		const named = refused.map((r) => (r.index === undefined ? r.message : `Stock Changes › ${r.index + 1} (product ${String(lines[r.index]?.product_id ?? '?')}): ${r.message}`));
		throw new NodeOperationError(this.getNode(), `Item ${i + 1}: SHOPLINE refused ${refused.length} of ${lines.length} stock changes`, {
			itemIndex: i,
			description: `${named.join('\n')}\nThe other ${lines.length - refused.length} changes were applied${is_replace ? '' : '; running the item again would add them again'}.`,
		});
	}
	return { updated: lines.length, is_replace, lines: lines.map((l) => ({ ...l })) };
}
