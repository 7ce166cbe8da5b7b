/** Storage → Get File Attachment: the file's bytes as n8n binary data, named and typed as Venio answers. Path [INF]. */
import { updateDisplayOptions, type IBinaryKeyData, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import { STORAGE_PATHS } from '../../endpoints';
import { venioApi } from '../../transport';
import { fileNameFrom } from '../salesOrder/getAttachment.operation';
import { attachmentIdProperty, binaryFieldOf, outputBinaryProperty, readAttachmentId } from './storageFields';

const properties: INodeProperties[] = [attachmentIdProperty, outputBinaryProperty];

export const description = updateDisplayOptions({ show: { resource: ['storage'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const attachmentId = readAttachmentId(this, i);
	const field = binaryFieldOf(this, i);
	const response = (await apiRequest.call(this, venioApi, { method: 'GET', path: STORAGE_PATHS.get(attachmentId), binary: true, itemIndex: i })) as unknown as {
		body: ArrayBuffer | Buffer;
		headers?: Record<string, unknown>;
	};
	const bytes = Buffer.from(response.body as ArrayBuffer);
	const headers = response.headers ?? {};
	const fileName = fileNameFrom(headers['content-disposition'], attachmentId);
	const mimeType = String(headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	const binary: IBinaryKeyData = { [field]: await this.helpers.prepareBinaryData(bytes, fileName, mimeType) };
	return [{ json: { attachmentId, fileName, mimeType, fileSize: bytes.length }, binary }];
}
