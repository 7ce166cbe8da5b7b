import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { LISTS } from '../../lists';

const properties: INodeProperties[] = [];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getFileCategories'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await LISTS.fileCategories.read(this, i);
}
