/**
 * multipart/form-data bodies (file uploads) written here: community packages may not depend on a
 * form-data library, and n8n's HTTP helper sends a Buffer body as it is with our Content-Type.
 */
import { randomBytes } from 'node:crypto';

export interface MultipartPart {
	/** The form field name, e.g. `file`. */
	name: string;
	/** A text field's value, or a file's bytes. */
	value: string | Buffer;
	/** For files: the name the vendor stores. */
	fileName?: string;
	/** For files: the content type; application/octet-stream when not known. */
	contentType?: string;
}

export interface EncodedMultipart {
	body: Buffer;
	contentType: string;
}

/** Quotes a header parameter value; CR/LF and quotes are replaced so a file name cannot add headers. */
const quoted = (value: string) => `"${value.replace(/[\r\n"]/g, (c) => (c === '"' ? '%22' : ' '))}"`;

/** Non-ASCII names also go as RFC 5987 `filename*` (Thai file names keep their letters). */
function dispositionOf(part: MultipartPart): string {
	let header = `form-data; name=${quoted(part.name)}`;
	if (part.fileName === undefined) return header;
	header += `; filename=${quoted(part.fileName)}`;
	if (/[^\x20-\x7e]/.test(part.fileName)) header += `; filename*=UTF-8''${encodeURIComponent(part.fileName)}`;
	return header;
}

export function encodeMultipart(parts: MultipartPart[]): EncodedMultipart {
	const boundary = `----n8nAsiaCommerce${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const headers = [`Content-Disposition: ${dispositionOf(part)}`];
		if (part.fileName !== undefined || Buffer.isBuffer(part.value)) headers.push(`Content-Type: ${part.contentType || 'application/octet-stream'}`);
		chunks.push(Buffer.from(`--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n`, 'utf8'));
		chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value, 'utf8'));
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
