/**
 * multipart/form-data request bodies read back for the simulators (file uploads). Strict on purpose:
 * a body the node encodes wrongly (no boundary, a part without headers, no closing delimiter) is
 * refused, so the tests see what a real server would refuse.
 */
export interface FormPart {
	name: string;
	/** Set for file parts (`filename=` or RFC 5987 `filename*=`). */
	fileName?: string;
	contentType?: string;
	data: Buffer;
}

/** The boundary of a multipart/form-data Content-Type, or undefined for any other type. */
export function boundaryOf(contentType: string | undefined): string | undefined {
	if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined;
	const match = /;\s*boundary=(?:"([^"]+)"|([^\s;]+))/i.exec(contentType);
	return match ? (match[1] ?? match[2]) : undefined;
}

function param(header: string, key: string): string | undefined {
	const encoded = new RegExp(`;\\s*${key}\\*=UTF-8''([^;]+)`, 'i').exec(header);
	if (encoded) return decodeURIComponent(encoded[1].trim());
	const plain = new RegExp(`;\\s*${key}="([^"]*)"`, 'i').exec(header) ?? new RegExp(`;\\s*${key}=([^;\\s]+)`, 'i').exec(header);
	return plain?.[1];
}

/** The parts of a body, or an error message saying why it is not valid multipart. */
export function parseMultipart(raw: Buffer, boundary: string): FormPart[] | string {
	const delimiter = Buffer.from(`--${boundary}`);
	let at = raw.indexOf(delimiter);
	if (at !== 0) return 'the body does not start with the boundary';
	const parts: FormPart[] = [];
	// Bounded: each pass moves past one delimiter.
	for (let guard = 0; guard < 1000; guard++) {
		const afterDelimiter = at + delimiter.length;
		if (raw.subarray(afterDelimiter, afterDelimiter + 2).toString() === '--') return parts;
		const headerEnd = raw.indexOf('\r\n\r\n', afterDelimiter);
		if (headerEnd < 0) return 'a part has no header end';
		const headerLines = raw.subarray(afterDelimiter + 2, headerEnd).toString('utf8').split('\r\n');
		const next = raw.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
		if (next < 0) return 'the body has no closing boundary';
		const headers = Object.fromEntries(
			headerLines.map((line) => {
				const colon = line.indexOf(':');
				return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
			}),
		);
		const disposition = headers['content-disposition'] ?? '';
		const name = param(disposition, 'name');
		if (!/^form-data/i.test(disposition) || !name) return 'a part has no Content-Disposition: form-data; name=…';
		parts.push({ name, fileName: param(disposition, 'filename'), contentType: headers['content-type'], data: Buffer.from(raw.subarray(headerEnd + 4, next)) });
		at = next + 2;
	}
	return 'too many parts';
}
