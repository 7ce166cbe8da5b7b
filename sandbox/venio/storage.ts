/**
 * Venio simulator: Storage (file attachments) and the customer file categories files are filed under.
 *
 * Seed 000's menu names Storage → Upload files attachments, Get file attachments, Delete file
 * attachments and Customer → Get file categories (GET), Attach files category (POST) [SEED 000];
 * no path, body or answer is published. [INF], each adjustable through options.paths / options:
 *   storageUpload    POST   /v1/storage/attachments        multipart/form-data, one file in the part `file`
 *                    → 201 {attachmentId, fileName, contentType, fileSize, dateCreated}
 *   storageGet       GET    /v1/storage/attachments/{id}   → the bytes, with content-type and content-disposition
 *   storageDelete    DELETE /v1/storage/attachments/{id}   → data:true; a file filed on a customer is unfiled too
 *   fileCategories   GET    /v1/customers/files/categories → [{fileCategoryId, fileCategoryName}]
 *   customerAttach   POST   /v1/customers/files {customerCode, fileCategoryId, attachmentIds[]}
 *                    → {customerCode, fileCategoryId, fileCategoryName, files:[attachment]}; attaching
 *                    a file again keeps one link (its category is the last one given)
 * Refusals (4001, 4002 for several): not multipart, no file part, an empty file, a file over
 * options.maxAttachmentBytes (10 MB), an unknown customer / category / attachment.
 */
import { type SimRequest, type SimResponse } from '../core';
import { boundaryOf, parseMultipart } from '../multipart';
import { bkkTime, blank, invalid, objectBody, ok, pad, Problems } from './helpers';
import type { VenioSim } from './index';

export interface Attachment {
	attachmentId: string;
	fileName: string;
	contentType: string;
	data: Buffer;
	dateCreated: number;
}

export const FILE_CATEGORIES = ['Contract', 'ID card / company certificate', 'Quotation (signed)', 'Other'].map((fileCategoryName, i) => ({ fileCategoryId: 301 + i, fileCategoryName }));

export class StorageBook {
	attachments = new Map<string, Attachment>();
	/** Customer code (upper case) → attachment ID → file category ID. */
	customerFiles = new Map<string, Map<string, number>>();
	seq = 0;

	reset(): void {
		this.attachments.clear();
		this.customerFiles.clear();
		this.seq = 0;
	}
}

export const attachmentOut = (a: Attachment) => ({ attachmentId: a.attachmentId, fileName: a.fileName, contentType: a.contentType, fileSize: a.data.length, dateCreated: bkkTime(a.dateCreated) });

export const STORAGE_ROUTES = [
	['storageUpload', 'POST', '/v1/storage/attachments', (sim: VenioSim, r: SimRequest) => upload(sim, r)],
	['storageGet', 'GET', '/v1/storage/attachments/:id', (sim: VenioSim, r: SimRequest) => download(sim, r)],
	['storageDelete', 'DELETE', '/v1/storage/attachments/:id', (sim: VenioSim, r: SimRequest) => remove(sim, r)],
	['fileCategories', 'GET', '/v1/customers/files/categories', () => ok(structuredClone(FILE_CATEGORIES))],
	['customerAttach', 'POST', '/v1/customers/files', (sim: VenioSim, r: SimRequest) => attach(sim, r)],
] as const;

export function attachment(sim: VenioSim, id: string): Attachment {
	const found = sim.storageBook.attachments.get(id.trim().toUpperCase());
	if (!found) throw sim.notFound('Attachment', id);
	return found;
}

function upload(sim: VenioSim, r: SimRequest): SimResponse {
	const boundary = boundaryOf(String(r.headers['content-type'] ?? ''));
	if (!boundary) throw invalid(['Request must be multipart/form-data with the file in the part "file"']);
	const parts = parseMultipart(r.rawBody, boundary);
	if (typeof parts === 'string') throw invalid([`Request body is not valid multipart/form-data: ${parts}`]);
	const file = parts.find((p) => p.name === 'file' && p.fileName !== undefined);
	if (!file) throw invalid(['file is required']);
	const max = sim.options.maxAttachmentBytes;
	const problems = new Problems();
	problems.check(!blank(file.fileName), 'file name is required');
	problems.check(file.data.length > 0, 'file is empty');
	problems.check(file.data.length <= max, `file is larger than the limit of ${max} bytes`);
	problems.done();
	const book = sim.storageBook;
	const a: Attachment = {
		attachmentId: `ATT-${pad(++book.seq, 6)}`,
		fileName: String(file.fileName),
		contentType: file.contentType?.split(';')[0].trim() || 'application/octet-stream',
		data: file.data,
		dateCreated: sim.now(),
	};
	book.attachments.set(a.attachmentId, a);
	return ok(attachmentOut(a), 201);
}

function download(sim: VenioSim, r: SimRequest): SimResponse {
	const a = attachment(sim, r.params.id);
	const ascii = a.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
	return {
		status: 200,
		raw: a.data,
		headers: { 'content-type': a.contentType, 'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}` },
	};
}

function remove(sim: VenioSim, r: SimRequest): SimResponse {
	const a = attachment(sim, r.params.id);
	sim.storageBook.attachments.delete(a.attachmentId);
	for (const files of sim.storageBook.customerFiles.values()) files.delete(a.attachmentId);
	return ok(true);
}

function attach(sim: VenioSim, r: SimRequest): SimResponse {
	const b = objectBody(r);
	const problems = new Problems();
	problems.check(!blank(b.customerCode), 'customerCode is required');
	const category = FILE_CATEGORIES.find((c) => c.fileCategoryId === b.fileCategoryId);
	problems.check(b.fileCategoryId !== undefined && b.fileCategoryId !== null, 'fileCategoryId is required') &&
		problems.check(category !== undefined, `fileCategoryId ${String(b.fileCategoryId)} is not a file category`);
	const ids: unknown[] = Array.isArray(b.attachmentIds) ? b.attachmentIds : [];
	problems.check(ids.length > 0, 'attachmentIds must list at least one attachment');
	for (const id of ids) problems.check(typeof id === 'string' && sim.storageBook.attachments.has(id.trim().toUpperCase()), `Attachment ${String(id)} not found`);
	problems.done();
	const customer = sim.customer(String(b.customerCode));
	const key = customer.customerCode.toUpperCase();
	const files = sim.storageBook.customerFiles.get(key) ?? new Map<string, number>();
	sim.storageBook.customerFiles.set(key, files);
	for (const id of ids) files.set(String(id).trim().toUpperCase(), category!.fileCategoryId);
	return ok({
		customerCode: customer.customerCode,
		fileCategoryId: category!.fileCategoryId,
		fileCategoryName: category!.fileCategoryName,
		files: ids.map((id) => attachmentOut(attachment(sim, String(id)))),
	});
}
