import type { INodeProperties } from 'n8n-workflow';

import { operationSelector, type ResourceOperations } from '../../../shared/router';
import * as getHeaderTemplates from './getHeaderTemplates.operation';

export const operations: ResourceOperations = { getHeaderTemplates };

export const description: INodeProperties[] = [
	operationSelector(
		'setting',
		[{ name: 'Get Header Templates', value: 'getHeaderTemplates', action: 'Get document header templates', description: 'List the letterheads quotations and sales orders can use (their headerTemplateId)' }],
		'getHeaderTemplates',
	),
	...getHeaderTemplates.description,
];
