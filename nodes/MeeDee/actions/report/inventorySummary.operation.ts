import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { meedeeGetData } from '../../transport';
import { amountsOnlyOptions, readOptions, shapeAmounts } from '../common';
import { branchField } from './salesSummary.operation';

const fields = [branchField];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [...fieldProperties(fields), amountsOnlyOptions];

export const description = updateDisplayOptions({ show: { resource: ['report'], operation: ['inventorySummary'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const qs = readBody(this, fields, schema, i, { extraPath: false }) as IDataObject;
	// [INF] the report's fields were not retrievable; MeeDee's answer is passed on as it comes.
	return shapeAmounts(await meedeeGetData.call(this, '/reports/inventory-summary', qs, i), readOptions(this, i));
}
