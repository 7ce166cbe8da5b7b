import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { LOCATORS } from '../../locators';
import { venioRequest } from '../../transport';

const fields: Field[] = [
	{ key: 'customerCode', label: 'Customer', type: 'string', required: true, locator: LOCATORS.customer },
	{ key: 'eventTypeIds', label: 'Event Types', type: 'multiOptions', loadOptions: 'getEventTypes', description: 'Only events of these types.' },
	{ key: 'dateFrom', label: 'From Date', type: 'date', description: 'Only events on or after this calendar date (a date and time is read as its date in the workflow’s time zone)' },
	{ key: 'dateTo', label: 'To Date', type: 'date', description: 'Only events on or before this calendar date (included)' },
];
const schema = objectSchema(fields).refine((f) => !f.dateFrom || !f.dateTo || f.dateFrom <= f.dateTo, {
	path: ['dateTo'],
	message: 'must not be before From Date',
});

const properties: INodeProperties[] = [...returnAllAndLimit(), ...fieldProperties(fields, { name: 'filters', label: 'Filters' })];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getEvents'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const f = readBody(this, fields, schema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	const ids = (f.eventTypeIds as Array<string | number> | undefined) ?? [];
	// [PUB] GET /v1/customerEvent/filter documents the dates as a JSON body on the GET, which n8n's
	// HTTP client does not send; [INF] they go in the query as dateFrom / dateTo instead.
	const events = await venioRequest.call(this, {
		method: 'GET',
		path: '/v1/customerEvent/filter',
		qs: {
			customerCode: f.customerCode,
			...(ids.length ? { eventTypeIds: ids.join(',') } : {}),
			...(f.dateFrom ? { dateFrom: f.dateFrom } : {}),
			...(f.dateTo ? { dateTo: f.dateTo } : {}),
		},
		itemIndex: i,
	});
	// Venio answers the whole filtered list at once; Limit keeps the first ones.
	const { limit } = readWindow(this, i, Number.MAX_SAFE_INTEGER);
	return (Array.isArray(events) ? events : []).slice(0, limit);
}
