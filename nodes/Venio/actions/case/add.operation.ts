import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { CASE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { caseBody, caseFields, caseTypeField, dueAfterCase } from './caseFields';

const fields = [caseTypeField, ...caseFields];
const schema = objectSchema(fields).refine(dueAfterCase, { path: ['dateDue'], message: 'must not be before Case Date' });

const properties: INodeProperties[] = [...fieldProperties(fields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['add'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return caseBody(this, readBody(this, fields, schema, i) as IDataObject);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return recordLabel(this, i, ['subject']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	// A create: never sent twice after an unclear outcome.
	return await venioRecord.call(this, { method: 'POST', path: CASE_PATHS.add, body: (prepared as IDataObject | undefined) ?? prepare.call(this, i), itemIndex: i });
}
