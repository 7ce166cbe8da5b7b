import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { EXPENSE_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { keyProperty, readKey } from '../common';
import { EXPENSE_ID } from './expenseFields';

const properties: INodeProperties[] = [keyProperty('expenseId', 'Expense ID', 'The expense’s ID (expenseId), e.g. from Create or Get Many', 'e.g. 17')];

export const description = updateDisplayOptions({ show: { resource: ['expense'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	return await venioRecord.call(this, { method: 'GET', path: EXPENSE_PATHS.get(readKey(this, 'expenseId', 'Expense ID', i, EXPENSE_ID)), itemIndex: i });
}
