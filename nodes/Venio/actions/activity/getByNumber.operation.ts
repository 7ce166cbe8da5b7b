import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ACTIVITY_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';

const properties: INodeProperties[] = [keyProperty('activityNo', 'Activity Number', 'The activity’s number (activityNo) as Venio shows it', 'e.g. A2601-0001')];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['getByNumber'] } }, properties);

const NO = { re: /^\S+$/, words: 'must not contain spaces' };

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: ACTIVITY_PATHS.byNo(readKey(this, 'activityNo', 'Activity Number', i, NO)), itemIndex: i });
}
