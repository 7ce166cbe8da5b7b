/**
 * Venio CRM node inside n8n-core against the Venio simulator: Storage (upload, download, delete a
 * file attachment as n8n binary data, multipart/form-data through the shared transport) and
 * Customer → Get File Categories / Attach Files (the file category dropdown from Venio).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { FILE_CATEGORIES } from '../../sandbox/venio/storage';
import { createHarness, loadOptions, makeNode } from '../harness/n8n';
import { useVenio } from './setup';

const MAX = 10 * 1024 * 1024;

/**
 * The test's input node: like the harness's Items node, and an item's `_file` {base64, fileName,
 * mimeType, field} becomes n8n binary data (what a Read File or HTTP Request node outputs).
 */
class FileItemsNode implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'Emits test items with files',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const raw = this.getNodeParameter('items', 0) as string;
		const items = JSON.parse(raw) as IDataObject[];
		const out: INodeExecutionData[] = [];
		for (const { _file, ...json } of items) {
			const file = _file as { base64: string; fileName: string; mimeType: string; field?: string } | undefined;
			out.push(file ? { json, binary: { [file.field ?? 'data']: await this.helpers.prepareBinaryData(Buffer.from(file.base64, 'base64'), file.fileName, file.mimeType) } } : { json });
		}
		return [out];
	}
}

const env = useVenio();
beforeAll(() => {
	env.h = createHarness({ 'test.items': new FileItemsNode() });
});

const fileItem = (bytes: Buffer, fileName: string, mimeType: string, field = 'data'): IDataObject => ({ _file: { base64: bytes.toString('base64'), fileName, mimeType, field } });
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 253, 254, 255]), Buffer.from('\n%%EOF\n')]);
const upload = { resource: 'storage', operation: 'upload' };
const uploads = () => env.calls().filter((c) => c.method === 'POST' && c.path === '/v1/storage/attachments');

describe('Storage: Upload File Attachment', () => {
	it('sends the input file as multipart/form-data with its name and content type; answers its attachment ID', async () => {
		const { items, error } = await env.run(upload, [fileItem(pdf, 'ใบเสนอราคา-signed.pdf', 'application/pdf')]);
		expect(error).toBeUndefined();
		expect(uploads()).toHaveLength(1);
		expect(String(uploads()[0].headers['content-type'])).toMatch(/^multipart\/form-data; boundary=\S+$/);
		const stored = env.sim.storageBook.attachments.get('ATT-000001')!;
		expect(stored).toMatchObject({ fileName: 'ใบเสนอราคา-signed.pdf', contentType: 'application/pdf' });
		expect(stored.data.equals(pdf)).toBe(true);
		expect(items[0].json).toMatchObject({ attachmentId: 'ATT-000001', fileName: 'ใบเสนอราคา-signed.pdf', contentType: 'application/pdf', fileSize: pdf.length });
	});

	it('reads another binary field and renames the file (File Name option)', async () => {
		const { items, error } = await env.run({ ...upload, binaryPropertyName: 'attachment', options: { fileName: 'id-card.png' } }, [fileItem(Buffer.from('PNGDATA'), 'scan001.png', 'image/png', 'attachment')]);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ fileName: 'id-card.png', contentType: 'image/png', fileSize: 7 });
	});

	it('a missing binary field: a clear error naming the field, the fields the item has and the item; nothing sent', async () => {
		const { error } = await env.run(upload, [fileItem(pdf, 'a.pdf', 'application/pdf', 'file')]);
		expect(error?.message).toBe('Item 1: No binary data in the field "data" (Input Binary Field). This item has binary data in: "file".');
		expect(uploads()).toEqual([]);
		const none = await env.run(upload, [{ name: 'no file' }]);
		expect(none.error?.message).toBe('Item 1: No binary data in the field "data" (Input Binary Field). This item has no binary data: the node before must output a file.');
	});

	it('a file over the 10 MB limit is refused before anything is sent', async () => {
		const { error } = await env.run(upload, [fileItem(Buffer.alloc(MAX + 1, 7), 'video.mp4', 'video/mp4')]);
		expect(error?.message).toBe('Item 1 (file video.mp4): The file "video.mp4" in the field "data" is 10,485,761 bytes; Venio takes files up to 10 MB (10,485,760 bytes)');
		expect(uploads()).toEqual([]);
	});

	it('a file at the limit is sent; Venio’s own size refusal reaches the user with its words', async () => {
		const atLimit = await env.run(upload, [fileItem(Buffer.alloc(MAX, 7), 'exactly-10mb.bin', 'application/octet-stream')]);
		expect(atLimit.error).toBeUndefined();
		expect(atLimit.items[0].json.fileSize).toBe(MAX);
		env.sim.options.maxAttachmentBytes = 1000;
		try {
			const { error } = await env.run(upload, [fileItem(Buffer.alloc(1001, 1), 'big.bin', 'application/octet-stream')]);
			expect(error?.name).toBe('NodeApiError');
			expect(error?.message).toContain('file is larger than the limit of 1000 bytes');
		} finally {
			env.sim.options.maxAttachmentBytes = MAX;
		}
	});

	it('check first: item 2 without a file stops the node before item 1 is uploaded', async () => {
		const input = [fileItem(pdf, 'one.pdf', 'application/pdf'), { name: 'two' }];
		const { error } = await env.run(upload, input);
		expect(error?.message).toBe('Item 2: No binary data in the field "data" (Input Binary Field). This item has no binary data: the node before must output a file.');
		expect(error?.description).toMatch(/^Nothing was written/);
		expect(uploads()).toEqual([]);
		expect(env.sim.storageBook.attachments.size).toBe(0);
	});

	it('check first with continueOnFail: item 1 is uploaded, item 2 is an error item paired with its input', async () => {
		const input = [fileItem(pdf, 'one.pdf', 'application/pdf'), fileItem(Buffer.alloc(MAX + 1), 'two.zip', 'application/zip')];
		const { items, error } = await env.run(upload, input, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(items[0]).toMatchObject({ json: { attachmentId: 'ATT-000001', fileName: 'one.pdf' }, pairedItem: { item: 0 } });
		expect(items[1]).toMatchObject({ json: { error: expect.stringMatching(/^Item 2 \(file two\.zip\): The file "two\.zip" in the field "data" is 10,485,761 bytes/) }, pairedItem: { item: 1 } });
		expect(uploads()).toHaveLength(1);
	});

	it('a create is not repeated after an unclear outcome (500)', async () => {
		env.sim.failNext = 1;
		const { error } = await env.run(upload, [fileItem(pdf, 'once.pdf', 'application/pdf')]);
		expect(error?.message).toContain('Venio CRM');
		expect(error?.description).toContain('not repeated automatically');
		expect(uploads()).toHaveLength(1);
	});
});

