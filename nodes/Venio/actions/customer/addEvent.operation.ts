import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { locatorRecord } from '../../../shared/locator';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { venioRecord } from '../../transport';
import { numericIds } from '../common';
import { eventFields } from './eventFields';

const schema = objectSchema(eventFields);

const properties: INodeProperties[] = [...fieldProperties(eventFields), optionsCollection([concurrencyOption, extraBodyProperty])];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['addEvent'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	return numericIds(readBody(this, eventFields, schema, i) as IDataObject, ['eventType']);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.customer, i, 'customer');
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// Creates an event: never repeated blindly after an unknown outcome.
	return await venioRecord.call(this, { method: 'POST', path: '/v1/customerEvent', body, idempotent: false, itemIndex: i });
}
