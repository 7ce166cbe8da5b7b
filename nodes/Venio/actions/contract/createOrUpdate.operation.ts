import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { CONTRACT_PATHS } from '../../endpoints';
import { contractFields, contractUpsert } from './contractFields';

const upsert = contractUpsert(contractFields, CONTRACT_PATHS.upsert);

export const description = updateDisplayOptions({ show: { resource: ['contract'], operation: ['createOrUpdate'] } }, upsert.properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return upsert.prepare(this, i);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return upsert.recordOf(this, i);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	return await upsert.execute(this, i, (prepared as IDataObject | undefined) ?? upsert.prepare(this, i));
}
