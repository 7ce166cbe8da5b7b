import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { SETTING_PATHS } from '../../endpoints';
import { venioRequest } from '../../transport';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['setting'], operation: ['getHeaderTemplates'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const data = await venioRequest.call(this, { method: 'GET', path: SETTING_PATHS.headerTemplates, itemIndex: i });
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}
