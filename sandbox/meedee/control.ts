/** MeeDee POS simulator: the control API (`POST /__sandbox/control/meedee`) and the events it emits. */
import type { Json } from '../core';
import { moveStock } from './catalogue';
import { addCustomer } from './customers';
import { ALL_BRANCH_IDS, DEFAULTS, type MeeDeeApplication, MEEDEE_EVENTS, type Obj, type Row, type Settings, iso } from './model';
import { addSale } from './sales';
import type { MeeDeeSim } from './index';

/** `/__sandbox/control/meedee` actions: emit, redeliver, seed, expireTokens, configure, addApplication. */
export function runControl(sim: MeeDeeSim, body: Obj): Json {
	switch (body.action) {
		case 'emit':
			return sim.emit(body);
		case 'redeliver':
			return sim.redeliver(String(body.deliveryId));
		case 'seed':
			sim.seed(Number(body.customers ?? body.count ?? DEFAULTS.customers));
			return { customers: sim.customers.length };
		case 'expireTokens':
			sim.issuer.expireAll();
			return { ok: true };
		case 'configure':
			return configure(sim, body);
		case 'addApplication':
			return addApplication(sim, body);
		default:
			return { error: 'unknown_action', message: `Unknown action ${String(body.action)}` };
	}
}

export function configure(sim: MeeDeeSim, body: Obj): Json {
	for (const key of Object.keys(DEFAULTS) as (keyof Settings)[]) {
		if (body[key] !== undefined) (sim.settings as unknown as Record<string, Json>)[key] = body[key];
	}
	sim.issuer.ttlSeconds = sim.settings.tokenTtlSeconds;
	return { ...sim.settings };
}

export function addApplication(sim: MeeDeeSim, body: Obj): Json {
	const app: MeeDeeApplication = {
		name: String(body.name ?? 'Test application'),
		clientId: String(body.clientId),
		clientSecret: String(body.clientSecret),
		scopes: (body.scopes as string[]) ?? [],
		allowedBranchIds: (body.allowedBranchIds as string[]) ?? ALL_BRANCH_IDS,
	};
	if (!app.clientId.startsWith('meed_')) return { error: 'invalid_request', message: 'client ids start with meed_' };
	sim.applications.set(app.clientId, app);
	return { client_id: app.clientId, scopes: app.scopes, allowed_branch_ids: app.allowedBranchIds };
}

/** Changes state for `event` and fires it; returns the object and the delivery ids. */
export function emitEvent(sim: MeeDeeSim, body: Obj): Json {
	const event = String(body.event);
	const object = applyEvent(sim, event, body);
	if ('error' in object) return object;
	return { event, data: object, deliveries: sim.fire(event, object) };
}

export function applyEvent(sim: MeeDeeSim, event: string, body: Obj): Obj {
	const now = iso(sim.clock());
	switch (event) {
		case 'sale.created':
			return addSale(sim, String(body.branch_id ?? ALL_BRANCH_IDS[0]), body.customer_id === undefined ? String(sim.customers[0]?.data.id ?? '') || null : (body.customer_id as string | null));
		case 'sale.updated':
		case 'sale.voided': {
			const sale = findOr(sim.sales, body.sale_id);
			if (!sale) return { error: 'not_found', message: 'No such sale' };
			if (event === 'sale.voided') sale.data.status = 'voided';
			else if (body.payment_method) sale.data.payment_method = String(body.payment_method);
			sale.data.updated_at = now;
			return sale.data;
		}
		case 'customer.created':
			return addCustomer(sim, sim.customerCount, sim.clock()).data;
		case 'customer.updated': {
			const c = body.customer_id ? sim.customerById.get(String(body.customer_id)) : sim.customers[0];
			if (!c) return { error: 'not_found', message: 'No such customer' };
			c.data.total_points = Number(c.data.total_points) + 10;
			c.data.available_points = Number(c.data.available_points) + 10;
			c.data.updated_at = now;
			return c.data;
		}
		case 'product.updated': {
			const p = findOr(sim.products, body.product_id);
			if (!p) return { error: 'not_found', message: 'No such product' };
			if (typeof body.is_active === 'boolean') p.data.is_active = body.is_active;
			p.data.updated_at = now;
			return p.data;
		}
		case 'inventory.updated': {
			const level = sim.inventory.find((l) => (!body.branch_id || l.data.branch_id === body.branch_id) && (!body.product_sku_id || l.data.product_sku_id === body.product_sku_id));
			if (!level) return { error: 'not_found', message: 'No such inventory level' };
			moveStock(sim, level, Number(body.quantity ?? 10), 'adjustment', null, null, sim.clock());
			return level.data;
		}
		default:
			return { error: 'invalid_request', message: `event must be one of ${MEEDEE_EVENTS.join(', ')}` };
	}
}

export function findOr(rows: Row[], id: unknown): Row | undefined {
	return id ? rows.find((r) => r.data.id === id) : rows[rows.length - 1];
}
