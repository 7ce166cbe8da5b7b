import { updateDisplayOptions, type IBinaryKeyData, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';

import { apiRequest } from '../../../shared/transport';
import { segment, venioApi } from '../../transport';
import { readSalesOrderNo, salesOrderNoProperty } from './shared';

const properties: INodeProperties[] = [
	salesOrderNoProperty,
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['salesOrder'], operation: ['getAttachment'] } }, properties);

/** `attachment; filename="SO2601-0001.pdf"` (or RFC 5987 filename*=UTF-8''…) → the file name. */
export function fileNameFrom(disposition: unknown, fallback: string): string {
	const text = Array.isArray(disposition) ? String(disposition[0]) : typeof disposition === 'string' ? disposition : '';
	const encoded = /filename\*\s*=\s*[^']*'[^']*'([^;]+)/i.exec(text);
	if (encoded) {
		try {
			return decodeURIComponent(encoded[1].trim().replace(/^"|"$/g, ''));
		} catch {
			// fall through to the plain name
		}
	}
	const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(text);
	return plain ? plain[1].trim() : fallback;
}

export async function execute(this: IExecuteFunctions, i: number): Promise<INodeExecutionData[]> {
	const no = readSalesOrderNo(this, i);
	const field = (this.getNodeParameter('binaryPropertyName', i, 'data') as string).trim() || 'data';
	// [INF] path GET /v2/salesorder/{no}/attachment: the document's bytes, named by content-disposition.
	const response = (await apiRequest.call(this, venioApi, {
		method: 'GET',
		path: `/v2/salesorder/${segment(no)}/attachment`,
		binary: true,
		itemIndex: i,
	})) as unknown as { body: ArrayBuffer | Buffer; headers?: Record<string, unknown> };
	const bytes = Buffer.from(response.body as ArrayBuffer);
	const headers = response.headers ?? {};
	const fileName = fileNameFrom(headers['content-disposition'], `${no}.pdf`);
	const mimeType = String(headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim();
	const binary: IBinaryKeyData = { [field]: await this.helpers.prepareBinaryData(bytes, fileName, mimeType) };
	return [{ json: { salesOrderNo: no, fileName, mimeType, fileSize: bytes.length }, binary }];
}
