/**
 * Record pickers of Venio's pipeline and back office (deal, activity, case, contract, expense,
 * employee). "From List" searches the record's own enquiry with its `keyword`, paged by `skip` and
 * `pageLength` like Get Many. Cases and contracts have no enquiry (seed 000's menu names none), so
 * their pickers only take a typed number. No "By URL": Venio documents no page address for a record.
 */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';
import { z } from 'zod';

import type { Field } from '../shared/fields';
import { offsetSearchPage, searchText, type RecordLocator } from '../shared/locator';
import { ACTIVITY_PATHS, DEAL_PATHS, EMPLOYEE_PATHS, EXPENSE_PATHS } from './endpoints';
import { venioRequest } from './transport';

// [INF] Venio documents no format for numbers and codes: one word (no spaces) is all we check; ids
// are whole numbers (dealsId, activityId, expenseId in every answer seen).
const WORD_REGEX = '^\\S+$';
const ID_REGEX = '^\\d+$';

export const PIPELINE_LOCATORS = {
	deal: {
		name: 'dealId',
		displayName: 'Deal',
		description: 'The Venio deal: pick one (search by deal number, name or customer) or enter its ID (dealsId)',
		searchListMethod: 'searchDeals',
		key: { mode: 'id', label: 'Deal ID', placeholder: 'e.g. 1042', regex: ID_REGEX, format: 'a number (the deal’s dealsId), e.g. 1042' },
	},
	activity: {
		name: 'activityId',
		displayName: 'Activity',
		description: 'The Venio activity: pick one (search by activity number, subject or customer code) or enter its ID (activityId)',
		searchListMethod: 'searchActivitiesById',
		key: {
			mode: 'id',
			label: 'Activity ID',
			placeholder: 'e.g. 5012',
			regex: ID_REGEX,
			format: 'a number (the activity’s activityId), e.g. 5012; use Get by Number for an activity number such as A2601-0001',
		},
	},
	activityNo: {
		name: 'activityNo',
		displayName: 'Activity',
		description: 'The Venio activity: pick one (search by activity number, subject or customer code) or enter its number (activityNo)',
		searchListMethod: 'searchActivities',
		key: { mode: 'code', label: 'Activity Number', placeholder: 'e.g. A2601-0001', regex: WORD_REGEX, format: 'an activity number without spaces, e.g. A2601-0001' },
	},
	case: {
		name: 'caseNo',
		displayName: 'Case',
		description: 'The Venio case: enter its number (caseNo) as Venio shows it. Venio offers no case list to pick from.',
		key: { mode: 'code', label: 'Case Number', placeholder: 'e.g. T250200010', regex: WORD_REGEX, format: 'a case number without spaces, e.g. T250200010' },
	},
	contract: {
		name: 'contractNo',
		displayName: 'Contract',
		description: 'The Venio contract: enter its number (contractNo), e.g. from Create or Update. Venio offers no contract list to pick from.',
		key: { mode: 'code', label: 'Contract Number', placeholder: 'e.g. CT2601-0001', regex: WORD_REGEX, format: 'a contract number without spaces, e.g. CT2601-0001' },
	},
	expense: {
		name: 'expenseId',
		displayName: 'Expense',
		description: 'The Venio expense: pick one (search by expense number, name or note) or enter its ID (expenseId)',
		searchListMethod: 'searchExpenses',
		key: { mode: 'id', label: 'Expense ID', placeholder: 'e.g. 17', regex: ID_REGEX, format: 'a number (the expense’s expenseId), e.g. 17' },
	},
	employee: {
		name: 'employeeCode',
		displayName: 'Employee',
		description: 'The Venio employee: pick one (search by code, name or email) or enter its code',
		searchListMethod: 'searchEmployees',
		key: { mode: 'code', label: 'Employee Code', placeholder: 'e.g. E001', regex: WORD_REGEX, format: 'an employee code without spaces, e.g. E001' },
	},
} satisfies Record<string, RecordLocator>;

/**
 * The optional deal another record belongs to (activity, task, expense): a deal picker whose value
 * Venio gets as its numeric dealsId. A number saved before the picker existed still reads.
 */
export function dealLinkField(description: string): Field {
	const { deal } = PIPELINE_LOCATORS;
	return { key: 'dealId', label: 'Deal', type: 'string', locator: deal, description, schema: z.string().regex(new RegExp(deal.key.regex), `must be ${deal.key.format}`).transform(Number) };
}

const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '');
const joined = (...parts: unknown[]) => parts.map(text).filter(Boolean).join(' · ');
const item = (name: string, value: string): INodeListSearchItems | undefined => (value ? { name: name || value, value } : undefined);

interface EnquirySource {
	path: string;
	item(record: IDataObject): INodeListSearchItems | undefined;
}

const SOURCES = {
	// Each enquiry is the one Get Many pages through; its keyword matches what the description says.
	deals: { path: DEAL_PATHS.enquiry, item: (d) => item(`${joined(d.dealNo, d.dealsName, d.customerName)} (ID ${text(d.dealsId)})`, text(d.dealsId)) },
	activitiesById: { path: ACTIVITY_PATHS.enquiry, item: (a) => item(`${joined(a.activityNo, a.subject, a.customerCode)} (ID ${text(a.activityId)})`, text(a.activityId)) },
	activities: { path: ACTIVITY_PATHS.enquiry, item: (a) => item(joined(a.activityNo, a.subject, a.customerCode), text(a.activityNo)) },
	expenses: { path: EXPENSE_PATHS.enquiry, item: (e) => item(`${joined(e.expenseNo, e.expenseName)} (ID ${text(e.expenseId)})`, text(e.expenseId)) },
	employees: { path: EMPLOYEE_PATHS.enquiry, item: (e) => item(`${text(e.employeeName) || text(e.employeeCode)} (${text(e.employeeCode)})`, text(e.employeeCode)) },
} satisfies Record<string, EnquirySource>;

/** One "From List" page of an enquiry: `pageLength` records from `skip`, matching the typed text. */
async function search(ctx: ILoadOptionsFunctions, source: EnquirySource, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const keyword = searchText(filter);
	return await offsetSearchPage(
		paginationToken,
		async (skip, pageLength) => {
			const data = await venioRequest.call(ctx, { method: 'POST', path: source.path, body: { ...(keyword ? { keyword } : {}), skip, pageLength }, idempotent: true });
			return Array.isArray(data) ? (data as IDataObject[]) : [];
		},
		source.item,
	);
}

export const pipelineListSearch = {
	async searchDeals(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.deals, filter, paginationToken);
	},
	async searchActivitiesById(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.activitiesById, filter, paginationToken);
	},
	async searchActivities(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.activities, filter, paginationToken);
	},
	async searchExpenses(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.expenses, filter, paginationToken);
	},
	async searchEmployees(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
		return await search(this, SOURCES.employees, filter, paginationToken);
	},
};
