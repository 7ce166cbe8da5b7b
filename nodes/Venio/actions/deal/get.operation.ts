import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { DEAL_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';
import { DEAL_ID } from './dealFields';

const properties: INodeProperties[] = [keyProperty('dealId', 'Deal ID', 'The deal’s ID (dealsId), e.g. from Create or Get Many', 'e.g. 1042')];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: DEAL_PATHS.get(readKey(this, 'dealId', 'Deal ID', i, DEAL_ID)), itemIndex: i });
}
