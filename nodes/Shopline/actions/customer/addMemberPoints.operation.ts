import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { objectSchema } from '../../../shared/fields';
import { memberPointsFields } from '../../loyaltyFields';
import { shoplineRequest } from '../../transport';
import { changeProperties, customerPath, readChange, readCustomerId } from './loyalty';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['addMemberPoints'] } }, changeProperties(memberPointsFields));

export const concurrent = true;

const schema = objectSchema(memberPointsFields);

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first points change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	return { id: readCustomerId(this, i), body: readChange(this, i, memberPointsFields, schema) };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	const raw = this.getNodeParameter('customerId', i, '', { extractValue: true });
	return typeof raw === 'string' && raw.trim() ? raw.trim() : undefined;
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// Not repeated after an unclear failure: the points would be added twice.
	return await shoplineRequest.call(this, 'POST', customerPath(id, 'member_points'), { body, itemIndex: i });
}
