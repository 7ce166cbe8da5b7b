import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { ACTIVITY_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';

const properties: INodeProperties[] = [keyProperty('activityId', 'Activity ID', 'The activity’s ID (activityId), e.g. from Get Many', 'e.g. 5012')];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['get'] } }, properties);

const ID = { re: /^\d+$/, words: 'must be a number (the activity’s activityId); use Get by Number for an activity number such as A2601-0001' };

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: ACTIVITY_PATHS.byId(readKey(this, 'activityId', 'Activity ID', i, ID)), itemIndex: i });
}
