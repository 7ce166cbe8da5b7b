import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { locatorProperty, locatorRecord, readOptionalLocator } from '../../../shared/locator';
import { extraBodyProperty, fieldProperties, objectSchema, readBody } from '../../../shared/fields';
import { recordLabel } from '../../../shared/matching';
import { concurrencyOption, optionsCollection } from '../../../shared/router';
import { ACTIVITY_PATHS } from '../../endpoints';
import { venioRecord } from '../../transport';
import { LOCATORS } from '../../locators';
import { activityBody, activityFields } from './activityFields';

const schema = objectSchema(activityFields).refine(
	(b) => !b.dateAppointmentEnd || !b.dateAppointmentStart || Date.parse(String(b.dateAppointmentEnd)) >= Date.parse(String(b.dateAppointmentStart)),
	{ path: ['dateAppointmentEnd'], message: 'must not be before Start' },
);

const properties: INodeProperties[] = [
	{ ...locatorProperty(LOCATORS.activityNo, false), description: 'Leave empty to create a new activity. Pick an existing activity (or enter its number) to update it.' },
	...fieldProperties(activityFields),
	optionsCollection([concurrencyOption, extraBodyProperty]),
];

export const description = updateDisplayOptions({ show: { resource: ['activity'], operation: ['createOrUpdate'] } }, properties);

export const concurrent = true;

export function prepare(this: IExecuteFunctions, i: number): IDataObject {
	const activityNo = readOptionalLocator(this, LOCATORS.activityNo, i);
	const body = readBody(this, activityFields, schema, i, { base: activityNo ? { activityNo } : {} }) as IDataObject;
	return activityBody(this, body);
}

export function recordOf(this: IExecuteFunctions, i: number): string | undefined {
	return locatorRecord(this, LOCATORS.activityNo, i, 'activity') ?? recordLabel(this, i, ['subject']);
}

export async function execute(this: IExecuteFunctions, i: number, prepared?: unknown): Promise<IDataObject> {
	const body = (prepared as IDataObject | undefined) ?? prepare.call(this, i);
	// Without a number it creates (never repeated after an unclear outcome); with one it is an update.
	return await venioRecord.call(this, { method: 'POST', path: ACTIVITY_PATHS.upsert, body, idempotent: body.activityNo !== undefined, itemIndex: i });
}