describe('Storage: Get File Attachment (download) and Delete File Attachment', () => {
	it('round trip: the uploaded file comes back as n8n binary data, same bytes, name and content type', async () => {
		const sent = Buffer.from(Array.from({ length: 3000 }, (_, i) => i % 256));
		const up = await env.run(upload, [fileItem(sent, 'สัญญา 2026.pdf', 'application/pdf')]);
		const attachmentId = String(up.items[0].json.attachmentId);
		const { items, error } = await env.run({ resource: 'storage', operation: 'get', attachmentId, binaryPropertyName: 'document' });
		expect(error).toBeUndefined();
		expect(env.calls().at(-1)).toMatchObject({ method: 'GET', path: `/v1/storage/attachments/${attachmentId}` });
		expect(items[0].json).toEqual({ attachmentId, fileName: 'สัญญา 2026.pdf', mimeType: 'application/pdf', fileSize: sent.length });
		const file = items[0].binary!.document;
		expect(file).toMatchObject({ fileName: 'สัญญา 2026.pdf', mimeType: 'application/pdf', fileExtension: 'pdf' });
		expect(Buffer.from(file.data, 'base64').equals(sent)).toBe(true);
	});

	it('an unknown attachment: Venio’s code and words, not bytes, in the error', async () => {
		const { error } = await env.run({ resource: 'storage', operation: 'get', attachmentId: 'ATT-999999' });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toContain('Attachment ATT-999999 not found');
	});

	it('Delete removes the file; deleting it again names the attachment and the item', async () => {
		const up = await env.run(upload, [fileItem(pdf, 'old.pdf', 'application/pdf')]);
		const attachmentId = String(up.items[0].json.attachmentId);
		const del = await env.run({ resource: 'storage', operation: 'delete', attachmentId });
		expect(del.error).toBeUndefined();
		expect(del.items[0].json).toEqual({ attachmentId, deleted: true });
		expect(env.calls().at(-1)).toMatchObject({ method: 'DELETE', path: `/v1/storage/attachments/${attachmentId}` });
		expect(env.sim.storageBook.attachments.size).toBe(0);
		const again = await env.run({ resource: 'storage', operation: 'delete', attachmentId }, [{}], { continueOnFail: true });
		expect(again.items[0].json.error).toContain(`Attachment ${attachmentId} not found`);
	});

	it('Delete checks every item first: an empty Attachment ID in item 2 deletes nothing', async () => {
		const up = await env.run(upload, [fileItem(pdf, 'keep.pdf', 'application/pdf')]);
		const { error } = await env.run({ resource: 'storage', operation: 'delete', attachmentId: '={{ $json.id }}' }, [{ id: up.items[0].json.attachmentId }, { id: '' }]);
		expect(error?.message).toBe('Item 2: "Attachment ID" is required');
		expect(env.calls().filter((c) => c.method === 'DELETE')).toEqual([]);
		expect(env.sim.storageBook.attachments.size).toBe(1);
	});
});

