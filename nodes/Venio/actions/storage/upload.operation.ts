/** Storage → Upload File Attachment: one input file (n8n binary data) sent as multipart/form-data. Path [INF] (endpoints.ts). */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { MAX_ATTACHMENT_BYTES, STORAGE_FILE_FIELD, STORAGE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { binaryFieldOf, inputBinaryProperty, readUploadFile, type UploadFile } from './storageFields';

const properties: INodeProperties[] = [
	{ ...inputBinaryProperty, description: `The file goes to Venio as it is, with its content type; up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` },
	optionsCollection([
		concurrencyOption,
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. quotation-signed.pdf',
			description: 'The name Venio stores; empty = the input file’s own name',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['storage'], operation: ['upload'] } }, properties);

export const concurrent = true;

export async function prepare(this: IExecuteFunctions, i: number): Promise<UploadFile> {
	return await readUploadFile(this, i);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const file = this.getInputData()[i]?.binary?.[binaryFieldOf(this, i)];
	return file?.fileName ? `file ${file.fileName}` : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const file = (prepared as UploadFile | undefined) ?? (await prepare.call(this, i));
	const bytes = await this.helpers.getBinaryDataBuffer(i, file.field);
	// A create: never sent twice after an unclear outcome (a second copy would be stored).
	return await venioRecord.call(this, {
		method: 'POST',
		path: STORAGE_PATHS.upload,
		multipart: [{ name: STORAGE_FILE_FIELD, value: bytes, fileName: file.fileName, contentType: file.contentType }],
		itemIndex: i,
	});
}
