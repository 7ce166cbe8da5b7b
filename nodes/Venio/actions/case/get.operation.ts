import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { CASE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';
import { CASE_NO } from './caseFields';

const properties: INodeProperties[] = [keyProperty('caseNo', 'Case Number', 'The case’s number (caseNo) as Venio shows it', 'e.g. T250200010')];

export const description = updateDisplayOptions({ show: { resource: ['case'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: CASE_PATHS.get(readKey(this, 'caseNo', 'Case Number', i, CASE_NO)), itemIndex: i });
}
