import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';
import type { z } from 'zod';

import { locatorProperty, locatorRecord, readLocator } from '../../../shared/locator';
import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { DEAL_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { LOCATORS } from '../../locators';
import { dealBody, dealFields } from './dealFields';

// Every deal field may change; Venio's required ones that are not given are kept from the deal.
const updateFields = dealFields.map((f) => ({ ...f, required: false }));
const schema = objectSchema(updateFields).refine((b) => Object.keys(b).length > 0, { message: 'Add at least one field to change under "Update Fields"' });

/** Venio requires these on every update [PUB api-3602937], and where the deal's answer keeps them. */
const KEPT: Record<string, string> = { dealName: 'dealsName', probability: 'probability', dealValue: 'dealsValue', expectedCloseDate: 'expectedCloseDate', assignTo: 'assignTo' };

const properties: INodeProperties[] = [
	locatorProperty(LOCATORS.deal),
	...fieldProperties(updateFields, { name: 'updateFields', label: 'Update Fields' }),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['update'] } }, properties);

export const concurrent = true;

interface PreparedUpdate {
	id: string;
	body: IDataObject;
}

export function prepare(this: IExecuteFunctions, i: number): PreparedUpdate {
	const id = readLocator(this, LOCATORS.deal, i);
	const body = readBody(this, updateFields, schema as unknown as z.ZodTypeAny, i, { collection: 'updateFields' }) as IDataObject;
	return { id, body: dealBody(this, body) };
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.deal, i, 'deal');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const { id, body } = (prepared as PreparedUpdate | undefined) ?? prepare.call(this, i);
	const missing = Object.keys(KEPT).filter((key) => body[key] === undefined);
	if (missing.length) {
		const current = await venioRecord.call(this, { method: 'GET', path: DEAL_PATHS.get(id), itemIndex: i });
		for (const key of missing) body[key] = current[KEPT[key]];
	}
	// Sending the same values again gives the same deal: safe to repeat after an unclear outcome.
	return await venioRecord.call(this, { method: 'PUT', path: DEAL_PATHS.update(id), body, idempotent: true, itemIndex: i });
}
