/** What the Storage operations share: the binary field parameters, reading the file to upload, the attachment ID. */
import { type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fail } from '../../../shared/validation';
import { MAX_ATTACHMENT_BYTES } from '../../endpoints';
import { keyProperty, readKey } from '../common';

export const inputBinaryProperty: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the input binary field that holds the file',
};

export const outputBinaryProperty: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the output binary field to put the file in',
};

export const attachmentIdProperty = keyProperty('attachmentId', 'Attachment ID', 'The ID Venio gave the file when it was uploaded (Storage → Upload File Attachment)', 'e.g. ATT-000001');

export const readAttachmentId = (ctx: IExecuteFunctions, i: number) => readKey(ctx, 'attachmentId', 'Attachment ID', i, { re: /^\S+$/, words: 'must not contain spaces' });

export const binaryFieldOf = (ctx: IExecuteFunctions, i: number) => String(ctx.getNodeParameter('binaryPropertyName', i, 'data') ?? '').trim() || 'data';

export interface UploadFile extends IDataObject {
	field: string;
	fileName: string;
	contentType: string;
	size: number;
}

const bytesText = (bytes: number) => `${bytes.toLocaleString('en-US')} bytes`;

/**
 * The file item `i` uploads, checked: present in its binary field, not empty, within Venio's size
 * limit. The bytes are read again when sent, so checking every item first holds no file in memory.
 */
export async function readUploadFile(ctx: IExecuteFunctions, i: number): Promise<UploadFile> {
	const field = binaryFieldOf(ctx, i);
	const binary = ctx.getInputData()[i]?.binary ?? {};
	const file = binary[field];
	if (!file) {
		const present = Object.keys(binary);
		fail(ctx.getNode(), i, [
			`No binary data in the field "${field}" (Input Binary Field). ${
				present.length ? `This item has binary data in: ${present.map((k) => `"${k}"`).join(', ')}.` : 'This item has no binary data: the node before must output a file.'
			}`,
		]);
	}
	const fileNameOption = String(ctx.getNodeParameter('options.fileName', i, '') ?? '').trim();
	const fileName = fileNameOption || file.fileName || `${field}${file.fileExtension ? `.${file.fileExtension}` : ''}`;
	const size = (await ctx.helpers.getBinaryDataBuffer(i, field)).length;
	if (size === 0) fail(ctx.getNode(), i, [`The file "${fileName}" in the field "${field}" is empty`]);
	if (size > MAX_ATTACHMENT_BYTES) {
		fail(ctx.getNode(), i, [
			`The file "${fileName}" in the field "${field}" is ${bytesText(size)}; Venio takes files up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB (${bytesText(MAX_ATTACHMENT_BYTES)})`,
		]);
	}
	return { field, fileName, contentType: file.mimeType || 'application/octet-stream', size };
}
