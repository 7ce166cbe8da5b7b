/**
 * An activity's fields, described once. [INF] The current body is not published: the keys are the
 * legacy Get Activity answer's (subject, activityTypeId, statusId, dateAppointmentStart/End,
 * visitLocation…, vendors.md), with staff named by employee code in `assignTo` as deals do.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { z } from 'zod';

import type { Field } from '../../../shared/fields';
import { ACTIVITY_STATUSES } from '../../endpoints';
import { LOCATORS } from '../../locators';
import { dealLinkField } from '../../pipelineLocators';
import { sendable } from '../pipeline';

export const activityFields: Field[] = [
	{ key: 'subject', label: 'Subject', type: 'string', required: true, schema: z.string().trim().min(1, 'is required') },
	{ key: 'activityTypeId', label: 'Key Activity', type: 'options', required: true, loadOptions: 'getKeyActivities', description: 'What kind of activity it is (visit, call, …).' },
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer },
	{ key: 'assignTo', label: 'Assigned To', type: 'options', required: true, loadOptions: 'getEmployees', description: 'The employee who carries out the activity.' },
	{ key: 'dateAppointmentStart', label: 'Start', type: 'dateTime', required: true, description: 'When the appointment starts, in the workflow’s time zone' },
	{ key: 'dateAppointmentEnd', label: 'End', type: 'dateTime', description: 'When it ends; not before Start' },
	{ key: 'statusId', label: 'Status', type: 'options', options: ACTIVITY_STATUSES, default: 1 },
	{ key: 'description', label: 'Description', type: 'string', rows: 2 },
	{ key: 'visitLocationName', label: 'Location Name', type: 'string', placeholder: 'e.g. Head Office' },
	{ key: 'visitLocation', label: 'Location Address', type: 'string' },
	{ key: 'visitLatitude', label: 'Latitude', type: 'number', schema: z.number().min(-90, 'must be from -90 to 90').max(90, 'must be from -90 to 90') },
	{ key: 'visitLongitude', label: 'Longitude', type: 'number', schema: z.number().min(-180, 'must be from -180 to 180').max(180, 'must be from -180 to 180') },
	dealLinkField('The deal this activity belongs to: pick one or enter its ID (dealsId)'),
];

export function activityBody(ctx: IExecuteFunctions, body: IDataObject): IDataObject {
	return sendable(ctx, body, { ids: ['activityTypeId', 'statusId'], times: ['dateAppointmentStart', 'dateAppointmentEnd'] });
}
