import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { shoplineRequest } from '../../transport';
import { customerGroupIdProperty, groupPath, oneGroup, readGroupId } from './shared';

const properties: INodeProperties[] = [customerGroupIdProperty];

export const description = updateDisplayOptions({ show: { resource: ['customerGroup'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const id = readGroupId(this, i);
	const group = oneGroup(await shoplineRequest.call(this, 'GET', groupPath(id), { itemIndex: i }));
	if (!group) throw new NodeOperationError(this.getNode(), `Item ${i + 1}: SHOPLINE answered without the customer group ${id}`, { itemIndex: i });
	return group;
}