describe('Customer: Get File Categories and Attach Files', () => {
	it('Get File Categories lists them, one item each', async () => {
		const { items, error } = await env.run({ resource: 'customer', operation: 'getFileCategories' });
		expect(error).toBeUndefined();
		expect(env.calls().map((c) => [c.method, c.path])).toEqual([['GET', '/v1/customers/files/categories']]);
		expect(items.map((i) => i.json)).toEqual(FILE_CATEGORIES);
	});

	it('the File Category dropdown is loaded from Venio, sorted by name', async () => {
		const node = makeNode(env.h, { type: 'venioCrm', parameters: { resource: 'customer', operation: 'attachFiles' }, credentials: env.credentials() });
		const options = await loadOptions(env.h, node, 'getFileCategories');
		expect(options).toEqual([...FILE_CATEGORIES].map((c) => ({ name: c.fileCategoryName, value: c.fileCategoryId })).sort((a, b) => a.name.localeCompare(b.name)));
	});

	it('Attach Files sends the customer, the category and the attachment IDs; Venio files them', async () => {
		const up = await env.run(upload, [fileItem(pdf, 'contract.pdf', 'application/pdf'), fileItem(Buffer.from('GIF89a'), 'id.gif', 'image/gif')]);
		const ids = up.items.map((i) => String(i.json.attachmentId));
		const customerCode = env.sim.customers[2].customerCode;
		const { items, error } = await env.run({ resource: 'customer', operation: 'attachFiles', customerCode, fileCategoryId: '={{ 301 }}', attachmentIds: ids.join(', ') });
		expect(error).toBeUndefined();
		expect(env.calls().at(-1)).toMatchObject({ method: 'POST', path: '/v1/customers/files', body: { customerCode, fileCategoryId: 301, attachmentIds: ids } });
		expect(items[0].json).toMatchObject({ customerCode, fileCategoryId: 301, fileCategoryName: 'Contract', files: [{ attachmentId: ids[0], fileName: 'contract.pdf' }, { attachmentId: ids[1], fileName: 'id.gif' }] });
		expect([...env.sim.storageBook.customerFiles.get(customerCode.toUpperCase())!.entries()]).toEqual([
			[ids[0], 301],
			[ids[1], 301],
		]);
	});

	it('an attachment Venio does not have is refused with its ID; nothing filed', async () => {
		const customerCode = env.sim.customers[0].customerCode;
		const { error } = await env.run({ resource: 'customer', operation: 'attachFiles', customerCode, fileCategoryId: 302, attachmentIds: 'ATT-424242' });
		expect(error?.message).toContain('Attachment ATT-424242 not found');
		expect(env.sim.storageBook.customerFiles.size).toBe(0);
	});

	it('check first: item 2 without attachment IDs stops the node before item 1 is filed', async () => {
		const up = await env.run(upload, [fileItem(pdf, 'a.pdf', 'application/pdf')]);
		const customerCode = env.sim.customers[0].customerCode;
		const parameters = { resource: 'customer', operation: 'attachFiles', customerCode, fileCategoryId: 301, attachmentIds: '={{ $json.ids }}' };
		const { error } = await env.run(parameters, [{ ids: up.items[0].json.attachmentId }, { ids: '' }]);
		expect(error?.message).toBe(`Item 2 (customer ${customerCode}): "Attachment IDs" is required`);
		expect(env.calls().filter((c) => c.path === '/v1/customers/files')).toEqual([]);
	});
});
