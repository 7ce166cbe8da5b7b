import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as upload from './upload.operation';

export const operations: ResourceOperations = { upload, get, delete: del };

export const description: INodeProperties[] = [
	operationSelector(
		'storage',
		[
			{ name: 'Upload File Attachment', value: 'upload', action: 'Upload a file attachment', description: 'Store a file (n8n binary data) in Venio; returns its attachment ID' },
			{ name: 'Get File Attachment', value: 'get', action: 'Download a file attachment', description: 'Download a stored file as n8n binary data' },
			{ name: 'Delete File Attachment', value: 'delete', action: 'Delete a file attachment', description: 'Delete a stored file' },
		],
		'upload',
	),
	...upload.description,
	...get.description,
	...del.description,
];
