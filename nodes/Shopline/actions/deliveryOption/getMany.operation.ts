import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { pagedList } from '../../transport';
import { listOptions, readListWindow } from '../common';

const properties: INodeProperties[] = [...returnAllAndLimit(), listOptions];

export const description = updateDisplayOptions({ show: { resource: ['deliveryOption'], operation: ['getMany'] } }, properties);

export const concurrent = true;

/** The shop's delivery options; `region_type` tells a third-party logistics provider's (7-ELEVEN, SF Express…). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await pagedList.call(this, '/delivery_options', {}, readListWindow(this, i), i);
}
