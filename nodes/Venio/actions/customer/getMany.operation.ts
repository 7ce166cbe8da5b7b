import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { toZoneIso, zonedInstant } from '../../../shared/dates';
import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit, simplifyProperty } from '../../../shared/router';
import { CUSTOMER_STATES, CUSTOMER_STATUSES } from '../../fields';
import { toCommonCustomer } from '../../simplify';
import { MAX_PAGE_LENGTH, venioEnquiry } from '../../transport';

const filterFields: Field[] = [
	{ key: 'keyword', label: 'Keyword', type: 'string', description: 'Matches name, code, phone, mobile or email' },
	{ key: 'states', label: 'States', type: 'multiOptions', options: CUSTOMER_STATES },
	{ key: 'statuses', label: 'Statuses', type: 'multiOptions', options: CUSTOMER_STATUSES },
	{ key: 'owners', label: 'Owners', type: 'multiOptions', loadOptions: 'getEmployees', description: 'Only customers of these employees.' },
	{ key: 'groups', label: 'Customer Groups', type: 'stringList', description: 'Only customers in these groups' },
	{ key: 'modifiedSince', label: 'Modified Since', type: 'dateTime', description: 'Only customers created or changed at or after this time, in the workflow’s time zone (a date alone: from its midnight). Sent to Venio with that zone’s offset.' },
	{
		key: 'orderBy',
		label: 'Sort By',
		type: 'options',
		options: [
			{ name: 'Customer Code', value: 'customerCode asc' },
			{ name: 'Name', value: 'customerName asc' },
			{ name: 'Newest First', value: 'dateCreated desc' },
			{ name: 'Oldest First', value: 'customerId asc' },
			{ name: 'Recently Modified First', value: 'dateModified desc' },
		],
		default: 'customerId asc',
	},
];

const filterSchema = objectSchema(filterFields);

const properties: INodeProperties[] = [
	...returnAllAndLimit(),
	...fieldProperties(filterFields, { name: 'filters', label: 'Filters' }),
	simplifyProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['customer'], operation: ['getMany'] } }, properties);

/** [INF] The current enquiry path; its body follows the documented legacy Customers Enquiry. */
export const CUSTOMER_ENQUIRY_PATH = '/v3/customers/enquiry';

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = readBody(this, filterFields, filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	// Venio gets an explicit offset (the workflow's zone), so it never guesses the time zone.
	const since = filters.modifiedSince === undefined ? undefined : zonedInstant(filters.modifiedSince, this.getTimezone());
	if (since) filters.modifiedSince = toZoneIso(since, this.getTimezone());
	const customers = await venioEnquiry.call(this, CUSTOMER_ENQUIRY_PATH, filters, readWindow(this, i, MAX_PAGE_LENGTH), i);
	return this.getNodeParameter('simplify', i, true) ? customers.map(toCommonCustomer) : customers;
}
