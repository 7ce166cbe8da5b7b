import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fieldProperties, objectSchema, readBody, type Field } from '../../../shared/fields';
import { readWindow, returnAllAndLimit } from '../../../shared/router';
import { DEAL_PATHS, DEAL_SORT_FIELDS } from '../../endpoints';
import { MAX_PAGE_LENGTH, venioEnquiry } from '../../transport';

const SORT_LABELS: Record<string, string> = {
	dealsId: 'Creation Order',
	dealsName: 'Deal Name',
	dealsValue: 'Deal Value',
	expectedCloseDate: 'Expected Close Date',
	dateCreated: 'Date Created',
	dateModified: 'Date Modified',
};

// [PUB legacy Deal Enquiry] keyword, dealStageIds and orderBy.
const filterFields: Field[] = [
	{ key: 'keyword', label: 'Keyword', type: 'string', description: 'Matches the deal number, the deal name or a customer’s code or name' },
	{ key: 'dealStageIds', label: 'Stages', type: 'multiOptions', loadOptions: 'getDealStages', description: 'Only deals in these stages.' },
	{
		key: 'orderBy',
		label: 'Sort By',
		type: 'options',
		options: DEAL_SORT_FIELDS.flatMap((f) => [
			{ name: `${SORT_LABELS[f]} (Ascending)`, value: `${f} asc` },
			{ name: `${SORT_LABELS[f]} (Descending)`, value: `${f} desc` },
		]),
		default: 'dealsId asc',
	},
];
const filterSchema = objectSchema(filterFields);

const properties: INodeProperties[] = [...returnAllAndLimit(), ...fieldProperties(filterFields, { name: 'filters', label: 'Filters' })];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const filters = readBody(this, filterFields, filterSchema, i, { collection: 'filters', extraPath: false }) as IDataObject;
	if (Array.isArray(filters.dealStageIds)) filters.dealStageIds = filters.dealStageIds.map(Number);
	return await venioEnquiry.call(this, DEAL_PATHS.enquiry, filters, readWindow(this, i, MAX_PAGE_LENGTH), i);
}
