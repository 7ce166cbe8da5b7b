import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { meedeeGetData } from '../../transport';
import { amountsOnlyOptions, readOptions, shapeAmounts, uuid } from '../common';

export const branchField: Field = {
	key: 'branch_id',
	label: 'Branch ID',
	type: 'string',
	required: true,
	schema: uuid,
	placeholder: 'e.g. 4b1a5ef8-f4a2-4fb2-99d5-dddd1076e1bb',
	description: 'The branch to summarise (a MeeDee ID; MeeDee offers no branch list to choose from). The "branch_id" of any sale shows it.',
};

const fields: Field[] = [
	branchField,
	{ key: 'from', label: 'From Date', type: 'date', description: 'First day (YYYY-MM-DD). MeeDee totals its own days, which run midnight to midnight UTC, not in the workflow’s time zone (in Bangkok a day here runs 07:00 to 07:00). Leave both dates empty for an all-time summary.' },
	{ key: 'to', label: 'To Date', type: 'date', description: 'Last day (YYYY-MM-DD, included)' },
];
const schema = objectSchema(fields).refine((f) => !f.from || !f.to || String(f.from) <= String(f.to), { message: 'must not be after To Date', path: ['from'] });

const properties: INodeProperties[] = [...fieldProperties(fields, { name: 'filters', label: 'Filters' }), amountsOnlyOptions];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['salesSummary'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const qs = readBody(this, fields, schema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	return shapeAmounts(await meedeeGetData.call(this, '/reports/sales-summary', qs, i), readOptions(this, i));
}
