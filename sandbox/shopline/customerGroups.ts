/**
 * SHOPLINE simulator: customer groups (Get Customer Groups, Search, Get, Get customer ids).
 * [PUB SDK HsOjo/shopline-sdk-python, generated from the docs] paths and fields; `status` is not to
 * be combined with created_after/created_before (documented "don't"; the simulator refuses it [INF]).
 */
import type { SimRequest, SimResponse } from '../core';
import { first, inRange, invalid, isResponse, notFound, objectId, ok } from './helpers';
import type { CustomerGroupRec } from './model';
import type { Route, ShoplineSim } from './index';

export function registerCustomerGroupRoutes(sim: ShoplineSim, r: Route): void {
	r('GET', '/customer_groups', 'customers', (req) => listGroups(sim, req));
	r('GET', '/customer_groups/search', 'customers', (req) => searchGroups(sim, req));
	r('GET', '/customer_groups/:id', 'customers', (req) => getGroup(sim, req));
	r('GET', '/customer_groups/:id/customer_ids', 'customers', (req) => groupCustomerIds(sim, req));
}

export function groupJson(sim: ShoplineSim, g: CustomerGroupRec): Record<string, unknown> {
	const members = g.customerIds.map((id) => sim.customers.get(id)).filter((c) => !!c);
	return {
		id: g.id,
		name: g.name,
		count: members.length,
		email_users_count: members.filter((c) => c!.email).length,
		mobile_phone_users_count: members.filter((c) => c!.mobile_phone).length,
		status: g.status,
		update_type: g.update_type,
		update_cycle: g.update_type === 'auto' ? 7 : null,
		created_by: 'manual',
		parent_id: null,
		last_child_id: null,
		last_updated_at: g.updated_at,
		next_update_at: null,
		expired_at: g.expired_at,
		created_at: g.created_at,
		updated_at: g.updated_at,
	};
}

function sorted(sim: ShoplineSim, q: SimRequest['query'], test: (g: CustomerGroupRec) => boolean): CustomerGroupRec[] | SimResponse {
	const dir = sim.direction(q);
	if (typeof dir !== 'string') return dir;
	const rows = [...sim.customerGroups.values()].filter(test).sort((a, b) => (a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.seq - b.seq));
	return dir === 'desc' ? rows.reverse() : rows;
}

function page(sim: ShoplineSim, rows: CustomerGroupRec[] | SimResponse, q: SimRequest['query']): SimResponse {
	if (isResponse(rows)) return rows;
	const p = sim.paginate(rows, q);
	if (isResponse(p)) return p;
	return ok({ items: p.items.map((g) => groupJson(sim, g)), pagination: p.pagination });
}

function listGroups(sim: ShoplineSim, req: SimRequest): SimResponse {
	const q = req.query;
	const status = first(q.status);
	if (status !== undefined && status !== 'active' && status !== 'expired') return sim.badQuery('status', 'status must be active or expired');
	if (status && (first(q.created_after) || first(q.created_before))) {
		return sim.badQuery('status', 'Do not use created_after or created_before together with status');
	}
	const range = sim.timeRange(q, ['created_after', 'created_before']);
	if (isResponse(range)) return range;
	return page(sim, sorted(sim, q, (g) => (!status || g.status === status) && inRange(g.created_at, range.created_after, range.created_before)), q);
}

/** Documented: `query` searches customer_group_name. [INF] case-insensitive "contains". */
function searchGroups(sim: ShoplineSim, req: SimRequest): SimResponse {
	const text = first(req.query.query)?.trim().toLowerCase();
	return page(sim, sorted(sim, req.query, (g) => !text || g.name.toLowerCase().includes(text)), req.query);
}

/** [PUB SDK] the answer is `{items, pagination}` holding the one group. */
function getGroup(sim: ShoplineSim, req: SimRequest): SimResponse {
	const g = sim.customerGroups.get(req.params.id);
	if (!g) return notFound('Customer group');
	return ok({ items: [groupJson(sim, g)], pagination: { current_page: 1, per_page: 1, total_count: 1, total_pages: 1 } });
}

/**
 * Documented: `previous_id` = the last ID of the previous answer; answers `{customer_ids, last_id}`.
 * [INF] groupIdsPageSize IDs per answer, `last_id` null on the last one, an unknown previous_id → 422.
 */
function groupCustomerIds(sim: ShoplineSim, req: SimRequest): SimResponse {
	const g = sim.customerGroups.get(req.params.id);
	if (!g) return notFound('Customer group');
	const ids = g.customerIds.filter((id) => sim.customers.has(id));
	const previous = first(req.query.previous_id);
	let start = 0;
	if (previous) {
		const at = ids.indexOf(previous);
		if (at < 0) return invalid('previous_id', `previous_id ${previous} is not in this customer group`);
		start = at + 1;
	}
	const chunk = ids.slice(start, start + sim.config.groupIdsPageSize);
	const more = start + chunk.length < ids.length;
	return ok({ customer_ids: chunk, last_id: more ? chunk[chunk.length - 1] : null });
}

const GROUP_NAMES = ['VIP', 'Repeat buyers', 'Bubble tea fans', 'Birthday this month', 'Lapsed 90 days', 'Newsletter'];

/** `count` groups over the seeded customers; every fifth group has expired. */
export function seedCustomerGroups(sim: ShoplineSim, count: number): void {
	sim.customerGroups.clear();
	const customers = sim.customersByCreated();
	const start = Date.UTC(2024, 0, 1);
	for (let i = 0; i < count; i++) {
		const createdMs = start + i * 86_400_000;
		const created = new Date(createdMs).toISOString();
		const id = objectId(createdMs, 0x6a, i + 1);
		const every = (i % 4) + 1;
		sim.customerGroups.set(id, {
			id,
			seq: i,
			name: `${GROUP_NAMES[i % GROUP_NAMES.length]} ${Math.floor(i / GROUP_NAMES.length) + 1}`,
			status: i % 5 === 4 ? 'expired' : 'active',
			update_type: i % 2 === 0 ? 'manual' : 'auto',
			customerIds: customers.filter((_c, n) => n % every === i % every).map((c) => c.id),
			expired_at: i % 5 === 4 ? new Date(createdMs + 30 * 86_400_000).toISOString() : null,
			created_at: created,
			updated_at: created,
		});
	}
}
