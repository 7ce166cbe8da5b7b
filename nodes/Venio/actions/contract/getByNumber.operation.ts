import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { CONTRACT_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';
import { CONTRACT_NO } from './contractFields';

const properties: INodeProperties[] = [keyProperty('contractNo', 'Contract Number', 'The contract’s number, e.g. from Create or Update', 'e.g. CT2601-0001')];

export const description = updateDisplayOptions({ show: { resource: ['contract'], operation: ['getByNumber'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: CONTRACT_PATHS.get(readKey(this, 'contractNo', 'Contract Number', i, CONTRACT_NO)), itemIndex: i });
}
