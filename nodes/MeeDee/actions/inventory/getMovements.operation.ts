import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { instantMs } from '../../../shared/dates';
import type { Field } from '../../../shared/fields';
import { spanOfOptionalDays } from '../../salesWindows';
import { returnAllAndLimit } from '../../../shared/router';
import { branchIdsField, filterProperties, listOptions, listWithFilters, objectSchema } from '../common';
import { skuField } from './getLevels.operation';

// [INF] movement types and filters follow the sandbox's guess; any type may be typed as an expression.
const filters: Field[] = [
	branchIdsField,
	skuField,
	{
		key: 'movement_type',
		label: 'Movement Type',
		type: 'options',
		options: [
			{ name: 'Adjustment', value: 'adjustment', description: 'Stock counted or corrected by hand' },
			{ name: 'Purchase', value: 'purchase', description: 'Stock received from a purchase order' },
			{ name: 'Sale', value: 'sale', description: 'Stock sold at the till' },
		],
		default: 'sale',
		schema: z.string().min(1),
	},
	{
		key: 'from',
		label: 'From Date',
		type: 'date',
		description: 'First day (YYYY-MM-DD), in the workflow’s time zone (MeeDee is asked for the days around it and movements outside it are left out)',
	},
	{ key: 'to', label: 'To Date', type: 'date', description: 'Last day (YYYY-MM-DD, included), in the workflow’s time zone' },
];
const filterSchema = objectSchema(filters).refine((f) => !f.from || !f.to || String(f.from) <= String(f.to), {
	message: 'must not be after To Date',
	path: ['from'],
});

const properties: INodeProperties[] = [...returnAllAndLimit(), ...filterProperties(filters), listOptions()];

export const description = updateDisplayOptions({ show: { resource: ['inventory'], operation: ['getMovements'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await listWithFilters(this, '/inventory/movements', filters, filterSchema, i, (qs) => {
		// The workflow's days, asked as MeeDee's own days around them and trimmed by created_at (see salesWindows).
		const span = spanOfOptionalDays(qs.from as string | undefined, qs.to as string | undefined, this.getTimezone());
		if (span.vendorFrom) qs.from = span.vendorFrom;
		if (span.vendorTo) qs.to = span.vendorTo;
		return (movement) => {
			const t = instantMs(movement.created_at);
			return Number.isNaN(t) || (t >= span.startMs && t < span.endMs);
		};
	});
}
