/**
 * Paths of the Venio pipeline endpoints (deals and their lists) and the guesses around them, in one
 * place. Documented [PUB developer.gofive.co.th]: POST /v1/deals (api-3608469), PUT /v1/deals/{id}
 * (api-3602937); the legacy portal documents GET /v1/Deals/{id} and POST /v1/Deals/Enquiry
 * (veniocrm.developer.azure-api.net APIs/Deal). docs/vendors/venio.md lists the sources.
 */

export const DEAL_PATHS = {
	create: '/v1/deals',
	update: (id: number | string) => `/v1/deals/${id}`,
	// [INF] The current portal names these on its menu without a path: the legacy paths, lower-cased
	// like the documented create, and the five lists below /v1/deals.
	get: (id: number | string) => `/v1/deals/${id}`,
	enquiry: '/v1/deals/enquiry',
	boards: '/v1/deals/boards',
	stages: '/v1/deals/stages',
	interests: '/v1/deals/interests',
	labels: '/v1/deals/labels',
	missedReasons: '/v1/deals/missed-reason-categories',
};

// [INF] The enquiry's orderBy fields (legacy docs name orderBy, not its values).
export const DEAL_SORT_FIELDS = ['dealsId', 'dealsName', 'dealsValue', 'expectedCloseDate', 'dateCreated', 'dateModified'];
