import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { storeCreditsFields, storeCreditsSchema } from '../../loyaltyFields';
import { shoplineRequest } from '../../transport';
import { changeProperties, customerPath, readChange, readCustomerId } from './loyalty';
import { recordOf } from './addMemberPoints.operation';

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['addStoreCredits'] } }, changeProperties(storeCreditsFields));

export const concurrent = true;

interface Prepared {
	id: string;
	body: IDataObject;
}

/** Every item is checked before the first store credit change. */
export function prepare(this: IExecuteFunctions, i: number): Prepared {
	return { id: readCustomerId(this, i), body: readChange(this, i, storeCreditsFields, storeCreditsSchema) };
}

export { recordOf };

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as Prepared | undefined) ?? prepare.call(this, i);
	// Replace Balance sets the same balance again when repeated; an addition would be made twice.
	return await shoplineRequest.call(this, 'POST', customerPath(id, 'store_credits'), { body, idempotent: body.replace === true, itemIndex: i });
}
