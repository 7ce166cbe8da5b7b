import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { objectSchema } from '../../../shared/fields';
import { bulkMemberPointsFields } from '../../loyaltyFields';
import { shoplineRequest } from '../../transport';
import { changeProperties, readChange } from './loyalty';

export const description = updateDisplayOptions(
	{ show: { resource: ['customer'], operation: ['bulkUpdateMemberPoints'] } },
	changeProperties(bulkMemberPointsFields, false),
);

export const concurrent = true;

const schema = objectSchema(bulkMemberPointsFields);

/** Every item is checked before the first bulk update. */
export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return readChange(this, i, bulkMemberPointsFields, schema);
}

/**
 * One request gives every listed customer the same change; SHOPLINE answers with the job it queued
 * (the balances change when the job has run).
 */
export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// Not repeated after an unclear failure: every customer would get the points twice.
	const answer = await shoplineRequest.call(this, 'POST', '/member_points/bulk_update', { body, itemIndex: i });
	return { ...answer, customer_count: (body.user_ids as string[]).length };
}
