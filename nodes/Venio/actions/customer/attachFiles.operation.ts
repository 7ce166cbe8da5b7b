/**
 * Customer → Attach Files: files already in Venio's storage (Storage → Upload File Attachment)
 * filed on a customer under a file category. Path and body [INF] (endpoints.ts).
 */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { CUSTOMER_FILE_PATHS } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';
import { numericIds } from '../common';

const fields: Field[] = [
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer },
	{ key: 'fileCategoryId', label: 'File Category', type: 'options', required: true, loadOptions: 'getFileCategories', description: 'The file category as set up in Venio' },
	{
		key: 'attachmentIds',
		label: 'Attachment IDs',
		type: 'stringList',
		required: true,
		placeholder: 'e.g. ATT-000001, ATT-000002',
		description: 'The files to attach: the Attachment ID that Storage → Upload File Attachment returns, comma-separated',
		schema: z.array(z.string().trim().min(1, 'has an empty entry')).min(1, 'is required'),
	},
];
const schema = objectSchema(fields);

const properties: INodeProperties[] = [...fieldProperties(fields), optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['attachFiles'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return numericIds(readBody(this, fields, schema, i, { extraPath: false }) as IDataObject, ['fileCategoryId']);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const code = String(this.getNodeParameter('customerCode', i, '', { extractValue: true }) ?? '').trim();
	return code ? `customer ${code}` : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// Attaching the same files again files them once (Venio keeps one link per file) [INF]: safe to repeat.
	return await venioRecord.call(this, { method: 'POST', path: CUSTOMER_FILE_PATHS.attach, body, idempotent: true, itemIndex: i });
}
