/**
 * Venio's small reference lists (employees, event types, product groups, units): read by the
 * "Get …" operations and turned into dropdowns by one loader.
 */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ACTIVITY_PATHS, CASE_PATHS, CONTRACT_PATHS, CUSTOMER_FILE_PATHS, DEAL_PATHS } from './endpoints';
import { venioEnquiry, venioRequest, type RequestContext } from './transport';

export interface ReferenceList {
	/** Reads the whole list. */
	read(ctx: RequestContext, itemIndex?: number): Promise<IDataObject[]>;
	/** The dropdown entry for one record. */
	option(record: IDataObject): INodePropertyOptions;
}

const getAll = (path: string) => async (ctx: RequestContext, itemIndex?: number) => {
	const data = await venioRequest.call(ctx, { method: 'GET', path, itemIndex });
	return Array.isArray(data) ? (data as IDataObject[]) : [];
};

/** Dropdowns show at most this many employees; an expression can name any code. */
const MAX_EMPLOYEES = 1000;

export const LISTS = {
	// [PUB code] POST /v1/Employees/Enquiry, paged like the customer enquiry.
	employees: {
		read: async (ctx, itemIndex) => await venioEnquiry.call(ctx, '/v1/Employees/Enquiry', {}, { returnAll: false, limit: MAX_EMPLOYEES }, itemIndex),
		option: (e) => ({ name: `${String(e.employeeName)} (${String(e.employeeCode)})`, value: String(e.employeeCode), description: e.email ? String(e.email) : undefined }),
	},
	// [INF] path
	eventTypes: {
		read: getAll('/v1/customerEvent/types'),
		option: (t) => ({ name: String(t.eventTypeName), value: Number(t.eventTypeId) }),
	},
	// [INF] path
	productGroups: {
		read: getAll('/v1/products/groups'),
		option: (g) => ({ name: String(g.productGroupName), value: Number(g.productGroupId) }),
	},
	// Seed 000's menu: /v1/products/units
	units: {
		read: getAll('/v1/products/units'),
		option: (u) => ({ name: String(u.unitName), value: Number(u.unitId) }),
	},
	dealBoards: {
		read: getAll(DEAL_PATHS.boards),
		option: (b) => ({ name: String(b.boardName), value: Number(b.boardId) }),
	},
	dealInterests: {
		read: getAll(DEAL_PATHS.interests),
		option: (x) => ({ name: String(x.dealInterestName), value: Number(x.dealInterestId) }),
	},
	dealLabels: {
		read: getAll(DEAL_PATHS.labels),
		option: (x) => ({ name: String(x.dealLabelName), value: Number(x.dealLabelId) }),
	},
	contractTypes: {
		read: getAll(CONTRACT_PATHS.types),
		option: (x) => ({ name: String(x.contractTypeName), value: Number(x.contractTypeId) }),
	},
	dealMissedReasons: {
		read: getAll(DEAL_PATHS.missedReasons),
		option: (x) => ({ name: String(x.reasonCategoryName), value: Number(x.reasonCategoryId) }),
	},
	// "Get Key Activities": the activity types an activity is one of.
	keyActivities: {
		read: getAll(ACTIVITY_PATHS.activityTypes),
		option: (x) => ({ name: String(x.activityTypeName), value: Number(x.activityTypeId) }),
	},
	caseCategories: {
		read: getAll(CASE_PATHS.categories),
		option: (x) => ({ name: String(x.categoryName), value: Number(x.categoryId) }),
	},
	// "Get file categories" (seed 000's menu; path [INF]): the kinds of file a customer's files are filed under.
	fileCategories: {
		read: getAll(CUSTOMER_FILE_PATHS.categories),
		option: (x) => ({ name: String(x.fileCategoryName), value: Number(x.fileCategoryId) }),
	},
} satisfies Record<string, ReferenceList>;

/** A board's stages (every board's when none is given), in pipeline order. */
export async function readDealStages(ctx: RequestContext, boardId?: number | string, itemIndex?: number): Promise<IDataObject[]> {
	const qs = boardId === undefined || boardId === '' ? undefined : { boardId };
	const data = await venioRequest.call(ctx, { method: 'GET', path: DEAL_PATHS.stages, qs, itemIndex });
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

/** Contract templates, of one contract type when given. */
export async function readContractTemplates(ctx: RequestContext, contractTypeId?: number | string, itemIndex?: number): Promise<IDataObject[]> {
	const qs = contractTypeId === undefined || contractTypeId === '' ? undefined : { contractTypeId };
	const data = await venioRequest.call(ctx, { method: 'GET', path: CONTRACT_PATHS.templates, qs, itemIndex });
	return Array.isArray(data) ? (data as IDataObject[]) : [];
}

async function options(ctx: ILoadOptionsFunctions, list: ReferenceList): Promise<INodePropertyOptions[]> {
	const records = await list.read(ctx);
	return records.map(list.option).sort((a, b) => a.name.localeCompare(b.name));
}

export const loadOptions = {
	async getEmployees(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.employees);
	},
	async getEventTypes(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.eventTypes);
	},
	async getProductGroups(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.productGroups);
	},
	async getUnits(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.units);
	},
	async getKeyActivities(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.keyActivities);
	},
	async getCaseCategories(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.caseCategories);
	},
	async getFileCategories(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.fileCategories);
	},
	async getDealBoards(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.dealBoards);
	},
	async getDealInterests(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.dealInterests);
	},
	async getDealLabels(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.dealLabels);
	},
	async getDealMissedReasons(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.dealMissedReasons);
	},
	async getContractTypes(this: ILoadOptionsFunctions) {
		return await options(this, LISTS.contractTypes);
	},
	/** The chosen contract type's templates; every template when no type is chosen yet. */
	async getContractTemplates(this: ILoadOptionsFunctions) {
		const chosen = this.getCurrentNodeParameter('contractTypeId') as unknown;
		const typeId = typeof chosen === 'number' || (typeof chosen === 'string' && /^\d+$/.test(chosen)) ? chosen : undefined;
		const templates = await readContractTemplates(this, typeId);
		return templates.map((t) => ({ name: String(t.contractTemplateName), value: Number(t.contractTemplateId) })).sort((a, b) => a.name.localeCompare(b.name));
	},
	/** The chosen board's stages in pipeline order; without a board (Update, filters) every stage, named "Board › Stage". */
	async getDealStages(this: ILoadOptionsFunctions) {
		const chosen = this.getCurrentNodeParameter('boardId') as unknown;
		const boardId = typeof chosen === 'number' || (typeof chosen === 'string' && /^\d+$/.test(chosen)) ? chosen : undefined;
		const stages = await readDealStages(this, boardId);
		const boards = boardId === undefined ? await LISTS.dealBoards.read(this) : [];
		const boardName = (id: unknown) => String(boards.find((b) => b.boardId === id)?.boardName ?? id);
		return stages.map((s) => ({
			name: boardId === undefined ? `${boardName(s.boardId)} › ${String(s.dealStageName)}` : String(s.dealStageName),
			value: Number(s.dealStageId),
		}));
	},
};
