import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { MAX_PAGE_SIZE, meedeeList } from '../../transport';

const properties: INodeProperties[] = [...returnAllAndLimit()];

export const description = updateDisplayOptions({ show: { resource: ['webhook'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await meedeeList.call(this, '/webhooks', {}, readWindow(this, i, MAX_PAGE_SIZE), i);
}
