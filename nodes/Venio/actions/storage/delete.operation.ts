/** Storage → Delete File Attachment. Path [INF] (endpoints.ts). */
import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { STORAGE_PATHS } from '../../endpoints';
import { venioRequest } from '../../transport';
import { attachmentIdProperty, readAttachmentId } from './storageFields';

const properties: INodeProperties[] = [attachmentIdProperty, optionsCollection([concurrencyOption])];

export const description = updateDisplayOptions({ show: { resource: ['storage'], operation: ['delete'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): string {
	return readAttachmentId(this, i);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const id = String(this.getNodeParameter('attachmentId', i, '') ?? '').trim();
	return id ? `attachment ${id}` : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const attachmentId = (prepared as string | undefined) ?? prepare.call(this, i);
	await venioRequest.call(this, { method: 'DELETE', path: STORAGE_PATHS.delete(attachmentId), itemIndex: i });
	return { attachmentId, deleted: true };
}
