import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { historyProperties, readHistory } from './loyalty';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getTierHistory'] } }, historyProperties);

/** Each input item is its own list read; the shared limiter keeps 20/s across them. */
export const concurrent = true;

/** The customer's membership tier changes (level up, level down, extended), newest first. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	return await readHistory(this, i, 'membership_tier/action_logs');
}
