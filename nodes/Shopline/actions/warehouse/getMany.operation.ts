import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../../../shared/router';
import { pagedList } from '../../transport';
import { listOptions, readListWindow } from '../common';

const properties: INodeProperties[] = [...returnAllAndLimit(), listOptions];

export const description = updateDisplayOptions({ show: { resource: ['warehouse'], operation: ['getMany'] } }, properties);

export const concurrent = true;

/** The shop's warehouses (stock locations), by page number. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await pagedList.call(this, '/warehouses', {}, readListWindow(this, i), i);
}
