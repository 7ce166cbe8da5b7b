import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { LISTS } from '../../lists';

export const description = updateDisplayOptions({ show: { resource: ['product'], operation: ['getGroups'] } }, [] as INodeProperties[]);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await LISTS.productGroups.read(this, i);
}
