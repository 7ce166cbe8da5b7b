import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { toCalendarDate } from '../../../shared/dates';
import { readWindow, returnAllAndLimit, simplifyProperty } from '../../../shared/router';
import { MAX_PAGE_SIZE } from '../../transport';
import { toCommonOrder } from '../../simplify';
import { filterProperties, listOptions, objectSchema, readFilters, readOptions, shapeAmounts } from '../common';
import { attachItems, fetchSales, maxLookbackOption, resolveSalesRange, saleFilterFields, salesSpanOf } from './shared';

const filterSchema = objectSchema(saleFilterFields);

const properties: INodeProperties[] = [
	{
		displayName: 'From Date',
		name: 'fromDate',
		type: 'string',
		default: '',
		placeholder: 'YYYY-MM-DD',
		description:
			'First day of sales to read, in the workflow’s time zone (its own midnight to midnight: MeeDee is asked for the days around it and sales outside it are left out). Leave empty to start as far back as MeeDee allows (30 days). Ranges longer than 30 days are read in 30-day steps automatically.',
	},
	{
		displayName: 'To Date',
		name: 'toDate',
		type: 'string',
		default: '',
		placeholder: 'YYYY-MM-DD',
		description: 'Last day of sales to read (included), in the workflow’s time zone. Leave empty for today.',
	},
	...returnAllAndLimit(),
	simplifyProperty,
	...filterProperties(saleFilterFields),
	listOptions([
		{
			displayName: 'Include Items',
			name: 'includeItems',
			type: 'boolean',
			default: false,
			description: 'Whether to add each sale’s lines (products, quantities, discounts) under "items". Costs one extra request per sale.',
		},
		maxLookbackOption,
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['sale'], operation: ['getMany'] } }, properties);

function readDate(ctx: IExecuteFunctions, name: string, i: number): string | undefined {
	const value = ctx.getNodeParameter(name, i, '') as unknown;
	if (value === '' || value === null || value === undefined) return undefined;
	return String(toCalendarDate(value, ctx.getTimezone())).trim();
}

export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const options = readOptions(this, i);
	const maxLookbackDays = Number(options.maxLookbackDays ?? 30) || 30;
	const range = resolveSalesRange(this, { from: readDate(this, 'fromDate', i), to: readDate(this, 'toDate', i) }, maxLookbackDays, i);
	const filters = readFilters(this, saleFilterFields, filterSchema, i);
	const window = { ...readWindow(this, i, MAX_PAGE_SIZE), pageSize: options.pageSize as number | undefined };
	let sales = await fetchSales.call(this, { span: salesSpanOf(this, range), branchIds: filters.branch_id as string[] | undefined, status: filters.status as string | undefined }, window, i);
	if (options.includeItems === true) sales = await attachItems.call(this, sales, i);
	sales = shapeAmounts(sales, options);
	return this.getNodeParameter('simplify', i, true) ? sales.map(toCommonOrder) : sales;
}
